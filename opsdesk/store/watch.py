"""Notice writes made by other processes: SQLite ``PRAGMA data_version``, PostgreSQL
``LISTEN/NOTIFY``; both read the change log since the last id seen and turn it into the
same ``Changes`` a write returns (the UI polls ``ChangeWatcher.poll`` from a timer)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import text

from opsdesk.store import files
from opsdesk.store.engine import NOTIFY_CHANNEL

if TYPE_CHECKING:
    from opsdesk.store.engine import Store

# change-log entity → which Changes flags it sets
ENTITY_FLAGS: dict[str, tuple[str, ...]] = {
    "task": ("tasks",), "link": ("tasks",), "series": ("tasks",),
    "comment": ("comments", "tasks"),
    "plan": ("plans", "tasks"), "phase": ("plans", "tasks"),
    "user": ("people",), "role": ("people",),
    "kpis": ("kpis",), "kpi_values": ("kpis",), "kpi_targets": ("kpis",),
}
ALL_FLAGS = ("tasks", "plans", "people", "kpis", "comments")
# How often the main window polls (ms): a change is seen within about half of this.
POLL_INTERVAL_MS = 500


@dataclass(frozen=True)
class Seen:
    """What changed (the fields of ``services.Changes``, which the store may not import;
    the UI passes ``factory=Changes`` to get the real thing)."""

    tasks: bool = False
    plans: bool = False
    people: bool = False
    kpis: bool = False
    comments: bool = False
    ids: frozenset[int] = frozenset()
    change_id: int | None = None
    plan_id: int | None = None


@dataclass
class ChangeWatcher:
    """Polls one store for changes committed elsewhere. Not thread-safe: poll from one thread."""

    store: Store
    factory: Callable[..., object] = Seen
    last_id: int = 0
    _own: set[int] = field(default_factory=set)
    _sqlite: sqlite3.Connection | None = None
    _pg = None
    _version: int | None = None
    _wal: tuple[int, ...] | None = None  # the -wal/-shm our connection uses (files.py)
    _lock: threading.RLock = field(default_factory=threading.RLock)
    _closed: bool = False

    def __post_init__(self) -> None:
        self.last_id = self._max_id()
        if self.store.is_sqlite:
            assert self.store.path is not None
            self._connect()
            files.add_holder(self.store.path, self._drop)
        else:
            self._listen()

    def _connect(self) -> None:
        assert self.store.path is not None  # a watched SQLite store is a file (__post_init__)
        with self._lock:
            self._sqlite = sqlite3.connect(f"{self.store.path.as_uri()}?mode=ro", uri=True,
                                           check_same_thread=False, timeout=5)
            self._version = self._data_version()
            self._wal = files.side_identity(self.store.path)

    def _drop(self) -> None:
        """Another process deleted the journal: let go of the stale connection (called from
        any thread, also by the store); the next poll reconnects."""
        with self._lock:
            if self._sqlite is not None:
                self._sqlite.close()
                self._sqlite = None

    # ---- the backend-specific "has anything been committed?"

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _listen(self) -> None:
        try:
            import psycopg

            url = self.store.engine.url.set(drivername="postgresql")
            conninfo = url.render_as_string(hide_password=False)
            self._pg = psycopg.connect(conninfo, autocommit=True)
            self._pg.execute(f"LISTEN {NOTIFY_CHANNEL}")
        except Exception:  # noqa: BLE001 - fall back to reading the change log each poll
            self._pg = None

    def _something_committed(self) -> bool:
        if self.store.is_sqlite:
            assert self.store.path is not None  # a watched SQLite store is a file
            if self._closed:
                return False
            with self._lock:
                if self._sqlite is not None and files.side_identity(self.store.path) == self._wal:
                    version = self._data_version()
                    changed, self._version = version != self._version, version
                    return changed
            # stale (or dropped): every connection of ours goes, then read afresh
            files.drop_connections(self.store.path)
            self._connect()
            return True
        if self._pg is None:
            return True
        got = False
        try:
            for _n in self._pg.notifies(timeout=0, stop_after=1000):
                got = True
        except Exception:  # noqa: BLE001 - connection lost: read the log instead
            self._pg = None
            return True
        return got

    # ---- what changed

    def ignore(self, change_id: int | None) -> None:
        """A change this process made itself (already applied): do not report it again."""
        if change_id is not None:
            self._own.add(change_id)

    def _max_id(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(text("SELECT coalesce(max(id), 0) FROM changes")).scalar_one())

    def poll(self):
        """What others committed since the last poll (built by ``factory``), or None."""
        Changes = self.factory  # noqa: N806 - a class
        if not self._something_committed():
            return None
        with self.store.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT id, entity, entity_id, plan_id FROM changes WHERE id > :last ORDER BY id"
            ), {"last": self.last_id}).all()
            top = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM changes")).scalar())
        if top < self.last_id:  # the database was replaced (a restore): reload everything
            self.last_id = top
            return Changes(**{f: True for f in ALL_FLAGS})
        if not rows:
            return None
        self.last_id = max(self.last_id, int(rows[-1][0]))
        foreign = [r for r in rows if r[0] not in self._own]
        self._own = {i for i in self._own if i > self.last_id}
        if not foreign:
            return None
        flags: set[str] = set()
        ids: set[int] = set()
        plan_id = None
        for _cid, entity, entity_id, row_plan in foreign:
            flags.update(ENTITY_FLAGS.get(entity, ALL_FLAGS))
            if entity_id is not None and entity in ("task", "link", "comment", "series"):
                ids.add(int(entity_id))
            plan_id = row_plan or plan_id
        return Changes(**{f: True for f in flags}, ids=frozenset(ids),
                       change_id=int(foreign[-1][0]), plan_id=plan_id)

    def close(self) -> None:
        if self.store.is_sqlite and self.store.path is not None:
            files.remove_holder(self.store.path, self._drop)
        self._closed = True
        self._drop()
        if self._pg is not None:
            self._pg.close()
            self._pg = None
