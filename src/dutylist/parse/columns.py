"""Infer column boundaries in a row whose table grid was lost (web text, PDF text).

Text copied from a web page or extracted from a PDF gives a row as one run of
paragraphs. Single-paragraph columns (name, departments) are taken from the front; the
two duty columns of a cooperative row are told apart by where the clause numbering
restarts, where a numbered run gives way to unnumbered text, and where department blocks
(``区应急局：``) end.
"""

from __future__ import annotations

from collections.abc import Sequence

from dutylist.numerals import split_number
from dutylist.parse.cells import paragraph_shape
from dutylist.parse.departments import names_departments, parse_departments
from dutylist.parse.rows import Row
from dutylist.parse.vocabulary import Role

_MULTI_PARAGRAPH_ROLES = frozenset(
    [Role.SUPERIOR_DUTIES, Role.LOCAL_DUTIES, Role.WORKING_METHOD, Role.RECEIVING_AND_METHOD]
)
_DEPARTMENT_ROLES = frozenset([Role.DEPARTMENTS, Role.ASSISTING_DEPARTMENTS])


def split_row(paragraphs: Sequence[str], roles: Sequence[Role]) -> list[tuple[str, ...]]:
    """Return one tuple of paragraphs per role for a gridless row.

    ``roles`` are the part's column roles in order (without the number column when the
    caller already took it off). A departments cell may run over several paragraphs, one
    department each. One-paragraph columns after the duty columns (备注, 依据) take the
    row's last paragraphs; without duty columns, a row with one paragraph per remaining
    column (blank for an empty cell) fills them one to one. Paragraph order is kept;
    nothing is dropped: leftovers go to the last column.
    """
    cells: list[tuple[str, ...]] = [() for _ in roles]
    queue = list(paragraphs)
    multi = [index for index, role in enumerate(roles) if role in _MULTI_PARAGRAPH_ROLES]
    single_front = [index for index in range(len(roles)) if not multi or index < multi[0]]
    known: tuple[str, ...] = ()
    for place, index in enumerate(single_front):
        if place and not multi and len(queue) == len(single_front) - place:
            # a line per cell, an empty cell a blank line (a web page copied as text)
            cells[index:] = [() if _is_blank(text) else (text,) for text in queue]
            return cells
        while queue and _is_blank(queue[0]):
            queue.pop(0)
        if not queue:
            return cells
        if roles[index] in _DEPARTMENT_ROLES and not _looks_like_department_cell(queue[0]):
            continue
        cells[index] = (queue.pop(0),)
        if roles[index] in _DEPARTMENT_ROLES:
            # one department a paragraph: the next ones, until a name already given (a
            # department heading of the duties, 区财政局 without its colon)
            names = [d.name for d in parse_departments(cells[index][0])]
            next_role = roles[index + 1] if index + 1 < len(roles) else None
            while (
                next_role not in _DEPARTMENT_ROLES  # 牵头部门 | 配合部门: one paragraph each
                and queue
                and _looks_like_department_cell(queue[0])
                and not {d.name for d in parse_departments(queue[0])} & {*names, *known}
            ):
                names += [d.name for d in parse_departments(queue[0])]
                cells[index] = (*cells[index], queue.pop(0))
            if roles[index] is Role.DEPARTMENTS:
                known = tuple(names)
    if not multi:
        queue = [paragraph for paragraph in queue if not _is_blank(paragraph)]
        if queue:
            last = len(roles) - 1
            cells[last] = (*cells[last], *queue)
        return cells
    for index in range(len(roles) - 1, multi[-1], -1):
        # a one-paragraph column after the duties (备注, 依据): the row's last paragraph,
        # blank when the cell was empty, unless it is a numbered clause
        if queue and (_is_blank(queue[-1]) or split_number(queue[-1])[0] is None):
            paragraph = queue.pop()
            cells[index] = () if _is_blank(paragraph) else (paragraph,)
    if len(multi) == 1:
        cells[multi[0]] = tuple(queue)
        return cells
    boundary = duty_boundary(queue, known)
    cells[multi[0]] = tuple(queue[:boundary])
    rest = queue[boundary:]
    cells[multi[1]] = tuple(rest)
    return cells


def _is_blank(text: str) -> bool:
    return not text.strip(" \u3000\t")


def _looks_like_department_cell(text: str) -> bool:
    number, _, _ = split_number(text)
    if number is not None or text.rstrip().endswith("。"):
        return False
    return names_departments(text)


def duty_boundary(paragraphs: Sequence[str], known: Sequence[str] = ()) -> int:
    """Return the index where the second of two run-together duty columns starts.

    Each paragraph boundary is scored: a clause number restarting at 1 scores 3, numbered
    text followed by unnumbered text 2, unnumbered followed by unnumbered 1; a blank
    paragraph just before adds 1. Paragraphs inside a department block never start the
    next column. The best score wins, the earliest on ties. When no boundary qualifies,
    all paragraphs belong to the first column.
    """
    shapes = [paragraph_shape(paragraph, known) for paragraph in paragraphs]
    best_score, best_index = 0, len(paragraphs)
    previous = None
    blank_before = False
    for index, shape in enumerate(shapes):
        if shape.blank:
            blank_before = True
            continue
        if previous is not None and not shape.department_prefixed and not previous.department_only:
            score = 0
            if shape.first_number == 1:
                score = 3
            elif shape.first_number is None:
                score = 2 if previous.last_number is not None else 1
            elif previous.last_number is not None and shape.first_number <= previous.last_number:
                score = 2
            if score and blank_before:
                score += 1
            if score > best_score:
                best_score, best_index = score, index
        previous = shape
        blank_before = False
    return best_index


def cells_by_column(row: Row, roles: tuple[Role, ...]) -> list[tuple[str, ...]]:
    """Return a row's cells, one per role: as read, or split by :func:`split_row` when gridless."""
    if not row.gridless:
        cells = list(row.cells)
        return cells + [() for _ in range(len(roles) - len(cells))]
    # A 类别 column merged down its category is printed once, before the category's
    # first row: a gridless row never holds it (the heading came as a line of its own).
    kept = [index for index, role in enumerate(roles) if role is not Role.CATEGORY]
    roles_kept = tuple(roles[index] for index in kept)
    number_cell, *rest = row.cells
    paragraphs = [paragraph for cell in rest for paragraph in cell]
    if roles_kept and roles_kept[0] is Role.NUMBER:
        found = [number_cell, *split_row(paragraphs, roles_kept[1:])]
    else:
        found = split_row([*number_cell, *paragraphs], roles_kept)
    placed: list[tuple[str, ...]] = [() for _ in roles]
    for index, cell in zip(kept, found, strict=True):
        placed[index] = cell
    return placed
