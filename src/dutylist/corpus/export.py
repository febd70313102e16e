"""``dutylist export``: many lists as flat tables (Parquet or CSV) for DuckDB, pandas, Spark.

Each list is read and checked in a worker, turned into rows (see :mod:`dutylist.corpus.tables`)
and dropped; the main process appends the rows to one file per table and province
(``DIR/items/province=四川省/part-0.parquet``), so memory stays bounded whatever the number
of lists, and a national corpus can be queried by province without loading it whole.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import attrs

from dutylist.checks import check
from dutylist.checks.findings import Report, Severity
from dutylist.corpus.batch import CheckOptions, config_for, load_source, run_batch
from dutylist.corpus.sources import Source
from dutylist.corpus.tables import PARTITION, TABLES, UNKNOWN_PROVINCE
from dutylist.departments.registry import registry_for
from dutylist.errors import DutylistError, UsageError
from dutylist.messages import _
from dutylist.model import (
    Category,
    CooperativeItem,
    DutyList,
    Part,
    PartKind,
    RecalledItem,
)

Row = tuple[Any, ...]

EXPORT_FORMATS = ("parquet", "csv")
"""The table formats ``export`` writes."""


@attrs.frozen(kw_only=True)
class ExportedList:
    """One list's rows, ready to append (picklable: made in a worker)."""

    province: str
    """The partition the rows go to."""
    rows: Mapping[str, tuple[Row, ...]]
    """Rows by table name, in the column order of :data:`TABLES`."""


def list_id(source: str) -> str:
    """Return the stable id of the list read from ``source``."""
    import hashlib  # noqa: PLC0415 - slow to import, needed only for ids

    return hashlib.sha1(
        os.path.normpath(source).encode("utf-8"), usedforsecurity=False
    ).hexdigest()[:16]


def list_rows(
    duty_list: DutyList,
    report: Report | None,
    source: str,
    duty_ids: Callable[[str], str | None] | None = None,
) -> dict[str, list[Row]]:
    """Return the rows of every table for one list (``report`` adds the finding counts)."""
    ident = list_id(source)
    office = duty_list.office
    office_name = office.name if office else None
    head = (ident, office_name)
    registry = registry_for(duty_list)  # the list's own places
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    counts = report.counts() if report is not None else {}
    sizes = dict.fromkeys(PartKind, 0)
    for part in duty_list.parts:
        sizes[part.kind] += len(part.items)
        for position, item in enumerate(part.items, start=1):
            category = _category_of(part, position)
            departments: tuple[Any, ...] = ()
            if isinstance(item, CooperativeItem):
                departments = item.departments
            elif isinstance(item, RecalledItem):
                departments = item.receiving_departments
            names = "、".join(d.name for d in departments) or None
            leads = "、".join(d.name for d in departments if d.lead) or None
            tables["items"].append(
                (
                    *head,
                    part.kind.value,
                    category.ordinal if category else None,
                    category.title if category else None,
                    position,
                    item.number,
                    item.name,
                    names,
                    leads,
                    item.discontinued if isinstance(item, RecalledItem) else None,
                    duty_ids(item.name) if duty_ids else None,
                )
            )
            for department in departments:
                canonical = registry.normalise(department.name).canonical
                tables["item_departments"].append(
                    (*head, part.kind.value, position, item.name, department.name,
                     canonical or department.name, department.lead)
                )  # fmt: skip
            for field_name in ("superior_duties", "local_duties", "working_method"):
                for index, clause in enumerate(getattr(item, field_name, ()), start=1):
                    tables["clauses"].append(
                        (*head, part.kind.value, position, item.name, field_name, index,
                         clause.number, clause.department, clause.text)
                    )  # fmt: skip
    if report is not None:
        for finding in report.findings:
            where = finding.location
            tables["findings"].append(
                (*head, finding.code, finding.severity.value, finding.message,
                 where.part.value if where.part else None, where.item, where.item_name,
                 where.field)
            )  # fmt: skip
    tables["lists"].append(
        (
            *head,
            source,
            duty_list.title,
            office.city if office else None,
            office.district if office else None,
            duty_list.metadata.version,
            duty_list.metadata.published,
            sizes[PartKind.BASIC],
            sizes[PartKind.COOPERATIVE],
            sizes[PartKind.RECALLED],
            sum(len(part.categories) for part in duty_list.parts),
            counts.get(Severity.ERROR, 0),
            counts.get(Severity.WARNING, 0),
            counts.get(Severity.INFO, 0),
            None,
        )
    )
    return tables


def _category_of(part: Part, position: int) -> Category | None:
    seen = 0
    for category in part.categories:
        seen += len(category.items)
        if position <= seen:
            return category
    return None


def export_file(
    path: str, options: CheckOptions, duty_ids: Mapping[str, str] | None = None
) -> ExportedList:
    """Read and check one file and return its rows; an unreadable file gives one ``lists`` row."""
    try:
        duty_list = load_source(path, options.from_format)
        report = check(duty_list, config_for(path, options))
    except DutylistError as exc:
        return unreadable_rows(path, str(exc))
    lookup = duty_ids.get if duty_ids is not None else None
    rows = list_rows(duty_list, report, path, lookup)
    office = duty_list.office
    province = (office.province if office else None) or UNKNOWN_PROVINCE
    return ExportedList(province=province, rows={k: tuple(v) for k, v in rows.items()})


def unreadable_rows(path: str, reason: str) -> ExportedList:
    """Return the one ``lists`` row that records an unreadable file."""
    width = len(TABLES["lists"])
    row = (list_id(path), None, path, *([None] * (width - 4)), reason)
    return ExportedList(province=UNKNOWN_PROVINCE, rows={"lists": (row,)})


