"""Build text captures of a list as a government web page renders it.

Every cell paragraph becomes a line with a trailing space and a blank line after it, as
in the reference capture; an empty cell becomes a line holding a single space. With
``tabs`` every row is one line with its cells separated by tabs, as text copied from a
Word or Excel table.
"""

from __future__ import annotations

from .spec import DocSpec


def build_web_capture(spec: DocSpec, *, tabs: bool = False) -> str:
    """Return the text capture of ``spec``."""
    lines: list[str] = [spec.title]
    for part in spec.parts:
        lines.append(part.title)
        lines.extend(_row(part.columns, tabs=tabs))
        for category in part.categories:
            lines.append(category.heading)
            for row in category.rows:
                lines.extend(_row(tuple("\n".join(cell) for cell in row), tabs=tabs, cells=row))
    return "".join(f"{line} \n\n" for line in lines)


def _row(
    texts: tuple[str, ...], *, tabs: bool, cells: tuple[tuple[str, ...], ...] | None = None
) -> list[str]:
    if tabs:
        return ["\t".join(text.replace("\n", "") for text in texts)]
    paragraphs = cells if cells is not None else tuple((text,) for text in texts)
    return [paragraph for cell in paragraphs for paragraph in (cell or ("",))]
