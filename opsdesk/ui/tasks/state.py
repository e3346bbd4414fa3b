"""The Tasks view's state in plain Python: columns, filters and sort keys over a plan's tasks.

Everything here works on *positions* in the row cache (ints), never on Qt indexes, and keeps
per-row Python objects to a minimum: a 100k-task plan is one ``TaskTable`` (columns), and
each extra string or tuple per row costs megabytes (see ``benchmarks/bench_tasks.py``)."""

from __future__ import annotations

from array import array
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from itertools import accumulate
from operator import attrgetter
from typing import overload

from opsdesk.services.task_rows import OPEN_STATUSES, TaskListRow, TaskTable

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


MADE_KEPT = 2048
"""Rows made by ``Rows`` kept for the next ask (a repaint asks each row once per cell)."""


class Rows(Sequence[TaskListRow]):
    """The rows of a ``TaskTable`` as a read-only list of ``TaskListRow``, each made when it
    is asked for (the table keeps columns, not 100,000 tuples)."""

    def __init__(self, table: TaskTable) -> None:
        self.table = table
        self._made: dict[int, TaskListRow] = {}

    def __len__(self) -> int:
        return len(self.table)

    @overload
    def __getitem__(self, p: int) -> TaskListRow: ...
    @overload
    def __getitem__(self, p: slice) -> list[TaskListRow]: ...

    def __getitem__(self, p: int | slice) -> TaskListRow | list[TaskListRow]:
        if isinstance(p, slice):
            return [self.table.row(i) for i in range(*p.indices(len(self.table)))]
        row = self._made.get(p)
        if row is None:
            if p < 0:
                p += len(self.table)
            row = self.table.row(p)  # (IndexError past the end, as a list)
            if len(self._made) >= MADE_KEPT:
                self._made.clear()
            self._made[p] = row
        return row

    def __iter__(self) -> Iterator[TaskListRow]:
        return iter(self.table)

    def forget(self, p: int) -> None:
        """Position ``p`` holds another row now."""
        self._made.pop(p, None)


