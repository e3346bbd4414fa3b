"""The timeline's read: every task of a plan as compact numpy columns, plus links and phases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from opsdesk.model import Phase, Plan, Role, Task, TaskLink, User
from opsdesk.services.base import Service

STATUSES = ("todo", "doing", "done", "blocked", "cancelled", "skipped")
STATUS_CODE = {s: i for i, s in enumerate(STATUSES)}
NO_DAY = 0
"""Stored for a missing date (real dates are proleptic ordinals, always > 0)."""
CHUNK = 2_000


@dataclass(frozen=True)
class TimelinePhase:
    id: int
    key: str
    name_zh: str
    name_en: str
    start: int  # ordinal
    end: int
    color: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class TimelineRole:
    id: int
    name_zh: str
    name_en: str
    color: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass
class TimelineData:
    """Columns indexed by task position (0…n-1); ids are in ``id``. Dates are ordinals."""

    plan_id: int
    launch: int
    id: np.ndarray
    title: list[str]
    role: np.ndarray  # role id or 0
    assignee: np.ndarray  # user id or 0
    start: np.ndarray  # ordinal or NO_DAY
    due: np.ndarray
    status: np.ndarray  # index into STATUSES
    milestone: np.ndarray  # bool
    phase: np.ndarray  # phase id or 0
    parent: np.ndarray  # task id or 0
    series: np.ndarray  # routine (task_series) id or 0
    version: np.ndarray
    link_pred: np.ndarray  # task indexes
    link_succ: np.ndarray
    link_kind: list[str]
    phases: list[TimelinePhase]
    roles: dict[int, TimelineRole]
    people: dict[int, str]

    def patch(self, rows: list[tuple], links: list[tuple[int, int, str]]) -> None:
        """Write fresh rows of tasks already present (``TimelineService.tasks``) and all links."""
        for (tid, title, role, who, start, due, status, mile, phase, parent, version,
             routine) in rows:
            i = self.index_of(tid)
            assert i is not None  # only tasks already present are patched
            self.title[i] = title
            self.role[i], self.assignee[i], self.start[i], self.due[i] = role, who, start, due
            self.status[i], self.milestone[i], self.phase[i], self.parent[i] = status, mile, phase, parent
            self.version[i], self.series[i] = version, routine
        self.link_pred = np.searchsorted(self.id, np.array([r[0] for r in links], np.int64)).astype(np.int32)
        self.link_succ = np.searchsorted(self.id, np.array([r[1] for r in links], np.int64)).astype(np.int32)
        self.link_kind = [r[2] for r in links]

    def __len__(self) -> int:
        return int(self.id.size)

    def index_of(self, task_id: int) -> int | None:
        pos = int(np.searchsorted(self.id, task_id))
        return pos if pos < self.id.size and int(self.id[pos]) == task_id else None

    def span(self) -> tuple[int, int] | None:
        """First and last day of the plan: phases and dated tasks."""
        lows = [p.start for p in self.phases]
        highs = [p.end for p in self.phases]
        for col in (self.start, self.due):
            dated = col[col != NO_DAY]
            if dated.size:
                lows.append(int(dated.min()))
                highs.append(int(dated.max()))
        return (min(lows), max(highs)) if lows else None

    def successors(self, index: int) -> list[int]:
        """Every task reachable from ``index`` along links (indexes, without itself)."""
        if not self.link_pred.size:
            return []
        order = np.argsort(self.link_pred, kind="stable")
        preds, succs = self.link_pred[order], self.link_succ[order]
        seen, frontier = {index}, [index]
        while frontier:
            nxt = []
            for i in frontier:
                lo, hi = np.searchsorted(preds, i), np.searchsorted(preds, i, side="right")
                for s in succs[lo:hi].tolist():
                    if s not in seen:
                        seen.add(s)
                        nxt.append(s)
            frontier = nxt
        seen.discard(index)
        return sorted(seen)


def to_day(value: dt.date | None) -> int:
    return NO_DAY if value is None else value.toordinal()


def from_day(value: int) -> dt.date | None:
    return None if value == NO_DAY else dt.date.fromordinal(int(value))


COLUMNS = (Task.id, Task.title, Task.role_id, Task.assignee_id, Task.start, Task.due,
           Task.status, Task.is_milestone, Task.phase_id, Task.parent_id, Task.version,
           Task.series_id)
DTYPES = {"id": np.int64, "role": np.int32, "assignee": np.int32, "start": np.int32,
          "due": np.int32, "status": np.int8, "phase": np.int32, "parent": np.int64,
          "version": np.int32, "series": np.int64}
"""The timeline's integer columns (``TimelineData``), in the order the quick read gives them."""
_DAY = "ifnull(CAST(julianday({}) - 1721424.5 AS INTEGER), 0)"
"""An ISO date as its proleptic ordinal (``date.toordinal``: 0001-01-01 is 1), NO_DAY if none."""
_FAST_INTS = ("id", "ifnull(role_id, 0)", "ifnull(assignee_id, 0)", _DAY.format("start"),
              _DAY.format("due"),
              "CASE status " + " ".join(f"WHEN '{k}' THEN {v}" for k, v in STATUS_CODE.items())
              + " ELSE 0 END",
              "ifnull(phase_id, 0)", "ifnull(parent_id, 0)", "ifnull(version, 0)",
              "ifnull(series_id, 0)")
