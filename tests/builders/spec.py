"""Plain input specs for the fixture builders, independent of the project's model.

A spec says *what* a duty list contains; a `Layout` (see `docx_layouts`) says *how* an
office laid it out in Word. Every paragraph string is the text a reader should recover.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["CategorySpec", "DocSpec", "PartSpec", "sample_spec", "with_cell"]

Cell = tuple[str, ...]
"""The paragraphs of one table cell."""

Row = tuple[Cell, ...]
"""The cells of one item row, in the column order of `PartSpec.columns`."""


@dataclass(frozen=True)
class CategorySpec:
    """A category: its header row text and its item rows."""

    heading: str
    """The category header, e.g. "一、党的建设（25项）"."""
    rows: tuple[Row, ...]
    """Item rows: row -> cells -> paragraphs of the cell."""


@dataclass(frozen=True)
class PartSpec:
    """One of the three parts of a list: its title, header cells and categories."""

    title: str
    """The part title, e.g. "配合履职事项清单"."""
    columns: tuple[str, ...]
    """The header cells, e.g. ("序号", "事项名称")."""
    categories: tuple[CategorySpec, ...]
    """The categories in document order."""

    @property
    def rows(self) -> tuple[Row, ...]:
        """Return all item rows of the part in document order."""
        return tuple(row for category in self.categories for row in category.rows)


@dataclass(frozen=True)
class DocSpec:
    """A whole duty list: its title and its parts."""

    title: str
    """The document title, e.g. "…街道办事处履行职责事项清单"."""
    parts: tuple[PartSpec, ...]
    """The parts in document order (basic, cooperative, recalled)."""


def _row(*cells: str | tuple[str, ...]) -> Row:
    """Return a row, turning plain strings into one-paragraph cells."""
    return tuple((cell,) if isinstance(cell, str) else cell for cell in cells)


_BASIC = PartSpec(
    title="基本履职事项清单",
    columns=("序号", "事项名称"),
    categories=(
        CategorySpec(
            heading="一、党的建设（3项）",
            rows=(
                _row("1", "加强党工委自身建设，贯彻民主集中制，落实理论学习中心组学习制度"),
                _row("2", "严格落实党内组织生活制度，组织、指导基层各领域党支部开展“三会一课”"),
                _row("3", "支持帮助民主党派、工商联和无党派人士加强自身建设，做好统战工作"),
            ),
        ),
        CategorySpec(
            heading="二、经济发展（2项）",
            rows=(
                _row("4", "制定并落实经济发展规划，助推区域经济发展"),
                _row("5", "优化营商环境，加强政企沟通，做好助企惠企政策宣传、解读和推动落实"),
            ),
        ),
    ),
)

_COOPERATIVE = PartSpec(
    title="配合履职事项清单",
    columns=("序号", "事项名称", "对应上级部门", "上级部门职责", "街道配合职责"),
    categories=(
        CategorySpec(
            heading="一、经济发展（2项）",
            rows=(
                _row(
                    "1",
                    "服务小微企业融资工作",
                    "区财政局、区发改局",
                    (
                        "区财政局：",
                        "1.对接辖区金融机构，组织开展银企对接、小微企业融资等相关活动。",
                        "区发改局：",
                        "1.组织企业填报融资监测平台，填写调查问卷。",
                        "2.汇总企业融资报表。",
                    ),
                    ("1.了解企业融资需求。", "2.整合符合条件的企业项目。", "3.上报企业融资名单。"),
                ),
                _row(
                    "2",
                    "老年公交卡、残疾人爱心卡业务",
                    "区政数局",
                    "协调公交集团对系统进行调整和维护。",
                    "提供老年公交卡、残疾人爱心卡审核、充值、查询业务。",
                ),
            ),
        ),
        CategorySpec(
            heading="二、应急管理及消防（2项）",
            rows=(
                _row(
                    "3",
                    "安全生产工作",
                    "区应急局牵头",
                    (
                        "1.对本行业、本领域的安全生产工作承担直接监督管理责任。",
                        "2.依法开展安全生产行政执法工作，对生产经营单位进行监督检查。",
                    ),
                    ("1.开展安全生产宣传教育。", "2.发现安全隐患及时上报有关部门。"),
                ),
                _row(
                    "4",
                    "残疾人两项补贴管理工作",
                    "区残联、区民政局",
                    (
                        "1.对“两项补贴”申请材料和残疾人身份审核。",
                        "2.将符合条件的对象纳入保障范围内，定时发放补贴。",
                    ),
                    (
                        "1.开展残疾人“两项补贴”申请材料的初审及公示工作。",
                        "2.配合区民政局采取数据比对、入户走访等方式核实。",
                    ),
                ),
            ),
        ),
    ),
)

_RECALLED = PartSpec(
    title="上级部门收回事项清单",
    columns=("序号", "事项名称", "承接部门及工作方式"),
    categories=(
        CategorySpec(
            heading="一、城乡建设（2项）",
            rows=(
                _row(
                    "1",
                    "既有住宅加装电梯的组织协调",
                    (
                        "承接部门：区住建局",
                        "工作方式：",
                        "1.由区住建局房屋管理科负责此项工作。",
                        "2.负责加装电梯项目的政策宣传、审核和竣工验收。",
                    ),
                ),
                _row(
                    "2",
                    "对违规设置户外广告的处罚",
                    ("承接部门：区执法局", "工作方式：不再开展此项工作"),
                ),
            ),
        ),
        CategorySpec(
            heading="二、社会保障（1项）",
            rows=(
                _row(
                    "3",
                    "家庭养老床位适老化改造",
                    (
                        "承接部门：区民政局",
                        "工作方式：",
                        "1.由区民政局养老服务和老龄工作科负责此项工作。",
                        "2.改造完成后组织第三方进行验收。",
                    ),
                ),
            ),
        ),
    ),
)


def sample_spec() -> DocSpec:
    """Return a small but realistic three-part spec.

    Numbering runs continuously through each part and every category's declared count
    matches its rows. The cooperative part has a two-department row with
    department-prefixed duty blocks, a lead-department row and a row with unnumbered
    duties; the recalled part has a handed-over row and a discontinued row.
    """
    return DocSpec(
        title="吉林省长春市南关区明珠街道办事处履行职责事项清单",
        parts=(_BASIC, _COOPERATIVE, _RECALLED),
    )


def with_cell(  # noqa: PLR0913, PLR0917 - the address of one cell
    spec: DocSpec, part: int, category: int, row: int, column: str, value: str | Cell
) -> DocSpec:
    """Return ``spec`` with one cell replaced: ``column`` (a header of the part) of ``row``
    (0-based within ``category``, itself 0-based within ``part``)."""
    old_part = spec.parts[part]
    old_category = old_part.categories[category]
    rows = list(old_category.rows)
    cells = list(rows[row])
    cells[old_part.columns.index(column)] = (value,) if isinstance(value, str) else value
    rows[row] = tuple(cells)
    categories = list(old_part.categories)
    categories[category] = replace(old_category, rows=tuple(rows))
    parts = list(spec.parts)
    parts[part] = replace(old_part, categories=tuple(categories))
    return replace(spec, parts=tuple(parts))