class RowCache:
    """The rows of a plan (a ``TaskTable``) with what filtering, sorting and grouping need,
    built once per load (off the GUI thread for big plans): the lower-cased titles and
    people's names searched, the phase groups, each row's owner node (its parent task or its
    phase group), and the natural order.

    A lower-cased title is the title itself when that changes nothing (Chinese titles), so
    it costs a pointer; names are searched per person, not per row."""

    def __init__(self, rows: TaskTable | list[TaskListRow]) -> None:
        table = self.table = rows if isinstance(rows, TaskTable) else TaskTable.from_rows(rows)
        self.rows = Rows(table)
        self._title_lc: list[str] | None = None  # (made by the first text filter)
        self._titles_in: tuple[list[int], list[str]] | None = None
        self._titles_text: tuple[str, array] | None = None
        self.names_lc = {uid: _lower(name) for uid, name in table.people.items() if name}
        self._shape()
        self.base = natural_order(table)
        self.orders: dict[tuple[str, bool, str], list[int]] = {}

    def titles_in(self, order: list[int]) -> list[str]:
        """The lower-cased titles in ``order``'s order (the last order asked for is kept: a
        text filter typed over the whole list walks it without a lookup per row)."""
        kept = self._titles_in
        if kept is None or kept[0] is not order:
            kept = self._titles_in = (order, list(map(self.title_lc.__getitem__, order)))
            self._titles_text = None
        return kept[1]

    def titles_text(self, order: list[int]) -> tuple[str, array]:
        """``titles_in(order)`` as one text, each title after a line break, and where each
        one starts in it (kept with them): a word found in the text is found in the title
        that starts last before it (a word has no white space, so it never spans two)."""
        lined = self.titles_in(order)
        if self._titles_text is None:
            starts = array("q", [0])
            starts.extend(accumulate(len(title) + 1 for title in lined))
            self._titles_text = ("\n".join(lined), starts)
        return self._titles_text

    @property
    def title_lc(self) -> list[str]:
        """Every title lower-cased (what the text filter searches), made when first asked:
        a load that is never filtered by text does not make it."""
        if self._title_lc is None:
            self._title_lc = list(map(_lower, self.table.title))
        return self._title_lc

    def _shape(self) -> None:
        """The phase groups (``groups``, nodes 1…G), each row's owner node (``owner_of``)
        and the group it is shown in (``group_of``)."""
        table = self.table
        info = table.phases
        present = sorted(set(table.phase_id), key=lambda pid: (_phase_pos(info, pid), pid))
        self.groups = [(pid or None, (info.get(pid) or _NO_NAMES)[0] or "",
                        (info.get(pid) or _NO_NAMES)[1] or "") for pid in present]
        group_node = {pid: i + 1 for i, pid in enumerate(present)}
        pos, first = table.pos, len(self.groups) + 1
        # the node a row hangs under when grouped: its parent task (node first + position),
        # else its phase group (1…G); a parent outside the rows counts as none
        owner_of = [group_node[phase] if not parent or (pp := pos(parent)) is None
                    else first + pp for parent, phase in zip(table.parent_id, table.phase_id,
                                                             strict=True)]
        # the phase group each row is shown in (a subtask: its top parent's), so a group's
        # label counts every task in it, as the Overview does (issue #16: "(10)" beside 18/18)
        group_of = [0] * len(owner_of)
        for p, node in enumerate(owner_of):
            if node < first:
                group_of[p] = node
                continue
            chain = [p]
            while node >= first and not group_of[node - first]:
                chain.append(node - first)
                node = owner_of[node - first]
            group = node if node < first else group_of[node - first]
            for q in chain:
                group_of[q] = group
        self.owner_of = array("q", owner_of)
        self.group_of = array("i", group_of)
        self.counts = Counter(owner_of)
        """How many rows each node owns (every row shown: the grouped tree's row counts)."""
        self.totals = Counter(group_of)
        """How many rows each phase group shows, subtasks too (every row shown)."""

    def replace(self, pos: int, row: TaskListRow) -> None:
        """An edited row (same parent and phase: the shape is unchanged)."""
        self.table.set(pos, row)
        self.rows.forget(pos)
        if self._title_lc is not None:
            self._title_lc[pos] = _lower(row.title)
        if row.assignee_id is not None and row.assignee_name:
            self.names_lc[row.assignee_id] = _lower(row.assignee_name)
        self.orders.clear()
        self._titles_in = None

    def add(self, rows: list[TaskListRow]) -> bool:
        """New tasks at the end (tasks created), the natural order kept; False (nothing
        added) when a reload is due instead: an id not after the last one, a parent not
        loaded. A task in a phase without a group yet makes the groups again."""
        table = self.table
        rows = sorted(rows, key=attrgetter("id"))
        last = table.id[-1] if len(table) else 0
        if not rows or rows[0].id <= last or any(
                r.parent_id is not None and table.pos(r.parent_id) is None for r in rows):
            return False
        node_of = {pid: i + 1 for i, (pid, _zh, _en) in enumerate(self.groups)}
        new_group = any(r.parent_id is None and r.phase_id not in node_of for r in rows)
        first = len(self.groups) + 1
        for r in rows:
            p = len(table)
            table.append(r)
            if self._title_lc is not None:
                self._title_lc.append(_lower(r.title))
            if r.assignee_id is not None and r.assignee_name:
                self.names_lc[r.assignee_id] = _lower(r.assignee_name)
            if not new_group:
                parent = table.pos(r.parent_id) if r.parent_id is not None else None
                owner = node_of[r.phase_id] if parent is None else first + parent
                group = owner if parent is None else self.group_of[parent]
                self.owner_of.append(owner)
                self.group_of.append(group)
                self.counts[owner] += 1
                self.totals[group] += 1
            insort(self.base, p, key=self._natural_key)
        if new_group:
            self._shape()
        self.orders.clear()
        self._titles_in = None  # (the natural order grew in place)
        return True

    def _natural_key(self, p: int) -> tuple:
        """What ``natural_order`` sorts position ``p`` by, as one key."""
        t = self.table
        return (_phase_pos(t.phases, t.phase_id[p]), t.due[p] or FAR, t.position[p], t.id[p])

    def order(self, column: str | None, descending: bool, today: str, lang: str) -> list[int]:
        """Positions sorted by ``column`` (natural order for None); the last few are kept."""
        if column is None:
            return self.base
        cache_key = (column, descending, today + lang)
        order = self.orders.pop(cache_key, None)
        if order is None:
            order = sort_order(column, self.table, self.base, descending, today, lang)
            while len(self.orders) >= KEPT_ORDERS:
                del self.orders[next(iter(self.orders))]
        self.orders[cache_key] = order  # (re)inserted last: most recently used
        return order


_NO_NAMES = (None, None, None)


def _phase_pos(info: dict, phase_id: int) -> int:
    """The sort position of a phase (none, or no position: after every phase)."""
    pos = (info.get(phase_id) or _NO_NAMES)[2] if phase_id else None
    return LAST if pos is None else pos


