"""Anchored dates (model/anchors.py) in a plan: setting a task's anchor, keeping the tasks
that hang on another task in step with it, moving launch day (only what depends on it)
and the warnings a plan's dates deserve (a lunar 30th that does not exist, a date before
the plan starts, a festival that comes before its preparation can finish)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select, update

from opsdesk.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, ValidationError
from opsdesk.model import Phase, Plan, Task, TaskLink
from opsdesk.model import anchors as A
from opsdesk.model.dates import shift
from opsdesk.services import permissions, validate
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes

BAD_KIND = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a kind of anchor (launch, date, lunar, task).")
BAD_MONTH_DAY = QT_TRANSLATE_NOOP("Errors", "{month}-{day} is not a valid {kind} date ({detail}).")
OUT_OF_RANGE = QT_TRANSLATE_NOOP(
    "Errors", "The lunar calendar is known from 1900 to 2099; {year} is outside it.")
ANCHOR_SELF = QT_TRANSLATE_NOOP("Errors", "A task cannot hang on itself.")
ANCHOR_LOOP = QT_TRANSLATE_NOOP(
    "Errors", "“{title}” already hangs on this task; they would wait for each other.")
ANCHOR_NO_DUE = QT_TRANSLATE_NOOP("Errors", "“{title}” has no due date to hang on.")
DAYS_LABEL = QT_TRANSLATE_NOOP("Errors", "days before or after the anchor")
NO_ANCHOR_TASK = QT_TRANSLATE_NOOP("Errors", "Choose the task this one hangs on.")
# warnings (shown, never stop anything)
LUNAR_FALLBACK = QT_TRANSLATE_NOOP(
    "Errors", "Lunar {wanted} does not exist in {year}: “{title}” is on the month's last day, {used} ({date}).")
FEB29_FALLBACK = QT_TRANSLATE_NOOP(
    "Errors", "{year} has no 29 February: “{title}” is on 28 February.")
BEFORE_START = QT_TRANSLATE_NOOP(
    "Errors", "“{title}” falls on {date}, before the plan starts ({start}).")
BEFORE_LAUNCH = QT_TRANSLATE_NOOP(
    "Errors", "“{title}” ({date}) is already late: it comes before the shop opens on {launch}.")
BEFORE_PREP = QT_TRANSLATE_NOOP(
    "Errors", "“{title}” ({date}) is already late: its preparation “{prep}” cannot finish before {prep_due}.")

MAX_DAYS = 3660
"""How far (in days) a task may hang before or after its anchor."""

FINISHED = ("done", "skipped")
"""Statuses whose dates are history: moving launch day leaves them where they are."""

# why a task stays when launch day moves
STAYS_DONE = "done"
STAYS_DATE = A.DATE
STAYS_LUNAR = A.LUNAR
STAYS_WITH = "with"


@dataclass(frozen=True)
class AnchorInfo:
    kind: str
    month: int | None
    day: int | None
    task_id: int | None
    days: int
    base: dt.date | None
    """The festival's date (the due minus ``days``) for a calendar or lunar anchor."""
    year: int | None = None
    """The (lunar, for a lunar anchor) year ``base`` falls in."""


@dataclass(frozen=True)
class Resolution:
    """Where an anchor puts a task's due (None when it cannot say) and what to know."""

    due: dt.date | None
    start: dt.date | None
    warnings: tuple[ValidationError, ...] = ()


@dataclass(frozen=True)
class LaunchMove:
    """What moving launch day would do (the confirmation shows it before it happens)."""

    plan_id: int
    old: dt.date
    new: dt.date
    moving: tuple[tuple[int, str], ...]
    """Tasks that move: (id, title)."""
    staying: tuple[tuple[int, str, str, str], ...]
    """Tasks that stay: (id, title, reason, the title it stays with for ``with``)."""
    targets_moving: int
    targets_staying: int

    @property
    def days(self) -> int:
        return (self.new - self.old).days

    def stay_ids(self) -> frozenset[int]:
        return frozenset(t[0] for t in self.staying)


_ROW = (Task.id, Task.title, Task.status, Task.start, Task.due, Task.anchor_kind,
        Task.anchor_month, Task.anchor_day, Task.anchor_task_id, Task.anchor_days)


