"""KPIs: definitions, targets per period, and daily values (typed or imported)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from opsdesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from opsdesk.model import Kpi, KpiTarget, KpiValue
from opsdesk.model.enums import ValueSource
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes
from opsdesk.store.sql import upsert

NOT_A_NUMBER = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a number.")


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


class KpiService(Service):
    def list(self, plan_id: int) -> list[KpiInfo]:
        with self.store.read() as s:
            rows = s.execute(select(*KPI_COLUMNS).where(Kpi.plan_id == plan_id)
                             .order_by(Kpi.position, Kpi.id)).all()
        return [KpiInfo(*r) for r in rows]

    def targets(self, kpi_id: int) -> list[TargetInfo]:
        with self.store.read() as s:
            rows = s.execute(select(KpiTarget.id, KpiTarget.kpi_id, KpiTarget.period_start,
                                    KpiTarget.period_end, KpiTarget.low, KpiTarget.high,
                                    KpiTarget.label).where(KpiTarget.kpi_id == kpi_id)
                             .order_by(KpiTarget.period_start, KpiTarget.period_end)).all()
        return [TargetInfo(*r) for r in rows]

    def values(self, kpi_id: int, start: dt.date | None = None,
               end: dt.date | None = None) -> list[tuple[dt.date, float]]:
        stmt = select(KpiValue.day, KpiValue.value).where(KpiValue.kpi_id == kpi_id)
        if start is not None:
            stmt = stmt.where(KpiValue.day >= start)
        if end is not None:
            stmt = stmt.where(KpiValue.day <= end)
        with self.store.read() as s:
            return [tuple(r) for r in s.execute(stmt.order_by(KpiValue.day))]

    def record(self, actor: Actor, kpi_id: int, values: Iterable[tuple[dt.date, float]],
               source: str = ValueSource.MANUAL) -> Changes:
        """Set daily values (insert or replace per day) in one action."""
        rows = []
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
