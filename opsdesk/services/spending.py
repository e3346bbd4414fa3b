"""Money out: spending entries and monthly budgets (typed or imported), budget use this
month, and the spending parts the derived KPIs (ROI, cost shares, gross margin) need.

Every write is one transaction and one change-log entry (undone by ``HistoryService``);
only a manager enters spending and budgets (the figures are the shop's money). An import
is checked first (nothing written; problems by line and column), then written all or
nothing; importing the same file again changes nothing and logs nothing.
"""

from __future__ import annotations

import builtins
import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, delete, select

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError
from opsdesk.model import kpi_math as km
from opsdesk.model.spending import (
    CHANNELS,
    GROUPS,
    TEAM_BUDGET,
    SpendingBudget,
    SpendingEntry,
    channels_of,
    group_of,
)
from opsdesk.services import permissions
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes
from opsdesk.services.kpi_parse import column_letter, parse_day, parse_number
from opsdesk.services.tables import Table
from opsdesk.services.tables import read_table as _read_table
from opsdesk.store.sql import upsert

ENTER_SPENDING = QT_TRANSLATE_NOOP("Errors", "enter spending and budgets (manager only)")
UNKNOWN_CHANNEL = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a spending channel (直通车, 钻展, 淘宝客, 其他推广, 人员, 运营费用, 商品成本).")
UNKNOWN_SCOPE = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a budget scope (a channel, or 广告推广 ads, 人员 staff, 运营费用 operations, 商品成本 goods).")
NOT_A_DAY = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a day or a month (write 2026-09-01 or 2026-09).")
NEGATIVE_AMOUNT = QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative ({value}).")
NOT_AN_AMOUNT = QT_TRANSLATE_NOOP("Errors", "“{value}” is not an amount.")
ROW_UNKNOWN_CHANNEL = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: “{value}” is not a spending channel (直通车, 钻展, 淘宝客, 其他推广, 人员, 运营费用, 商品成本).")
ROW_NEGATIVE = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: an amount cannot be negative ({value}).")
ROW_NOT_A_NUMBER = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: “{value}” is not an amount.")
ROW_NOT_A_DAY = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: “{value}” is not a day or a month (write 2026-09-01 or 2026-09).")
NO_COLUMNS = QT_TRANSLATE_NOOP("Errors", "{file}: the spending file needs a date (日期), a channel (渠道) and an amount (金额) column; it has {columns}.")
SPENDING_PROBLEMS = QT_TRANSLATE_NOOP("Errors", "{file}: {count} problem(s) found, nothing was imported. First: {first}")

DATE_NAMES = ("日期", "date", "day", "月份", "month", "统计日期", "日期/月份")
CHANNEL_NAMES = ("渠道", "channel", "类别", "category", "项目", "费用类型")
AMOUNT_NAMES = ("金额", "amount", "花费", "费用", "支出", "spend", "cost")
NOTE_NAMES = ("备注", "note", "说明")
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
# what people write for a channel or a group → its key
_ALIASES = {
    **{key: key for key in CHANNELS}, **{key: key for key in GROUPS},
    "直通车": "ztc", "钻展": "zuanzhan", "钻石展位": "zuanzhan", "淘宝客": "taobaoke",
    "淘客": "taobaoke", "其他推广": "ads_other", "其他广告": "ads_other",
    "人员": "staff", "工资": "staff", "人工": "staff", "团队": "staff",
    "运营": "operations", "运营费用": "operations", "商品成本": "goods", "进货": "goods",
    "货品成本": "goods", "广告": "ads", "广告推广": "ads", "推广": "ads",
    "through-train": "ztc", "diamond booth": "zuanzhan", "taobao affiliates": "taobaoke",
    "other ads": "ads_other", "cost of goods": "goods",
}