def effective_kind(row: Any, rows: Any = None) -> str:
    """The anchor's effective kind: a ``task`` anchor whose task is gone (not in ``rows``,
    the plan's tasks by id, when given) hangs on launch day."""
    kind = row.anchor_kind or A.LAUNCH
    if kind == A.TASK and (row.anchor_task_id is None
                           or (rows is not None and row.anchor_task_id not in rows)):
        return A.LAUNCH
    return kind


def _moved_dates(start: dt.date | None, due: dt.date | None,
                 new_due: dt.date) -> tuple[dt.date | None, dt.date]:
    """The start keeps its distance to the due."""
    if start is None or due is None:
        return (start if start is None or start <= new_due else new_due), new_due
    return new_due - (due - start), new_due


def _write_dates(s, dates: dict[int, tuple[dt.date | None, dt.date | None]]) -> None:
    if not dates:
        return
    for start, due in dates.values():
        for value, name in ((start, "start"), (due, "due")):
            if value is not None:
                validate.date(value, name)
    table = Task.__table__
    s.connection().execute(
        update(table).where(table.c.id == bindparam("_id")).values(
            start=bindparam("_start"), due=bindparam("_due"), version=table.c.version + 1),
        [{"_id": i, "_start": st, "_due": du} for i, (st, du) in dates.items()])


def plan_start(s, plan_id: int) -> dt.date:
    """The plan's first day: its first phase's start (launch day when it has no phases)."""
    first = s.scalar(select(func.min(Phase.start)).where(Phase.plan_id == plan_id))
    return first or s.scalar(select(Plan.launch_date).where(Plan.id == plan_id))


def fallback_warning(kind: str, found: A.Resolved, title: str) -> ValidationError | None:
    if not found.fell_back:
        return None
    if kind == A.LUNAR:
        return ValidationError(
            LUNAR_FALLBACK, field="anchor", title=title, year=found.year, date=found.date.isoformat(),
            wanted=A.lunar_label_zh(found.month, found.wanted_day),
            used=A.lunar_label_zh(found.month, found.day))
    return ValidationError(FEB29_FALLBACK, field="anchor", title=title, year=found.year)


def resolve_fixed(kind: str, month: int, day: int, year: int) -> A.Resolved:
    """``anchors.on`` with the project's messages for bad input."""
    if (problem := A.check(kind, month, day)) is not None:
        raise ValidationError(BAD_MONTH_DAY, field="anchor", month=month, day=day, kind=kind,
                              detail=problem)
    try:
        return A.on(kind, month, day, year)
    except ValueError as exc:
        raise ValidationError(OUT_OF_RANGE, field="anchor", year=year) from exc


def follow(s, plan_id: int, changed: Iterable[int], skip: Iterable[int] = ()) -> set[int]:
    """Put every unfinished task that hangs on one of ``changed`` (directly or through
    others) at its anchor's due plus its days; returns the ids it moved."""
    rows = {r.id: r for r in s.execute(select(*_ROW).where(Task.plan_id == plan_id))}
    children: dict[int, list[int]] = defaultdict(list)
    for r in rows.values():
        if effective_kind(r, rows) == A.TASK:
            children[r.anchor_task_id].append(r.id)
    due = {i: r.due for i, r in rows.items()}
    dates: dict[int, tuple[dt.date | None, dt.date | None]] = {}
    stack, seen = list(changed), set(skip)
    while stack:
        anchor = stack.pop()
        for child in children.get(anchor, ()):
            r = rows[child]
            if child in seen or r.status in FINISHED or due[anchor] is None:
                continue
            seen.add(child)
            new_due = shift(due[anchor], r.anchor_days)
            if new_due != r.due:
                dates[child] = _moved_dates(r.start, r.due, new_due)
                due[child] = new_due
            stack.append(child)
    _write_dates(s, dates)
    return set(dates)


