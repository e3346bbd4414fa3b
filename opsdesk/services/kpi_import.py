"""Importing daily KPI actuals from shop-backend exports as they come (CSV in
UTF-8/GBK/GB18030, .xlsx, .xls, .ods).

Two steps: ``prepare`` reads, maps and checks the file and works out what would change
(nothing is written); ``apply`` writes the accepted rows in one transaction. Importing the
same file again finds nothing to change and writes nothing, not even a change-log entry.
A file is either "wide" (a date column and one column per KPI, the usual export) or
"long" (date, KPI and value columns).

Shop exports (生意参谋, 京东商智) put title lines above the header: the header is the first
row naming known columns (:data:`SHOP_COLUMNS`, the KPIs' names), or the row the user picks
(``header_row``). A per-product export has many rows per day: amounts and counts add up,
a rate is worked out again from the day's sums of its parts where the file has them
(conversion = buyers ÷ visitors, ``kpi_derive.RATE_PARTS``), otherwise averaged with a
warning; a 合计/总计 row is left out with a note. A mapping can be saved per export layout
(its column names) and is used again for the next file of that layout.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from opsdesk.errors import QT_TRANSLATE_NOOP, Cancelled, ValidationError
from opsdesk.model.enums import KpiUnit, ValueSource
from opsdesk.model.kpi_derive import RATE_PARTS
from opsdesk.services import permissions
from opsdesk.services.kpi_parse import (
    column_letter,
    parse_day,
    parse_number,
)
from opsdesk.services.tables import MAX_MB, Table  # noqa: F401 - re-exported
from opsdesk.services.tables import read_table as _read_table

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
NO_HEADER = QT_TRANSLATE_NOOP("Errors", "{file}: no header row naming a date column (统计日期, 日期, date) in lines {lines}; choose the line that holds the column names.")
TOTAL_LEFT_OUT = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}: the “{word}” row is a total and was left out.")
RATE_AVERAGED = QT_TRANSLATE_NOOP("Errors", "{file}: “{kpi}” has several rows for one day on {days} day(s) and the file has no columns to work it out from ({parts}); each day’s value is the mean of its rows. Check it.")
NOT_IMPORTED = QT_TRANSLATE_NOOP("Errors", "{file}: the columns {columns} are known but the plan has no KPI for them; they are not imported.")
DATE_HEADERS = ("date", "day", "日期", "统计日期", "时间", "日", "统计时间", "日期时间")
TOTAL_WORDS = ("合计", "总计", "汇总", "总和", "total", "sum", "grand total")
# Column roles of common shop exports (生意参谋, 京东商智) → (the template KPI it fills, names).
SHOP_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "sales": ("sales", ("支付金额", "成交金额", "销售额", "销售金额", "成交额", "GMV")),
    "visitors": ("daily_visitors", ("访客数", "UV", "访客人数")),
    "pv": ("", ("浏览量", "PV")),
    "buyers": ("daily_orders", ("支付买家数", "成交客户数", "成交人数", "成交买家数")),
    "orders": ("daily_orders", ("支付订单数", "支付子订单数", "成交单量", "成交订单数", "订单数",
                                "订单量")),
    "conversion": ("conversion", ("支付转化率", "成交转化率", "转化率")),
    "aov": ("aov", ("客单价",)),
    "refunds": ("refunds", ("退款金额", "成功退款金额")),
}
# Columns a per-product export has besides the figures (they mark the header row too).
OTHER_COLUMNS = ("商品ID", "商品id", "商品名称", "商品", "SKU", "店铺", "店铺名称", "终端", "渠道")

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
    days: int = 0  # distinct days the rows make up
    per_day: list[tuple[dt.date, dict[int, float]]] = field(default_factory=list)  # KPI id → value
    notes: list[Problem] = field(default_factory=list)  # warnings: left-out totals, averages

    @property
    def ok(self) -> bool:
        return not self.problems


def _norm(text) -> str:
    return re.sub(r"\s+", "", str(text or "")).lower()


def known_headers(kpis: Sequence = ()) -> set[str]:
    """Column names that mark a KPI file's header row."""
    names = {*DATE_HEADERS, *OTHER_COLUMNS, "kpi", "value"}
    for _key, names_of in SHOP_COLUMNS.values():
        names.update(names_of)
    for k in kpis:
        names.update((k.key, k.name_zh, k.name_en))
    return {_norm(n) for n in names}