def channel_key(text: str, groups: bool = False) -> str | None:
    """The channel (or, with ``groups``, also a group) that ``text`` names, or None."""
    key = _ALIASES.get(str(text).strip().lower()) or _ALIASES.get(str(text).strip())
    if key is None:
        for c, (_g, zh, en) in CHANNELS.items():
            if str(text).strip().lower() in (zh.lower(), en.lower()):
                key = c
    if key is None or (key in GROUPS and key not in CHANNELS and not groups):
        return None
    return key


@dataclass(frozen=True)
class SpendingInfo:
    id: int
    day: dt.date
    per_month: bool
    channel: str
    amount: float
    note: str


@dataclass(frozen=True)
class BudgetUse:
    """A month's budget for a scope (a channel or a group), what was spent and what is left."""

    scope: str
    month: dt.date
    budget: float | None
    used: float

    @property
    def left(self) -> float | None:
        return None if self.budget is None else self.budget - self.used

    @property
    def share(self) -> float | None:
        return self.used / self.budget if self.budget else None


Entry = tuple[dt.date, bool, str, float | None, str]
"""(day — the month's first day when per month —, per month, channel, amount or None to
remove, note)."""


@dataclass
class SpendingImport:
    """What a spending import would do (nothing written yet)."""

    table: Table
    plan_id: int
    entries: list[Entry]
    problems: list[Any]
    rows: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    months: set[dt.date] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_when(raw: Any) -> tuple[dt.date, bool]:
    """A day (2026-09-01…) or a month (2026-09, 2026年9月) → (day or first day, per month).
    Raises ``ValueError``."""
    if isinstance(raw, dt.date):
        return (raw.date() if isinstance(raw, dt.datetime) else raw), False
    m = _MONTH.match(str(raw).strip())
    if m:
        return dt.date(int(m[1]), int(m[2]), 1), True
    return parse_day(raw), False


def spend_parts(entries: Iterable[tuple[dt.date, bool, str, float]]
                ) -> dict[str, dict[dt.date, float]]:
    """(day, per month, channel, amount)s → spending per day by group (``spend:ads``,
    ``spend:goods``, ``spend:staff``, ``spend:operations``) and by channel (``spend:ztc`` …);
    a month's entry is spread evenly over the month's days."""
    out: dict[str, dict[dt.date, float]] = {}
    for day, per_month, channel, amount in entries:
        if channel not in CHANNELS:
            continue
        targets = [out.setdefault(f"spend:{group_of(channel)}", {})]
        if channel != group_of(channel):
            targets.append(out.setdefault(f"spend:{channel}", {}))
        if per_month:
            m0, m1 = km.period_bounds(day, "month")
            days = (m1 - m0).days + 1
            spread = [(m0 + dt.timedelta(days=i), amount / days) for i in range(days)]
        else:
            spread = [(day, amount)]
        for series in targets:
            for d, v in spread:
                series[d] = series.get(d, 0.0) + v
    return out


