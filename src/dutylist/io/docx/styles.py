"""Cut the styles and numbering parts down to what numbering needs, before parsing them.

Word's styles part describes every style the document may use: python-docx's template
writes 350 KB of it, more than a 300-item list's body, and parsing it all would cost more
than reading the body. Automatic numbering needs only the paragraph styles that carry
``w:numPr``, the styles based on them, and the default paragraph style. In the plain form
Word writes (UTF-8, the ``w`` prefix, no comments or CDATA), every ``<w:style`` in the
bytes starts a style, so those styles can be picked out before lxml sees them; in any
other form the whole part is parsed.

The numbering part of a document that restarts its lists in every cell is mostly list
instances (``w:num``), hundreds of them; in the form Word writes them they are read
from the bytes with regular expressions, and lxml parses only the list definitions.
"""

from __future__ import annotations

import re

from dutylist.io.docx.wordml import W_NS
from dutylist.patterns import compile_on_use

_DECLARATION = compile_on_use(rb"""xmlns:w\s*=\s*(["'])""" + re.escape(W_NS.encode()) + rb"\1")
_VALUE = rb"""\s*=\s*(?:"([^"]*)"|'([^']*)')"""
_ATTRIBUTES = rb"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*"""
_ROOTS = {
    root: compile_on_use(rb"<" + root + _ATTRIBUTES + rb">")
    for root in (b"w:styles", b"w:numbering")
}
_STYLE = compile_on_use(rb"<w:style" + _ATTRIBUTES + rb"(/?)>")
_END = b"</w:style>"
_STYLE_ID = compile_on_use(rb"\sw:styleId" + _VALUE)
_BASED_ON = compile_on_use(rb"<w:basedOn\s[^>]*?w:val" + _VALUE)
_DEFAULT = compile_on_use(rb"\sw:default\s*=")
_ENCODING = compile_on_use(rb"""encoding\s*=\s*["']([^"']*)["']""")


def _plain(data: bytes, root_name: bytes = b"w:styles") -> int:
    """Return the offset after the root element's start tag; -1 when not in the plain form."""
    start = 0
    if data.startswith((b"<?xml", b"\xef\xbb\xbf<?xml")):
        start = data.find(b"?>") + 2
        encoding = _ENCODING.search(data, 0, max(start, 0))
        if start < 2 or (encoding and encoding.group(1).lower() not in {b"utf-8", b"utf8"}):
            return -1
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4]:
        return -1
    # Comments, CDATA, a document type or processing instructions (one byte looked for
    # first: memchr is much faster than a search for two).
    for mark in (b"!", b"?"):
        if data.find(mark, start) >= 0 and data.find(b"<" + mark, start) >= 0:
            return -1
    root = _ROOTS[root_name].search(data, start)
    if root is None or _DECLARATION.search(data, root.start(), root.end()) is None:
        return -1
    # w is bound on the root, and nowhere else; no other prefix or default names W_NS.
    if data.count(W_NS.encode()) != 1 or data.find(b"xmlns:w", root.end()) >= 0:
        return -1
    return root.end()


def _value(match: re.Match[bytes] | None) -> bytes:
    return b"" if match is None else match.group(1) or match.group(2) or b""


def numbering_styles(data: bytes) -> bytes:
    """Return the styles part ``data`` cut down to the styles numbering may need.

    Kept: every style whose ``w:basedOn`` chain reaches a style with ``w:numPr``, and
    every style marked ``w:default``, whole and in their order, so that reading the result
    gives the numbering that reading all of ``data`` gives. ``data`` is returned as it is
    when it is not in the plain form (see the module's description).
    """
    body = _plain(data)
    if body < 0:
        return data
    styles: list[tuple[bytes, int, int]] = []  # styleId, start, end
    numbered: set[bytes] = set()
    default: set[int] = set()
    children: dict[bytes, set[bytes]] = {}
    start = data.find(b"<w:style", body)
    while start >= 0:
        match = _STYLE.match(data, start)
        if match is None:  # <w:styles…, or a start tag the expression does not read
            return data
        tag_end = match.end()
        if match.group(1):  # <w:style … />
            end = tag_end
        else:
            end = data.find(_END, tag_end)
            if end < 0 or data.find(b"<w:style", tag_end, end) >= 0:
                return data  # no end, or a style inside a style
            end += len(_END)
        style_id = _value(_STYLE_ID.search(data, start, tag_end))
        element = data[start:end]
        if b"&" in style_id:
            return data  # escaped names: compared as written, they could differ
        for based_on in _BASED_ON.finditer(element):
            parent = _value(based_on)
            if b"&" in parent:
                return data
            children.setdefault(parent, set()).add(style_id)
        if b"<w:numPr" in element:
            numbered.add(style_id)
        if _DEFAULT.search(data, start, tag_end):
            default.add(len(styles))
        styles.append((style_id, start, end))
        start = data.find(b"<w:style", end)
    wanted = set(numbered)
    pending = list(numbered)
    while pending:
        for child in children.get(pending.pop(), ()):
            if child not in wanted:
                wanted.add(child)
                pending.append(child)
    kept = [
        data[start:end]
        for index, (style_id, start, end) in enumerate(styles)
        if style_id in wanted or index in default
    ]
    return b"".join((data[:body], *kept, b"</w:styles>"))


