"""Derived KPIs in the KPI reads: ROI, conversion, cost shares and gross margin worked out
from their parts (the sales, visitors and orders KPIs' daily values, the spending entries)
on the days nobody entered a finished number. Used by ``kpi_reads`` (the dashboard and the
charts), so a derived KPI is shown and charted like the others; its formula comes from
``model/kpi_derive.py``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select

from opsdesk.model import KpiValue
from opsdesk.model import kpi_math as km
from opsdesk.model.kpi_derive import FORMULAS, Formula, derive
from opsdesk.model.spending import SpendingEntry

Series = list[tuple[dt.date, float]]


def formula_of(kpi) -> Formula | None:
    """The formula a KPI can be worked out with (by its key), or None."""
    return FORMULAS.get(getattr(kpi, "key", ""))


def formula_text(kpi, lang: str) -> str:
    """The formula to show beside a derived KPI ("ROI = sales ÷ ad spend …"), or ""."""
    f = formula_of(kpi)
    return f.text(lang) if f is not None else ""


def derived_series(s, plan_id: int, kpis: Sequence, stored: dict[int, Series],
                   start: dt.date, end: dt.date) -> dict[int, Series]:
    """For each KPI with a formula whose parts have values: its stored values plus the
    derived ones on the days in ``start``–``end`` without a stored value, by day. ``stored``
    holds the KPIs' values already read (KPI id → (day, value)s in the span); the parts not
    in it are read here (one query), and the spending (one query)."""
    by_key = {k.key: k for k in kpis}
    wanted = [k for k in kpis if k.key in FORMULAS]
    if not wanted:
        return {}
    part_ids = {by_key[p].id for k in wanted for p in FORMULAS[k.key].parts if p in by_key}
    values: dict[int, dict[dt.date, float]] = {
        i: {d: v for d, v in stored[i] if start <= d <= end} for i in part_ids if i in stored}
    missing = part_ids - set(values)
    if missing:
        for kid, day, value in s.execute(
                select(KpiValue.kpi_id, KpiValue.day, KpiValue.value)
                .where(KpiValue.kpi_id.in_(missing), KpiValue.day >= start,
                       KpiValue.day <= end)):
            values.setdefault(kid, {})[day] = value
    from opsdesk.services.spending import spend_parts

    spend = spend_parts(s.execute(
        select(SpendingEntry.day, SpendingEntry.per_month, SpendingEntry.channel,
               SpendingEntry.amount)
        .where(SpendingEntry.plan_id == plan_id, SpendingEntry.day >= km.month_start(start),
               SpendingEntry.day <= end)).all())
    parts: dict[str, dict[dt.date, float]] = {key: values.get(k.id, {}) for key, k in by_key.items()
                                              if k.id in part_ids}
    parts.update(spend)
    out: dict[int, Series] = {}
    for k in wanted:
        made = [(d, v) for d, v in derive(FORMULAS[k.key], parts) if start <= d <= end]
        if not made:
            continue
        own = stored.get(k.id, [])
        have = {d for d, _v in own}
        extra = [(d, v) for d, v in made if d not in have]
        if extra:
            out[k.id] = sorted([*own, *extra])
    return out