class TableSink(Protocol):
    """Where rows of one table and province go."""

    def append(self, rows: Sequence[Row]) -> None:
        """Add ``rows``."""

    def close(self) -> None:
        """Finish the file."""


def _csv_cell(value: object) -> object:
    """Return a CSV cell, text starting like a formula (= + - @) neutralised with a quote."""
    if isinstance(value, str):
        from dutylist.io.sanitize import formula_safe  # noqa: PLC0415

        return formula_safe(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


@attrs.define
class _CsvSink:
    path: Path
    columns: tuple[str, ...]
    stream: io.TextIOWrapper | None = None

    def append(self, rows: Sequence[Row]) -> None:
        import csv  # noqa: PLC0415 - needed only for CSV output

        if self.stream is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.stream = self.path.open("w", encoding="utf-8", newline="")
            csv.writer(self.stream).writerow(self.columns)
        csv.writer(self.stream).writerows([_csv_cell(v) for v in row] for row in rows)

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()


@attrs.define
class _ParquetSink:
    path: Path
    table: str
    buffer: list[Row] = attrs.field(factory=list)
    writer: Any = None
    flush_at: int = 20_000

    def append(self, rows: Sequence[Row]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= self.flush_at:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa  # noqa: PLC0415 - optional extra, heavy
        import pyarrow.parquet as pq  # noqa: PLC0415

        schema = arrow_schema(self.table)
        columns = list(zip(*self.buffer, strict=True)) if self.buffer else [()] * len(schema)
        batch = pa.table(
            [
                pa.array(list(values), type=f.type)
                for values, f in zip(columns, schema, strict=True)
            ],
            schema=schema,
        )
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(str(self.path), schema)
        self.writer.write_table(batch)
        self.buffer.clear()

    def close(self) -> None:
        if self.buffer or self.writer is None:
            self._flush()
        self.writer.close()


def arrow_schema(table: str) -> Any:  # noqa: ANN401 - pyarrow is untyped
    """Return the pyarrow schema of ``table`` (pyarrow is imported here, only when used)."""
    import pyarrow as pa  # noqa: PLC0415 - optional extra, heavy

    types = {"string": pa.string(), "int32": pa.int32(), "bool": pa.bool_(), "date": pa.date32()}
    return pa.schema([pa.field(c.name, types[c.type]) for c in TABLES[table]])


def _require_pyarrow() -> None:
    try:
        import pyarrow as pa  # noqa: F401, PLC0415
    except ImportError:
        raise UsageError(
            _("写出 Parquet 需要 pyarrow：pip install 'dutylist[parquet]'（或使用 --to csv）")
        ) from None


@attrs.frozen(kw_only=True)
class ExportSummary:
    """What an export wrote."""

    lists: int
    """Lists read and written."""
    unreadable: tuple[tuple[str, str], ...]
    """Files that could not be read, with the reason."""
    files: tuple[Path, ...]
    """The table files written."""


def export(  # noqa: PLR0913
    sources: Sequence[Source],
    folder: str | os.PathLike[str],
    *,
    to: str = "parquet",
    options: CheckOptions | None = None,
    jobs: int | None = None,
    duty_ids: Mapping[str, str] | None = None,
    progress: Callable[[], None] | None = None,
) -> ExportSummary:
    """Write the tables of every source into ``folder`` and return what was written.

    Args:
        sources: the files (see :func:`dutylist.corpus.sources.expand`).
        folder: the output folder; each table is a subfolder partitioned by province.
        to: ``parquet`` (needs the ``parquet`` extra) or ``csv``.
        options: how to read and check the lists.
        jobs: worker processes (the usable cores by default).
        duty_ids: item name → duty id (from :func:`dutylist.corpus.compare.duty_ids`).
        progress: called once per source done.

    Raises:
        UsageError: an unknown format, or Parquet without pyarrow.
    """
    if to not in EXPORT_FORMATS:
        raise UsageError(
            _("未知导出格式“{name}”（可用：{known}）").format(
                name=to, known=", ".join(EXPORT_FORMATS)
            )
        )
    if to == "parquet":
        _require_pyarrow()
    root = Path(folder)
    sinks: dict[tuple[str, str], TableSink] = {}
    work = partial(export_file, options=options or CheckOptions(), duty_ids=duty_ids)
    done = run_batch(
        sources,
        work,
        lambda source: unreadable_rows(source.path, f"{source.path}: {source.problem}"),
        jobs=jobs,
    )
    lists = 0
    unreadable: list[tuple[str, str]] = []
    try:
        for exported, source in zip(done, sources, strict=True):
            for table, rows in exported.rows.items():
                key = (table, exported.province)
                if key not in sinks:
                    sinks[key] = _sink(root, table, exported.province, to)
                sinks[key].append(rows)
            reason = exported.rows["lists"][0][-1]
            if reason is None:
                lists += 1
            else:
                unreadable.append((source.path, reason))
            if progress is not None:
                progress()
    finally:
        for sink in sinks.values():
            sink.close()
    files = tuple(sorted(_sink_path(root, t, p, to) for t, p in sinks))
    return ExportSummary(lists=lists, unreadable=tuple(unreadable), files=files)


def _sink_path(root: Path, table: str, province: str, to: str) -> Path:
    return root / table / f"{PARTITION}={province}" / f"part-0.{to}"


def _sink(root: Path, table: str, province: str, to: str) -> TableSink:
    path = _sink_path(root, table, province, to)
    if to == "csv":
        return _CsvSink(path, tuple(c.name for c in TABLES[table]))
    return _ParquetSink(path, table)


def iter_rows(exported: Iterator[ExportedList], table: str) -> Iterator[Row]:
    """Yield the rows of ``table`` from exported lists (handy in tests and notebooks)."""
    for one in exported:
        yield from one.rows.get(table, ())