# A list instance as Word writes it: its numId (and perhaps a durableId), its
# abstractNumId, and levels restarted with w:startOverride, nothing else. Values are
# printable ASCII without references or quotes: the parser would read them as written.
_PLAIN_VALUE = rb'"([!#-%\'-;=?-~]*)"'
_DURABLE_ID = rb"(?: (w1[0-9a-z]*):durableId=" + _PLAIN_VALUE + rb")?"
_OVERRIDE = rb"<w:lvlOverride w:ilvl=" + _PLAIN_VALUE + rb"><w:startOverride w:val=" + _PLAIN_VALUE
_WORDS_NUM = compile_on_use(  # exactly as Word writes it, with one override at most
    rb"<w:num w:numId=" + _PLAIN_VALUE + _DURABLE_ID + rb"><w:abstractNumId w:val="
    + _PLAIN_VALUE + rb"/>(?:" + _OVERRIDE + rb"/></w:lvlOverride>)?</w:num>"
)  # fmt: skip
_SPACE = rb"\s*"
_NUM = compile_on_use(  # and with any number of overrides, white space between the elements
    _SPACE.join((
        rb"", rb"<w:num w:numId=" + _PLAIN_VALUE + _DURABLE_ID + rb">",
        rb"<w:abstractNumId w:val=" + _PLAIN_VALUE, rb"/>",
        rb"((?:\s*" + _OVERRIDE.replace(rb"(", rb"(?:") + rb"\s*/>\s*</w:lvlOverride>)*)",
        rb"</w:num>",
    )).replace(rb"><w:start", rb">\s*<w:start")
)  # fmt: skip
_OVERRIDES = compile_on_use(_OVERRIDE.replace(rb"><w:start", rb">\s*<w:start"))
_NUM_START = compile_on_use(rb"<w:num[\s/>]")


def numbering_instances(data: bytes) -> tuple[bytes, dict[str, list[list[str]]]] | None:
    """Return the numbering part ``data`` without its list instances, and the instances.

    The instances are by numId, as :func:`~dutylist.io.docx.stylesheet.list_instances`
    reads them from the parsed part. None when the part is not in the plain form, or its
    instances are not one run of ``w:num`` elements written as Word writes them (an
    abstractNumId and start overrides only): the whole part must then be parsed.
    """
    body = _plain(data, b"w:numbering")
    if body < 0:
        return None
    first = _NUM_START.search(data, body)
    if first is None:
        return data, {}
    found: dict[str, list[list[str]]] = {}
    prefixes: set[bytes] = set()
    position = first.start()
    while True:
        match = _WORDS_NUM.match(data, position)
        if match is not None:
            num_id, prefix, _durable, abstract_id, ilvl, start = match.groups()
            fields = [abstract_id] if ilvl is None else [abstract_id, ilvl, start]
        else:
            match = _NUM.match(data, position)
            if match is None:
                break
            num_id, prefix, _durable, abstract_id, overrides = match.groups()
            fields = [abstract_id]
            for override in _OVERRIDES.findall(overrides):
                fields += override
        if prefix is not None:
            prefixes.add(prefix)
        found.setdefault(num_id.decode(), []).append([field.decode() for field in fields])
        position = match.end()
    if position == first.start() or _NUM_START.search(data, position) is not None:
        return None  # an instance in another form
    for prefix in prefixes:
        if re.search(rb"\sxmlns:" + prefix + rb"\s*=", data[:body]) is None:
            return None  # an undeclared prefix: the parser refuses the part
    return data[: first.start()] + data[position:], found
