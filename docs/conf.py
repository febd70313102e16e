"""Sphinx configuration: Markdown pages (MyST), furo theme, API from docstrings."""

from __future__ import annotations

from dutylist import __version__
from dutylist.cli import main
from dutylist.cli.helptext import show_help_in
from dutylist.messages import set_language

# The pages are English: the command line reference shows the English help texts.
set_language("en")
show_help_in(main)

project = "dutylist"
author = "dutylist developers"
copyright = "2026, dutylist developers"
release = __version__
version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx_click",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_briefs", "_research", "Thumbs.db", ".DS_Store"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
html_theme = "furo"
html_title = f"dutylist {__version__}"
html_static_path = ["_static"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
intersphinx_mapping: dict[str, tuple[str, None]] = {}
nitpicky = False
suppress_warnings = ["myst.xref_missing"]
