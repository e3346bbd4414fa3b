"""A plan and its phases as the views read them (no SQLAlchemy: the first screen reads them
plainly, see ``services/first_screen.py``). Named tuples: the first screen's path defines
them, and a frozen dataclass costs ~1 ms to define (#17)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class PlanInfo(NamedTuple):
    id: int
    name: str
    launch_date: dt.date
    currency: str
    template_key: str | None


class PhaseInfo(NamedTuple):
    id: int
    plan_id: int
    key: str
    name_zh: str
    name_en: str
    start: dt.date
    end: dt.date
    position: int
    color: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en
