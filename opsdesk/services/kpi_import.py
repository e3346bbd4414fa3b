"""Importing daily KPI actuals from shop-backend exports (CSV in UTF-8/GBK/GB18030, XLSX).

Two steps: ``prepare`` reads, maps and checks the file and works out what would change
(nothing is written); ``apply`` writes the accepted rows in one transaction. Importing the
same file again finds nothing to change and writes nothing, not even a change-log entry.
A file is either "wide" (a date column and one column per KPI, the usual export) or
"long" (date, KPI and value columns).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from opsdesk.model.enums import KpiUnit, ValueSource
from opsdesk.services import permissions
from opsdesk.services.kpi_parse import (
    column_letter,
    parse_day,
    parse_number,
)
from opsdesk.services.tables import MAX_MB, Table, read_table  # noqa: F401 - re-exported

NO_MAPPING = QT_TRANSLATE_NOOP("Errors", "{file}: map a date column and at least one KPI column.")
MISSING_COLUMN = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}: there is no column “{column}”.")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: “{value}” is not a number.")
NOT_A_DATE = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: “{value}” is not a date (write 2026-09-01, 2026/9/1, 20260901 or 2026年9月1日).")
OUTSIDE = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: {value} is outside the plan ({first} to {last}).")
NOT_OWNER = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: {name} may not enter values for “{kpi}” (only its owner role or a manager).")
NEGATIVE = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: a count cannot be negative ({value}).")
UNKNOWN_KPI = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: there is no KPI “{value}” in this plan.")
UNKNOWN_KEY = QT_TRANSLATE_NOOP("Errors", "There is no KPI with the key “{key}” in this plan.")
HAS_PROBLEMS = QT_TRANSLATE_NOOP("Errors", "{file}: {count} problem(s) found, nothing was imported. First: {first}")
CANCELLED = QT_TRANSLATE_NOOP("Errors", "The import was cancelled; nothing was written.")
DATE_HEADERS = ("date", "day", "日期", "统计日期", "时间", "日")

Progress = Callable[[int, int], bool]
"""Called with (rows done, rows in all); returning False cancels."""


class ImportCancelled(Cancelled):
    template = CANCELLED


@dataclass(frozen=True)
class Problem:
    """One bad cell or line, as a translatable template with its parameters."""

    template: str
    params: dict
    line: int = 0

    def error(self) -> ValidationError:
        return ValidationError(self.template, field="file", **self.params)

    @property
    def message(self) -> str:
        return self.error().message


@dataclass(frozen=True)
class Mapping:
    """Which column holds what: ``date``, and either ``columns`` (KPI key → column header,
    a wide file) or ``kpi`` + ``value`` headers (a long file)."""

    date: str
    columns: dict[str, str] = field(default_factory=dict)
    kpi: str = ""
    value: str = ""

    @classmethod
    def parse(cls, items: Sequence[str]) -> Mapping:
        """``["date=日期", "sales=销售额"]`` (CLI ``--map``); ``kpi=`` and ``value=`` make it long."""
        pairs = dict(item.split("=", 1) for item in items if "=" in item)
        date = pairs.pop("date", "")
        kpi, value = pairs.pop("kpi", ""), pairs.pop("value", "")
        return cls(date, pairs, kpi, value)


@dataclass
class Prepared:
    """What an import would do; ``entries`` are only the rows that change something."""

    table: Table
    plan_id: int
    entries: list[tuple[int, dt.date, float]]
    problems: list[Problem]
    rows: int = 0
    values: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    by_kpi: dict[int, int] = field(default_factory=dict)  # changed values per KPI
    before: list[tuple[int, dt.date, float | None]] = field(default_factory=list)  # for undo

    @property
    def ok(self) -> bool:
        return not self.problems


def guess_mapping(headers: Sequence[str], kpis: Sequence) -> Mapping:
    """Map the date column and every column named like a KPI (key, Chinese or English name)."""
    lower = {h.lower(): h for h in headers}
    date = next((lower[d] for d in DATE_HEADERS if d in lower), "")
    columns = {}
    for k in kpis:
        for name in (k.key, k.name_zh, k.name_en):
            if name.lower() in lower:
                columns[k.key] = lower[name.lower()]
                break
    if not columns and {"kpi", "value"} <= set(lower):
        return Mapping(date, {}, lower["kpi"], lower["value"])
    return Mapping(date, columns)


# ---- checking

def prepare(services, actor, plan_id: int, table: Table, mapping: Mapping,
            progress: Progress | None = None) -> Prepared:
    """Check every row and compare with what is stored; writes nothing."""
    kpis = services.kpis.list(plan_id)
    by_key = {k.key: k for k in kpis}
    by_name = {n.lower(): k for k in kpis for n in (k.key, k.name_zh, k.name_en)}
    first, last = services.kpis.plan_span(plan_id)
    name, header_line = table.name, table.header_line
    index = {h: i for i, h in enumerate(table.headers)}

    def col(header: str) -> int:
        if header not in index:
            raise ValidationError(MISSING_COLUMN, field="file", file=name, line=header_line,
                                  column=header)
        return index[header]

    long = bool(mapping.kpi or mapping.value)
    if not mapping.date or not (mapping.columns or (mapping.kpi and mapping.value)):
        raise ValidationError(NO_MAPPING, field="file", file=name)
    date_col = col(mapping.date)
    for key in mapping.columns:
        if key not in by_key:
            raise ValidationError(UNKNOWN_KEY, field="file", key=key)
    wide = [(by_key[key], col(h)) for key, h in mapping.columns.items()]
    kpi_col, value_col = (col(mapping.kpi), col(mapping.value)) if long else (-1, -1)

    problems: list[Problem] = []
    values: dict[tuple[int, dt.date], float] = {}
    day_cache: dict[object, dt.date | str | None] = {}  # None: not a date; "outside" the plan
    allowed = {k.id: permissions.can_enter_kpi(actor, k.owner_role_id) for k in kpis}

    def where(line: int, c: int) -> dict:
        header = table.headers[c] if c < len(table.headers) else ""
        return dict(file=name, line=line, column=f"{column_letter(c)} ({header})" if header else column_letter(c))

    def cell(row: list, c: int):
        return row[c] if c < len(row) else ""

    def take(kpi, day, raw, line, c) -> None:
        if isinstance(raw, str) and not raw.strip():
            return
        try:
            value = parse_number(raw)
        except (ValueError, TypeError):
            problems.append(Problem(NOT_A_NUMBER, dict(where(line, c), value=raw), line))
            return
        if not allowed[kpi.id]:
            problems.append(Problem(NOT_OWNER, dict(where(line, c), name=actor.name, kpi=kpi.name_zh), line))
            return
        if value < 0 and kpi.unit == KpiUnit.COUNT:
            problems.append(Problem(NEGATIVE, dict(where(line, c), value=raw), line))
            return
        values[(kpi.id, day)] = value

    total = len(table.rows)
    for n, row in enumerate(table.rows):
        line = table.line(n)  # (the real row or line: blank rows, multi-line cells)
        if progress is not None and n % 2000 == 0 and progress(n, total) is False:
            raise ImportCancelled()
        if not any(row):
            continue
        raw_day = cell(row, date_col)
        day: dt.date | str | bool | None = day_cache.get(raw_day, False)
        if day is False:
            try:
                day = parse_day(raw_day)
            except (ValueError, TypeError):
                day = None
            if day is not None and not first <= day <= last:
                day = "outside"
            day_cache[raw_day] = day
        if day is None:
            problems.append(Problem(NOT_A_DATE, dict(where(line, date_col), value=raw_day), line))
            continue
        if day == "outside":
            problems.append(Problem(OUTSIDE, dict(where(line, date_col), value=str(raw_day),
                                                  first=first.isoformat(), last=last.isoformat()), line))
            continue
        assert isinstance(day, dt.date)
        if long:
            raw_kpi = str(cell(row, kpi_col)).strip()
            kpi = by_name.get(raw_kpi.lower())
            if kpi is None:
                problems.append(Problem(UNKNOWN_KPI, dict(where(line, kpi_col), value=raw_kpi), line))
                continue
            take(kpi, day, cell(row, value_col), line, value_col)
        else:
            bad = len(problems)
            taken = {}
            for kpi, c in wide:
                slot = (kpi.id, day)
                if slot in values:
                    taken[slot] = values[slot]
                take(kpi, day, cell(row, c), line, c)
            if len(problems) > bad:  # a bad row is skipped whole
                for kpi, _c in wide:
                    slot = (kpi.id, day)
                    if slot in taken:
                        values[slot] = taken[slot]
                    else:
                        values.pop(slot, None)
    if progress is not None and progress(total, total) is False:
        raise ImportCancelled()

    stored = dict(((k, d), v) for k, d, v in services.kpis.values_at(values))
    prep = Prepared(table, plan_id, [], problems, rows=total, values=len(values))
    for (k, d), v in values.items():
        old = stored.get((k, d))
        if old is None:
            prep.new += 1
        elif old == v:
            prep.unchanged += 1
            continue
        else:
            prep.changed += 1
        prep.entries.append((k, d, v))
        prep.before.append((k, d, old))
        prep.by_kpi[k] = prep.by_kpi.get(k, 0) + 1
    return prep


def apply(services, actor, prep: Prepared, skip_bad: bool = False):
    """Write the prepared changes in one transaction; refuses a file with problems unless
    ``skip_bad``. Returns ``Changes`` (empty when nothing changed)."""
    if prep.problems and not skip_bad:
        raise ValidationError(HAS_PROBLEMS, field="file", file=prep.table.name,
                              count=len(prep.problems), first=prep.problems[0].message)
    return services.kpis.enter(actor, prep.plan_id, prep.entries, source=ValueSource.IMPORT,
                               check=False, diff=False)


def import_file(services, actor, plan_id: int, path: str | Path, mapping: Mapping | None = None,
                skip_bad: bool = False, encoding: str | None = None,
                progress: Progress | None = None):
    """Read, check and write in one go (the CLI); returns ``(Prepared, Changes)``."""
    table = read_table(path, encoding)
    if mapping is None:
        mapping = guess_mapping(table.headers, services.kpis.list(plan_id))
    prep = prepare(services, actor, plan_id, table, mapping, progress)
    return prep, apply(services, actor, prep, skip_bad)
