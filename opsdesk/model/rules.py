"""Domain rules about tasks, each written once and pure (no I/O, no Qt): the services, the
views and the CLI all ask these, so that a rule cannot differ from one screen to another.

- whose a task is ("mine"): ``is_mine`` (its SQL twin is ``permissions.mine_clause``);
- what a status change does to done at / done by: ``done_fields``;
- which occurrences of a routine My work shows: ``shown_occurrences``, and the missed ones
  it folds into one row: ``collapse_missed``;
- which section of a to-do list a due date falls in: ``due_section``.

Who may tick off or reopen a task is in ``opsdesk.services.permissions`` (``can_tick``,
``can_reopen``), built on ``is_mine``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any, Protocol, TypeVar

from opsdesk.model.enums import TaskStatus

DONE = TaskStatus.DONE.value
OPEN = frozenset({TaskStatus.TODO.value, TaskStatus.DOING.value, TaskStatus.BLOCKED.value})
SECTIONS = ("overdue", "today", "week", "nextweek", "later")
"""The open sections of a to-do list: Overdue / Today / Rest of this week / Next week / Later."""


def is_mine(user_id: int | None, role_ids: Collection[int], assignee_id: int | None,
            role_id: int | None) -> bool:
    """A person's task: assigned to them, or unassigned and of one of their roles. A task
    assigned to someone else is never theirs, whatever its role."""
    if assignee_id is not None:
        return user_id is not None and assignee_id == user_id
    return role_id is not None and role_id in role_ids


def done_fields(old_status: str | None, new_status: str, now: Any,
                user_id: int | None) -> dict[str, Any]:
    """done_at/done_by for a status change: set (``now``, ``user_id``) on becoming done,
    cleared on leaving done, and left out otherwise (what the task holds stays). For a new
    task (``old_status`` None) both, always: stamped when it is created done, else empty.

    The only place either is worked out: tick-off, reopen, edits, bulk edits, creation and
    imports alike."""
    if old_status is None:
        return {"done_at": now, "done_by": user_id} if new_status == DONE else \
            {"done_at": None, "done_by": None}
    if new_status == DONE and old_status != DONE:
        return {"done_at": now, "done_by": user_id}
    if new_status != DONE and old_status == DONE:
        return {"done_at": None, "done_by": None}
    return {}


class Occurrence(Protocol):
    @property
    def series_id(self) -> int | None: ...
    @property
    def status(self) -> str: ...
    @property
    def due(self) -> dt.date | None: ...


T = TypeVar("T", bound=Occurrence)


def shown_occurrences(tasks: Iterable[T], today: dt.date) -> list[T]:
    """The tasks My work lists, ``tasks`` being in due-date order: every occurrence of a
    routine up to today (late, due today, done) but, of the ones still to come, only the
    next — a daily routine is one row, not a row per day of the weeks ahead. Other tasks
    all pass."""
    out: list[T] = []
    upcoming: set[int] = set()
    for t in tasks:
        series = t.series_id
        if series is not None and t.status != DONE and t.due is not None and t.due > today:
            if series in upcoming:
                continue
            upcoming.add(series)
        out.append(t)
    return out


def due_section(due: dt.date | None, today: dt.date) -> str:
    """The section of ``SECTIONS`` an open task due on ``due`` falls in. Weeks run Monday
    to Sunday: on a Friday "the rest of this week" is Saturday and Sunday, and next Monday
    is in "next week", never in this one."""
    if due is None:
        return "later"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    sunday = today + dt.timedelta(days=6 - today.weekday())
    if due <= sunday:
        return "week"
    if due <= sunday + dt.timedelta(days=7):
        return "nextweek"
    return "later"


def collapse_missed(tasks: Iterable[T], today: dt.date) -> list[tuple[T, list[T]]]:
    """``tasks`` (in due-date order) with the missed occurrences of each routine — open and
    due before ``today`` — folded into one entry: ``(the latest missed, all missed, oldest
    first)``, placed where the oldest was. A routine missed once, and every other task,
    stays as it is: ``(task, [])``."""
    items = list(tasks)
    missed: dict[int, list[T]] = {}
    is_missed: set[int] = set()  # (by identity: equal rows of two tasks stay apart)
    for t in items:
        if t.series_id is not None and t.status in OPEN and t.due is not None and t.due < today:
            missed.setdefault(t.series_id, []).append(t)
            is_missed.add(id(t))
    out: list[tuple[T, list[T]]] = []
    for t in items:
        group = missed.get(t.series_id) if id(t) in is_missed and t.series_id is not None \
            else None
        if group is None or len(group) < 2:
            out.append((t, []))
        elif t is group[0]:
            out.append((group[-1], group))
    return out
