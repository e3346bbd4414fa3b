"""KPI reads shaped for the dashboard and the charts (few queries, plain dataclasses)."""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from opsdesk.model import Kpi, KpiTarget, KpiValue, Phase, Task
from opsdesk.model import kpi_math as km
from opsdesk.services.kpi_derived import derived_series, formula_of, formula_text

if TYPE_CHECKING:
    from opsdesk.services.kpis import KpiInfo
    from opsdesk.store import Store

SPARK_DAYS = 30


@dataclass(frozen=True)
class KpiCard:
    """One dashboard card: this period's actual against its target."""

    kpi: KpiInfo
    period_start: dt.date
    period_end: dt.date
    actual: float | None
    low: float | None
    high: float | None
    attainment: float | None  # actual against the whole period's target
    status: str  # kpi_math.ON_TRACK / AT_RISK / OFF_TRACK / NO_TARGET (sums judged by pace)
    spark: tuple[float, ...] = ()
    label: str = ""
    verdict: km.Verdict | None = None  # the target's own terms: goal, floor, ceiling or range
    day: int = 0  # today is day ``day`` of ``days`` of the period ("day 2 of 31")
    days: int = 0
    previous: float | None = None  # last calendar month's result …
    previous_verdict: km.Verdict | None = None  # … against last month's target
    previous_start: dt.date | None = None

    @property
    def has_target(self) -> bool:
        return self.low is not None or self.high is not None


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    cards: tuple[KpiCard, ...]
    on_track: int
    with_target: int  # cards judged: a target and a value this period
    completion: float | None  # mean attainment (capped at 100 %) of the cards judged
    sales: KpiCard | None = None  # the main sum KPI against its widest target (half-year 3M)
    targets: int = 0  # cards with a target this period (judged or still without a value)


@dataclass(frozen=True)
class Mark:
    name_zh: str
    name_en: str
    start: dt.date
    end: dt.date
    color: str = ""

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class ChartData:
    """Everything a chart of one KPI draws; targets as ``kpi_math.Band``s."""

    kpi: KpiInfo
    days: tuple[dt.date, ...]
    values: tuple[float, ...]
    targets: tuple[km.Band, ...]
    labels: tuple[str, ...] = field(default=())  # the targets' labels
    derived: tuple[dt.date, ...] = field(default=())  # days worked out from parts (kpi_derived)