_FAST_SQL = (
    "SELECT count(*), group_concat(printf('" + "%08x" * len(_FAST_INTS) + "', "
    + ", ".join(_FAST_INTS) + "), ''), group_concat(ifnull(is_milestone, 0), ''), "
    "group_concat(title, char(31)) FROM tasks WHERE +plan_id = ?")
"""SQLite's read of a plan's timeline in one row, as ``task_rows._FAST_SQL`` reads the Tasks
view's (see there): every task's integers — dates as ordinals, statuses as their codes — as
8 hex digits each, built by SQLite while the GIL is free and turned into numpy columns by a
few C calls. Reading a row per task made a Python object for every value of 100,000 rows
(about 20 MB of small objects, made and dropped) and took 740 ms; this takes ~200 (#17)."""


def _sqlite_columns(s: Session, plan_id: int) -> dict[str, Any] | None:
    """The columns read by ``_FAST_SQL``; None when its texts do not split back into the same
    number of rows in id order (a title holding the separator, a value outside 0…2³¹-1): the
    portable read then."""
    n, ints_text, miles_text, titles_text = s.connection().exec_driver_sql(
        _FAST_SQL, (plan_id,)).one()
    k = len(_FAST_INTS)
    if not n:
        ints = np.zeros((0, k), dtype=np.uint32)
        milestone, titles = np.zeros(0, dtype=bool), []
    else:
        if not all(isinstance(t, str) for t in (ints_text, miles_text, titles_text)) \
                or len(ints_text) != n * k * 8 or len(miles_text) != n \
                or miles_text.strip("01"):
            return None  # (None: every title missing, say)
        try:
            ints = np.frombuffer(bytes.fromhex(ints_text), dtype=">u4").reshape(n, k)
        except ValueError:
            return None
        if int(ints.max()) >= 1 << 31:  # (the 32-bit columns would wrap: read portably)
            return None
        titles = titles_text.split("\x1f")
        if len(titles) != n:
            return None
        same: dict[str, str] = {}  # (a routine's occurrences share one title)
        titles = list(map(same.setdefault, titles, titles))
        milestone = np.frombuffer(miles_text.encode("ascii"), dtype=np.uint8) == ord("1")
    columns: dict[str, Any] = {name: ints[:, i].astype(dtype)
                               for i, (name, dtype) in enumerate(DTYPES.items())}
    ids = columns["id"]
    if ids.size > 1 and not bool((ids[1:] > ids[:-1]).all()):
        return None
    columns.update(title=titles, milestone=milestone)
    return columns


