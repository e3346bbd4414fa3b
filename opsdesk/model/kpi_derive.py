"""Derived KPIs: worked out from their parts, with the formula to show (pure functions).

- ROI (投入产出比) = sales ÷ ad spend (直通车 + 钻展 + 淘宝客 + other ads);
- conversion (转化率) = buyers ÷ visitors × 100;
- marketing cost share (营销费用占比) = ad spend ÷ sales × 100;
- gross margin (毛利率) = (sales − cost of goods) ÷ sales × 100;
- staff and operating cost shares (人员/运营费用占比) = that spending ÷ sales × 100;
- team cost (人员成本) and 直通车 daily spend: the spending itself.

A part is a KPI's daily values (``sales``, ``daily_visitors``, ``daily_orders``) or a kind of
spending (``spend:ads``, ``spend:goods``, ``spend:staff``, ``spend:ztc`` …: a group or a
channel of ``model/spending.py``); :func:`derive` works a derived KPI's daily values out of the
parts' daily values, and :func:`ratio` one period's value out of the parts' period sums
(a month's ROI is the month's sales over the month's ad spend, not the mean of daily ROIs).
A shop export's rate columns are recomputed the same way (``RATE_PARTS``) when many rows
make up one day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Formula:
    """``key`` = (numerator − ``minus``) ÷ denominator × ``scale`` (no denominator: the
    numerator itself); parts name KPI keys or spending (``spend:ads``, ``spend:goods``)."""

    key: str
    numerator: str
    denominator: str
    scale: float = 1.0
    minus: str = ""
    text_zh: str = ""
    text_en: str = ""

    def text(self, lang: str) -> str:
        return self.text_zh if lang.startswith("zh") else self.text_en

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(p for p in (self.numerator, self.minus, self.denominator) if p)


AD_SPEND = "spend:ads"
GOODS_COST = "spend:goods"
STAFF_COST = "spend:staff"
OPERATIONS_COST = "spend:operations"
ZTC_SPEND = "spend:ztc"
BUYERS = "daily_orders"  # the plan counts paying buyers as its daily orders (支付买家数)

FORMULAS: dict[str, Formula] = {f.key: f for f in (
    Formula("roi", "sales", AD_SPEND, 1.0,
            text_zh="投入产出比 = 销售额 ÷ 广告花费(直通车 + 钻展 + 淘宝客)",
            text_en="ROI = sales ÷ ad spend (through-train + diamond booth + Taobao affiliates)"),
    Formula("conversion", BUYERS, "daily_visitors", 100.0,
            text_zh="转化率 = 支付买家数 ÷ 访客数 × 100%",
            text_en="Conversion = paying buyers ÷ visitors × 100 %"),
    Formula("marketing_share", AD_SPEND, "sales", 100.0,
            text_zh="营销费用占比 = 广告花费 ÷ 销售额 × 100%",
            text_en="Marketing cost share = ad spend ÷ sales × 100 %"),
    Formula("gross_margin", "sales", "sales", 100.0, minus=GOODS_COST,
            text_zh="毛利率 = (销售额 − 商品成本) ÷ 销售额 × 100%",
            text_en="Gross margin = (sales − cost of goods) ÷ sales × 100 %"),
    Formula("staff_share", STAFF_COST, "sales", 100.0,
            text_zh="人员费用占比 = 人员费用 ÷ 销售额 × 100%",
            text_en="Staff cost share = staff cost ÷ sales × 100 %"),
    Formula("operations_share", OPERATIONS_COST, "sales", 100.0,
            text_zh="运营费用占比 = 运营费用 ÷ 销售额 × 100%",
            text_en="Operating cost share = operating costs ÷ sales × 100 %"),
    Formula("team_cost", STAFF_COST, "",
            text_zh="人员成本 = 人员费用(按月录入的平摊到每天)",
            text_en="Team cost = staff spending (a month's entry spread over its days)"),
    Formula("ztc_daily_spend", ZTC_SPEND, "",
            text_zh="直通车日消耗 = 直通车花费",
            text_en="Zhitongche daily spend = through-train spending"),
)}

# A shop export's rate column → (numerator column role, denominator role, scale): recomputed
# from the day's sums when many rows make one day (conversion = buyers ÷ visitors).
RATE_PARTS: dict[str, tuple[str, str, float]] = {
    "conversion": ("buyers", "visitors", 100.0),
    "aov": ("sales", "buyers", 1.0),
}


def ratio(formula: Formula, sums: Mapping[str, float]) -> float | None:
    """The formula over the parts' sums; None when a part is missing or the denominator is 0."""
    num = sums.get(formula.numerator)
    if not formula.denominator:
        return None if num is None else num * formula.scale
    den = sums.get(formula.denominator)
    if not den or num is None:
        return None
    if formula.minus:
        minus = sums.get(formula.minus)
        if minus is None:
            return None
        num -= minus
    return num / den * formula.scale


def derive(formula: Formula, parts: Mapping[str, Mapping[dt.date, float]]
           ) -> list[tuple[dt.date, float]]:
    """The derived KPI's daily values: every day on which all its parts have a value."""
    series = [parts.get(p, {}) for p in formula.parts]
    if not series or not all(series):
        return []
    days = set(series[0])
    for s in series[1:]:
        days &= set(s)
    out = []
    for day in sorted(days):
        value = ratio(formula, {p: parts[p][day] for p in formula.parts})
        if value is not None:
            out.append((day, value))
    return out


def period_value(formula: Formula, parts: Mapping[str, Mapping[dt.date, float]],
                 start: dt.date, end: dt.date) -> float | None:
    """The derived KPI over ``start``–``end``: the parts' sums over the days all of them
    have, then the formula (a month's ROI = the month's sales ÷ the month's ad spend)."""
    series = [parts.get(p, {}) for p in formula.parts]
    if not series or not all(series):
        return None
    days = {d for d in series[0] if start <= d <= end}
    for s in series[1:]:
        days &= set(s)
    if not days:
        return None
    sums = {p: sum(parts[p][d] for d in days) for p in formula.parts}
    return ratio(formula, sums)
