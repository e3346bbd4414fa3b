"""The Tasks view's state in plain Python: columns, filters and sort keys over row tuples.

Everything here works on *positions* in the row cache (ints), never on Qt indexes, and keeps
per-row Python objects to a minimum: a 100k-task plan is 100k row tuples, and each extra
string or tuple per row costs megabytes (see ``benchmarks/bench_tasks.py``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from operator import attrgetter

from opsdesk.services.task_rows import OPEN_STATUSES, TaskListRow

COLUMNS = ("title", "phase", "role", "assignee", "start", "due", "status", "priority",
           "milestone", "done")
COL = {name: i for i, name in enumerate(COLUMNS)}
EDIT_FIELDS = {"title": "title", "role": "role_id", "assignee": "assignee_id", "start": "start",
               "due": "due", "status": "status", "priority": "priority"}
STATUS_ORDER = {"blocked": 0, "doing": 1, "todo": 2, "done": 3, "skipped": 4, "cancelled": 5}
PRIORITY_ORDER = {"urgent": 0, "high": 1, "normal": 2, "low": 3}
UNASSIGNED = -1
"""``Filters.person_id`` value meaning "nobody"."""
OPEN = "open"
"""``Filters.status`` value meaning "to do, in progress or blocked"."""
LAST = 1 << 30
"""Sort key of "no value" (no phase, no role, nobody): after every real value."""
FAR = "9999-99-99"
"""Sort key of "no date": after every real date."""
KEPT_ORDERS = 4
"""Sorted orders kept per load (each is a list of every position)."""


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

    def narrows(self, other: Filters) -> bool:
        """Whether every task these filters pass also passes ``other`` (the same filters
        with more typed: each of other's words is inside one of these words), so that
        filtering what ``other`` passed is enough (typing narrows as you type)."""
        if {**asdict(self), "text": ""} != {**asdict(other), "text": ""}:
            return False
        words = self.text.lower().split()
        return all(any(old in new for new in words) for old in other.text.lower().split())

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, "", False)}

    @classmethod
    def from_dict(cls, data: dict | None) -> Filters:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})


def is_overdue(row: TaskListRow, today: str) -> bool:
    due = row.due
    return due is not None and due < today and row.status in OPEN_STATUSES


def _lower(text: str) -> str:
    """``text.lower()``, the same object when lower-casing changes nothing (Chinese titles)."""
    low = text.lower()
    return text if low == text else low


class RowCache:
    """The rows of a plan with what filtering, sorting and grouping need, built once per
    load (off the GUI thread for big plans): positions by id, search text, phase groups,
    each row's owner node (its parent task or its phase group), and the natural order.

    Search text is the lower-cased title (the title itself when that changes nothing) and
    the lower-cased assignee name (one string per person), not a new string per row."""

    def __init__(self, rows: list[TaskListRow]) -> None:
        self.rows = rows
        positions = list(range(len(rows)))  # (one int object per position, shared)
        self.pos_of = dict(zip(map(attrgetter("id"), rows), positions, strict=True))
        self.title_lc = [_lower(t) for t in map(attrgetter("title"), rows)]
        names = {a: _lower(a) if a else "" for a in set(map(attrgetter("assignee_name"), rows))}
        self.name_lc = list(map(names.__getitem__, map(attrgetter("assignee_name"), rows)))
        self.names = set(names.values())
        phases: dict[int | None, tuple] = {}
        for r in rows:
            if r.phase_id not in phases:
                phases[r.phase_id] = (r.phase_pos if r.phase_pos is not None else LAST,
                                    r.phase_zh or "", r.phase_en or "")
        ordered = sorted(phases.items(), key=lambda kv: (kv[1][0], kv[0] or 0))
        self.groups = [(pid, zh, en) for pid, (_pos, zh, en) in ordered]
        group_node = {g[0]: i + 1 for i, g in enumerate(self.groups)}
        pos_get, first = self.pos_of.get, len(self.groups) + 1
        # the node a row hangs under when grouped: its parent task (node first + position),
        # else its phase group (1…G); a parent outside the rows counts as none
        self.owner_of = [group_node[phase] if (pp := pos_get(parent, -1)) < 0 else first + pp
                         for parent, phase in zip(map(attrgetter("parent_id"), rows),
                                                  map(attrgetter("phase_id"), rows), strict=True)]
        # the phase group each row is shown in (a subtask: its top parent's), so a group's
        # label counts every task in it, as the Overview does (issue #16: "(10)" beside 18/18)
        owner_of = self.owner_of
        group_of = [0] * len(rows)
        for p in positions:
            node, chain = owner_of[p], [p]
            while node >= first and not group_of[node - first]:
                chain.append(node - first)
                node = owner_of[node - first]
            group = node if node < first else group_of[node - first]
            for q in chain:
                group_of[q] = group
        self.group_of = group_of
        self.base = natural_order(rows, positions)
        self.orders: dict[tuple[str, bool, str], list[int]] = {}

    def replace(self, pos: int, row: TaskListRow) -> None:
        """An edited row (same parent and phase: the shape is unchanged)."""
        self.rows[pos] = row
        self.title_lc[pos] = _lower(row.title)
        self.name_lc[pos] = name = _lower(row.assignee_name or "")
        self.names.add(name)
        self.orders.clear()

    def order(self, column: str | None, descending: bool, today: str, lang: str) -> list[int]:
        """Positions sorted by ``column`` (natural order for None); the last few are kept."""
        if column is None:
            return self.base
        cache_key = (column, descending, today + lang)
        order = self.orders.pop(cache_key, None)
        if order is None:
            order = sort_order(column, self.rows, self.base, descending, today, lang)
            while len(self.orders) >= KEPT_ORDERS:
                del self.orders[next(iter(self.orders))]
        self.orders[cache_key] = order  # (re)inserted last: most recently used
        return order


def apply_filters(cache: RowCache, order: list[int], f: Filters, today: str) -> list[int]:
    """The positions of ``order`` that pass every filter, in the same order. Each filter is
    one list comprehension over the survivors of the previous one (fast in CPython)."""
    rows, out = cache.rows, order
    if f.phase_id is not None:
        out = [p for p in out if rows[p].phase_id == f.phase_id]
    if f.role_id is not None:
        out = [p for p in out if rows[p].role_id == f.role_id]
    if f.person_id is not None:
        person = None if f.person_id == UNASSIGNED else f.person_id
        out = [p for p in out if rows[p].assignee_id == person]
    if f.milestones_only:
        out = [p for p in out if rows[p].is_milestone]
    if f.status == OPEN:
        out = [p for p in out if rows[p].status in OPEN_STATUSES]
    elif f.status:
        out = [p for p in out if rows[p].status == f.status]
    if f.overdue_only:
        out = [p for p in out if (rows[p].due or "9999") < today
               and rows[p].status in OPEN_STATUSES]
    if f.due_from:
        out = [p for p in out if (rows[p].due or "") >= f.due_from]
    if f.due_to:
        out = [p for p in out if (rows[p].due or "9999") <= f.due_to]
    titles, names = cache.title_lc, cache.name_lc
    for word in f.text.strip().lower().split():
        named = {name for name in cache.names if word in name}
        if not named:  # no person's name has it: the titles alone decide
            out = [p for p in out if word in titles[p]]
        else:  # (a word has no space, so it never spans title and name)
            out = [p for p in out if word in titles[p] or names[p] in named]
    return out


def natural_order(rows: list[TaskListRow], positions: list[int] | None = None) -> list[int]:
    """Positions in the natural order: phase, due date, position, id — by stable sorts on
    one column each (least significant first), so no key tuple per row is made."""
    order = list(positions) if positions is not None else list(range(len(rows)))
    for keys in ([r.id for r in rows], [r.position for r in rows],
                 [r.due or FAR for r in rows],
                 [LAST if r.phase_pos is None else r.phase_pos for r in rows]):
        order.sort(key=keys.__getitem__)
    return order


def _ranks(rows: list[TaskListRow], id_field: str, name_field: str) -> list[int]:
    """Per row, the rank of the name of its role or person (by name; none last), keyed by
    the id so that only a handful of names are compared."""
    names = {}
    for key, name in zip(map(attrgetter(id_field), rows), map(attrgetter(name_field), rows),
                         strict=True):
        if key not in names:
            names[key] = name
    ordered = sorted((k for k in names if k is not None and names[k]), key=names.__getitem__)
    rank = {k: i for i, k in enumerate(ordered)}
    get = rank.get
    return [get(k, LAST) for k in map(attrgetter(id_field), rows)]


def sort_order(column: str, rows: list[TaskListRow], base: list[int], descending: bool,
               today: str, lang: str) -> list[int]:
    """``base`` sorted by ``column`` (stable: equal keys keep the natural order). By due
    date, overdue work comes first (oldest first; descending: last, newest first)."""
    keys = sort_keys(column, rows, today, lang)
    order = sorted(base, key=keys.__getitem__, reverse=descending)
    if column != "due":
        return order
    late = [r.status in _OPEN_SET and (r.due or FAR) < today for r in rows]
    first = [p for p in order if late[p] != descending]
    first += [p for p in order if late[p] == descending]
    return first


_OPEN_SET = frozenset(OPEN_STATUSES)


def sort_keys(column: str, rows: list[TaskListRow], today: str, lang: str) -> list:
    """The sort key of every row for ``column`` (a list by position); the due date's key is
    the date alone (``sort_order`` puts overdue work first)."""
    zh = lang.startswith("zh")
    if column == "title":
        return list(map(attrgetter("title"), rows))
    if column == "phase":
        return [LAST if p is None else p for p in map(attrgetter("phase_pos"), rows)]
    if column == "role":
        return _ranks(rows, "role_id", "role_zh" if zh else "role_en")
    if column == "assignee":
        return _ranks(rows, "assignee_id", "assignee_name")
    if column == "start":
        return [d or FAR for d in map(attrgetter("start"), rows)]
    if column == "due":
        return [r.due or FAR for r in rows]  # (overdue first: see sort_order)
    if column == "status":
        return [STATUS_ORDER.get(s, 9) for s in map(attrgetter("status"), rows)]
    if column == "priority":
        return [PRIORITY_ORDER.get(p, 9) for p in map(attrgetter("priority"), rows)]
    if column == "milestone":
        return [not m for m in map(attrgetter("is_milestone"), rows)]
    if column == "done":
        return [d or FAR for d in map(attrgetter("done_at"), rows)]
    raise KeyError(column)

