"""The Tasks view's state in plain Python: columns, filters and sort keys over row tuples."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, fields

from opsdesk.services.task_rows import (
    ASSIGNEE,
    ASSIGNEE_NAME,
    DONE_AT,
    DUE,
    ID,
    MILESTONE,
    OPEN_STATUSES,
    PARENT,
    PHASE,
    PHASE_EN,
    PHASE_POS,
    PHASE_ZH,
    POSITION,
    PRIORITY,
    ROLE,
    ROLE_EN,
    ROLE_ZH,
    START,
    STATUS,
    TITLE,
)

COLUMNS = ("title", "phase", "role", "assignee", "start", "due", "status", "priority",
           "milestone", "done")
COL = {name: i for i, name in enumerate(COLUMNS)}
EDIT_FIELDS = {"title": "title", "role": "role_id", "assignee": "assignee_id", "start": "start",
               "due": "due", "status": "status", "priority": "priority"}
STATUS_ORDER = {"blocked": 0, "doing": 1, "todo": 2, "done": 3, "cancelled": 4}
PRIORITY_ORDER = {"urgent": 0, "high": 1, "normal": 2, "low": 3}
UNASSIGNED = -1
"""``Filters.person_id`` value meaning "nobody"."""
OPEN = "open"
"""``Filters.status`` value meaning "to do, in progress or blocked"."""


@dataclass
class Filters:
    text: str = ""
    phase_id: int | None = None
    role_id: int | None = None
    person_id: int | None = None
    status: str | None = None
    due_from: str | None = None  # ISO dates, inclusive
    due_to: str | None = None
    overdue_only: bool = False
    milestones_only: bool = False

    def is_empty(self) -> bool:
        return self == Filters()

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, "", False)}

    @classmethod
    def from_dict(cls, data: dict | None) -> Filters:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})


def is_overdue(row: tuple, today: str) -> bool:
    due = row[DUE]
    return due is not None and due < today and row[STATUS] in OPEN_STATUSES


def _search_text(row: tuple) -> str:
    return (row[TITLE] + " " + (row[ASSIGNEE_NAME] or "")).lower()


class RowCache:
    """The rows of a plan with what filtering, sorting and grouping need, built once per
    load (off the GUI thread for big plans): positions by id, lower-cased search text,
    phase groups, each row's group and parent position, and the natural order."""

    def __init__(self, rows: list[tuple]) -> None:
        self.rows = rows
        self.pos_of = {r[ID]: p for p, r in enumerate(rows)}
        self.search = [_search_text(r) for r in rows]
        phases: dict[int | None, tuple] = {}
        for r in rows:
            if r[PHASE] not in phases:
                phases[r[PHASE]] = (r[PHASE_POS] if r[PHASE_POS] is not None else 1 << 30,
                                    r[PHASE_ZH] or "", r[PHASE_EN] or "")
        ordered = sorted(phases.items(), key=lambda kv: (kv[1][0], kv[0] or 0))
        self.groups = [(pid, zh, en) for pid, (_pos, zh, en) in ordered]
        group_node = {g[0]: i + 1 for i, g in enumerate(self.groups)}
        self.group_of = [group_node[r[PHASE]] for r in rows]
        pos_get = self.pos_of.get
        self.parent_pos = [-1 if r[PARENT] is None else pos_get(r[PARENT], -1) for r in rows]
        keys = list(map(base_key, rows))
        self.base = sorted(range(len(rows)), key=keys.__getitem__)
        self.orders: dict[tuple[str, bool, str], list[int]] = {}

    def replace(self, pos: int, row: tuple) -> None:
        self.rows[pos] = row
        self.search[pos] = _search_text(row)
        self.orders.clear()

    def order(self, column: str | None, descending: bool, today: str, lang: str) -> list[int]:
        """Positions sorted by ``column`` (natural order for None); cached per column."""
        if column is None:
            return self.base
        cache_key = (column, descending, today + lang)
        order = self.orders.get(cache_key)
        if order is None:
            keys = list(map(sort_key(column, today, lang), self.rows))
            order = sorted(self.base, key=keys.__getitem__, reverse=descending)
            self.orders[cache_key] = order
        return order


def apply_filters(cache: RowCache, order: list[int], f: Filters, today: str) -> list[int]:
    """The positions of ``order`` that pass every filter, in the same order. Each filter is
    one list comprehension over the survivors of the previous one (fast in CPython)."""
    rows, out = cache.rows, order
    if f.phase_id is not None:
        out = [p for p in out if rows[p][PHASE] == f.phase_id]
    if f.role_id is not None:
        out = [p for p in out if rows[p][ROLE] == f.role_id]
    if f.person_id is not None:
        person = None if f.person_id == UNASSIGNED else f.person_id
        out = [p for p in out if rows[p][ASSIGNEE] == person]
    if f.milestones_only:
        out = [p for p in out if rows[p][MILESTONE]]
    if f.status == OPEN:
        out = [p for p in out if rows[p][STATUS] in OPEN_STATUSES]
    elif f.status:
        out = [p for p in out if rows[p][STATUS] == f.status]
    if f.overdue_only:
        out = [p for p in out if (rows[p][DUE] or "9999") < today
               and rows[p][STATUS] in OPEN_STATUSES]
    if f.due_from:
        out = [p for p in out if (rows[p][DUE] or "") >= f.due_from]
    if f.due_to:
        out = [p for p in out if (rows[p][DUE] or "9999") <= f.due_to]
    search = cache.search
    for word in f.text.strip().lower().split():
        out = [p for p in out if word in search[p]]
    return out


def base_key(row: tuple):
    """The natural order: phase, due date, position, id."""
    pos = row[PHASE_POS]
    return (pos if pos is not None else 1 << 30, row[DUE] or "9999", row[POSITION], row[ID])


def sort_key(column: str, today: str, lang: str) -> Callable[[tuple], object]:
    """The key for sorting by ``column``; by due date, overdue work comes first."""
    zh = lang.startswith("zh")
    far = "9999-99-99"
    open_ = OPEN_STATUSES
    keys: dict[str, Callable[[tuple], object]] = {
        "title": lambda r: r[TITLE],
        "phase": lambda r: r[PHASE_POS] if r[PHASE_POS] is not None else 1 << 30,
        "role": lambda r: (r[ROLE_ZH] if zh else r[ROLE_EN]) or "\uffff",
        "assignee": lambda r: r[ASSIGNEE_NAME] or "\uffff",
        "start": lambda r: r[START] or far,
        "due": lambda r: ("0" + r[DUE]) if (r[DUE] is not None and r[DUE] < today
                                            and r[STATUS] in open_) else "1" + (r[DUE] or far),
        "status": lambda r: STATUS_ORDER.get(r[STATUS], 9),
        "priority": lambda r: PRIORITY_ORDER.get(r[PRIORITY], 9),
        "milestone": lambda r: not r[MILESTONE],
        "done": lambda r: r[DONE_AT] or far,
    }
    return keys[column]
