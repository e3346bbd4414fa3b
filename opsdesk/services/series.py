"""Recurring routines: an RFC 5545 RRULE whose occurrences are ordinary tasks with ``series_id``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dateutil.rrule import rrulestr
from sqlalchemy import delete, insert, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from opsdesk.model import Phase, Task, TaskSeries
from opsdesk.model.enums import TaskStatus
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service, inserted_id
from opsdesk.services.changes import Changes
from opsdesk.services.tasks import TASK_COLUMNS, TaskRow

BAD_RULE = QT_TRANSLATE_NOOP("Errors", "The repeat rule is not valid: {detail}")
NO_DAYS = QT_TRANSLATE_NOOP("Errors", "The routine has no day between {start} and {until}.")
TOO_MANY = QT_TRANSLATE_NOOP("Errors", "The routine would make {count} tasks; at most {limit} are allowed.")
MAX_OCCURRENCES = 1500
SCOPES = ("one", "later", "all")
SHARED_FIELDS = ("title", "notes", "role_id", "assignee_id", "priority", "is_milestone")


def occurrence_dates(rule: str, start: dt.date, until: dt.date | None) -> list[dt.date]:
    """The days ``rule`` (an RRULE body such as ``FREQ=WEEKLY;BYDAY=MO,TH``) falls on."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    if until is None:
        until = start + dt.timedelta(days=366)
    if until < start:
        raise ValidationError(NO_DAYS, field="until", start=start.isoformat(),
                              until=until.isoformat())
    try:
        parsed = rrulestr(text, dtstart=dt.datetime.combine(start, dt.time()), ignoretz=True)
        days = [d.date() for d in parsed.between(
            dt.datetime.combine(start, dt.time()), dt.datetime.combine(until, dt.time()), inc=True)]
    except (ValueError, TypeError) as exc:
        raise ValidationError(BAD_RULE, field="rule", detail=str(exc)) from exc
    if len(days) > MAX_OCCURRENCES:
        raise ValidationError(TOO_MANY, field="until", count=len(days), limit=MAX_OCCURRENCES)
    return days


def make_rule(freq: str, weekdays: tuple[str, ...] = (), interval: int = 1,
              monthday: int | None = None, nth: int | None = None,
              weekday: str | None = None) -> str:
    """An RRULE body from the editor's choices: ``daily``, ``weekdays`` (BYDAY), ``weekly``,
    ``monthly`` (on ``monthday``, -1 the last day; or on the ``nth`` ``weekday``, as the
    template writes it: ``nth=1, weekday="MO"`` is ``BYDAY=+1MO``, ``nth=-1`` the last one)."""
    parts: list[str]
    if freq == "daily":
        parts = ["FREQ=DAILY"]
    elif freq == "weekdays":
        parts = ["FREQ=WEEKLY", "BYDAY=" + ",".join(weekdays or ("MO", "TU", "WE", "TH", "FR"))]
    elif freq == "weekly":
        parts = ["FREQ=WEEKLY"]
    elif freq == "monthly":
        if nth and weekday:
            if weekday not in WEEKDAYS or not -5 <= nth <= 5:
                raise ValidationError(BAD_RULE, field="rule", detail=f"{nth:+d}{weekday}")
            parts = ["FREQ=MONTHLY", f"BYDAY={nth:+d}{weekday}"]
        else:
            parts = ["FREQ=MONTHLY"] + ([f"BYMONTHDAY={monthday}"] if monthday else [])
    else:
        raise ValidationError(BAD_RULE, field="rule", detail=freq)
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    return ";".join(parts)


@dataclass(frozen=True)
class SeriesInfo:
    id: int
    plan_id: int
    rule: str
    start: dt.date
    until: dt.date | None
    count: int
    done: int
    first: TaskRow | None  # the first occurrence: title, role, assignee of the routine


@dataclass(frozen=True)
class SeriesSnapshot:
    """Everything needed to put routines back as they were (for undo)."""

    series: tuple[dict[str, Any], ...]
    tasks: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class OccurrenceRow(TaskRow):
    """A routine's occurrence, read for a change: the task and its routine."""

    series_id: int