class KpiReads:
    """Mixed into ``KpiService``."""

    def _targets_by_kpi(self, s, plan_id: int) -> dict[int, list[tuple[km.Band, str]]]:
        out: dict[int, list[tuple[km.Band, str]]] = {}
        rows = s.execute(select(KpiTarget.kpi_id, KpiTarget.period_start, KpiTarget.period_end,
                                KpiTarget.low, KpiTarget.high, KpiTarget.label)
                         .join(Kpi, Kpi.id == KpiTarget.kpi_id).where(Kpi.plan_id == plan_id)
                         .order_by(KpiTarget.period_start, KpiTarget.period_end))
        for k, start, end, low, high, label in rows:
            out.setdefault(k, []).append((km.Band(start, end, low, high), label or ""))
        return out

    def dashboard(self, plan_id: int, today: dt.date, kpis=None) -> Dashboard:
        """A card per KPI for the period holding ``today``: the calendar month cut to the
        most specific target covering today (a traffic step, a month). Four queries."""
        kpis = self.list(plan_id) if kpis is None else kpis
        month0, month1 = km.period_bounds(today, "month")
        prev0, prev1 = km.previous_month(today)
        spark0 = today - dt.timedelta(days=SPARK_DAYS - 1)
        with self.store.read() as s:
            targets = self._targets_by_kpi(s, plan_id)
            periods = {}
            for k in kpis:
                bands = [b for b, _ in targets.get(k.id, [])]
                t = km.target_on(bands, today)
                start = max(month0, t.period_start) if t else month0
                end = min(month1, t.period_end) if t else month1
                periods[k.id] = (start, end)
            first = min([spark0, prev0, *(p[0] for p in periods.values())])
            series: dict[int, list[tuple[dt.date, float]]] = {}
            rows = s.execute(select(KpiValue.kpi_id, KpiValue.day, KpiValue.value)
                             .join(Kpi, Kpi.id == KpiValue.kpi_id)
                             .where(Kpi.plan_id == plan_id, KpiValue.day >= first,
                                    KpiValue.day <= today).order_by(KpiValue.kpi_id, KpiValue.day))
            for k, d, v in rows:
                series.setdefault(k, []).append((d, v))
            # derived KPIs (ROI = sales ÷ ad spend …) on the days without a typed value
            series.update(derived_series(s, plan_id, kpis, series, first, today))
            sales_kpi = next((k for k in kpis if k.aggregation == "sum" and k.unit == "CNY"), None)
            sales = None
            if sales_kpi is not None:
                wide = km.widest([b for b, _ in targets.get(sales_kpi.id, [])])
                if wide is not None:
                    total = s.execute(select(func.sum(KpiValue.value)).where(
                        KpiValue.kpi_id == sales_kpi.id, KpiValue.day >= wide.period_start,
                        KpiValue.day <= min(wide.period_end, today))).scalar()
                    att = km.attainment(total, wide.low, wide.high, sales_kpi.direction)
                    sales = KpiCard(sales_kpi, wide.period_start, wide.period_end, total,
                                    wide.low, wide.high, att, km.status(km.pace(
                                        total, wide.low, (today - wide.period_start).days + 1,
                                        wide.days)))
        cards = [self._card(k, periods[k.id], series.get(k.id, []), targets.get(k.id, []), today,
                            spark0, (prev0, prev1)) for k in kpis]
        judged = [c for c in cards if c.attainment is not None]
        completion = (sum(min(c.attainment, 1.0) for c in judged if c.attainment is not None)
                      / len(judged)) if judged else None
        return Dashboard(today, tuple(cards), sum(c.status == km.ON_TRACK for c in judged),
                         len(judged), completion, sales, sum(c.has_target for c in cards))

    @staticmethod
    def _card(kpi, period, series, targets, today, spark0, previous=None) -> KpiCard:
        start, end = period
        values = [v for d, v in series if start <= d <= end]
        actual = km.aggregate(values, kpi.aggregation)
        bands = [b for b, _ in targets]
        band = km.target_for_period(bands, start, end, kpi.aggregation)
        label = next((lb for b, lb in targets if b.period_start <= start <= b.period_end
                      and km.target_on(bands, start) is b), "")
        low, high = (band.low, band.high) if band else (None, None)
        good = km.above_is_good(kpi.direction, kpi.key, (kpi.name_zh, kpi.name_en))
        verdict = km.judge(actual, low, high, kpi.direction, kpi.aggregation, good)
        att = verdict.attainment
        if verdict.kind == km.GOAL and band is not None and actual is not None:
            state = km.status(km.pace(actual, low if low is not None else high,
                                      (min(today, end) - start).days + 1, band.days))
        else:
            state = verdict.status
        day, days = km.day_of_period(today, start, end)
        spark = tuple(v for d, v in series if d >= spark0)
        prev = prev_verdict = prev_start = None
        if previous is not None:
            p0, p1 = previous
            prev = km.aggregate([v for d, v in series if p0 <= d <= p1], kpi.aggregation)
            if prev is not None:
                t = km.target_on(bands, p1)  # last month's target (the one in force at its end)
                pstart = max(p0, t.period_start) if t else p0
                pband = km.target_for_period(bands, pstart, p1, kpi.aggregation) if t else None
                if pband is not None and kpi.aggregation == "sum" and pstart > p0:
                    pband = None  # a sum over a part of the month is no month's result
                prev_verdict = km.judge(prev, pband.low if pband else None,
                                        pband.high if pband else None, kpi.direction,
                                        kpi.aggregation, good)
                prev_start = p0
        return KpiCard(kpi, start, end, actual, low, high, att, state, spark, label, verdict,
                       day, days, prev, prev_verdict, prev_start)

    def chart_data(self, kpi_id: int, kpis=None) -> ChartData:
        """A KPI's daily values and its targets (one query each)."""
        with self.store.read() as s:
            kpi = next((k for k in (kpis or []) if k.id == kpi_id), None)
            if kpi is None:
                from opsdesk.services.kpis import KPI_COLUMNS, KpiInfo

                row = s.execute(select(*KPI_COLUMNS).where(Kpi.id == kpi_id)).one()
                kpi = KpiInfo(**row._mapping)  # by name: the columns are the fields
            rows = s.execute(select(KpiValue.day, KpiValue.value).where(KpiValue.kpi_id == kpi_id)
                             .order_by(KpiValue.day)).all()
            trows = s.execute(select(KpiTarget.period_start, KpiTarget.period_end, KpiTarget.low,
                                     KpiTarget.high, KpiTarget.label).where(KpiTarget.kpi_id == kpi_id)
                              .order_by(KpiTarget.period_start, KpiTarget.period_end)).all()
        points = [(r[0], r[1]) for r in rows]
        derived: tuple[dt.date, ...] = ()
        if formula_of(kpi) is not None:
            plan_kpis = kpis or self.list(kpi.plan_id)
            with self.store.read() as s:  # every day the parts have
                made = derived_series(s, kpi.plan_id, plan_kpis, {kpi.id: points},
                                      dt.date(1900, 1, 1), dt.date(2999, 12, 31))
            if kpi.id in made:
                have = {d for d, _v in points}
                points = made[kpi.id]
                derived = tuple(d for d, _v in points if d not in have)
        return ChartData(kpi, tuple(d for d, _v in points), tuple(v for _d, v in points),
                         tuple(km.Band(*t[:4]) for t in trows), tuple(t[4] or "" for t in trows),
                         derived)

    @staticmethod
    def formula_text(kpi, lang: str) -> str:
        """The formula a derived KPI is worked out with, to show beside it ("" for others)."""
        return formula_text(kpi, lang)

    def marks(self, plan_id: int) -> tuple[list[Mark], list[Mark]]:
        """The plan's phases and milestones, to draw on a chart's date axis."""
        with self.store.read() as s:
            phases = [Mark(*r) for r in s.execute(
                select(Phase.name_zh, Phase.name_en, Phase.start, Phase.end, Phase.color)
                .where(Phase.plan_id == plan_id).order_by(Phase.position, Phase.start))]
            miles = [Mark(r.title, r.title, r.due, r.due) for r in s.execute(
                select(Task.title, Task.due).where(Task.plan_id == plan_id, Task.is_milestone.is_(True),
                                                   Task.due.is_not(None)).order_by(Task.due))]
        return phases, miles

    if TYPE_CHECKING:  # what KpiService provides (last: ``list`` hides the builtin below it)
        store: Store

        def list(self, plan_id: int) -> builtins.list[KpiInfo]: ...
