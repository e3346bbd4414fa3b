"""A row of My work and what the list shows of them: no SQLAlchemy here, so the plain first
screen (``services/first_screen.py``) reads staff's My work before the ORM loads (#17)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from opsdesk.model.dates import progress
from opsdesk.model.enums import TaskStatus
from opsdesk.model.rules import SECTIONS, collapse_missed, due_section, shown_occurrences

GROUPS = (*SECTIONS, "done")  # Overdue / Today / Rest of this week / Next week / Later / Done
RECENT_DAYS = 7


@dataclass(frozen=True)
class MyTask:
    id: int
    title: str
    start: dt.date | None
    due: dt.date | None
    status: str
    priority: str
    is_milestone: bool
    assignee_id: int | None
    role_id: int | None
    done_at: dt.datetime | None
    done_by: int | None
    version: int
    series_id: int | None
    phase_id: int | None
    phase_zh: str | None
    phase_en: str | None
    phase_color: str | None
    phase_total: int
    phase_done: int
    missed_ids: tuple[int, ...] = ()
    """On the row of a routine missed on several days (``rules.collapse_missed``): every
    missed occurrence, oldest first (this task, the latest, is the last)."""
    missed_from: dt.date | None = None

    def phase_name(self, lang: str) -> str:
        return (self.phase_zh if lang.startswith("zh") else self.phase_en) or ""

    @property
    def phase_progress(self) -> float:
        return progress(self.phase_done, self.phase_total)

    @property
    def done(self) -> bool:
        return self.status == TaskStatus.DONE

    @property
    def missed(self) -> int:
        """How many missed days this row stands for (0: an ordinary row)."""
        return len(self.missed_ids)

    def group(self, today: dt.date) -> str:
        """A section of ``GROUPS``: ``rules.due_section`` of an open task, or done."""
        return "done" if self.done else due_section(self.due, today)


def list_rows(tasks: list[MyTask], today: dt.date) -> list[MyTask]:
    """The rows My work shows of ``tasks`` (in due-date order): a routine's occurrences up
    to today and its next one (``rules.shown_occurrences``), its missed days as one row
    (``rules.collapse_missed``)."""
    out = []
    for t, missed in collapse_missed(shown_occurrences(tasks, today), today):
        if missed:
            t = replace(t, missed_ids=tuple(m.id for m in missed), missed_from=missed[0].due)
        out.append(t)
    return out
