"""The clock every service shares (no SQLAlchemy here: the plain first-screen reads use it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """Timestamps are stored as naive UTC and shown in local time."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