class SpendingService(Service):
    # ---- reading
    def entries(self, plan_id: int, start: dt.date | None = None,
                end: dt.date | None = None) -> builtins.list[SpendingInfo]:
        stmt = select(SpendingEntry.id, SpendingEntry.day, SpendingEntry.per_month,
                      SpendingEntry.channel, SpendingEntry.amount, SpendingEntry.note
                      ).where(SpendingEntry.plan_id == plan_id)
        if start is not None:
            stmt = stmt.where(SpendingEntry.day >= km.month_start(start))
        if end is not None:
            stmt = stmt.where(SpendingEntry.day <= end)
        with self.store.read() as s:
            rows = s.execute(stmt.order_by(SpendingEntry.day, SpendingEntry.per_month,
                                          SpendingEntry.channel)).all()
        out = [SpendingInfo(*r) for r in rows]
        if start is not None:  # a month entry counts when its month reaches ``start``
            out = [e for e in out if e.day >= start or e.per_month]
        return out

    def budgets(self, plan_id: int, month: dt.date | None = None) -> builtins.list[
            tuple[dt.date, str, float]]:
        stmt = select(SpendingBudget.month, SpendingBudget.scope, SpendingBudget.amount).where(
            SpendingBudget.plan_id == plan_id)
        if month is not None:
            stmt = stmt.where(SpendingBudget.month == km.month_start(month))
        with self.store.read() as s:
            return [tuple(r) for r in s.execute(stmt.order_by(SpendingBudget.month,  # type: ignore[misc]
                                                              SpendingBudget.scope))]

    def month_use(self, plan_id: int, day: dt.date) -> builtins.list[BudgetUse]:
        """Each budgeted scope of ``day``'s month: budget, used (spent so far in the month,
        the month entries whole) and left."""
        month0, month1 = km.period_bounds(day, "month")
        spent: dict[str, float] = {}
        for e in self.entries(plan_id, month0, month1):
            spent[e.channel] = spent.get(e.channel, 0.0) + e.amount
        out = []
        for _m, scope, amount in self.budgets(plan_id, month0):
            used = sum(spent.get(c, 0.0) for c in channels_of(scope))
            out.append(BudgetUse(scope, month0, amount, used))
        return out

    def daily_parts(self, plan_id: int, start: dt.date | None = None,
                    end: dt.date | None = None) -> dict[str, dict[dt.date, float]]:
        """Ad spend (``spend:ads``) and cost of goods (``spend:goods``) per day, a month's
        entry spread evenly over its days: the parts of ROI, cost shares and gross margin."""
        return spend_parts((e.day, e.per_month, e.channel, e.amount)
                           for e in self.entries(plan_id, start, end))

    # ---- writing
    def enter(self, actor: Actor, plan_id: int, entries: Iterable[Entry],
              action: str = "manual") -> Changes:
        """Set (or, amount None, remove) spending entries in one action; amounts equal to
        what is stored are left alone, so entering the same again writes and logs nothing."""
        permissions.require_manager(actor, ENTER_SPENDING)
        rows = [self._checked_entry(e) for e in entries]
        keyed = {(d, m, c): (d, m, c, a, n) for d, m, c, a, n in rows}
        with self.store.write() as s:
            current = self._current(s, plan_id, list(keyed))
            put: builtins.list[dict[str, Any]] = []
            gone: builtins.list[int] = []
            for key, (d, m, c, a, n) in keyed.items():
                old = current.get(key)
                if a is None:
                    if old is not None:
                        gone.append(old[0])
                elif old is None or old[1] != a or (n and old[2] != n):
                    put.append(dict(plan_id=plan_id, day=d, per_month=m, channel=c, amount=a,
                                    note=n or (old[2] if old else ""), entered_by=actor.user_id,
                                    entered_at=self.clock()))
            if not put and not gone:
                return Changes(plan_id=plan_id)
            upsert(s, SpendingEntry.__table__, put, keys=("plan_id", "day", "per_month", "channel"),
                   update=("amount", "note", "entered_by", "entered_at"))
            for i in range(0, len(gone), 400):
                s.execute(delete(SpendingEntry).where(SpendingEntry.id.in_(gone[i:i + 400])))
            days: builtins.list[dt.date] = [r["day"] for r in put]
            days += [k[0] for k, v in current.items() if v[0] in gone]
            cid = self.log(s, actor, "spending", None, action, plan_id=plan_id,
                           after=dict(count=len(put), removed=len(gone), first=min(days),
                                      last=max(days)))
        return Changes(kpis=True, change_id=cid, plan_id=plan_id)

    def set_budgets(self, actor: Actor, plan_id: int,
                    budgets: Iterable[tuple[dt.date, str, float | None]]) -> Changes:
        """Set (or, None, remove) monthly budgets per scope in one action."""
        permissions.require_manager(actor, ENTER_SPENDING)
        items: dict[tuple[dt.date, str], float | None] = {}
        for month, scope, amount in budgets:
            key = channel_key(scope, groups=True)
            if key is None:
                raise ValidationError(UNKNOWN_SCOPE, field="scope", value=scope)
            items[(km.month_start(month), key)] = self._amount(amount)
        with self.store.write() as s:
            have = {(r.month, r.scope): (r.id, r.amount) for r in s.execute(
                select(SpendingBudget.id, SpendingBudget.month, SpendingBudget.scope,
                       SpendingBudget.amount).where(SpendingBudget.plan_id == plan_id))}
            put = [dict(plan_id=plan_id, month=m, scope=sc, amount=a)
                   for (m, sc), a in items.items() if a is not None and have.get((m, sc), (0, None))[1] != a]
            gone = [have[k][0] for k, a in items.items() if a is None and k in have]
            if not put and not gone:
                return Changes(plan_id=plan_id)
            upsert(s, SpendingBudget.__table__, put, keys=("plan_id", "month", "scope"),
                   update=("amount",))
            if gone:
                s.execute(delete(SpendingBudget).where(SpendingBudget.id.in_(gone)))
            cid = self.log(s, actor, "spending_budgets", None, "set", plan_id=plan_id,
                           after=dict(count=len(put), removed=len(gone)))
        return Changes(kpis=True, change_id=cid, plan_id=plan_id)

    def seed_budgets(self, actor: Actor, plan_id: int, first: dt.date, months: int,
                     ads: float | None = None) -> Changes:
        """The seeds' budgets for ``months`` months from ``first``: the team's 2万/月, and
        the ad budget (``ads`` a month) when given."""
        items: list[tuple[dt.date, str, float | None]] = []
        month = km.month_start(first)
        for _ in range(months):
            items.append((month, "staff", TEAM_BUDGET))
            if ads is not None:
                items.append((month, "ads", ads))
            month = km.month_end(month) + dt.timedelta(days=1)
        return self.set_budgets(actor, plan_id, items)

    # ---- importing
    def read_table(self, path, encoding: str | None = None, header_row: int | None = None) -> Table:
        known = [*DATE_NAMES, *CHANNEL_NAMES, *AMOUNT_NAMES, *NOTE_NAMES]
        return _read_table(path, encoding, known=known, header_row=header_row)

    def prepare_import(self, actor: Actor, plan_id: int, table: Table) -> SpendingImport:
        """Check every row (problems by line and column) and compare with what is stored;
        writes nothing. Rows for the same day (or month) and channel add up."""
        permissions.require_manager(actor, ENTER_SPENDING)
        lower = {h.strip().lower(): i for i, h in enumerate(table.headers)}

        def find(names: Sequence[str]) -> int | None:
            return next((lower[n.lower()] for n in names if n.lower() in lower), None)

        date_c, chan_c, amount_c, note_c = (find(DATE_NAMES), find(CHANNEL_NAMES),
                                            find(AMOUNT_NAMES), find(NOTE_NAMES))
        if date_c is None or chan_c is None or amount_c is None:
            raise ValidationError(NO_COLUMNS, field="file", file=table.name,
                                  columns=", ".join(h for h in table.headers if h) or "—")
        problems: list[Any] = []
        sums: dict[tuple[dt.date, bool, str], float] = {}
        notes: dict[tuple[dt.date, bool, str], str] = {}
        from opsdesk.services.kpi_import import Problem

        def where(line: int, c: int) -> dict:
            return dict(file=table.name, line=line,
                        column=f"{column_letter(c)} ({table.headers[c]})")

        for n, row in enumerate(table.rows):
            if not any(str(c).strip() for c in row):
                continue
            line = table.line(n)
            cell = (lambda c, row=row: row[c] if c < len(row) else "")  # noqa: E731
            bad = False
            try:
                day, per_month = parse_when(cell(date_c))
            except (ValueError, TypeError):
                problems.append(Problem(ROW_NOT_A_DAY, dict(where(line, date_c),
                                                            value=cell(date_c)), line))
                bad = True
            channel = channel_key(cell(chan_c))
            if channel is None:
                problems.append(Problem(ROW_UNKNOWN_CHANNEL, dict(where(line, chan_c),
                                                                  value=cell(chan_c)), line))
                bad = True
            try:
                amount = parse_number(cell(amount_c))
            except (ValueError, TypeError):
                problems.append(Problem(ROW_NOT_A_NUMBER, dict(where(line, amount_c),
                                                               value=cell(amount_c)), line))
                continue
            if amount < 0:
                problems.append(Problem(ROW_NEGATIVE, dict(where(line, amount_c),
                                                           value=cell(amount_c)), line))
                continue
            if bad:
                continue
            assert channel is not None
            key = (day, per_month, channel)
            sums[key] = sums.get(key, 0.0) + amount
            if note_c is not None and str(cell(note_c)).strip():
                notes[key] = str(cell(note_c)).strip()[:500]
        prep = SpendingImport(table, plan_id, [], problems, rows=len(table.rows))
        with self.store.read() as s:
            current = self._current(s, plan_id, list(sums))
        for key, amount in sums.items():
            old = current.get(key)
            amount = round(amount, 6)
            if old is not None and old[1] == amount:
                prep.unchanged += 1
                continue
            prep.new += old is None
            prep.changed += old is not None
            prep.entries.append((*key, amount, notes.get(key, "")))
            prep.months.add(km.month_start(key[0]))
        return prep

    def apply_import(self, actor: Actor, prep: SpendingImport) -> Changes:
        """Write a checked import in one action; refuses a file with problems."""
        if prep.problems:
            raise ValidationError(SPENDING_PROBLEMS, field="file", file=prep.table.name,
                                  count=len(prep.problems), first=prep.problems[0].message)
        if not prep.entries:
            return Changes(plan_id=prep.plan_id)
        return self.enter(actor, prep.plan_id, prep.entries, action="import")

    # ---- helpers
    @staticmethod
    def _amount(amount: Any) -> float | None:
        if amount is None:
            return None
        if isinstance(amount, bool) or not isinstance(amount, int | float) or not math.isfinite(amount):
            raise ValidationError(NOT_AN_AMOUNT, field="amount", value=amount)
        if amount < 0:
            raise ValidationError(NEGATIVE_AMOUNT, field="amount", value=amount)
        return round(float(amount), 6)

    def _checked_entry(self, entry: Entry) -> Entry:
        day, per_month, channel, amount, note = entry
        if isinstance(day, dt.datetime):
            day = day.date()
        if not isinstance(day, dt.date):
            raise ValidationError(NOT_A_DAY, field="day", value=day)
        key = channel_key(channel)
        if key is None:
            raise ValidationError(UNKNOWN_CHANNEL, field="channel", value=channel)
        return (km.month_start(day) if per_month else day, bool(per_month), key,
                self._amount(amount), (note or "")[:500])

    @staticmethod
    def _current(s, plan_id: int, keys: builtins.list[tuple[dt.date, bool, str]]
                 ) -> dict[tuple[dt.date, bool, str], tuple[int, float, str]]:
        """Stored (id, amount, note) of the given (day, per month, channel)s."""
        if not keys:
            return {}
        lo, hi = min(k[0] for k in keys), max(k[0] for k in keys)
        rows = s.execute(select(SpendingEntry.id, SpendingEntry.day, SpendingEntry.per_month,
                                SpendingEntry.channel, SpendingEntry.amount, SpendingEntry.note)
                         .where(and_(SpendingEntry.plan_id == plan_id, SpendingEntry.day >= lo,
                                     SpendingEntry.day <= hi))).all()
        wanted = set(keys)
        return {(d, bool(m), c): (i, a, n) for i, d, m, c, a, n in rows if (d, bool(m), c) in wanted}