def after_due_change(s, plan_id: int, moved: dict[int, int]) -> set[int]:
    """Tasks' dues were moved by hand (``moved``: id → days): a calendar, lunar or task
    anchor keeps its base and takes the difference as its days (a task moved together
    with its anchor keeps them); the tasks hanging on them follow. Returns the ids that
    followed."""
    moved = {i: d for i, d in moved.items() if d}
    if not moved:
        return set()
    ids = list(moved)  # most edits touch plain launch-relative tasks: two indexed looks
    anchored = s.scalar(select(func.count()).select_from(Task).where(
        Task.id.in_(ids), Task.anchor_kind != A.LAUNCH))
    hanging = s.scalar(select(func.count()).select_from(Task).where(
        Task.anchor_task_id.in_(ids), Task.anchor_kind == A.TASK))
    if not anchored and not hanging:
        return set()
    rows = {r.id: r for r in s.execute(select(*_ROW).where(Task.plan_id == plan_id))}
    params = []
    for i, d in moved.items():
        r = rows.get(i)
        if r is None:
            continue
        kind = effective_kind(r, rows)
        extra = d - (moved.get(r.anchor_task_id, 0) if kind == A.TASK else 0)
        if kind != A.LAUNCH and extra:
            params.append({"_id": i, "_days": r.anchor_days + extra})
    if params:
        table = Task.__table__
        s.connection().execute(update(table).where(table.c.id == bindparam("_id"))
                               .values(anchor_days=bindparam("_days")), params)
    return follow(s, plan_id, moved, skip=set(moved))


def classify_launch_move(s, plan_id: int) -> tuple[dict[int, Any], set[int], dict[int, tuple[str, str]]]:
    """The plan's rows; the ids that move with launch day (unfinished launch-relative work
    and what hangs on it); the rest with why they stay (reason, the anchor's title)."""
    rows = {r.id: r for r in s.execute(select(*_ROW).where(Task.plan_id == plan_id)
                                        .order_by(Task.position, Task.id))}
    moving: set[int] = set()
    stay: dict[int, tuple[str, str]] = {}

    def decide(i: int, path: set[int]) -> bool:
        if i in moving:
            return True
        if i in stay:
            return False
        r = rows[i]
        kind = effective_kind(r, rows)
        if r.status in FINISHED:
            stay[i] = (STAYS_DONE, "")
            return False
        if kind in A.FIXED:
            stay[i] = (kind, "")
            return False
        if kind == A.TASK and r.anchor_task_id in rows and r.anchor_task_id not in path:
            if decide(r.anchor_task_id, path | {i}):
                moving.add(i)
                return True
            stay[i] = (STAYS_WITH, rows[r.anchor_task_id].title)
            return False
        moving.add(i)
        return True

    for i in rows:
        decide(i, {i})
    return rows, moving, stay


def month_aligned(start: dt.date, end: dt.date) -> bool:
    """Whether a period covers whole calendar months (a monthly target)."""
    return start.day == 1 and (end + dt.timedelta(days=1)).day == 1


