"""LibreOffice renders of .docx lists, made once per session in one soffice run."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.builders.docx_layouts import LAYOUT_VARIANTS, build_docx
from tests.builders.offices import build_docx_office
from tests.builders.pdf_documents import render_with_libreoffice
from tests.builders.spec import sample_spec
from tests.conftest import REPO
from tests.io.test_offices import LAYOUTS as OFFICE_LAYOUT_OF

REFERENCE_DOCX = REPO / "examples" / "mingzhu.docx"

_PORTRAIT = b'<w:pgSz w:w="11906" w:h="16838"/>'
_LANDSCAPE = b'<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'


def _edited(source: Path, target: Path, edit: Callable[[bytes], bytes]) -> Path:
    """Copy the .docx `source` to `target`, its document part changed by `edit`."""
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w") as out:
        for info in package.infolist():
            data = package.read(info)
            if info.filename == "word/document.xml":
                edited = edit(data)
                assert edited != data, "the edit changed nothing"
                data = edited
            out.writestr(info, data)
    return target


def _without_header_rows(data: bytes) -> bytes:
    """Drop the repeat-as-header marks and push page breaks elsewhere (taller top margin)."""
    return data.replace(b"<w:tblHeader/>", b"").replace(b'w:top="1417"', b'w:top="2300"')


def _all_landscape(data: bytes) -> bytes:
    return data.replace(_PORTRAIT, _LANDSCAPE)


REFERENCE_VARIANTS = {
    "reference": lambda data: data,
    "no_header_rows": _without_header_rows,
    "landscape": _all_landscape,
}
"""Renders of the reference list: as published, without repeated header rows, landscape."""

BUILDER_LAYOUTS = (
    "default",
    "vmerge_split",
    "line_breaks",
    "one_paragraph",
    "autonumber",
    "empty_paragraphs",
    "front_matter",
    "in_table_titles",
    "single",
    "spaced_brackets",
    "reordered_columns",
)
"""Layouts of tests/builders/docx_layouts.py rendered too (small lists, other structures)."""

OFFICE_LAYOUTS = (
    "county_labels",
    "banner_marks",
    "municipality_lines",
    "city_without_counties",
    "category_column",
    "everything",
)
"""Other offices' layouts (tests/io/test_offices.py) rendered as ``office:<name>``."""

OTHER_LAYOUTS = ("decorations",)
"""Rendered for their own tests: a page header, a PAGE field footer and text boxes."""

SOFFICE = shutil.which("soffice")
_OWNER_ONLY = (
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
    '"PermissionPassword":{"type":"string","value":"owner-secret"},'
    '"RestrictPermissions":{"type":"boolean","value":"true"},'
    '"EnableCopyingOfContent":{"type":"boolean","value":"false"}}'
)
"""LibreOffice's PDF export with printing and copying restricted by an owner password."""


@pytest.fixture(scope="session")
def libreoffice_renders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Return each rendered fixture by name: (the .docx, its PDF)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("libreoffice-renders")
    documents: dict[str, Path] = {}
    for name, edit in REFERENCE_VARIANTS.items():
        documents[name] = (
            _edited(REFERENCE_DOCX, folder / f"{name}.docx", edit)
            if name != "reference"
            else Path(shutil.copy(REFERENCE_DOCX, folder / "reference.docx"))
        )
    spec = sample_spec()
    for layout in BUILDER_LAYOUTS + OTHER_LAYOUTS:
        documents[layout] = build_docx(spec, folder / f"{layout}.docx", LAYOUT_VARIANTS[layout])
    for name in OFFICE_LAYOUTS:
        path = folder / f"office-{name}.docx"
        documents[f"office:{name}"] = build_docx_office(spec, OFFICE_LAYOUT_OF[name], path)
    pdfs = render_with_libreoffice(list(documents.values()), folder / "pdf")
    return {name: (docx, pdf) for (name, docx), pdf in zip(documents.items(), pdfs, strict=True)}


@pytest.fixture(scope="session")
def owner_protected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Return a small list as .docx and as a PDF protected by an owner password only."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("owner-protected")
    docx = build_docx(sample_spec(), folder / "protected.docx", LAYOUT_VARIANTS["default"])
    (pdf,) = render_with_libreoffice([docx], folder / "pdf", target=_OWNER_ONLY)
    return docx, pdf