def _portable_columns(s: Session, plan_id: int) -> dict[str, Any]:
    """The columns read row by row (any database)."""
    ids, roles, people, starts, dues = [], [], [], [], []
    statuses, miles, phases, parents, versions, series = [], [], [], [], [], []
    titles: list[str] = []
    same_title: dict[str, str] = {}  # (a routine's occurrences share one title: #17)
    share_title = same_title.setdefault
    code = STATUS_CODE
    # yield_per: the ORM otherwise makes every Row in one C call on the first chunk,
    # holding the GIL (a 100–120 ms freeze of the GUI thread at 100k tasks)
    result = s.execute(select(*COLUMNS).where(Task.plan_id == plan_id).order_by(Task.id)
                       .execution_options(yield_per=CHUNK))
    for chunk in result.partitions(CHUNK):
        for (i, title, role, who, start, due, status, mile, phase, parent,
             version, routine) in chunk:
            ids.append(i)
            titles.append(share_title(title, title))
            roles.append(role or 0)
            people.append(who or 0)
            starts.append(start.toordinal() if start else NO_DAY)
            dues.append(due.toordinal() if due else NO_DAY)
            statuses.append(code.get(status, 0))
            miles.append(mile)
            phases.append(phase or 0)
            parents.append(parent or 0)
            versions.append(version)
            series.append(routine or 0)
    values = dict(zip(DTYPES, (ids, roles, people, starts, dues, statuses, phases, parents,
                               versions, series), strict=True))
    columns: dict[str, Any] = {name: np.array(values[name], dtype=dtype)
                               for name, dtype in DTYPES.items()}
    columns.update(title=titles, milestone=np.array(miles, dtype=bool))
    return columns


class TimelineService(Service):
    def count(self, plan_id: int) -> int:
        """How many tasks the plan holds (one indexed count: whether to read it at once)."""
        from sqlalchemy import func

        with self.store.read() as s:
            return int(s.scalar(select(func.count()).select_from(Task)
                                .where(Task.plan_id == plan_id)) or 0)

    def tasks(self, plan_id: int, ids: list[int]) -> list[tuple]:
        """Fresh rows of a few tasks (same columns as ``load``; dates as ordinals, status as
        its code, missing ids left out): to patch a loaded timeline after a small write."""
        with self.store.read() as s:
            rows = s.execute(select(*COLUMNS).where(Task.plan_id == plan_id, Task.id.in_(ids))).all()
        return [(r[0], r[1], r[2] or 0, r[3] or 0, to_day(r[4]), to_day(r[5]),
                 STATUS_CODE.get(r[6], 0), bool(r[7]), r[8] or 0, r[9] or 0, r[10], r[11] or 0)
                for r in rows]

    def links(self, plan_id: int) -> list[tuple[int, int, str]]:
        with self.store.read() as s:
            return [(pred, succ, kind) for pred, succ, kind in s.execute(
                select(TaskLink.pred_id, TaskLink.succ_id, TaskLink.kind)
                .join(Task, Task.id == TaskLink.pred_id).where(Task.plan_id == plan_id))]

    def load(self, plan_id: int) -> TimelineData:
        with self.store.read() as s:
            launch = s.scalar(select(Plan.launch_date).where(Plan.id == plan_id))
            columns = (_sqlite_columns(s, plan_id) if s.get_bind().dialect.name == "sqlite"
                       else None) or _portable_columns(s, plan_id)
            links = s.execute(select(TaskLink.pred_id, TaskLink.succ_id, TaskLink.kind)
                              .join(Task, Task.id == TaskLink.pred_id)
                              .where(Task.plan_id == plan_id)).all()
            phase_rows = s.execute(select(Phase.id, Phase.key, Phase.name_zh, Phase.name_en,
                                          Phase.start, Phase.end, Phase.color)
                                   .where(Phase.plan_id == plan_id)
                                   .order_by(Phase.position, Phase.start)).all()
            role_rows = s.execute(select(Role.id, Role.name_zh, Role.name_en, Role.color)).all()
            user_rows = s.execute(select(User.id, User.name)).all()
        id_arr = columns["id"]
        pred = np.searchsorted(id_arr, np.array([r[0] for r in links], dtype=np.int64))
        succ = np.searchsorted(id_arr, np.array([r[1] for r in links], dtype=np.int64))
        return TimelineData(
            plan_id=plan_id, launch=to_day(launch), **columns,
            link_pred=pred.astype(np.int32), link_succ=succ.astype(np.int32),
            link_kind=[r[2] for r in links],
            phases=[TimelinePhase(r[0], r[1], r[2], r[3], to_day(r[4]), to_day(r[5]), r[6])
                    for r in phase_rows],
            roles={r[0]: TimelineRole(*r) for r in role_rows},
            people=dict(user_rows))