def read_table(path: str | Path, encoding: str | None = None, header_row: int | None = None,
               kpis: Sequence = ()) -> Table:
    """A KPI file's header and rows: the header is the first row naming known columns (below
    a shop export's title lines), or the line ``header_row`` names."""
    return _read_table(path, encoding, known=known_headers(kpis), header_row=header_row)


def role_columns(headers: Sequence[str]) -> dict[str, str]:
    """The shop-export role (``sales``, ``visitors``, ``buyers``…) of each known column."""
    by_name = {_norm(n): role for role, (_k, names) in SHOP_COLUMNS.items() for n in names}
    out: dict[str, str] = {}
    for h in headers:
        role = by_name.get(_norm(h))
        if role is not None and role not in out:
            out[role] = h
    return out


def guess_mapping(headers: Sequence[str], kpis: Sequence) -> Mapping:
    """Map the date column and every column named like a KPI (key, Chinese or English name)
    or like a shop export's column for it (支付金额 → sales, 访客数 → daily visitors …)."""
    lower = {_norm(h): h for h in headers if _norm(h)}
    date = next((lower[_norm(d)] for d in DATE_HEADERS if _norm(d) in lower), "")
    columns = {}
    roles = role_columns(headers)
    for k in kpis:
        for name in (k.key, k.name_zh, k.name_en):
            if _norm(name) in lower:
                columns[k.key] = lower[_norm(name)]
                break
        else:
            for role in ("orders", "buyers") if k.key == "daily_orders" else tuple(SHOP_COLUMNS):
                if SHOP_COLUMNS[role][0] == k.key and role in roles:
                    columns[k.key] = roles[role]
                    break
    if not columns and {"kpi", "value"} <= set(lower):
        return Mapping(date, {}, lower["kpi"], lower["value"])
    return Mapping(date, columns)


def unmapped_known(headers: Sequence[str], mapping: Mapping) -> list[str]:
    """Known shop columns the mapping leaves out (the plan has no KPI for them)."""
    used = set(mapping.columns.values()) | {mapping.date}
    return [h for h in role_columns(headers).values() if h not in used]


# ---- export layouts: a mapping saved for the column names of one kind of export

def layout_key(headers: Sequence[str]) -> str:
    """One kind of export: its column names, spaces and case aside."""
    names = [_norm(h) for h in headers]
    while names and not names[-1]:
        names.pop()
    return " | ".join(names)


def _layouts_path() -> Path:
    from opsdesk.paths import data_dir

    return data_dir() / "kpi_import_layouts.json"


