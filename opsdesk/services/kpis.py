"""KPIs: definitions, targets per period, and daily values (typed or imported)."""

from __future__ import annotations

import builtins
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, tuple_, update

from opsdesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from opsdesk.model import Kpi, KpiTarget, KpiValue, Phase, Plan, Task
from opsdesk.model.enums import Aggregation, Direction, KpiUnit, ValueSource
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service, inserted_id
from opsdesk.services.changes import Changes
from opsdesk.services.kpi_reads import KpiReads
from opsdesk.store.engine import defer_checkpoint
from opsdesk.store.sql import upsert

NOT_A_NUMBER = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a number.")
NEGATIVE = QT_TRANSLATE_NOOP("Errors", "{kpi}: a count cannot be negative ({value}).")
OUTSIDE_PLAN = QT_TRANSLATE_NOOP(
    "Errors", "{day} is outside the plan ({first} to {last}).")
BAD_DECIMALS = QT_TRANSLATE_NOOP("Errors", "Decimals must be between 0 and 6.")
NO_BOUND = QT_TRANSLATE_NOOP("Errors", "A target needs a low or a high value.")
LOW_ABOVE_HIGH = QT_TRANSLATE_NOOP("Errors", "The target’s low value {low} is above its high value {high}.")
KEY_TAKEN = QT_TRANSLATE_NOOP("Errors", "The plan already has a KPI with the key “{key}”.")
# From this many values in one write, their WAL is copied into the file after the write
# returns (``store.engine.defer_checkpoint``), not while the importer waits.
DEFER_CHECKPOINT_FROM = 20_000
KPI_FIELDS = ("key", "name_zh", "name_en", "unit", "direction", "aggregation", "owner_role_id",
              "decimals")
Entry = tuple[int, dt.date, float | None]
"""(kpi id, day, value); value None removes the day's value."""


@dataclass(frozen=True)
class KpiInfo:
    id: int
    plan_id: int
    key: str
    name_zh: str
    name_en: str
    unit: str
    direction: str
    aggregation: str
    owner_role_id: int | None
    decimals: int

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class TargetInfo:
    id: int
    kpi_id: int
    period_start: dt.date
    period_end: dt.date
    low: float | None
    high: float | None
    label: str


KPI_COLUMNS = (Kpi.id, Kpi.plan_id, Kpi.key, Kpi.name_zh, Kpi.name_en, Kpi.unit, Kpi.direction,
               Kpi.aggregation, Kpi.owner_role_id, Kpi.decimals)