def apply_filters(cache: RowCache, order: list[int], f: Filters, today: str) -> list[int]:
    """The positions of ``order`` that pass every filter, in the same order. Each filter is
    one list comprehension over the survivors of the previous one, on one column."""
    t, out = cache.table, order
    if f.phase_id is not None:
        col, want = t.phase_id, f.phase_id
        out = [p for p in out if col[p] == want]
    if f.role_id is not None:
        col, want = t.role_id, f.role_id
        out = [p for p in out if col[p] == want]
    if f.person_id is not None:
        col, want = t.assignee_id, 0 if f.person_id == UNASSIGNED else f.person_id
        out = [p for p in out if col[p] == want]
    if f.milestones_only:
        miles = t.is_milestone
        out = [p for p in out if miles[p]]
    status = t.status
    if f.status == OPEN:
        out = [p for p in out if status[p] in _OPEN_SET]
    elif f.status:
        want_status = f.status
        out = [p for p in out if status[p] == want_status]
    due = t.due
    if f.overdue_only:
        out = [p for p in out if (due[p] or "9999") < today and status[p] in _OPEN_SET]
    if f.due_from:
        low = f.due_from
        out = [p for p in out if (due[p] or "") >= low]
    if f.due_to:
        high = f.due_to
        out = [p for p in out if (due[p] or "9999") <= high]
    titles, who = cache.title_lc, t.assignee_id
    for word in f.text.strip().lower().split():
        named = {uid for uid, name in cache.names_lc.items() if word in name}
        if out is order:  # every row still in: the titles lined up in this order (kept)
            if not named:
                out = _titled(cache, order, word)
            else:
                out = [p for p, title in zip(order, cache.titles_in(order), strict=True)
                       if word in title or who[p] in named]
        elif not named:  # no person's name has it: the titles alone decide
            out = [p for p in out if word in titles[p]]
        else:  # (a word has no space, so it never spans title and name)
            out = [p for p in out if word in titles[p] or who[p] in named]
    return out


SPARSE = 16
"""A word in fewer than one title in this many is looked for in the titles' one text
(``_titled``); a commoner one title by title."""


def _titled(cache: RowCache, order: list[int], word: str) -> list[int]:
    """The positions in ``order`` whose lower-cased title has ``word``, in that order. A
    word in few titles is found by searching their one text (C's speed between the hits,
    a skip to the next title after each) rather than asking each of 100k titles."""
    text, starts = cache.titles_text(order)
    if text.count(word) * SPARSE > len(order) or not word.isprintable() or " " in word:
        # (counted at C's speed: the hits at most; a word with white space, which the
        # filter's words never have, could span two titles in the text)
        return [p for p, title in zip(order, cache.titles_in(order), strict=True)
                if word in title]
    out: list[int] = []
    find, at, end = text.find, 0, len(order)
    while (hit := find(word, at)) >= 0:
        row = bisect_right(starts, hit) - 1
        out.append(order[row])
        if row + 1 >= end:
            break
        at = starts[row + 1]
    return out


def natural_order(table: TaskTable, positions: list[int] | None = None) -> list[int]:
    """Positions in the natural order: phase, due date, position, id — by stable sorts on
    one column each (least significant first), so no key tuple per row is made."""
    order = list(positions) if positions is not None else list(range(len(table)))
    for keys in (table.id, table.position, [d or FAR for d in table.due],
                 _phase_keys(table)):
        order.sort(key=keys.__getitem__)
    return order


def _phase_keys(table: TaskTable) -> list[int]:
    """Per row, its phase's sort position (``_phase_pos``), looked up once per phase."""
    info = table.phases
    key = {ph: _phase_pos(info, ph) for ph in set(table.phase_id)}
    return list(map(key.__getitem__, table.phase_id))


def _ranks(ids: Sequence[int], names: dict[int, str | None]) -> list[int]:
    """Per row, the rank of the name of its role or person (by name; none last), keyed by
    the id so that only a handful of names are compared."""
    named = {k: name for k in set(ids) if k and (name := names.get(k))}
    ordered = sorted(named, key=named.__getitem__)
    get = {k: i for i, k in enumerate(ordered)}.get
    return [get(k, LAST) for k in ids]


def sort_order(column: str, table: TaskTable, base: list[int], descending: bool,
               today: str, lang: str) -> list[int]:
    """``base`` sorted by ``column`` (stable: equal keys keep the natural order). By due
    date, overdue work comes first (oldest first; descending: last, newest first)."""
    keys = sort_keys(column, table, today, lang)
    order = sorted(base, key=keys.__getitem__, reverse=descending)
    if column != "due":
        return order
    late = [s in _OPEN_SET and (d or FAR) < today for s, d in zip(table.status, table.due,
                                                                  strict=True)]
    first = [p for p in order if late[p] != descending]
    first += [p for p in order if late[p] == descending]
    return first


_OPEN_SET = frozenset(OPEN_STATUSES)


def sort_keys(column: str, table: TaskTable, today: str, lang: str) -> Sequence:
    """The sort key of every row for ``column`` (by position); the due date's key is the
    date alone (``sort_order`` puts overdue work first)."""
    zh = lang.startswith("zh")
    if column == "title":
        return table.title
    if column == "phase":
        return _phase_keys(table)
    if column == "role":
        names = {rid: (zh_name if zh else en_name) for rid, (zh_name, en_name, _c)
                 in table.roles.items()}
        return _ranks(table.role_id, names)
    if column == "assignee":
        return _ranks(table.assignee_id, table.people)
    if column in ("start", "due", "done"):
        return [d or FAR for d in getattr(table, "done_at" if column == "done" else column)]
    if column == "status":
        get = STATUS_ORDER.get
        return [get(s, 9) for s in table.status]
    if column == "priority":
        get = PRIORITY_ORDER.get
        return [get(p, 9) for p in table.priority]
    if column == "milestone":
        return [not m for m in table.is_milestone]
    raise KeyError(column)
