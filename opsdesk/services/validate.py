"""Validation rules shared by the services; each failure names its field."""

from __future__ import annotations

import datetime as dt
from typing import overload

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError
from opsdesk.model.dates import MAX_DATE, MIN_DATE, in_bounds

EMPTY = QT_TRANSLATE_NOOP("Errors", "The {label} must not be empty.")
TOO_LONG = QT_TRANSLATE_NOOP("Errors", "The {label} is too long (at most {limit} characters).")
OUT_OF_BOUNDS = QT_TRANSLATE_NOOP("Errors", "The {label} {value} is outside {low} … {high}.")
DUE_BEFORE_START = QT_TRANSLATE_NOOP("Errors", "The due date {due} is before the start date {start}.")
NOT_A_DATE = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01.")
BAD_CHOICE = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a valid {label}.")

LABELS = {
    "title": QT_TRANSLATE_NOOP("Errors", "title"),
    "name": QT_TRANSLATE_NOOP("Errors", "name"),
    "login": QT_TRANSLATE_NOOP("Errors", "login"),
    "start": QT_TRANSLATE_NOOP("Errors", "start date"),
    "due": QT_TRANSLATE_NOOP("Errors", "due date"),
    "launch_date": QT_TRANSLATE_NOOP("Errors", "launch date"),
    "status": QT_TRANSLATE_NOOP("Errors", "status"),
    "priority": QT_TRANSLATE_NOOP("Errors", "priority"),
    "text": QT_TRANSLATE_NOOP("Errors", "comment"),
    "value": QT_TRANSLATE_NOOP("Errors", "value"),
    "day": QT_TRANSLATE_NOOP("Errors", "day"),
}


def text(value: str | None, field: str, limit: int = 500) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(EMPTY, field=field, label=LABELS.get(field, field))
    if len(value) > limit:
        raise ValidationError(TOO_LONG, field=field, label=LABELS.get(field, field), limit=limit)
    return value


@overload
def date(value: dt.date, field: str) -> dt.date: ...
@overload
def date(value: dt.date | None, field: str) -> dt.date | None: ...
def date(value: dt.date | None, field: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise ValidationError(NOT_A_DATE, field=field, value=value)
    if not in_bounds(value):
        raise ValidationError(OUT_OF_BOUNDS, field=field, label=LABELS.get(field, field),
                              value=value.isoformat(), low=MIN_DATE.isoformat(),
                              high=MAX_DATE.isoformat())
    return value


def date_order(start: dt.date | None, due: dt.date | None) -> None:
    if start is not None and due is not None and due < start:
        raise ValidationError(DUE_BEFORE_START, field="due", due=due.isoformat(),
                              start=start.isoformat())


def choice(value: str, allowed: type, field: str) -> str:
    try:
        return allowed(value).value
    except ValueError:
        raise ValidationError(BAD_CHOICE, field=field, value=value,
                              label=LABELS.get(field, field)) from None
