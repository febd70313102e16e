"""Builders of realistic duty-list fixture documents for the tests.

They depend on python-docx and lxml only, never on `dutylist`, so that reader tests
compare the project's output with an independent description of each document.
"""

from .broken import (
    OLE2_MAGIC,
    build_corrupt_zip,
    build_docx_without_tables,
    build_fake_doc,
    build_renamed_non_docx,
)
from .docx_layouts import DELETED_TEXT, LAYOUT_VARIANTS, TEXT_BOX_TEXT, build_docx
from .plan import DELETED_ITEM, Layout, rewrite_heading
from .spec import CategorySpec, DocSpec, PartSpec, sample_spec
from .text_capture import build_web_capture

__all__ = [
    "DELETED_ITEM",
    "DELETED_TEXT",
    "LAYOUT_VARIANTS",
    "OLE2_MAGIC",
    "TEXT_BOX_TEXT",
    "CategorySpec",
    "DocSpec",
    "Layout",
    "PartSpec",
    "build_corrupt_zip",
    "build_docx",
    "build_docx_without_tables",
    "build_fake_doc",
    "build_renamed_non_docx",
    "build_web_capture",
    "rewrite_heading",
    "sample_spec",
]
