"""Domain rules about tasks, each written once and pure (no I/O, no Qt): the services, the
views and the CLI all ask these, so that a rule cannot differ from one screen to another.

- whose a task is ("mine"): ``is_mine`` (its SQL twin is ``permissions.mine_clause``);
- what a status change does to done at / done by: ``done_fields``;
- which occurrences of a routine My work shows: ``shown_occurrences``.

Who may tick off or reopen a task is in ``opsdesk.services.permissions`` (``can_tick``,
``can_reopen``), built on ``is_mine``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any, Protocol, TypeVar

from opsdesk.model.enums import TaskStatus

DONE = TaskStatus.DONE.value


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
