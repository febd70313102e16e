"""The families of hostile inputs: one function each, registered with ``@family``.

Each function makes case number ``index`` from a seeded generator. To cover a new reader
(.xlsx, HTML, PDF), add one function here that damages a valid file of that format and
returns ``Case(..., commands=default_commands(name, index))``.
"""

from __future__ import annotations

import functools
import io
import json
import random
import tempfile
import zipfile
from pathlib import Path

import attrs

from tests.builders import build_docx, sample_spec
from tests.hostile.cases import (
    GOOD,
    Case,
    Fifo,
    Folder,
    Link,
    Member,
    bomb,
    build_zip,
    default_commands,
    deflated,
    family,
)

ROOT = Path(__file__).resolve().parents[2]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@functools.cache
def good_json() -> bytes:
    """Return a small valid list as JSON: the reference list cut to a few items a category.

    Small, so that the thousands of runs stay quick; it keeps every part and item kind.
    """
    document = json.loads((ROOT / "examples" / "mingzhu.json").read_bytes())
    for part in document["parts"]:
        part["categories"] = part["categories"][:2]
        for category in part["categories"]:
            category["items"] = category["items"][:3]
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


@functools.cache
def good_docx_members() -> tuple[tuple[str, bytes], ...]:
    """Return the members of a valid .docx built by the test builders."""
    with tempfile.TemporaryDirectory() as folder:
        path = build_docx(sample_spec(), Path(folder) / "list.docx")
        with zipfile.ZipFile(path) as package:
            return tuple((info.filename, package.read(info)) for info in package.infolist())


def docx_with(replace: dict[str, bytes] | None = None) -> bytes:
    """Return the valid .docx with some members replaced, as a hand-built zip."""
    replace = replace or {}
    return build_zip(
        [deflated(name, replace.get(name, data)) for name, data in good_docx_members()]
    )


def document_xml(body: str) -> bytes:
    """Return a ``word/document.xml`` whose body is ``body``."""
    return f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()


def table(rows: list[list[str]]) -> str:
    """Return a ``w:tbl`` of plain rows."""
    return (
        "<w:tbl>"
        + "".join(
            "<w:tr>"
            + "".join(f"<w:tc><w:p><w:r><w:t>{cell}</w:t></w:r></w:p></w:tc>" for cell in row)
            + "</w:tr>"
            for row in rows
        )
        + "</w:tbl>"
    )


HEADER = ["序号", "事项名称"]


def simple_rows(count: int) -> list[list[str]]:
    """Return the rows of a basic-duties table of ``count`` items."""
    return [HEADER, ["一、党的建设（2项）", ""]] + [
        [str(number), f"事项{number}"] for number in range(1, count + 1)
    ]


def _file_case(name: str, index: int, data: bytes, label: str, file: str) -> Case:
    """Return the case of one damaged list file, run through every command and the API."""
    return Case(
        family=name,
        name=f"{index:03d}-{label}",
        files={file: data},
        commands=default_commands(file, index),
        api_source=file,
    )


def _docx_case(name: str, index: int, data: bytes, label: str) -> Case:
    return _file_case(name, index, data, label, "list.docx")


# -- damaged zip packages --------------------------------------------------------------------


