"""Service calls of the Tasks view as actions for ``window.run`` — no widgets here.

Each action is a callable that writes and returns the ``Changes``. The undo and redo of an
action are the services' (``HistoryService.revert``/``reapply`` on the change log), so an
action holds no before/after state. A compound action (the task dialog: edit + links +
subtasks) runs its steps inside one ``Services.action()``: one transaction, so a step that
fails leaves nothing written and no log entry, and the whole is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from opsdesk.services import Actor, Changes

ROUTINE_FIELDS = ("title", "role_id", "assignee_id", "priority", "due")
"""Inline-editable fields whose edit of a routine's occurrence may reach the others: what
the routine shares (``series.SHARED_FIELDS``) and the day it falls on (its rule)."""

Step = Callable[[dict], Changes]
"""One step of a compound action; its ``dict`` carries e.g. the id of a new task."""
Do = Callable[[], Changes]


def compound(services, steps: list[Step]) -> Do:
    """The steps as one action: one transaction, one change-log action, one undo step."""
    def do() -> Changes:
        state: dict[str, Any] = {}
        total = Changes()
        with services.action():
            for step in steps:
                total |= step(state)
        return total
    return do


class TaskOps:
    """The Tasks view's writes for one actor; each returns an action (or a step)."""

    def __init__(self, services, actor: Actor, plan_id: int) -> None:
        self.services = services
        self.tasks, self.actor, self.plan_id = services.tasks, actor, plan_id
        self.series = services.series

    def update(self, task_id: int, version: int | None, before: dict, after: dict) -> Do:
        """Edit fields of one task (``before``: what the row showed, for the callers)."""
        step = self.update_step(task_id, version, before, after)
        return lambda: step({})

    def occurrence_edit(self, task_id: int, version: int | None, scope: str, field: str,
                        value: Any) -> Do:
        """An inline edit of a routine's occurrence for ``scope`` ("one", "later", "all")
        through the series service, as the routine dialog does it: a shared field with
        ``series.edit``, the day with ``series.change_rule`` (the routine repeats from the new
        day) — ``routine_step`` with one field. ``version``: the occurrence's version the row
        showed; the series service checks it inside its write."""
        shared, day = ({}, value) if field == "due" else ({field: value}, None)
        return compound(self.services, [self.routine_step(task_id, version, scope, shared, day)])

    def anchor_step(self, task_id: int | None, anchor: dict) -> Step:
        """Set what the due of ``task_id`` (None: the task an earlier step made) hangs on:
        ``AnchorService.set`` keywords (kind, month, day, year, anchor_task_id, days)."""
        anchors, actor = self.services.anchors, self.actor
        return lambda st: anchors.set(actor, task_id or st["id"], **anchor)

    def update_step(self, task_id: int | None, version: int | None, before: dict,
                    after: dict) -> Step:
        """Edit fields of ``task_id`` (None: the task an earlier step named, ``st["id"]``),
        checking ``version`` (None: unchecked, the conflict dialog's Overwrite)."""
        tasks, actor = self.tasks, self.actor
        return lambda st: tasks.update(actor, task_id or st["id"], expected_version=version,
                                       **after)

    def routine_step(self, task_id: int, version: int | None, scope: str, shared: dict,
                     day=None) -> Step:
        """An edit of a routine's occurrence for ``scope`` ("one", "later", "all"; inline
        edits and the task dialog): the fields the routine shares with ``series.edit``, a
        new day with ``series.change_rule`` (the routine repeats from it; its open
        occurrences are made again). Sets ``st["id"]`` to the occurrence as it stands
        afterwards, for the steps that follow (the dialog's own fields, links and subtasks
        of this occurrence). The first write checks ``version``."""
        series, actor = self.series, self.actor

        def do(st: dict) -> Changes:
            expected = version
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
        return do

    def create_step(self, values: dict) -> Step:
        tasks, actor, plan = self.tasks, self.actor, self.plan_id

        def do(st: dict) -> Changes:
            changes = tasks.create(actor, plan, **values)
            st.setdefault("id", next(iter(changes.ids)))
            return changes
        return do

    def subtask_step(self, parent_id: int | None, values: dict) -> Step:
        tasks, actor, plan = self.tasks, self.actor, self.plan_id
        return lambda st: tasks.create(actor, plan, parent_id=parent_id or st["id"], **values)

    def link_step(self, task_id: int | None, pred_id: int, kind: str, lag: int) -> Step:
        tasks, actor = self.tasks, self.actor
        return lambda st: tasks.link(actor, pred_id, task_id or st["id"], kind, lag)

    def unlink_step(self, task_id: int | None, pred_id: int, kind: str, lag: int) -> Step:
        tasks, actor = self.tasks, self.actor
        return lambda st: tasks.unlink(actor, pred_id, task_id or st["id"])

    def delete_step(self, task_id: int) -> Step:
        tasks, actor = self.tasks, self.actor
        return lambda st: tasks.delete(actor, task_id)

    def bulk_update(self, ids: list[int], versions: dict[int, int] | None, **fields: Any) -> Do:
        tasks, actor = self.tasks, self.actor
        return lambda: tasks.bulk_update(actor, ids, expected_versions=versions, **fields)

    def bulk_shift(self, ids: list[int], versions: dict[int, int] | None, days: int,
                   working_days: bool = False) -> Do:
        tasks, actor = self.tasks, self.actor
        return lambda: tasks.bulk_shift(actor, ids, days, expected_versions=versions,
                                        working_days=working_days)

    def tick(self, task_id: int, done: bool, version: int | None) -> Do:
        """Tick off (``done``) or reopen, checking the version the row showed."""
        write = self.tasks.tick_off if done else self.tasks.reopen
        actor = self.actor
        return lambda: write(actor, task_id, expected_version=version)