class AnchorService(Service):
    # ---- reading

    def get(self, task_id: int) -> AnchorInfo:
        with self.store.read() as s:
            r = s.execute(select(*_ROW).where(Task.id == task_id)).first()
            gone = (r is not None and r.anchor_task_id is not None and s.scalar(
                select(func.count()).select_from(Task).where(Task.id == r.anchor_task_id)) == 0)
        if r is None:
            raise NotFound()
        kind = A.LAUNCH if gone else effective_kind(r)
        base = shift(r.due, -r.anchor_days) if kind in A.FIXED else None
        return AnchorInfo(kind, r.anchor_month, r.anchor_day,
                          r.anchor_task_id if kind == A.TASK else None, r.anchor_days, base,
                          A.year_of(kind, base) if base is not None else None)

    def preview(self, plan_id: int, task_id: int | None, kind: str, *, month: int | None = None,
                day: int | None = None, year: int | None = None, anchor_task_id: int | None = None,
                days: int = 0, title: str = "", start: dt.date | None = None,
                due: dt.date | None = None) -> Resolution:
        """Where the anchor would put the task (``start``/``due`` as they are now), with
        its warnings; raises ValidationError for an anchor that cannot be."""
        with self.store.read() as s:
            return self._resolve(s, plan_id, task_id, kind, month, day, year, anchor_task_id,
                                 days, title, start, due)

    def warnings(self, plan_id: int, ids: Iterable[int] | None = None) -> list[ValidationError]:
        """What the plan's dates deserve a word about: lunar dates that fell back to the
        month's last day, dates before the plan starts, festivals (and the work hanging on
        them) that come before launch day or before their preparation can finish."""
        with self.store.read() as s:
            return plan_warnings(s, plan_id, ids)

    # ---- writing

    def set(self, actor: Actor, task_id: int, kind: str, *, month: int | None = None,
            day: int | None = None, year: int | None = None, anchor_task_id: int | None = None,
            days: int = 0, expected_version: int | None = None) -> Changes:
        """Anchor a task: its due moves where the anchor says (the start keeps its
        distance), and the tasks hanging on it follow. One action."""
        permissions.require_manager(actor)
        with self.store.write() as s:
            r = s.execute(select(Task.plan_id, Task.title, Task.version, Task.start, Task.due,
                                 Task.anchor_kind, Task.anchor_month, Task.anchor_day,
                                 Task.anchor_task_id, Task.anchor_days)
                          .where(Task.id == task_id)).first()
            if r is None:
                raise NotFound()
            if expected_version is not None and expected_version != r.version:
                raise ConflictError()
            res = self._resolve(s, r.plan_id, task_id, kind, month, day, year, anchor_task_id,
                                days, r.title, r.start, r.due)
            values: dict[str, Any] = dict(
                anchor_kind=kind, anchor_month=month if kind in A.FIXED else None,
                anchor_day=day if kind in A.FIXED else None,
                anchor_task_id=anchor_task_id if kind == A.TASK else None,
                anchor_days=days if kind != A.LAUNCH else 0)
            before = dict(anchor_kind=r.anchor_kind, anchor_month=r.anchor_month,
                          anchor_day=r.anchor_day, anchor_task_id=r.anchor_task_id,
                          anchor_days=r.anchor_days, start=r.start, due=r.due)
            if res.due is not None:
                values.update(start=res.start, due=res.due)
            s.execute(update(Task).where(Task.id == task_id)
                      .values(version=Task.version + 1, **values))
            moved = follow(s, r.plan_id, [task_id]) if res.due != r.due else set()
            cid = self.log(s, actor, "task", task_id, "anchor", before=before, after=values,
                           plan_id=r.plan_id)
        return Changes(tasks=True, ids=frozenset({task_id, *moved}), change_id=cid,
                       plan_id=r.plan_id)

    # ---- helpers

    @staticmethod
    def _resolve(s, plan_id: int, task_id: int | None, kind: str, month: int | None,
                 day: int | None, year: int | None, anchor_task_id: int | None, days: int,
                 title: str, start: dt.date | None, due: dt.date | None) -> Resolution:
        if kind not in A.KINDS:
            raise ValidationError(BAD_KIND, field="anchor", value=kind)
        if not isinstance(days, int) or abs(days) > MAX_DAYS:
            raise ValidationError(validate.OUT_OF_BOUNDS, field="anchor", label=DAYS_LABEL,
                                  value=days, low=-MAX_DAYS, high=MAX_DAYS)
        if kind == A.LAUNCH:
            return Resolution(due, start)
        warnings: list[ValidationError] = []
        if kind == A.TASK:
            if anchor_task_id is None:
                raise ValidationError(NO_ANCHOR_TASK, field="anchor")
            if anchor_task_id == task_id:
                raise ValidationError(ANCHOR_SELF, field="anchor")
            target = s.execute(select(Task.plan_id, Task.title, Task.due)
                               .where(Task.id == anchor_task_id)).first()
            if target is None or target.plan_id != plan_id:
                raise ValidationError(NO_ANCHOR_TASK, field="anchor")
            if task_id is not None and _hangs_on(s, anchor_task_id, task_id):
                raise ValidationError(ANCHOR_LOOP, field="anchor", title=target.title)
            if target.due is None:
                raise ValidationError(ANCHOR_NO_DUE, field="anchor", title=target.title)
            new_due = validate.date(shift(target.due, days), "due")
        else:
            if month is None or day is None:
                raise ValidationError(BAD_MONTH_DAY, field="anchor", month=month, day=day,
                                      kind=kind, detail="month and day")
            if year is None:
                base = shift(due, -days) if due is not None else None
                year = (A.year_of(kind, base) if base is not None else
                        A.year_of(kind, plan_start(s, plan_id)))
            found = resolve_fixed(kind, month, day, year)
            if (w := fallback_warning(kind, found, title)) is not None:
                warnings.append(w)
            new_due = validate.date(shift(found.date, days), "due")
            first = plan_start(s, plan_id)
            if new_due < first:
                warnings.append(ValidationError(BEFORE_START, field="anchor", title=title,
                                                date=new_due.isoformat(), start=first.isoformat()))
        new_start, _ = _moved_dates(start, due, new_due)
        return Resolution(new_due, new_start, tuple(warnings))


