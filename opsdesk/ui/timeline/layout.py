"""Rows of the timeline: tasks grouped by phase, role or person, with collapsible groups."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from opsdesk.services.timeline import NO_DAY, TimelineData

MODES = ("phase", "role", "person")
UNSCHEDULED = -1
"""Group key of tasks without any date (shown, never dropped)."""
ROW_HEIGHT = 24


@dataclass
class Group:
    key: int  # phase/role/user id; 0 = none; UNSCHEDULED
    count: int
    done: int
    first: int  # ordinal or NO_DAY
    last: int
    collapsed: bool
    row: int = 0


@dataclass
class Layout:
    mode: str
    groups: list[Group]
    row_task: np.ndarray  # task index per row, -1 on a group row
    row_group: np.ndarray  # group index per row
    task_row: np.ndarray  # row of each task, -1 when its group is collapsed
    d0: np.ndarray  # shown first day of each task (start, else due); NO_DAY when undated
    d1: np.ndarray  # shown last day (due, else start)
    depth: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    slot: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    """Routine slot of a row's task (-1: an ordinary task with a row of its own)."""
    series_tasks: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    series_bounds: np.ndarray = field(default_factory=lambda: np.zeros(1, np.int64))

    def occurrences(self, slot: int, first: int | None = None, last: int | None = None
                    ) -> np.ndarray:
        """Task indexes of a routine's occurrences (by day), optionally within a day range."""
        tasks = self.series_tasks[self.series_bounds[slot]:self.series_bounds[slot + 1]]
        if first is None or last is None:
            return tasks
        days = self.d0[tasks]
        lo = np.searchsorted(days, first - 62)
        hi = np.searchsorted(days, last, side="right")
        return tasks[lo:hi]

    @property
    def rows(self) -> int:
        return int(self.row_task.size)

    def height(self) -> int:
        return self.rows * ROW_HEIGHT

    def row_at(self, y: float) -> int | None:
        row = int(y // ROW_HEIGHT)
        return row if 0 <= row < self.rows and y >= 0 else None


def group_keys(data: TimelineData, mode: str, d0: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """The group key of every task and the groups in display order."""
    if mode == "role":
        keys = data.role.astype(np.int64)
        order = [r for r in data.roles]
    elif mode == "person":
        keys = data.assignee.astype(np.int64)
        order = sorted(data.people, key=lambda u: u)
    else:
        keys = data.phase.astype(np.int64)
        order = [p.id for p in data.phases]
    keys = np.where(d0 == NO_DAY, UNSCHEDULED, keys)
    present = set(np.unique(keys).tolist())
    ordered = [k for k in order if k in present]
    ordered += sorted(k for k in present if k not in ordered and k not in (0, UNSCHEDULED))
    ordered += [k for k in (0, UNSCHEDULED) if k in present]
    return keys, ordered


def build(data: TimelineData, mode: str = "phase", collapsed: frozenset[int] = frozenset()
          ) -> Layout:
    """Rows in display order. Occurrences of a routine share one row per group, so a daily
    check is one line of ticks, not a hundred rows."""
    n = len(data)
    d0 = np.where(data.start != NO_DAY, data.start, data.due).astype(np.int32)
    d1 = np.where(data.due != NO_DAY, data.due, data.start).astype(np.int32)
    keys, ordered = group_keys(data, mode, d0)
    # Subtasks follow their parent: sort by (group, parent's first day, parent id, depth, day, id).
    pidx = np.clip(np.searchsorted(data.id, data.parent), 0, max(n - 1, 0)) if n \
        else np.zeros(0, np.int64)
    has_parent = ((data.parent != 0) & (data.id[pidx] == data.parent) & (keys[pidx] == keys)) \
        if n else np.zeros(0, bool)
    root = np.where(has_parent, pidx, np.arange(n))
    big = np.iinfo(np.int32).max
    root_day = np.where(d0[root] == NO_DAY, big, d0[root])
    own_day = np.where(d0 == NO_DAY, big, d0)
    rank = {k: i for i, k in enumerate(ordered)}
    uniq, inverse = np.unique(keys, return_inverse=True)
    group_rank = np.array([rank[int(k)] for k in uniq], np.int64)[inverse] if n \
        else np.zeros(0, np.int64)
    order = np.lexsort((data.id, own_day, has_parent, data.id[root], root_day, group_rank))
    # routines: keep the first occurrence of each (group, series) as the row's task
    ser = data.series[order]
    in_series = np.nonzero((ser != 0) & (own_day[order] != big))[0]
    combo = group_rank[order[in_series]] * (1 << 40) + ser[in_series]
    slots, first_pos, slot_of = np.unique(combo, return_index=True, return_inverse=True)
    keep = np.ones(order.size, bool)
    keep[in_series] = False
    keep[in_series[first_pos]] = True
    shown = order[keep]
    slot_rep = order[in_series[first_pos]]  # representative task of each slot
    members = order[in_series]
    by_slot = np.lexsort((d0[members], slot_of))
    series_tasks = members[by_slot].astype(np.int32)
    series_bounds = np.searchsorted(slot_of[by_slot], np.arange(slots.size + 1))
    task_slot = np.full(n, -1, np.int32)
    task_slot[slot_rep] = np.arange(slots.size, dtype=np.int32)

    shown_rank = group_rank[shown]
    bounds = np.searchsorted(shown_rank, np.arange(len(ordered) + 1))
    all_bounds = np.searchsorted(group_rank[order], np.arange(len(ordered) + 1))
    done = (data.status == 2) | (data.status == 5)  # done or skipped: finished
    groups: list[Group] = []
    row_task_parts, row_group_parts = [], []
    row = 0
    for gi, key in enumerate(ordered):
        everyone = order[all_bounds[gi]:all_bounds[gi + 1]]
        rows = shown[bounds[gi]:bounds[gi + 1]]
        dated = d0[everyone]
        dated = dated[dated != NO_DAY]
        first = int(dated.min()) if dated.size else NO_DAY
        last = int(d1[everyone][d1[everyone] != NO_DAY].max()) if dated.size else NO_DAY
        g = Group(key, int(everyone.size), int(done[everyone].sum()), first, last,
                  key in collapsed, row)
        groups.append(g)
        row_task_parts.append(np.array([-1], np.int32))
        row_group_parts.append(np.array([gi], np.int32))
        row += 1
        if not g.collapsed:
            row_task_parts.append(rows.astype(np.int32))
            row_group_parts.append(np.full(rows.size, gi, np.int32))
            row += int(rows.size)
    row_task = np.concatenate(row_task_parts) if row_task_parts else np.zeros(0, np.int32)
    row_group = np.concatenate(row_group_parts) if row_group_parts else np.zeros(0, np.int32)
    task_row = np.full(n, -1, np.int32)
    is_task = row_task >= 0
    task_row[row_task[is_task]] = np.nonzero(is_task)[0].astype(np.int32)
    if members.size:  # every occurrence sits on its routine's row
        task_row[members] = task_row[slot_rep[slot_of]]
    return Layout(mode, groups, row_task, row_group, task_row, d0, d1,
                  has_parent.astype(np.int8), task_slot, series_tasks, series_bounds)
