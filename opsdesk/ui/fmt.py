"""Dates and numbers in the interface language (2026年9月1日 / 1 Sep 2026)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale


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