def _hangs_on(s, task_id: int, ancestor: int) -> bool:
    """Whether ``task_id`` hangs on ``ancestor`` (directly or through other tasks)."""
    seen: set[int] = set()
    current: int | None = task_id
    while current is not None and current not in seen:
        if current == ancestor:
            return True
        seen.add(current)
        row = s.execute(select(Task.anchor_kind, Task.anchor_task_id)
                        .where(Task.id == current)).first()
        current = row.anchor_task_id if row is not None and row.anchor_kind == A.TASK else None
    return False


def plan_warnings(s, plan_id: int, ids: Iterable[int] | None = None) -> list[ValidationError]:
    plan = s.execute(select(Plan.launch_date).where(Plan.id == plan_id)).first()
    if plan is None:
        raise NotFound()
    launch, first = plan.launch_date, plan_start(s, plan_id)
    rows = {r.id: r for r in s.execute(select(*_ROW, Task.phase_id).where(Task.plan_id == plan_id)
                                        .order_by(Task.position, Task.id))}
    after_launch = set(s.scalars(select(Phase.id).where(Phase.plan_id == plan_id,
                                                         Phase.start >= launch)))
    wanted = set(ids) if ids is not None else None

    def on_calendar(i: int, depth: int = 0) -> bool:
        r = rows[i]
        kind = effective_kind(r, rows)
        if kind in A.FIXED:
            return True
        return (kind == A.TASK and depth < 50 and r.anchor_task_id in rows
                and on_calendar(r.anchor_task_id, depth + 1))

    preds: dict[int, list[int]] = defaultdict(list)
    for pred, succ in s.execute(select(TaskLink.pred_id, TaskLink.succ_id).join(
            Task, Task.id == TaskLink.succ_id).where(Task.plan_id == plan_id,
                                                     TaskLink.kind == "FS")):
        preds[succ].append(pred)
    out: list[ValidationError] = []
    for i, r in rows.items():
        if wanted is not None and i not in wanted:
            continue
        if r.status in FINISHED or r.status == "cancelled" or r.due is None:
            continue
        kind = effective_kind(r, rows)
        if kind == A.LUNAR and r.anchor_month and r.anchor_day:
            base = r.due - dt.timedelta(days=r.anchor_days)
            try:
                found = A.on(kind, r.anchor_month, r.anchor_day, A.year_of(kind, base))
            except ValueError:
                found = None
            if found is not None and found.date == base and (
                    w := fallback_warning(kind, found, r.title)) is not None:
                out.append(w)
        if not on_calendar(i):
            continue
        when = r.start or r.due
        if when < first:
            out.append(ValidationError(BEFORE_START, field="anchor", title=r.title,
                                       date=when.isoformat(), start=first.isoformat()))
        elif r.due < launch and r.phase_id in after_launch:
            out.append(ValidationError(BEFORE_LAUNCH, field="anchor", title=r.title,
                                       date=r.due.isoformat(), launch=launch.isoformat()))
        else:
            for p in preds.get(i, ()):
                prep = rows.get(p)
                if (prep is not None and prep.due is not None and prep.status not in FINISHED
                        and prep.due >= when):
                    out.append(ValidationError(BEFORE_PREP, field="anchor", title=r.title,
                                               date=when.isoformat(), prep=prep.title,
                                               prep_due=prep.due.isoformat()))
                    break
    return out