@family("zip-flipped-bit")
def zip_flipped_bit(rng: random.Random, index: int) -> Case:
    """A valid .docx with one bit flipped in a local or central header."""
    data = bytearray(docx_with())
    signature = (b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06")[index % 3]
    offsets = [i for i in range(len(data) - 4) if data[i : i + 4] == signature]
    at = rng.choice(offsets) + rng.randrange(4, 30 if index % 3 < 2 else 20)
    data[at] ^= 1 << rng.randrange(8)
    return _docx_case("zip-flipped-bit", index, bytes(data), f"at-{at}")


@family("zip-encrypted")
def zip_encrypted(rng: random.Random, index: int) -> Case:
    """A member flagged as encrypted (with or without a data descriptor)."""
    members = [deflated(name, data) for name, data in good_docx_members()]
    target = rng.randrange(len(members))
    flags = 1 | (rng.choice([0, 8, 0x40, 0x800]))
    members[target] = Member(**{**_fields(members[target]), "flags": flags})
    return _docx_case("zip-encrypted", index, build_zip(members), members[target].name[-12:])


def _fields(member: Member) -> dict[str, object]:
    return {
        "name": member.name,
        "data": member.data,
        "size": member.size,
        "crc": member.crc,
        "method": member.method,
        "flags": member.flags,
        "declared": member.declared,
    }


@family("zip-method")
def zip_method(rng: random.Random, index: int) -> Case:
    """A member compressed with a method dutylist does not take (6, 12, 14, 99 …)."""
    members = [deflated(name, data) for name, data in good_docx_members()]
    target = next(i for i, m in enumerate(members) if m.name == "word/document.xml")
    if index % 2:
        target = rng.randrange(len(members))
    method = rng.choice([1, 6, 9, 12, 14, 19, 93, 95, 97, 98, 99, 0xFFFF])
    members[target] = Member(**{**_fields(members[target]), "method": method})
    return _docx_case("zip-method", index, build_zip(members), f"method-{method}")


@family("zip-declared-size")
def zip_declared_size(rng: random.Random, index: int) -> Case:
    """Sizes that lie: 4 GB declared, too small, too large, zero."""
    members = [deflated(name, data) for name, data in good_docx_members()]
    target = next(i for i, m in enumerate(members) if m.name == "word/document.xml")
    real = members[target].size
    declared = rng.choice([0xFFFFFFFF, 0, 1, real - 1, real + 1, real // 2, real * 3, 1 << 31])
    members[target] = Member(**{**_fields(members[target]), "declared": declared})
    return _docx_case("zip-declared-size", index, build_zip(members), f"declared-{declared}")


@family("zip-truncated")
def zip_truncated(rng: random.Random, index: int) -> Case:
    """A download cut short, or with garbage appended or prepended."""
    data = docx_with()
    kind = index % 3
    if kind == 0:
        damaged = data[: rng.randrange(4, len(data))]
    elif kind == 1:
        damaged = data + rng.randbytes(rng.randrange(1, 5000))
    else:
        damaged = b"PK" + rng.randbytes(rng.randrange(10, 4000))
    return _docx_case("zip-truncated", index, damaged, f"kind-{kind}")


_BOMB_SIZES = (60 << 20, 120 << 20, 300 << 20, 45 << 20)


@functools.cache
def _bomb_member(size: int, unit: bytes) -> Member:
    return bomb(
        "word/document.xml",
        unit,
        size,
        head=f'<w:document xmlns:w="{W_NS}"><w:body>'.encode(),
        tail=b"</w:body></w:document>",
    )


@family("zip-bomb", count=16)
def zip_bomb(rng: random.Random, index: int) -> Case:
    """``word/document.xml`` inflating to 45–300 MB from a few hundred KB; sizes may lie."""
    size = _BOMB_SIZES[index % len(_BOMB_SIZES)]
    unit = (b"<w:p/>", b"<w:p><w:r><w:t>A</w:t></w:r></w:p>")[index % 2 if size < 200 << 20 else 0]
    member = _bomb_member(size, unit)
    lie = index // 4 % 4
    declared = (None, 1000, member.size // 100, 0xFFFFFFFF)[lie]
    members = [deflated(name, data) for name, data in good_docx_members()]
    members = [m for m in members if m.name != "word/document.xml"]
    members.append(Member(**{**_fields(member), "declared": declared}))
    rng.shuffle(members)
    return _docx_case("zip-bomb", index, build_zip(members), f"{size >> 20}MB-lie{lie}")


@family("not-a-docx")
def not_a_docx(rng: random.Random, index: int) -> Case:
    """Random bytes, an OLE2 header, a PDF, an empty file, a zip without Word parts."""
    kind = index % 5
    if kind == 0:
        data = rng.randbytes(rng.randrange(0, 3000))
    elif kind == 1:
        data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(600)
    elif kind == 2:
        data = b"%PDF-1.4\n" + rng.randbytes(300)
    elif kind == 3:
        data = b""
    else:
        data = build_zip([deflated("hello.txt", rng.randbytes(100))])
    return _docx_case("not-a-docx", index, data, f"kind-{kind}")


# -- hostile XML -----------------------------------------------------------------------------

_WRAPPERS = ("w:customXml", "w:hyperlink", "w:sdt><w:sdtContent", "w:smartTag", "w:ins")


@family("deep-xml")
def deep_xml(rng: random.Random, index: int) -> Case:
    """Elements nested 200–5,000 deep inside a paragraph, a cell or the body."""
    depth = rng.choice([200, 255, 300, 1000, 1800, 5000])
    wrapper = _WRAPPERS[index % len(_WRAPPERS)]
    close = "".join(f"</{tag}>" for tag in reversed(wrapper.split("><")))
    opened, closed = f"<{wrapper}>" * depth, close * depth
    where = index % 3
    if where == 0:
        body = f"<w:p>{opened}<w:r><w:t>x</w:t></w:r>{closed}</w:p>" + table(simple_rows(2))
    elif where == 1:
        body = table([HEADER, ["1", f"<w:p>{opened}<w:r><w:t>x</w:t></w:r>{closed}</w:p>"]])
        body = body.replace("<w:p><w:r><w:t><w:p>", "<w:p>").replace("</w:p></w:t></w:r>", "")
    else:
        body = opened.replace("w:hyperlink", "w:customXml") + table(simple_rows(2))
        body += closed.replace("w:hyperlink", "w:customXml")
    data = docx_with({"word/document.xml": document_xml(body)})
    return _docx_case("deep-xml", index, data, f"depth-{depth}-at-{where}")


_ENTITY_ATTACKS = (
    '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE w:document [<!ENTITY x SYSTEM "http://127.0.0.1:9/leak">]>',
    (
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        '<!ENTITY x "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>'
    ),
    '<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    '<!DOCTYPE w:document SYSTEM "file:///etc/passwd">',
)


@family("xml-entities")
def xml_entities(rng: random.Random, index: int) -> Case:
    """External entities, entity expansion (billion laughs), external DTDs."""
    attack = _ENTITY_ATTACKS[index % len(_ENTITY_ATTACKS)]
    rows = simple_rows(rng.randrange(1, 4))
    rows[2][1] = "&x;"
    part = ("word/document.xml", "word/styles.xml", "docProps/custom.xml")[index % 3]
    body = document_xml(table(rows)).decode()
    text = (attack + body) if part == "word/document.xml" else body
    replace = {"word/document.xml": text.encode()}
    if part != "word/document.xml":
        other = dict(good_docx_members()).get(part, b"<x/>").decode("utf-8", "replace")
        replace[part] = (attack.replace("w:document", "x") + other.split("?>", 1)[-1]).encode()
        replace["word/document.xml"] = document_xml(table(simple_rows(2)))
    return _docx_case("xml-entities", index, docx_with(replace), f"attack-{index % 5}-{part[-8:]}")


@family("xml-broken")
def xml_broken(rng: random.Random, index: int) -> Case:
    """Invalid XML, another vocabulary, no body, UTF-16, a missing document part."""
    kind = index % 6
    good = dict(good_docx_members())["word/document.xml"]
    if kind == 0:
        document = good[: rng.randrange(10, len(good))]
    elif kind == 1:
        document = b'<document xmlns="urn:other"><body/></document>'
    elif kind == 2:
        document = f'<w:document xmlns:w="{W_NS}"/>'.encode()
    elif kind == 3:
        document = good.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    elif kind == 4:
        document = good.replace(b"<w:t>", b"<w:t>\x01\x02", 3)
    else:
        members = [deflated(n, d) for n, d in good_docx_members() if n != "word/document.xml"]
        return _docx_case("xml-broken", index, build_zip(members), "no-document")
    return _docx_case("xml-broken", index, docx_with({"word/document.xml": document}), f"k{kind}")


@family("word-numbers")
def word_numbers(rng: random.Random, index: int) -> Case:
    """Automatic numbering starting at 10^10, 10^12, a 4,000-digit number, or negative."""
    start = rng.choice(["10000000000", "1000000000000", "9" * 4000, "-5", "2147483648", "32768"])
    fmt = ("decimal", "lowerRoman", "upperLetter", "chineseCounting", "decimalEnclosedCircle")[
        index % 5
    ]
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        "</w:num></w:numbering>"
    ).encode()
    numbered = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    rows = simple_rows(3)
    body = table(rows).replace("<w:p><w:r><w:t>事项", numbered + "<w:r><w:t>事项")
    replace = {"word/document.xml": document_xml(body), "word/numbering.xml": numbering}
    return _docx_case("word-numbers", index, docx_with(replace), f"{fmt}-{start[:12]}")


@family("table-shapes")
def table_shapes(rng: random.Random, index: int) -> Case:
    """Huge spans and grid offsets, many columns, empty rows, nested tables."""
    kind = index % 5
    rows = simple_rows(4)
    body = table(rows)
    if kind == 0:
        span = rng.choice(["99999999999", "-3", "9" * 5000, "0"])
        body = body.replace("<w:tc>", f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>', 2)
    elif kind == 1:
        body = body.replace(
            "<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="4294967296"/></w:trPr>', 3
        )
    elif kind == 2:
        body = table([[f"c{i}" for i in range(rng.randrange(200, 2000))] for _ in range(5)])
    elif kind == 3:
        body = table([[]] * rng.randrange(1, 2000))
    else:
        inner = table(simple_rows(2))
        outer = table([HEADER, ["1", "x"]])
        body = outer.replace("<w:t>x</w:t></w:r></w:p>", "</w:r></w:p>" + inner)
    data = docx_with({"word/document.xml": document_xml(body)})
    return _docx_case("table-shapes", index, data, f"k{kind}")


# -- JSON ------------------------------------------------------------------------------------


def _json_case(name: str, index: int, data: bytes, label: str, file: str = "list.json") -> Case:
    return Case(
        family=name,
        name=f"{index:03d}-{label}",
        files={file: data},
        commands=default_commands(file, index, "json" if not file.endswith(".json") else None),
        api_source=file,
    )


_NUMBER_PATHS = (
    ("schema_version",),
    ("parts", 0, "categories", 0, "ordinal"),
    ("parts", 0, "categories", 0, "declared_count"),
    ("parts", 0, "categories", 0, "items", 0, "number"),
    ("parts", 1, "categories", 0, "items", 0, "superior_duties", 0, "number"),
)


@family("json-numbers")
def json_numbers(rng: random.Random, index: int) -> Case:
    """20-digit, 5,000-digit, negative and non-finite numbers where counts belong."""
    path = _NUMBER_PATHS[index % len(_NUMBER_PATHS)]
    value = rng.choice(
        ["12345678901234567890", "9" * 5000, "-99999999999", "1e400", "-0", "NaN", "Infinity"]
    )
    data = json.loads(good_json())
    holder = data
    for key in path[:-1]:
        holder = holder[key]
    marker = "\ue000MARK\ue000"
    holder[path[-1]] = marker
    text = json.dumps(data, ensure_ascii=False).replace(f'"{marker}"', value)
    return _json_case("json-numbers", index, text.encode(), f"{path[-1]}-{value[:10]}")


@family("json-shapes")
def json_shapes(rng: random.Random, index: int) -> Case:
    """Deep nesting, wrong types, a name near the size limit, BOMs, not UTF-8."""
    kind = index % 7
    if kind == 0:
        depth = rng.choice([1000, 100_000, 1_000_000])
        data = b"[" * depth + b"]" * depth
    elif kind == 1:
        data = b'{"schema_version": 1, "title": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    elif kind == 2:
        document = json.loads(good_json())
        document["parts"] = rng.choice([5, "x", None, [1, 2], {"a": 1}])
        data = json.dumps(document).encode()
    elif kind == 3:
        document = json.loads(good_json())
        document["parts"][0]["categories"][0]["items"][0]["name"] = "名" * rng.choice(
            [1 << 20, 17 << 20]
        )
        data = json.dumps(document, ensure_ascii=False).encode()
    elif kind == 4:
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + good_json()
    elif kind == 5:
        data = good_json().decode().encode("utf-16")
    else:
        data = b'{"schema_version": 1' + b', "a": 1' * rng.randrange(1, 100_000) + b"}"
    return _json_case("json-shapes", index, data, f"k{kind}")


@family("json-text")
def json_text(rng: random.Random, index: int) -> Case:
    """Control characters, escaped lone surrogates, bidi marks and NULs in list texts."""
    document = json.loads(good_json())
    odd = rng.choice(["\x1b[31m", "\x00", "\x07\x08", "\ufffe", "\u202e", "\x0b\x0c", "\r"])
    field = index % 4
    category = document["parts"][0]["categories"][0]
    if field == 0:
        document["title"] += odd
    elif field == 1:
        category["items"][0]["name"] += odd
    elif field == 2:
        category["title"] += odd
    else:
        document["metadata"] = {"version": "版" + odd}
    text = json.dumps(document, ensure_ascii=False)
    if index % 3 == 0:
        text = text.replace('"title": "', '"title": "\\ud800', 1)
    return _json_case("json-text", index, text.encode(), f"field-{field}")


# -- text captures -----------------------------------------------------------------------------


@family("text-inputs")
def text_inputs(rng: random.Random, index: int) -> Case:
    """Number-only lines, one huge line, binary noise, mixed encodings, NULs."""
    kind = index % 6
    if kind == 0:
        data = "\n".join(str(rng.randrange(1, 10**6)) for _ in range(50_000)).encode()
    elif kind == 1:
        data = ("事项" * rng.randrange(100_000, 500_000)).encode()
    elif kind == 2:
        data = rng.randbytes(rng.randrange(1, 20_000))
    elif kind == 3:
        data = "一、党的建设\n1. 事项\n".encode("gb18030") + "二、\n".encode("utf-16")
    elif kind == 4:
        data = b"\x00" * rng.randrange(1, 10_000)
    else:
        data = ("\n".join(f"{i}\n事项{i}\n区财政局" for i in range(1, 5_000))).encode()
    return Case(
        family="text-inputs",
        name=f"{index:03d}-k{kind}",
        files={"list.txt": data},
        commands=default_commands("list.txt", index),
        api_source="list.txt",
    )


# -- files that are not regular files ----------------------------------------------------------

_SPECIAL = (
    ("list.json", Link("/dev/zero")),
    ("list.json", Link("/dev/urandom")),
    ("list.json", Link("/dev/null")),
    ("list.json", Fifo()),
    ("list.json", Folder()),
    ("list.json", Link("missing.json")),
    ("list.json", Link("list.json")),
    ("list.docx", Link("/dev/zero")),
    ("list.txt", Fifo()),
    ("list.json", Link("/proc/self/mem")),
    ("list.json", Link("/dev")),
)


@family("special-files")
def special_files(rng: random.Random, index: int) -> Case:
    """Devices, pipes, folders, dangling links and link loops as the list."""
    name, content = _SPECIAL[index % len(_SPECIAL)]
    return Case(
        family="special-files",
        name=f"{index:03d}-{name}-{type(content).__name__}",
        files={name: content},
        commands=default_commands(name, index),
        api_source=name,
    )


@family("odd-names")
def odd_names(rng: random.Random, index: int) -> Case:
    """Lists named with a leading dash, spaces, newlines, 250 characters, no suffix."""
    stem = rng.choice(
        ["-leading-dash", "--help", "with space", "new\nline", "名" * 80, "a" * 250, "-", "..json"]
    )
    suffix = rng.choice([".json", ".JSON", "", ".json.txt"])
    name = (stem + suffix)[:250]
    if name in {"-", "..json"}:
        name = "-x" + name
    return Case(
        family="odd-names",
        name=f"{index:03d}-{stem[:6]!r}",
        files={name: good_json()},
        commands=default_commands(name, index, "json" if suffix != ".json" else None),
        api_source=name,
    )


# -- configuration, registries, baselines --------------------------------------------------------

_TOML_ATTACKS = (
    lambda rng: "a = " + "[" * rng.choice([3000, 5000]) + "]" * 5000,
    lambda _rng: "a = " + "{b = " * 3000 + "1" + "}" * 3000,
    lambda _rng: "similarity = " + "9" * 5000,
    lambda _rng: "similarity = 1e999",
    lambda _rng: "[tool]\ndutylist = 5",
    lambda _rng: "fail_on = [1, 2]",
    lambda _rng: "departments = 7",
    lambda _rng: "rules = 'x'",
    lambda _rng: "max_input_bytes = -1",
    lambda _rng: "unknown = 1",
    lambda _rng: "\x00\x01\x02",
    lambda _rng: "a = '''" + "x" * 10,
)


def _config_name(index: int) -> str:
    return ("dutylist.toml", "pyproject.toml", "cfg.toml")[index % 3]


@family("bad-config")
def bad_config(rng: random.Random, index: int) -> Case:
    """Configurations nested 3,000 deep, with 5,000-digit numbers, wrong types, or binary."""
    text = _TOML_ATTACKS[index % len(_TOML_ATTACKS)](rng)
    name = _config_name(index)
    if name == "pyproject.toml" and not text.startswith("[tool]"):
        text = "[tool.dutylist]\n" + text
    explicit = ("--config", name) if name == "cfg.toml" else ()
    return Case(
        family="bad-config",
        name=f"{index:03d}-{name}",
        files={name: text.encode("utf-8", "surrogateescape"), "list.json": good_json()},
        commands=(
            ("check", *explicit, "--format", "json", "-o", "report.json", "list.json"),
            ("departments", "list.json"),
        ),
    )


@family("bad-registry")
def bad_registry(rng: random.Random, index: int) -> Case:
    """Department registries that are deep, huge, wrongly typed, devices or pipes."""
    kind = index % (len(_TOML_ATTACKS) + 3)
    content: bytes | Link | Fifo
    if kind < len(_TOML_ATTACKS):
        content = _TOML_ATTACKS[kind](rng).encode()
    else:
        content = (Link("/dev/zero"), Fifo(), b"[[department]]\nname = 5\naliases = 'x'\n")[
            kind - len(_TOML_ATTACKS)
        ]
    return Case(
        family="bad-registry",
        name=f"{index:03d}-k{kind}",
        files={"reg.toml": content, "list.json": good_json()},
        commands=(
            ("check", "--departments", "reg.toml", "--format", "json", "-o", "report.json",
             "list.json"),
            ("departments", "--departments", "reg.toml", "list.json"),
        ),
    )  # fmt: skip


@family("bad-baseline")
def bad_baseline(rng: random.Random, index: int) -> Case:
    """Baselines that are not JSON, deep, hold huge numbers, or are devices."""
    kind = index % 7
    content: bytes | Link | Fifo = (
        b"[" * 100_000,
        b'{"dutylist_baseline": ' + b"9" * 5000 + b"}",
        b'{"dutylist_baseline": 1, "findings": 5}',
        b"\xff\xfe\x00",
        b'{"dutylist_baseline": 1, "findings": [{"key": ' + b"1" * 30 + b"}]}",
    )[kind] if kind < 5 else (Link("/dev/zero"), Fifo())[kind - 5]  # fmt: skip
    return Case(
        family="bad-baseline",
        name=f"{index:03d}-k{kind}",
        files={"base.json": content, "list.json": good_json()},
        commands=(
            ("check", "--baseline", "base.json", "--format", "json", "-o", "report.json",
             "list.json"),
            ("check", "--baseline", "base.json", "--write-baseline", "new.json", "list.json"),
        ),
        outputs=("report.json", "new.json"),
    )  # fmt: skip


# -- outputs ---------------------------------------------------------------------------------


@family("output-traps")
def output_traps(rng: random.Random, index: int) -> Case:
    """Outputs that are inputs under another name, too long, loops, folders, devices."""
    config = "[tool.dutylist]\nfail_on = 'warning'\n"
    files: dict[str, bytes | Link | Fifo | Folder] = {
        "list.json": good_json(),
        "cfg.toml": config.replace("[tool.dutylist]\n", "").encode(),
        "reg.toml": '[[department]]\nname = "区财政局"\n'.encode(),
        "base.json": b'{"dutylist_baseline": 1, "findings": []}',
        "sub/dutylist.toml": b"fail_on = 'info'\n",
        "sub/list.json": good_json(),
        "alias.json": Link("list.json"),
        "loop1": Link("loop2"),
        "loop2": Link("loop1"),
        "folder.json": Folder(),
    }
    long_name = "x" * 300 + ".json"
    commands = [
        ("convert", "list.json", "./list.json"),
        ("convert", "list.json", "alias.json"),
        ("convert", "alias.json", "list.json"),
        ("check", "list.json", "--config", "cfg.toml", "-o", "cfg.toml"),
        ("check", "list.json", "--config", "cfg.toml", "--write-baseline", "cfg.toml"),
        ("check", "list.json", "--departments", "reg.toml", "-o", "reg.toml"),
        ("check", "list.json", "--baseline", "base.json", "-o", "base.json"),
        ("check", "list.json", "--baseline", "base.json", "--write-baseline", "./base.json"),
        ("check", "sub/list.json", "-o", "sub/dutylist.toml"),
        ("check", "sub/list.json", "-o", "sub/../sub/dutylist.toml"),
        ("diff", "list.json", "sub/list.json", "-o", "sub/list.json"),
        ("convert", "list.json", long_name),
        ("convert", "list.json", "loop1", "--to", "json"),
        ("convert", "list.json", "folder.json"),
        ("convert", "list.json", "missing/out.json"),
        ("convert", "list.json", "/dev/null"),
        ("check", "list.json", "-o", "/dev/null"),
        ("diff", "list.json", "list.json", "--format", "docx", "-o", "/dev/full"),
        ("convert", "list.json", "/dev/full", "--to", "json"),
        ("convert", "list.json", "out.docx", "--published", "2024-02-30"),
        ("convert", "list.json", "out.json", "--published", "99999-01-01"),
        ("convert", "list.json", "out.json", "--published", "2024-1-1"),
    ]
    command = commands[index % len(commands)]
    return Case(
        family="output-traps",
        name=f"{index:03d}-{command[0]}",
        files=files,
        commands=(command,),
        outputs=("out.json", "out.docx", long_name),
    )


@family("odd-labels")
def odd_labels(rng: random.Random, index: int) -> Case:
    """Version labels with control characters, lone surrogates, bidi marks, 10,000 characters."""
    label = rng.choice(
        ["版\x1b[31m", "\x00", "\ud800", "a\udcff", "\u202e反向", "x" * 10_000, "\x0c", "\ufffe"]
    )
    target = ("out.docx", "out.json")[index % 2]
    return Case(
        family="odd-labels",
        name=f"{index:03d}-{target}",
        files={"list.json": good_json()},
        commands=(("convert", "list.json", target, "--label", label),),
    )


# -- scale -------------------------------------------------------------------------------------


@family("scale", count=8)
def scale(rng: random.Random, index: int) -> Case:
    """A .docx with one table of up to 5,000 rows, and JSON lists of thousands of items.

    (30,000 items are measured in benchmarks/bench_scale.py: every command on such a list
    here would take minutes of the suite.)
    """
    rows = (5_000, 3_000, 2_000, 4_000)[index % 4]
    if index % 2 == 0:
        body = table(simple_rows(rows)).replace("（2项）", f"（{rows}项）")
        data = docx_with({"word/document.xml": document_xml(body)})
        return _docx_case("scale", index, data, f"docx-{rows}")
    document = json.loads(good_json())
    category = document["parts"][0]["categories"][0]
    item = category["items"][0]
    words = "城乡社区治理服务安全生产消防应急统计调查宣传教育文化体育卫生健康民政养老就业社保"
    category["items"] = [
        {**item, "number": number, "name": "".join(rng.sample(words, 12)) + "工作"}
        for number in range(1, rows // 2)
    ]
    data = json.dumps(document, ensure_ascii=False).encode()
    return _json_case("scale", index, data, f"json-{rows}")


# -- the other readers: .xlsx, web pages, PDF ------------------------------------------------


@functools.cache
def good_xlsx_members() -> tuple[tuple[str, bytes], ...]:
    """Return the members of a valid .xlsx laid out as an office lays its list out.

    The builder fixes the dates openpyxl would take from the clock, so the family's bytes
    are the same on every run.
    """
    from tests.builders.offices import Office, build_xlsx_office

    with tempfile.TemporaryDirectory() as folder:
        path = build_xlsx_office(sample_spec(), Office(), Path(folder) / "list.xlsx")
        with zipfile.ZipFile(path) as package:
            return tuple((info.filename, package.read(info)) for info in package.infolist())


@family("xlsx-damaged", count=14)
def xlsx_damaged(rng: random.Random, index: int) -> Case:
    """A valid .xlsx with a flipped bit, a bomb sheet, a deep or entity-laden sheet, or junk."""
    members = [deflated(name, data) for name, data in good_xlsx_members()]
    kind = index % 5
    sheet = next(i for i, m in enumerate(members) if m.name.startswith("xl/worksheets/"))
    if kind == 0:
        data = bytearray(build_zip(members))
        at = rng.randrange(10, len(data) - 10)
        data[at] ^= 1 << rng.randrange(8)
        payload = bytes(data)
    elif kind == 1:  # the sheet itself is the bomb, so the reader has to open it
        members[sheet] = attrs.evolve(_bomb_member(200_000_000, b"<c/>"), name=members[sheet].name)
        payload = build_zip(members)
    elif kind == 2:
        depth = rng.choice([300, 2000])
        xml = "<worksheet>" + "<sheetData>" * depth + "</sheetData>" * depth + "</worksheet>"
        members[sheet] = deflated(members[sheet].name, xml.encode())
        payload = build_zip(members)
    elif kind == 3:
        xml = (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<worksheet><sheetData><row><c t="inlineStr"><is><t>&e;</t></is></c></row>'
            "</sheetData></worksheet>"
        )
        members[sheet] = deflated(members[sheet].name, xml.encode())
        payload = build_zip(members)
    else:
        payload = rng.randbytes(rng.randrange(0, 2000))
    return _file_case("xlsx-damaged", index, payload, f"kind-{kind}", "list.xlsx")


@functools.cache
def good_html() -> str:
    """Return a valid web page holding a list."""
    from tests.builders.offices import Office, html_page

    return html_page(sample_spec(), Office(), cells="p", charset="utf-8")


@family("html-pages", count=14)
def html_pages(rng: random.Random, index: int) -> Case:
    """Web pages: huge spans, deep nesting, entities, scripts, odd encodings, junk bytes."""
    page = good_html()
    kind = index % 6
    if kind == 0:
        span = rng.choice([10**6, 10**12, -5, "x"])
        data = page.replace("<td", f'<td colspan="{span}" rowspan="{span}"', 3).encode()
    elif kind == 1:
        depth = rng.choice([500, 5000])
        data = page.replace("<body>", "<body>" + "<div>" * depth, 1).encode()
    elif kind == 2:
        doctype = '<!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        data = (doctype + page.replace("<td>", "<td>&e;", 1)).encode()
    elif kind == 3:
        data = page.replace("<body>", "<body><script>while(1){}</script>", 1).encode()
    elif kind == 4:
        charset = rng.choice(["utf-16", "x-unknown", "gb2312"])
        data = page.replace('charset="utf-8"', f'charset="{charset}"').encode("utf-8")
        data += rng.randbytes(64)
    else:
        data = b"<html>" + rng.randbytes(rng.randrange(0, 3000))
    return _file_case("html-pages", index, data, f"kind-{kind}", "list.html")


@functools.cache
def good_pdf() -> bytes:
    """Return a small valid PDF of a list, drawn by reportlab (not LibreOffice).

    Drawn ``invariant`` (no clock time, no random document id): the same bytes every run.
    """
    import dutylist
    from tests.builders.pdf_documents import draw_list

    duty_list = dutylist.load(io.BytesIO(good_json()), "json")
    with tempfile.TemporaryDirectory() as folder:
        return draw_list(duty_list, Path(folder) / "list.pdf").read_bytes()


@family("pdf-damaged", count=12)
def pdf_damaged(rng: random.Random, index: int) -> Case:
    """A valid PDF with flipped bytes, cut short, with a huge object count, or junk."""
    data = bytearray(good_pdf())
    kind = index % 4
    if kind == 0:
        for _ in range(rng.randrange(1, 20)):
            at = rng.randrange(len(data))
            data[at] = rng.randrange(256)
    elif kind == 1:
        data = data[: rng.randrange(20, len(data))]
    elif kind == 2:
        data = data.replace(b"/Count ", b"/Count 99999999999", 1)
    else:
        data = bytearray(b"%PDF-1.7\n" + rng.randbytes(rng.randrange(0, 4000)))
    return _file_case("pdf-damaged", index, bytes(data), f"kind-{kind}", "list.pdf")


BASE_DOCUMENTS = (good_json, good_docx_members, good_xlsx_members, good_html, good_pdf)
"""The valid documents the families damage, each built once per run (cached)."""


def all_families() -> list[str]:
    """Return the names of the registered families."""
    from tests.hostile.cases import FAMILIES

    return sorted(FAMILIES)


__all__ = ["GOOD", "all_families", "io"]
