"""Money out: spending entries by channel, per day or per month, and monthly budgets.

A channel is where the money goes: the ad channels 直通车 (``ztc``), 钻展 (``zuanzhan``),
淘宝客 (``taobaoke``) and other ads (``ads_other``), the team (``staff``), running costs
(``operations``) and the goods sold (``goods``, for the gross margin). Each channel belongs to
a group (``ads``, ``staff``, ``operations``, ``goods``); a budget is for a month and a
channel or a group (the seeds: the team's 2万/月, the ad budget and its split per channel).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.model.base import Base

# channel → (group, Chinese name, English name)
CHANNELS: dict[str, tuple[str, str, str]] = {
    "ztc": ("ads", "直通车", "Through-train (直通车)"),
    "zuanzhan": ("ads", "钻展", "Diamond booth (钻展)"),
    "taobaoke": ("ads", "淘宝客", "Taobao affiliates (淘宝客)"),
    "ads_other": ("ads", "其他推广", "Other ads"),
    "staff": ("staff", "人员", "Staff"),
    "operations": ("operations", "运营费用", "Operations"),
    "goods": ("goods", "商品成本", "Cost of goods"),
}
# group → (Chinese name, English name)
GROUPS: dict[str, tuple[str, str]] = {
    "ads": ("广告推广", "Ads"),
    "staff": ("人员", "Staff"),
    "operations": ("运营费用", "Operations"),
    "goods": ("商品成本", "Cost of goods"),
}
TEAM_BUDGET = 20_000.0  # the seeds' team cost budget per month (2万/月 for six people)


def group_of(channel: str) -> str:
    return CHANNELS[channel][0]


def channels_of(scope: str) -> tuple[str, ...]:
    """The channels a budget scope (a channel or a group) covers."""
    if scope in CHANNELS:
        return (scope,)
    return tuple(c for c, (g, _zh, _en) in CHANNELS.items() if g == scope)


def scope_name(scope: str, lang: str) -> str:
    if scope in CHANNELS:
        _g, zh, en = CHANNELS[scope]
    else:
        zh, en = GROUPS[scope]
    return zh if lang.startswith("zh") else en


class SpendingEntry(Base):
    """An amount spent on a channel on a day, or over a month (``per_month``: ``day`` is
    the month's first day)."""

    __tablename__ = "spending"
    __table_args__ = (
        UniqueConstraint("plan_id", "day", "per_month", "channel"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    per_month: Mapped[bool] = mapped_column(Boolean, default=False)
    channel: Mapped[str] = mapped_column(String(16))
    amount: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(String(500), default="")
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SpendingBudget(Base):
    """The budget of a month (``month``: its first day) for a channel or a group."""

    __tablename__ = "spending_budgets"
    __table_args__ = (
        UniqueConstraint("plan_id", "month", "scope"),
        CheckConstraint("amount >= 0", name="budget_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    month: Mapped[dt.date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(String(16))
    amount: Mapped[float] = mapped_column(Float)