def _layouts() -> dict:
    from opsdesk.store import files

    path = _layouts_path()
    try:
        data = json.loads(files.read_user_bytes(path).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def saved_mapping(headers: Sequence[str]) -> Mapping | None:
    """The mapping saved for this export layout, if any (and still naming its columns)."""
    entry = _layouts().get(layout_key(headers))
    if not isinstance(entry, dict):
        return None
    spelled = {_norm(h): h for h in headers}  # this file's spelling of each column

    def here(name) -> str | None:
        return spelled.get(_norm(name)) if name else ""

    columns = {str(k): here(v) for k, v in dict(entry.get("columns", {})).items()}
    date, kpi, value = here(entry.get("date")), here(entry.get("kpi")), here(entry.get("value"))
    if date is None or kpi is None or value is None or None in columns.values():
        return None
    return Mapping(date, {k: v for k, v in columns.items() if v}, kpi, value)


def save_mapping(headers: Sequence[str], mapping: Mapping, name: str = "") -> None:
    """Keep ``mapping`` for the next file with these column names (in the data folder)."""
    from opsdesk.store import files

    layouts = _layouts()
    layouts[layout_key(headers)] = dict(name=name, headers=list(headers), date=mapping.date,
                                        columns=dict(mapping.columns), kpi=mapping.kpi,
                                        value=mapping.value)
    path = _layouts_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    files.write_user_bytes(tmp, json.dumps(layouts, ensure_ascii=False, indent=1).encode())
    files.replace_user_file(tmp, path)


def mapping_for(headers: Sequence[str], kpis: Sequence) -> Mapping:
    """The saved mapping of this layout, else the guessed one."""
    return saved_mapping(headers) or guess_mapping(headers, kpis)


# ---- checking

NO_VALUE = ("-", "--", "—", "－", "/", "N/A", "n/a")  # what exports print for "no figure"
CHUNK = 2000  # rows checked at a time (progress is reported, and cancel taken, between)
_BAD = object()  # a cell that is not a number


def _numbers(raws: list) -> list:
    """A column's cells as floats: None for an empty cell (or a "-"), ``_BAD`` for what is not a
    number (:func:`parse_number`'s forms: 1,234.5, 12.5%, 1.5万 …)."""
    try:
        vals = list(map(float, raws))  # a column of plain numbers, in one go
        if math.isfinite(sum(vals)) and bool not in set(map(type, raws)):
            return vals
    except (ValueError, TypeError):
        pass
    out: list = []
    for raw in raws:
        kind = raw.__class__
        if kind is float or kind is int:
            v = float(raw)
        elif kind is str:
            text = raw.replace(",", "") if "," in raw else raw
            try:
                v = float(text[:-1] if text[-1:] == "%" else text)
            except ValueError:
                if not raw.strip() or raw.strip() in NO_VALUE:
                    out.append(None)
                    continue
                try:
                    v = parse_number(raw)
                except ValueError:
                    out.append(_BAD)
                    continue
        else:
            try:
                v = parse_number(raw)
            except (ValueError, TypeError):
                out.append(_BAD)
                continue
        out.append(v if math.isfinite(v) else _BAD)
    return out


def _total_word(row: list) -> str:
    """The 合计/总计 word of a total row (in its first cells), or ""."""
    for c in row[:3]:
        if isinstance(c, str):
            word = c.strip().rstrip(":：").strip()
            if word.lower() in TOTAL_WORDS:
                return word
    return ""


def prepare(services, actor, plan_id: int, table: Table, mapping: Mapping,
            progress: Progress | None = None) -> Prepared:
    """Check every row, combine the rows of each day and compare with what is stored;
    writes nothing."""
    kpis = services.kpis.list(plan_id)
    by_key = {k.key: k for k in kpis}
    by_name = {n.lower(): k for k in kpis for n in (k.key, k.name_zh, k.name_en)}
    first, last = services.kpis.plan_span(plan_id)
    name, header_line = table.name, table.header_line
    index = {h: i for i, h in enumerate(table.headers)}

    def no_header() -> ValidationError:
        lines = ", ".join(map(str, table.looked_at)) or str(header_line)
        return ValidationError(NO_HEADER, field="file", file=name, lines=lines)

    def col(header: str) -> int:
        if header not in index:
            if not table.header_found:
                raise no_header()
            raise ValidationError(MISSING_COLUMN, field="file", file=name, line=header_line,
                                  column=header)
        return index[header]

    long = bool(mapping.kpi or mapping.value)
    if not mapping.date and not table.header_found:
        raise no_header()
    if not mapping.date or not (mapping.columns or (mapping.kpi and mapping.value)):
        raise ValidationError(NO_MAPPING, field="file", file=name)
    date_col = col(mapping.date)
    for key in mapping.columns:
        if key not in by_key:
            raise ValidationError(UNKNOWN_KEY, field="file", key=key)
    wide = [(by_key[key], col(h)) for key, h in mapping.columns.items()]
    kpi_col, value_col = (col(mapping.kpi), col(mapping.value)) if long else (-1, -1)
    # the parts rates are worked out from: the shop columns, else the KPIs' mapped columns
    roles = {role: index[h] for role, h in role_columns(table.headers).items()}
    for role, (key, _names) in SHOP_COLUMNS.items():
        if role not in roles and key in mapping.columns and role in ("sales", "visitors"):
            roles[role] = index[mapping.columns[key]]
    part_cols = sorted({roles[r] for parts in RATE_PARTS.values() for r in parts[:2]
                        if r in roles})
    role_of_col = {c: r for r, c in roles.items()}

    problems: list[Problem] = []
    notes: list[Problem] = []
    sums: dict[tuple[int, dt.date], float] = {}
    counts: dict[tuple[int, dt.date], int] = {}
    part_sums: dict[tuple[str, dt.date], float] = {}
    bad_parts: set[tuple[str, dt.date]] = set()
    day_cache: dict[object, dt.date | str | None] = {}  # None: not a date; "outside" the plan
    allowed = {k.id: permissions.can_enter_kpi(actor, k.owner_role_id) for k in kpis}

    def where(line: int, c: int) -> dict:
        header = table.headers[c] if c < len(table.headers) else ""
        return dict(file=name, line=line, column=f"{column_letter(c)} ({header})" if header else column_letter(c))

    def bad(kpi, raw, line, c) -> None:
        """The problem with the value ``raw`` of ``kpi`` (owner, a number, its sign)."""
        try:
            value = parse_number(raw)
        except (ValueError, TypeError):
            problems.append(Problem(NOT_A_NUMBER, dict(where(line, c), value=raw), line))
            return
        if not allowed[kpi.id]:
            problems.append(Problem(NOT_OWNER, dict(where(line, c), name=actor.name, kpi=kpi.name_zh), line))
        elif value < 0 and kpi.unit == KpiUnit.COUNT:
            problems.append(Problem(NEGATIVE, dict(where(line, c), value=raw), line))

    def line_of(n: int) -> int:
        return lines[n] if lines is not None and n < len(lines) else table.line(n)

    width = max([date_col, kpi_col, value_col, *part_cols, *(c for _k, c in wide)]) + 1
    info = {k.id: k for k in kpis}
    counted = {k.id for k in kpis if k.unit == KpiUnit.COUNT}  # never negative
    kpi_cache: dict[object, Any] = {}
    total = len(table.rows)
    lines = table.lines
    # Column by column, a chunk of rows at a time (fast: a column of plain numbers is
    # converted in one go), then each day's values added up per KPI.
    for start in range(0, total, CHUNK):
        if progress is not None and progress(start, total) is False:
            raise ImportCancelled()
        rows = table.rows[start:start + CHUNK]
        rows = [r if len(r) >= width else [*r, *([""] * (width - len(r)))] for r in rows]
        raw_days = [r[date_col] for r in rows]
        for raw_day in set(raw_days) - day_cache.keys():
            try:
                day = parse_day(raw_day)
            except (ValueError, TypeError):
                day_cache[raw_day] = None
                continue
            day_cache[raw_day] = day if first <= day <= last else "outside"
        keep: list = [day_cache[r] for r in raw_days]  # the row's day, or None: left out
        for i, day in enumerate(keep):
            if day.__class__ is dt.date:
                continue
            keep[i] = None
            row = rows[i]
            if not any(row):
                continue
            line = line_of(start + i)
            if day == "outside":
                problems.append(Problem(OUTSIDE, dict(where(line, date_col), value=str(raw_days[i]),
                                                      first=first.isoformat(), last=last.isoformat()), line))
            elif word := _total_word(row):
                notes.append(Problem(TOTAL_LEFT_OUT, dict(file=name, line=line, word=word), line))
            else:
                problems.append(Problem(NOT_A_DATE, dict(where(line, date_col), value=raw_days[i]), line))
        if long:
            raw_kpis = [r[kpi_col] for r in rows]
            for raw in set(raw_kpis) - kpi_cache.keys():
                kpi_cache[raw] = by_name.get(str(raw).strip().lower())
            row_kpis = [kpi_cache[raw] for raw in raw_kpis]
            for i, kpi in enumerate(row_kpis):
                if kpi is None and keep[i] is not None:
                    line = line_of(start + i)
                    raw_kpi = str(raw_kpis[i]).strip()
                    problems.append(Problem(UNKNOWN_KPI, dict(where(line, kpi_col), value=raw_kpi), line))
                    keep[i] = None
            columns = [(None, value_col)]
        else:
            columns = [(kpi, c) for kpi, c in wide]
        parsed: dict[int, list] = {}
        row_ids: dict[int, list] = {}
        for kpi, c in columns:  # first every problem: a bad row is skipped whole
            vals = parsed[c] = _numbers([r[c] for r in rows])
            ids = row_ids[c] = [kpi.id] * len(rows) if kpi is not None else [
                k.id if k is not None else 0 for k in row_kpis]
            for i, v in enumerate(vals):
                if v is None or keep[i] is None:
                    continue
                k_id = ids[i]
                if v is _BAD or not allowed[k_id] or (v < 0 and k_id in counted):
                    bad(info[k_id], rows[i][c], line_of(start + i), c)
                    keep[i] = False
        for _kpi, c in columns:  # then the good rows' values, added up per KPI and day
            for day, v, k_id in zip(keep, parsed[c], row_ids[c], strict=True):
                if not day or v is None:
                    continue
                slot = (k_id, day)
                if slot in sums:
                    sums[slot] += v
                    counts[slot] += 1
                else:
                    sums[slot] = v
                    counts[slot] = 1
        for c in part_cols:
            role = role_of_col[c]
            vals = parsed[c] if c in parsed else _numbers([r[c] for r in rows])
            for day, v in zip(keep, vals, strict=True):
                if not day:
                    continue
                if v is None or v is _BAD:
                    bad_parts.add((role, day))
                else:
                    part_sums[(role, day)] = part_sums.get((role, day), 0.0) + v
    if progress is not None and progress(total, total) is False:
        raise ImportCancelled()
    problems.sort(key=lambda p: p.line)

    values = _combine(kpis, sums, counts, part_sums, bad_parts, notes, name)
    unused = unmapped_known(table.headers, mapping)
    if unused and not long:
        notes.append(Problem(NOT_IMPORTED, dict(file=name, columns=", ".join(unused))))
    stored = dict(((k, d), v) for k, d, v in services.kpis.values_at(values))
    prep = Prepared(table, plan_id, [], problems, rows=total, values=len(values), notes=notes)
    per_day: dict[dt.date, dict[int, float]] = {}
    for (k, d), v in values.items():
        per_day.setdefault(d, {})[k] = v
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
    prep.per_day = sorted(per_day.items())
    prep.days = len(per_day)
    return prep


def _combine(kpis, sums, counts, part_sums, bad_parts, notes: list[Problem], name: str
             ) -> dict[tuple[int, dt.date], float]:
    """Each KPI's value per day from its rows: amounts and counts add up; a rate of several
    rows is worked out from the day's sums of its parts (``RATE_PARTS``), or else is the
    rows' mean, with a warning naming the KPI."""
    info = {k.id: k for k in kpis}
    values: dict[tuple[int, dt.date], float] = {}
    averaged: dict[int, int] = {}
    for slot, total in sums.items():
        kpi_id, day = slot
        n = counts[slot]
        kpi = info[kpi_id]
        if n == 1 or kpi.unit in (KpiUnit.CNY, KpiUnit.COUNT):
            values[slot] = total
            continue
        parts = RATE_PARTS.get(kpi.key)
        if parts is not None:
            num, den, scale = parts
            a, b = part_sums.get((num, day)), part_sums.get((den, day))
            if (a is not None and b and (num, day) not in bad_parts
                    and (den, day) not in bad_parts):
                values[slot] = a / b * scale
                continue
        values[slot] = total / n
        averaged[kpi_id] = averaged.get(kpi_id, 0) + 1
    for kpi_id, days in averaged.items():
        kpi = info[kpi_id]
        parts = RATE_PARTS.get(kpi.key)
        wanted = " ÷ ".join(_role_names(p) for p in parts[:2]) if parts else "—"
        notes.append(Problem(RATE_AVERAGED, dict(file=name, kpi=kpi.name_zh, days=days,
                                                 parts=wanted)))
    return values


def _role_names(role: str) -> str:
    return "/".join(SHOP_COLUMNS[role][1][:2])


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
                progress: Progress | None = None, header_row: int | None = None):
    """Read, check and write in one go (the CLI); returns ``(Prepared, Changes)``."""
    kpis = services.kpis.list(plan_id)
    table = read_table(path, encoding, header_row, kpis)
    if mapping is None:
        mapping = mapping_for(table.headers, kpis)
    prep = prepare(services, actor, plan_id, table, mapping, progress)
    return prep, apply(services, actor, prep, skip_bad)
