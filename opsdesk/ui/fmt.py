"""Dates and numbers in the interface language (2026年9月1日 / 1 Sep 2026)."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QDate, QLocale


@functools.lru_cache(maxsize=8)
def locale_for(lang: str) -> QLocale:
    return QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang.startswith("zh") \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def long_date(day: dt.date | None, lang: str) -> str:
    if day is None:
        return "—"
    fmt = "yyyy年M月d日" if lang.startswith("zh") else "d MMM yyyy"
    return locale_for(lang).toString(qdate(day), fmt)


def short_date(day: dt.date | None, lang: str) -> str:
    if day is None:
        return "—"
    fmt = "M月d日" if lang.startswith("zh") else "d MMM"
    return locale_for(lang).toString(qdate(day), fmt)


def date_range(start: dt.date, end: dt.date, lang: str) -> str:
    if start.year == end.year:
        return f"{short_date(start, lang)} – {short_date(end, lang)}"
    return f"{long_date(start, lang)} – {long_date(end, lang)}"


def local_datetime(stamp: dt.datetime | None, lang: str) -> str:
    """A stored (naive UTC) timestamp in local time: 2026年9月1日 14:05 / 1 Sep 2026 14:05."""
    if stamp is None:
        return "—"
    local = stamp.replace(tzinfo=dt.UTC).astimezone()
    return f"{long_date(local.date(), lang)} {local:%H:%M}"


# ---- numbers as users write them: 1,234 · ¥150万 / ¥1,500,000 · 12.5% · never 1.5e+06

WAN = 10_000
YI = 100_000_000


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


def _fixed(value: float, decimals: int, trim: bool = False) -> str:
    """``value`` with thousands separators and ``decimals`` places (never an exponent);
    ``trim`` drops trailing zeros (1.50 → 1.5, 2.00 → 2)."""
    if value != value or value in (float("inf"), float("-inf")):  # NaN, ±inf
        return "–"
    text = f"{value:,.{max(0, decimals)}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def number(value: float | None, decimals: int = 0, lang: str = "en") -> str:
    """A plain number: 1,234 · 3.48 (the language is for the future: both write 1,234)."""
    if value is None:
        return "–"
    return _fixed(value, decimals)


def wan(value: float, places: int = 2) -> str:
    """A large amount the Chinese way: 150万, 117.48万, 1.2亿 (up to ``places`` decimals)."""
    if abs(value) >= YI:
        return _fixed(value / YI, places, trim=True) + "亿"
    return _fixed(value / WAN, places, trim=True) + "万"


def amount(value: float | None, lang: str, decimals: int = 0) -> str:
    """An amount of money without its sign: 150万 / 1,500,000 (under 1万: 9,876)."""
    if value is None:
        return "–"
    sign, value = ("-" if value < 0 else ""), abs(value)
    if _zh(lang) and value >= WAN:
        return sign + wan(value)
    return sign + _fixed(value, decimals)


def money(value: float | None, lang: str, decimals: int = 0) -> str:
    """¥150万 / ¥1,500,000; amounts under 1万 as ¥9,876 in both languages."""
    if value is None:
        return "–"
    text = amount(value, lang, decimals)
    return "-¥" + text[1:] if text.startswith("-") else "¥" + text


def kpi_value(value: float | None, unit: str, decimals: int, lang: str) -> str:
    """A KPI's value with its unit: ¥150万 / ¥1,500,000 · 12.3% · 3.48 · 1,234."""
    if value is None:
        return "–"
    if unit == "CNY":
        return money(value, lang, decimals)
    text = _fixed(value, decimals)
    return text + "%" if unit == "%" else text


def kpi_delta(value: float, unit: str, decimals: int, lang: str) -> str:
    """A signed difference in the KPI's unit: +18 · −0.40 · +¥20万 · −1.5 pts."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    if unit == "%":
        pts = "个百分点" if _zh(lang) else " pts"
        return f"{sign}{_fixed(abs(value), decimals)}{pts}"
    return sign + kpi_value(abs(value), unit, decimals, lang)


def editable(value: float | None) -> str:
    """A number to edit in a cell: 3,000,000 · 1.5 · 0.015 (exact, never 3e+06)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return _fixed(value, 0)
    return _fixed(value, 6, trim=True)


def axis_tick(value: float, unit: str, lang: str, spacing: float) -> str:
    """A value axis label: 20万 / 200,000 for money, 12.5% …, with as many decimals as the
    tick spacing needs (0.5 → one decimal)."""
    decimals = 0
    step = abs(spacing)
    while decimals < 4 and step and step < 1 and round(step * 10 ** decimals) == 0:
        decimals += 1
    if step and step < 1 and decimals == 0:
        decimals = 1
    if unit == "CNY" and _zh(lang) and abs(value) >= WAN:
        return wan(value, 2)
    if unit == "CNY" and abs(value) >= WAN:
        return _fixed(value, 0)
    if abs(value) >= WAN and _zh(lang) and step >= WAN:
        return wan(value, 2)
    text = _fixed(value, decimals, trim=decimals > 0)
    return text + "%" if unit == "%" else text


def month_name(day: dt.date, lang: str) -> str:
    """A month with its year: 2026年10月 / Oct 2026."""
    if _zh(lang):
        return f"{day.year}年{day.month}月"
    return locale_for(lang).toString(qdate(day), "MMM yyyy")


def short_month(day: dt.date, lang: str) -> str:
    """A month without its year: 11月 / Nov."""
    if _zh(lang):
        return f"{day.month}月"
    return locale_for(lang).toString(qdate(day), "MMM")
