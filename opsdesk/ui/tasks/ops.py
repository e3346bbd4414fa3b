"""Service calls of the Tasks view as (do, undo) pairs for ``window.run`` — no widgets here.

A compound action (the task dialog: edit + links + subtasks) runs its steps in order; if a
step fails, the steps already done are undone before the error is shown, so nothing is
half-written and the undo stack gets one step or none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from opsdesk.errors import OpsDeskError
from opsdesk.services import Actor, Changes
from opsdesk.services.task_bulk import AFTER

ROUTINE_FIELDS = ("title", "role_id", "assignee_id", "priority", "due")
"""Inline-editable fields whose edit of a routine's occurrence may reach the others: what
the routine shares (``series.SHARED_FIELDS``) and the day it falls on (its rule)."""

Step = tuple[Callable[[dict], Changes], Callable[[dict, Changes], Changes]]
"""(do(state), undo(state, changes_of_do)); ``state`` carries e.g. the id of a new task."""


def compound(steps: list[Step]) -> tuple[Callable[[], Changes], Callable[[Changes], Changes]]:
    done: list[tuple[Callable, Changes]] = []
    state: dict[str, Any] = {}

    def do() -> Changes:
        done.clear()
        state.clear()
        total = Changes()
        try:
            for step_do, step_undo in steps:
                changes = step_do(state)
                done.append((step_undo, changes))
                total |= changes
        except OpsDeskError:
            for step_undo, changes in reversed(done):
                step_undo(state, changes)
            done.clear()
            raise
        return total

    def undo(_last: Changes) -> Changes:
        total = Changes()
        for step_undo, changes in reversed(done):
            total |= step_undo(state, changes)
        return total

    return do, undo


def checked_once(call: Callable[[bool], Changes]) -> Callable[[], Changes]:
    """``call(check)``: the first run checks the version the row showed (no lost update);
    a redo after an undo runs unchecked (the undo itself bumped the version)."""
    runs = [0]

    def do() -> Changes:
        changes = call(runs[0] == 0)
        runs[0] += 1
        return changes
    return do


def _action(step: Step) -> tuple[Callable[[], Changes], Callable[[Changes], Changes]]:
    """A step on its own as the (do, undo) pair ``window.run`` takes."""
    do, undo = step
    return (lambda: do({})), (lambda last: undo({}, last))


class TaskOps:
    """The Tasks view's writes for one actor; each returns (do, undo)."""

    def __init__(self, services, actor: Actor, plan_id: int) -> None:
        self.tasks, self.actor, self.plan_id = services.tasks, actor, plan_id
        self.series = services.series

    def update(self, task_id: int, version: int | None, before: dict, after: dict):
        """Edit fields of one task; see ``update_step``."""
        return _action(self.update_step(task_id, version, before, after))

    def occurrence_edit(self, task_id: int, version: int | None, scope: str, field: str,
                        value: Any):
        """An inline edit of a routine's occurrence for ``scope`` ("one", "later", "all")
        through the series service, as the routine dialog does it: a shared field with
        ``series.edit``, the day with ``series.change_rule`` (the routine repeats from the new
        day) — ``routine_step`` with one field. The undo puts the plan's routines back.

        ``version``: the occurrence's version the row showed; the series service checks it
        inside its write (a ``ConflictError`` when it moved on)."""
        shared, day = ({}, value) if field == "due" else ({field: value}, None)
        return compound([self.routine_step(task_id, version, scope, shared, day)])

    def update_step(self, task_id: int | None, version: int | None, before: dict,
                    after: dict) -> Step:
        """Edit fields of ``task_id`` (None: the task an earlier step named, ``st["id"]``).

        The first run checks ``version``. The undo puts back exactly what the task held (the
        status with its done_at/done_by, as the service recorded them, not ``before``, which
        is kept for the callers) and refuses with ``ConflictError`` when someone changed
        these fields since; a redo puts back exactly what the first run wrote."""
        tasks, actor = self.tasks, self.actor
        return self._restoring_step(
            lambda st: task_id or st["id"],
            lambda tid, check: tasks.update(actor, tid, expected_version=version if check
                                            else None, **after))

    def _restoring_step(self, task_of: Callable[[dict], int],
                        first: Callable[[int, bool], Changes]) -> Step:
        """A single-task write as a step whose undo and redo go through
        ``TaskService.restore_fields``: ``first(task_id, check)`` is the write (``check``:
        on its first run only); its Changes' ``before`` says what to put back."""
        tasks, actor = self.tasks, self.actor
        runs = [0]
        undone: list[Changes] = []  # the Changes of the latest undo

        def restore(tid: int, entry: dict) -> Changes:
            return tasks.restore_fields(actor, tid,
                                        {k: v for k, v in entry.items() if k != AFTER},
                                        entry[AFTER])

        def do(st: dict) -> Changes:
            tid = task_of(st)
            if undone and tid in undone[0].before:  # a redo: what the first run wrote
                return restore(tid, undone.pop().before[tid])
            undone.clear()  # (the task is another one now, e.g. a routine made again)
            changes = first(tid, runs[0] == 0)
            runs[0] += 1
            return changes

        def undo(_st: dict, last: Changes) -> Changes:
            (tid, entry), = last.before.items()
            undone[:] = [restore(tid, entry)]
            return undone[0]
        return do, undo

    def routine_step(self, task_id: int, version: int | None, scope: str, shared: dict,
                     day=None) -> Step:
        """An edit of a routine's occurrence for ``scope`` ("one", "later", "all"; inline
        edits and the task dialog): the fields the routine shares with ``series.edit``, a
        new day with ``series.change_rule`` (the routine repeats from it; its open
        occurrences are made again). Sets ``st["id"]`` to the occurrence as it stands afterwards, for the steps
        that follow (the dialog's own fields, links and subtasks of this occurrence). The
        first write checks ``version``; the undo puts the plan's routines back."""
        series, actor, plan = self.series, self.actor, self.plan_id
        kept: list = []
        runs = [0]

        def do(st: dict) -> Changes:
            expected = version if not runs[0] else None
            runs[0] += 1
            kept[:] = [series.snapshot(plan)]
            changes = Changes()
            if shared:
                changes |= series.edit(actor, task_id, scope, expected_version=expected, **shared)
                expected = None
            st["id"] = task_id
            if day is not None:
                routine = series.get(series.series_of(task_id))
                ruled = series.change_rule(actor, task_id, scope, routine.rule, day,
                                           routine.until, expected_version=expected)
                changes |= ruled
                st["id"] = series.occurrence_on(ruled.ids, day) or task_id
            return changes

        def undo(st: dict, last: Changes) -> Changes:
            return series.restore(actor, plan, kept[0]) | Changes(tasks=True, ids=last.ids,
                                                                   plan_id=plan)
        return do, undo

    def create_step(self, values: dict) -> Step:
        tasks, actor, plan = self.tasks, self.actor, self.plan_id

        def do(st: dict) -> Changes:
            changes = tasks.create(actor, plan, **values)
            st.setdefault("id", next(iter(changes.ids)))
            return changes
        return do, lambda st, c: tasks.delete(actor, next(iter(c.ids)))

    def subtask_step(self, parent_id: int | None, values: dict) -> Step:
        tasks, actor, plan = self.tasks, self.actor, self.plan_id

        def do(st: dict) -> Changes:
            return tasks.create(actor, plan, parent_id=parent_id or st["id"], **values)
        return do, lambda st, c: tasks.delete(actor, next(iter(c.ids)))

    def link_step(self, task_id: int | None, pred_id: int, kind: str, lag: int) -> Step:
        tasks, actor = self.tasks, self.actor
        return (lambda st: tasks.link(actor, pred_id, task_id or st["id"], kind, lag),
                lambda st, _c: tasks.unlink(actor, pred_id, task_id or st["id"]))

    def unlink_step(self, task_id: int, pred_id: int, kind: str, lag: int) -> Step:
        tasks, actor = self.tasks, self.actor
        return (lambda st: tasks.unlink(actor, pred_id, task_id),
                lambda st, _c: tasks.link(actor, pred_id, task_id, kind, lag))

    def delete_step(self, task_id: int) -> Step:
        tasks, actor = self.tasks, self.actor
        return (lambda st: tasks.delete(actor, task_id),
                lambda st, c: tasks.restore(actor, c.snapshot))

    def bulk_update(self, ids: list[int], versions: dict[int, int] | None, **fields: Any):
        tasks, actor = self.tasks, self.actor
        return (checked_once(lambda check: tasks.bulk_update(
                    actor, ids, expected_versions=versions if check else None, **fields)),
                lambda c: tasks.bulk_restore(actor, c.before))

    def bulk_shift(self, ids: list[int], versions: dict[int, int] | None, days: int):
        tasks, actor = self.tasks, self.actor
        return (checked_once(lambda check: tasks.bulk_shift(
                    actor, ids, days, expected_versions=versions if check else None)),
                lambda c: tasks.bulk_restore(actor, c.before))

    def tick(self, task_id: int, done: bool, version: int | None):
        """Tick off (``done``) or reopen. The undo puts back the status, done_at and
        done_by the task had (a blocked task comes back blocked, a reopened one done by whom
        and when it was), refusing when someone changed them since; a redo puts back what
        the first run wrote (the same who and when)."""
        tasks, actor = self.tasks, self.actor
        write = tasks.tick_off if done else tasks.reopen
        return _action(self._restoring_step(
            lambda _st: task_id,
            lambda tid, check: write(actor, tid, expected_version=version if check else None)))