class SeriesService(Service):
    # ---- reading

    def get(self, series_id: int) -> SeriesInfo:
        with self.store.read() as s:
            row = s.execute(select(TaskSeries.id, TaskSeries.plan_id, TaskSeries.rule,
                                   TaskSeries.start, TaskSeries.until)
                            .where(TaskSeries.id == series_id)).first()
            if row is None:
                raise NotFound()
            tasks = [TaskRow(*r) for r in s.execute(
                select(*TASK_COLUMNS).where(Task.series_id == series_id).order_by(Task.due))]
        done = sum(t.status == TaskStatus.DONE for t in tasks)
        return SeriesInfo(*row, count=len(tasks), done=done, first=tasks[0] if tasks else None)

    def occurrences(self, series_id: int) -> list[TaskRow]:
        with self.store.read() as s:
            return [TaskRow(*r) for r in s.execute(
                select(*TASK_COLUMNS).where(Task.series_id == series_id).order_by(Task.due))]

    def series_of(self, task_id: int) -> int | None:
        with self.store.read() as s:
            return s.scalar(select(Task.series_id).where(Task.id == task_id))

    def occurrence_on(self, task_ids: Iterable[int], day: dt.date) -> int | None:
        """Which of ``task_ids`` is a routine's occurrence on ``day`` (after a rule change
        made new ones: the one that stands where the edited occurrence now falls)."""
        ids = list(task_ids)
        if not ids:
            return None
        with self.store.read() as s:
            return s.scalar(select(Task.id).where(Task.id.in_(ids), Task.due == day,
                                                  Task.series_id.is_not(None))
                            .order_by(Task.id).limit(1))

    def snapshot(self, plan_id: int) -> SeriesSnapshot:
        with self.store.read() as s:
            scols = list(TaskSeries.__table__.columns)
            series = tuple(dict(zip([c.name for c in scols], r, strict=True)) for r in s.execute(
                select(*scols).where(TaskSeries.plan_id == plan_id)))
            cols = list(Task.__table__.columns)
            tasks = tuple(dict(zip([c.name for c in cols], r, strict=True)) for r in s.execute(
                select(*cols).where(Task.plan_id == plan_id, Task.series_id.is_not(None))))
        return SeriesSnapshot(series, tasks)

    # ---- writing (manager only)

    def create(self, actor: Actor, plan_id: int, *, title: str, rule: str, start: dt.date,
               until: dt.date | None, role_id: int | None = None, assignee_id: int | None = None,
               notes: str = "", priority: str = "normal", is_milestone: bool = False,
               phase_id: int | None = None, position: int = 0) -> Changes:
        """A routine and all its occurrences, in one action."""
        permissions.require_manager(actor)
        values = self._values(title, notes, role_id, assignee_id, priority, is_milestone)
        start = validate.date(start, "start")
        until = validate.date(until, "until") if until is not None else None
        days = occurrence_dates(rule, start, until)
        if not days:
            raise ValidationError(NO_DAYS, field="rule", start=start.isoformat(),
                                  until=(until or start).isoformat())
        with self.store.write() as s:
            sid = inserted_id(s.execute(insert(TaskSeries).values(plan_id=plan_id, rule=rule,
                                                                  start=start, until=until)))
            ids = self.insert_occurrences(s, plan_id, sid, days, values, phase_id, position)
            cid = self.log(s, actor, "series", sid, "create", plan_id=plan_id, after=dict(
                rule=rule, start=start, until=until, title=values["title"], count=len(days)))
        return Changes(tasks=True, ids=frozenset(ids), change_id=cid, plan_id=plan_id)

    def edit(self, actor: Actor, task_id: int, scope: str, expected_version: int | None = None,
             **fields: Any) -> Changes:
        """Change title, notes, role, person, priority of this occurrence, this and later, or all.
        ``expected_version``: the occurrence's version as the caller saw it (lost updates)."""
        permissions.require_manager(actor)
        unknown = set(fields) - set(SHARED_FIELDS)
        if unknown or scope not in SCOPES:
            raise TypeError(f"bad routine edit: {sorted(unknown)} {scope}")
        if "title" in fields:
            fields["title"] = validate.text(fields["title"], "title", 500)
        with self.store.write() as s:
            task = self._task(s, task_id, expected_version)
            targets = self._scope(s, task, scope)
            before = {k: getattr(task, k) for k in fields}
            s.execute(update(Task).where(Task.id.in_(targets))
                      .values(version=Task.version + 1, **fields))
            cid = self.log(s, actor, "series", task.series_id, "edit", plan_id=task.plan_id,
                           before=dict(before, scope=scope, task_id=task_id),
                           after=dict(fields, count=len(targets)))
        return Changes(tasks=True, ids=frozenset(targets), change_id=cid, plan_id=task.plan_id)

    def change_rule(self, actor: Actor, task_id: int, scope: str, rule: str, start: dt.date,
                    until: dt.date | None, expected_version: int | None = None) -> Changes:
        """Repeat differently: ``all`` replaces the open occurrences of the routine; ``later``
        ends the routine before this occurrence and starts a new one from ``start``; ``one``
        moves only this occurrence to ``start``. The Changes name the occurrences removed
        as well as those made, so that every view drops the old ones."""
        permissions.require_manager(actor)
        start = validate.date(start, "start")
        with self.store.write() as s:
            task = self._task(s, task_id, expected_version)
            series = s.get(TaskSeries, task.series_id)
            if series is None:
                raise NotFound()
            values = {k: getattr(task, k) for k in SHARED_FIELDS}
            if scope == "one":
                s.execute(update(Task).where(Task.id == task_id).values(
                    version=Task.version + 1, due=start,
                    start=start if task.start is not None else None))
                ids = [task_id]
                gone: list[int] = []
                sid = task.series_id
            else:
                days = occurrence_dates(rule, start, until)
                cut = task.due if scope == "later" else series.start
                # occurrences are made with a due day (one cleared by a task edit failed
                # here before as well, on ``cut - timedelta``)
                assert cut is not None
                open_ids = self._scope(s, task, scope, open_only=True)
                done_days = set(s.scalars(select(Task.due).where(
                    Task.series_id == task.series_id, Task.status == TaskStatus.DONE,
                    Task.due >= cut)))
                s.execute(delete(Task).where(Task.id.in_(open_ids)))
                gone = open_ids
                if scope == "later":
                    sid = inserted_id(s.execute(insert(TaskSeries).values(
                        plan_id=task.plan_id, rule=rule, start=start, until=until)
                    ))
                    s.execute(update(TaskSeries).where(TaskSeries.id == series.id).values(
                        until=cut - dt.timedelta(days=1)))
                    s.execute(update(Task).where(Task.series_id == series.id,
                                                 Task.due >= cut).values(series_id=sid))
                else:
                    sid = series.id
                    s.execute(update(TaskSeries).where(TaskSeries.id == sid).values(
                        rule=rule, start=start, until=until))
                days = [d for d in days if d not in done_days]
                ids = self.insert_occurrences(s, task.plan_id, sid, days, values, None,
                                              task.position)
            cid = self.log(s, actor, "series", sid, "rule", plan_id=task.plan_id,
                           before=dict(rule=series.rule, start=series.start, until=series.until,
                                       scope=scope, task_id=task_id, title=task.title),
                           after=dict(rule=rule, start=start, until=until, count=len(ids)))
        return Changes(tasks=True, ids=frozenset(ids) | frozenset(gone), change_id=cid,
                       plan_id=task.plan_id)

    def delete(self, actor: Actor, series_id: int) -> Changes:
        """Remove a routine with its open occurrences (done ones stay as history)."""
        permissions.require_manager(actor)
        with self.store.write() as s:
            series = s.get(TaskSeries, series_id)
            if series is None:
                raise NotFound()
            plan_id = series.plan_id
            ids = list(s.scalars(select(Task.id).where(Task.series_id == series_id,
                                                       Task.status != TaskStatus.DONE)))
            s.execute(delete(Task).where(Task.id.in_(ids)))
            s.execute(update(Task).where(Task.series_id == series_id).values(series_id=None))
            s.execute(delete(TaskSeries).where(TaskSeries.id == series_id))
            cid = self.log(s, actor, "series", series_id, "delete", plan_id=plan_id,
                           before=dict(rule=series.rule, count=len(ids)))
        return Changes(tasks=True, ids=frozenset(ids), change_id=cid, plan_id=plan_id)

    @staticmethod
    def insert_occurrences(s, plan_id: int, series_id: int, days: list[dt.date],
                           values: dict[str, Any], phase_id: int | None, position: int) -> list[int]:
        phases = s.execute(select(Phase.id, Phase.start, Phase.end)
                           .where(Phase.plan_id == plan_id).order_by(Phase.start)).all()

        def phase_on(day: dt.date) -> int | None:
            if phase_id is not None:
                return phase_id
            return next((p.id for p in phases if p.start <= day <= p.end),
                        phases[-1].id if phases and day > phases[-1].end else
                        (phases[0].id if phases else None))

        rows = [dict(values, plan_id=plan_id, series_id=series_id, phase_id=phase_on(day),
                     start=None, due=day, status="todo", position=position, version=1)
                for day in days]
        if not rows:
            return []
        first = s.scalar(select(Task.id).order_by(Task.id.desc()).limit(1)) or 0
        s.execute(insert(Task), rows)
        return list(s.scalars(select(Task.id).where(Task.series_id == series_id,
                                                    Task.id > first)))

    @staticmethod
    def _values(title, notes, role_id, assignee_id, priority, is_milestone) -> dict[str, Any]:
        return dict(title=validate.text(title, "title", 500), notes=(notes or "").strip(),
                    role_id=role_id, assignee_id=assignee_id, priority=priority,
                    is_milestone=bool(is_milestone))

    @staticmethod
    def _task(s, task_id: int, expected_version: int | None = None) -> OccurrenceRow:
        """The occurrence, read inside the write; a ``ConflictError`` when its version is no
        longer ``expected_version`` (someone else changed it meanwhile)."""
        cols = [*TASK_COLUMNS, Task.series_id]
        row = s.execute(select(*cols).where(Task.id == task_id)).first()
        if row is None or row[-1] is None:
            raise NotFound()
        task = OccurrenceRow(*row)
        if expected_version is not None and task.version != expected_version:
            raise ConflictError()
        return task

    @staticmethod
    def _scope(s, task, scope: str, open_only: bool = False) -> list[int]:
        if scope == "one":
            return [task.id]
        stmt = select(Task.id).where(Task.series_id == task.series_id)
        if scope == "later":
            stmt = stmt.where(Task.due >= task.due)
        if open_only:
            stmt = stmt.where(Task.status != TaskStatus.DONE)
        return list(s.scalars(stmt))



WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def parse_rule(rule: str) -> tuple[str, tuple[str, ...], int | None]:
    """The editor's choices back from a rule: (daily|weekdays|weekly|monthly, BYDAY, BYMONTHDAY)."""
    parts = dict(p.split("=", 1) for p in rule.upper().removeprefix("RRULE:").split(";") if "=" in p)
    freq = parts.get("FREQ", "DAILY")
    days = tuple(d for d in parts.get("BYDAY", "").split(",") if d in WEEKDAYS)
    monthday = parts.get("BYMONTHDAY")
    if freq == "WEEKLY" and days:
        return "weekdays", days, None
    if freq == "MONTHLY":
        return "monthly", (), int(monthday) if monthday and monthday.lstrip("-").isdigit() else None
    return ("weekly" if freq == "WEEKLY" else "daily"), (), None


def parse_monthly(rule: str) -> tuple[str, int | None, str | None]:
    """How a monthly rule picks its day: ("day", BYMONTHDAY or None, None), ("last", -1, None)
    for BYMONTHDAY=-1, or ("nth", n, weekday) for ``BYDAY=+1MO``, ``BYDAY=1MO`` or
    ``BYDAY=MO;BYSETPOS=1`` (n = -1: the last such weekday of the month)."""
    parts = dict(p.split("=", 1) for p in rule.upper().removeprefix("RRULE:").split(";") if "=" in p)
    monthday = parts.get("BYMONTHDAY", "")
    if monthday.lstrip("+-").isdigit():
        n = int(monthday)
        return ("last", -1, None) if n == -1 else ("day", n if n > 0 else None, None)
    byday = [d for d in parts.get("BYDAY", "").split(",") if d]
    setpos = parts.get("BYSETPOS", "")
    if len(byday) == 1:
        day, count = byday[0][-2:], byday[0][:-2]
        if day in WEEKDAYS and count.lstrip("+-").isdigit() and int(count):
            return "nth", int(count), day
        if day in WEEKDAYS and not count and setpos.lstrip("+-").isdigit() and int(setpos):
            return "nth", int(setpos), day
    return "day", None, None