class KpiService(KpiReads, Service):
    def list(self, plan_id: int) -> list[KpiInfo]:
        with self.store.read() as s:
            rows = s.execute(select(*KPI_COLUMNS).where(Kpi.plan_id == plan_id)
                             .order_by(Kpi.position, Kpi.id)).all()
        return [KpiInfo(**r._mapping) for r in rows]  # by name: the columns are the fields

    def targets(self, kpi_id: int) -> builtins.list[TargetInfo]:
        with self.store.read() as s:
            rows = s.execute(select(KpiTarget.id, KpiTarget.kpi_id, KpiTarget.period_start,
                                    KpiTarget.period_end, KpiTarget.low, KpiTarget.high,
                                    KpiTarget.label).where(KpiTarget.kpi_id == kpi_id)
                             .order_by(KpiTarget.period_start, KpiTarget.period_end)).all()
        return [TargetInfo(*r) for r in rows]

    def values(self, kpi_id: int, start: dt.date | None = None,
               end: dt.date | None = None) -> builtins.list[tuple[dt.date, float]]:
        stmt = select(KpiValue.day, KpiValue.value).where(KpiValue.kpi_id == kpi_id)
        if start is not None:
            stmt = stmt.where(KpiValue.day >= start)
        if end is not None:
            stmt = stmt.where(KpiValue.day <= end)
        with self.store.read() as s:
            return [(day, value) for day, value in s.execute(stmt.order_by(KpiValue.day))]

    def record(self, actor: Actor, kpi_id: int, values: Iterable[tuple[dt.date, float]],
               source: str = ValueSource.MANUAL) -> Changes:
        """Set daily values (insert or replace per day) in one action."""
        rows: builtins.list[dict[str, Any]] = []
        for day, value in values:
            validate.date(day, "day")
            if not isinstance(value, int | float) or not math.isfinite(value):
                raise ValidationError(NOT_A_NUMBER, field="value", value=value)
            rows.append(dict(kpi_id=kpi_id, day=day, value=float(value), source=source,
                             entered_by=actor.user_id, entered_at=self.clock()))
        with self.store.write() as s:
            kpi = s.execute(select(Kpi.plan_id, Kpi.owner_role_id).where(Kpi.id == kpi_id)).first()
            if kpi is None:
                raise NotFound()
            if not permissions.can_enter_kpi(actor, kpi.owner_role_id):
                raise permissions.deny(actor, permissions.ENTER_KPI)
            upsert(s, KpiValue.__table__, rows, keys=("kpi_id", "day"),
                   update=("value", "source", "entered_by", "entered_at"))
            days = [r["day"] for r in rows]
            cid = self.log(s, actor, "kpi_values", kpi_id, source, plan_id=kpi.plan_id,
                           after=dict(count=len(rows), first=min(days, default=None),
                                      last=max(days, default=None)))
        return Changes(kpis=True, ids=frozenset({kpi_id}), change_id=cid, plan_id=kpi.plan_id)

    # ---- entering values (typed, pasted or imported)

    def plan_span(self, plan_id: int) -> tuple[dt.date, dt.date]:
        """The days a plan covers: its phases, task dates, KPI targets and launch day."""
        with self.store.read() as s:
            return self._span(s, plan_id)

    @staticmethod
    def _span(s, plan_id: int) -> tuple[dt.date, dt.date]:
        launch = s.execute(select(Plan.launch_date).where(Plan.id == plan_id)).scalar_one_or_none()
        if launch is None:
            raise NotFound()
        ph = s.execute(select(func.min(Phase.start), func.max(Phase.end))
                       .where(Phase.plan_id == plan_id)).one()
        tk = s.execute(select(func.min(Task.start), func.max(Task.due))
                       .where(Task.plan_id == plan_id)).one()
        tg = s.execute(select(func.min(KpiTarget.period_start), func.max(KpiTarget.period_end))
                       .join(Kpi, Kpi.id == KpiTarget.kpi_id).where(Kpi.plan_id == plan_id)).one()
        firsts = [d for d in (launch, ph[0], tk[0], tg[0]) if d is not None]
        lasts = [d for d in (launch, ph[1], tk[1], tg[1]) if d is not None]
        return min(firsts), max(lasts)

    def values_at(self, keys: Iterable[tuple[int, dt.date]]) -> builtins.list[Entry]:
        """The current value (or None) of each (kpi id, day): what an undo puts back."""
        keys = list(dict.fromkeys(keys))
        with self.store.read() as s:
            found = self._current(s, [(k, d, None) for k, d in keys])
        return [(k, d, found.get((k, d))) for k, d in keys]

    def check_entries(self, actor: Actor, plan_id: int, entries: Iterable[Entry]) -> None:
        """Validate without writing (the import's preview uses the same rules)."""
        with self.store.read() as s:
            self._checked(s, actor, plan_id, list(entries))

    def _checked(self, s, actor: Actor, plan_id: int,
                 entries: builtins.list[Entry]) -> dict[int, tuple]:
        kpis = {r.id: r for r in s.execute(select(Kpi.id, Kpi.owner_role_id, Kpi.unit, Kpi.key,
                                                   Kpi.name_zh).where(Kpi.plan_id == plan_id))}
        first, last = self._span(s, plan_id)
        for kpi_id, day, value in entries:
            kpi = kpis.get(kpi_id)
            if kpi is None:
                raise NotFound()
            if not permissions.can_enter_kpi(actor, kpi.owner_role_id):
                raise permissions.deny(actor, permissions.ENTER_KPI)
            validate.date(day, "day")
            if not first <= day <= last:
                raise ValidationError(OUTSIDE_PLAN, field="day", day=day.isoformat(),
                                      first=first.isoformat(), last=last.isoformat())
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ValidationError(NOT_A_NUMBER, field="value", value=value)
            if value < 0 and kpi.unit == KpiUnit.COUNT:
                raise ValidationError(NEGATIVE, field="value", kpi=kpi.name_zh, value=value)
        return kpis

    def enter(self, actor: Actor, plan_id: int, entries: Iterable[Entry],
              source: str = ValueSource.MANUAL, check: bool = True, diff: bool = True) -> Changes:
        """Set or clear daily values of several KPIs in one action (all or nothing).

        Values equal to what is stored are skipped, so entering the same numbers again
        writes nothing and logs nothing. ``check=False``: the caller validated the entries
        (permissions are checked regardless); ``diff=False``: the caller already left out
        the unchanged ones (the import)."""
        entries = list({(k, d): (k, d, v) for k, d, v in entries}.values())
        with self.store.write() as s:
            if check:
                self._checked(s, actor, plan_id, entries)
            else:
                kpis = dict(s.execute(select(Kpi.id, Kpi.owner_role_id).where(Kpi.plan_id == plan_id)).all())
                for kpi_id in {e[0] for e in entries}:
                    if kpi_id not in kpis:
                        raise NotFound()
                    if not permissions.can_enter_kpi(actor, kpis[kpi_id]):
                        raise permissions.deny(actor, permissions.ENTER_KPI)
            if diff:
                current = self._current(s, entries)
                rows = [(k, d, float(v)) for k, d, v in entries
                        if v is not None and current.get((k, d)) != float(v)]
                gone = [(k, d) for k, d, v in entries if v is None and (k, d) in current]
            else:
                rows = [(k, d, float(v)) for k, d, v in entries if v is not None]
                gone = [(k, d) for k, d, v in entries if v is None]
            if not rows and not gone:
                return Changes(plan_id=plan_id)
            self._upsert(s, rows, source, actor.user_id, self.clock())
            for i in range(0, len(gone), 400):
                s.execute(delete(KpiValue).where(tuple_(KpiValue.kpi_id, KpiValue.day).in_(gone[i:i + 400])))
            days = [d for _, d, _ in rows] + [d for _, d in gone]
            touched = sorted({k for k, _, _ in rows} | {k for k, _ in gone})
            cid = self.log(s, actor, "kpi_values", touched[0] if len(touched) == 1 else None, source,
                           plan_id=plan_id,
                           after=dict(kpis=touched, count=len(rows), removed=len(gone),
                                      first=min(days), last=max(days)))
        return Changes(kpis=True, ids=frozenset(touched), change_id=cid, plan_id=plan_id)

    @staticmethod
    def _upsert(s, rows: builtins.list[tuple[int, dt.date, float]], source: str,
                user_id: int | None, now: dt.datetime) -> None:
        """Insert or replace daily values. On SQLite the rows go to the driver as tuples in
        SQLAlchemy's own storage format (ISO text): 100k rows in well under a second."""
        if not rows:
            return
        if s.get_bind().dialect.name != "sqlite":
            upsert(s, KpiValue.__table__, [dict(kpi_id=k, day=d, value=v, source=source,
                                                entered_by=user_id, entered_at=now) for k, d, v in rows],
                   keys=("kpi_id", "day"), update=("value", "source", "entered_by", "entered_at"))
            return
        stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")
        if len(rows) >= DEFER_CHECKPOINT_FROM:  # a big import: its WAL is copied afterwards
            defer_checkpoint(s.connection())
        s.connection().exec_driver_sql(
            "INSERT INTO kpi_values (kpi_id, day, value, source, entered_by, entered_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kpi_id, day) DO UPDATE SET value = excluded.value, "
            "source = excluded.source, entered_by = excluded.entered_by, entered_at = excluded.entered_at",
            [(k, d.isoformat(), v, source, user_id, stamp) for k, d, v in rows])

    @staticmethod
    def _current(s, entries: builtins.list[Entry]) -> dict[tuple[int, dt.date], float]:
        """Stored values of the entries' (kpi, day)s: one range query per KPI."""
        spans: dict[int, list[dt.date]] = {}
        for k, d, _ in entries:
            span = spans.setdefault(k, [d, d])
            span[0], span[1] = min(span[0], d), max(span[1], d)
        out: dict[tuple[int, dt.date], float] = {}
        for k, (lo, hi) in spans.items():
            rows = s.execute(select(KpiValue.day, KpiValue.value).where(
                KpiValue.kpi_id == k, KpiValue.day >= lo, KpiValue.day <= hi))
            out.update({(k, d): v for d, v in rows})
        return out

    # ---- definitions and targets (manager)

    def _fields(self, fields: dict) -> dict:
        out = {}
        for name, value in fields.items():
            if name not in KPI_FIELDS:
                raise TypeError(name)
            if name in ("key", "name_zh", "name_en"):
                value = validate.text(value, name, 200)
            elif name == "unit":
                value = validate.choice(value, KpiUnit, "unit")
            elif name == "direction":
                value = validate.choice(value, Direction, "direction")
            elif name == "aggregation":
                value = validate.choice(value, Aggregation, "aggregation")
            elif name == "decimals" and (not isinstance(value, int) or not 0 <= value <= 6):
                raise ValidationError(BAD_DECIMALS, field="decimals")
            out[name] = value
        return out

    def create(self, actor: Actor, plan_id: int, **fields) -> Changes:
        permissions.require_manager(actor, permissions.SET_TARGETS)
        values = dict(unit="count", direction="higher", aggregation="sum", decimals=0,
                      owner_role_id=None)
        values.update(self._fields(fields))
        with self.store.write() as s:
            if s.execute(select(Kpi.id).where(Kpi.plan_id == plan_id, Kpi.key == values["key"])).first():
                raise ValidationError(KEY_TAKEN, field="key", key=values["key"])
            pos = s.execute(select(func.coalesce(func.max(Kpi.position), 0))
                            .where(Kpi.plan_id == plan_id)).scalar_one() + 1
            kpi_id = inserted_id(s.execute(
                insert(Kpi).values(plan_id=plan_id, position=pos, **values)))
            cid = self.log(s, actor, "kpis", kpi_id, "create", after=values, plan_id=plan_id)
        return Changes(kpis=True, ids=frozenset({kpi_id}), change_id=cid, plan_id=plan_id)

    def update(self, actor: Actor, kpi_id: int, **fields) -> Changes:
        permissions.require_manager(actor, permissions.SET_TARGETS)
        values = self._fields(fields)
        cols = [getattr(Kpi, n) for n in values]
        with self.store.write() as s:
            row = s.execute(select(Kpi.plan_id, *cols).where(Kpi.id == kpi_id)).first()
            if row is None:
                raise NotFound()
            before = dict(zip(values, row[1:], strict=True))
            s.execute(update(Kpi).where(Kpi.id == kpi_id).values(**values))
            cid = self.log(s, actor, "kpis", kpi_id, "update", before=before, after=values,
                           plan_id=row.plan_id)
        return Changes(kpis=True, ids=frozenset({kpi_id}), change_id=cid, plan_id=row.plan_id)

    def delete(self, actor: Actor, kpi_id: int) -> Changes:
        permissions.require_manager(actor, permissions.SET_TARGETS)
        with self.store.write() as s:
            row = s.execute(select(*KPI_COLUMNS).where(Kpi.id == kpi_id)).first()
            if row is None:
                raise NotFound()
            s.execute(delete(Kpi).where(Kpi.id == kpi_id))
            cid = self.log(s, actor, "kpis", kpi_id, "delete", before=dict(row._mapping),
                           plan_id=row.plan_id)
        return Changes(kpis=True, ids=frozenset({kpi_id}), change_id=cid, plan_id=row.plan_id)

    def set_targets(self, actor: Actor, kpi_id: int, targets: Iterable[dict]) -> Changes:
        """Replace a KPI's targets (per month, custom range, phase or traffic step) at once.

        Each target: ``period_start``, ``period_end``, ``low``, ``high``, ``label``."""
        permissions.require_manager(actor, permissions.SET_TARGETS)
        rows = []
        for t in targets:
            start, end = validate.date(t["period_start"], "start"), validate.date(t["period_end"], "due")
            validate.date_order(start, end)
            low, high = t.get("low"), t.get("high")
            if low is None and high is None:
                raise ValidationError(NO_BOUND, field="low")
            if low is not None and high is not None and low > high:
                raise ValidationError(LOW_ABOVE_HIGH, field="low", low=low, high=high)
            rows.append(dict(kpi_id=kpi_id, period_start=start, period_end=end, low=low, high=high,
                             label=t.get("label") or ""))
        with self.store.write() as s:
            plan_id = s.execute(select(Kpi.plan_id).where(Kpi.id == kpi_id)).scalar_one_or_none()
            if plan_id is None:
                raise NotFound()
            before = [dict(r._mapping) for r in s.execute(
                select(KpiTarget.period_start, KpiTarget.period_end, KpiTarget.low, KpiTarget.high,
                       KpiTarget.label).where(KpiTarget.kpi_id == kpi_id))]
            s.execute(delete(KpiTarget).where(KpiTarget.kpi_id == kpi_id))
            if rows:
                s.execute(insert(KpiTarget), rows)
            cid = self.log(s, actor, "kpi_targets", kpi_id, "set", before=dict(targets=before),
                           after=dict(targets=[{k: v for k, v in r.items() if k != "kpi_id"} for r in rows]),
                           plan_id=plan_id)
        return Changes(kpis=True, ids=frozenset({kpi_id}), change_id=cid, plan_id=plan_id)

    # ---- a plan without KPIs (an imported Planner or MS Project plan)

    def add_from_template(self, actor: Actor, plan_id: int, template,
                          lang: str = "zh_CN") -> Changes:
        """Copy the template's KPI definitions and targets (dated from the plan's launch day)
        into the plan, leaving out keys it already has; one action, one undo step. The
        template's owner roles are made when the team has none of that key."""
        from opsdesk.model import Role

        permissions.require_manager(actor, permissions.SET_TARGETS)
        with self.store.write() as s:
            launch = s.execute(select(Plan.launch_date).where(Plan.id == plan_id)).scalar_one_or_none()
            if launch is None:
                raise NotFound()
            have = set(s.execute(select(Kpi.key).where(Kpi.plan_id == plan_id)).scalars())
            roles = dict(s.execute(select(Role.key, Role.id)).all())
            pos = s.execute(select(func.coalesce(func.max(Kpi.position), 0))
                            .where(Kpi.plan_id == plan_id)).scalar_one()
            added: builtins.list[int] = []
            for k in template.kpis:
                if k.key in have:
                    continue
                if k.owner and k.owner not in roles:
                    spec = next((r for r in template.roles if r.key == k.owner), None)
                    if spec is not None:
                        roles[k.owner] = inserted_id(s.execute(insert(Role).values(
                            key=spec.key, name_zh=spec.name.zh, name_en=spec.name.en, color=spec.color)))
                pos += 1
                kpi_id = inserted_id(s.execute(insert(Kpi).values(
                    plan_id=plan_id, key=k.key, name_zh=k.name.zh, name_en=k.name.en, unit=k.unit,
                    direction=k.direction, aggregation=k.aggregation,
                    owner_role_id=roles.get(k.owner) if k.owner else None, decimals=k.decimals,
                    position=pos)))
                rows = [dict(kpi_id=kpi_id, period_start=tg.start.on(launch),
                             period_end=tg.end.on(launch), low=tg.low, high=tg.high,
                             label=tg.label.get(lang)) for tg in k.targets]
                if rows:
                    s.execute(insert(KpiTarget), rows)
                added.append(kpi_id)
            if not added:
                return Changes(plan_id=plan_id)
            cid = self.log(s, actor, "kpis", None, "add_from_template", plan_id=plan_id,
                           after=dict(template=template.key, count=len(added)))
        return Changes(kpis=True, people=True, ids=frozenset(added), change_id=cid, plan_id=plan_id)
