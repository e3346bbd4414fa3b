"""Look at an SQLite file without changing it: header, quick check, schema revision.

Only ``sqlite3`` is needed, so the check can start on a second thread at process start
(``prefetch``) while Qt and SQLAlchemy load; SQLite releases the GIL while it reads.
It is a plain ``threading`` thread: the core never imports Qt, so it cannot use the UI's
background runner (``opsdesk.ui.background``); its result is handed over by a ``_Check``
(an event and the answer: ``concurrent.futures`` would load ``logging``, ~10 ms of every
``opsdesk tasks list``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from opsdesk.errors import CorruptDatabase, DatabaseLocked, NotAnOpsDeskDatabase, StorageError
from opsdesk.store import files

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000

class _Check:
    """A check of one file under way on its own thread: ``result()`` waits for it and gives
    its answer (or raises its error)."""

    def __init__(self) -> None:
        self._done = threading.Event()
        self._value: str | None = None
        self._error: BaseException | None = None

    def run(self, path: Path) -> None:
        try:
            self._value = _inspect(path, DEFAULT_BUSY_TIMEOUT_MS)
        except BaseException as exc:  # noqa: BLE001 - handed to whoever opens the file
            self._error = exc
        finally:
            self._done.set()

    def result(self) -> str | None:
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._value


_prefetched: dict[Path, tuple[tuple[int, ...], _Check]] = {}
_lock = threading.Lock()


def _stat_key(path: Path) -> tuple[int, ...] | None:
    """The file's and its WAL's modification time and size: any write changes one. (An
    empty WAL is no WAL: a reader opening the file makes one, and that changes nothing the
    check saw; a write always appends to it.)"""
    try:
        st = os.stat(path)
    except OSError:
        return None
    try:
        wal = os.stat(f"{path}-wal")
        wal_key = (wal.st_mtime_ns, wal.st_size) if wal.st_size else (0, 0)
    except OSError:
        wal_key = (0, 0)
    return (st.st_mtime_ns, st.st_size, *wal_key)


def prefetch(path: str | Path) -> None:
    """Start inspecting ``path`` on a background thread; ``inspect_sqlite_file(reuse=True)``
    takes the result if the file has not changed meanwhile."""
    path = Path(path).expanduser().absolute()
    key = _stat_key(path)
    if key is None or key[1] == 0:
        return
    check = _Check()
    with _lock:
        _prefetched[path] = (key, check)
    threading.Thread(target=check.run, args=(path,), name="opsdesk-inspect", daemon=True).start()


def _take_prefetched(path: Path) -> _Check | None:
    with _lock:
        entry = _prefetched.pop(Path(path).absolute(), None)
    if entry is None:
        return None
    key, check = entry
    check._done.wait()
    return check if _stat_key(path) == key else None


def inspect_sqlite_file(path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
                        reuse: bool = False) -> str | None:
    """Check a file without changing it; return its schema revision (None when empty).

    With ``reuse``, the result of an earlier ``prefetch`` of the unchanged file is taken.
    """
    if reuse:
        done = _take_prefetched(path)
        if done is not None:
            return done.result()
    return _inspect(path, busy_timeout_ms)


def _inspect(path: Path, busy_timeout_ms: int) -> str | None:
    try:
        # None when this process already has it open: reading it would drop SQLite's locks
        # (files.py), and then it is an SQLite file whose -wal/-shm exist.
        header = files.read_header(path, 100)
    except OSError as exc:
        raise StorageError(files.UNREADABLE, path=str(path),
                           detail=exc.strerror or str(exc)) from exc
    if header is not None and header[:len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise NotAnOpsDeskDatabase(path=str(path))
    uri = f"{path.as_uri()}?mode=ro"
    if header is not None and header[18:20] == b"\x02\x02" and not any(
            Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")):
        # A WAL-mode file that no one has open: a read-only connection would create -wal
        # and -shm files it cannot remove again. With no WAL to replay, read it as immutable.
        uri += "&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as exc:
        raise CorruptDatabase(path=str(path)) from exc
    try:
        result = con.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            raise CorruptDatabase(path=str(path))
        tables = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables:
                raise NotAnOpsDeskDatabase(path=str(path))
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or "tasks" not in tables:
            raise NotAnOpsDeskDatabase(path=str(path))
        return str(row[0])
    except sqlite3.OperationalError as exc:
        message = str(exc).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseLocked() from exc
        raise CorruptDatabase(path=str(path)) from exc
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabase(path=str(path)) from exc
    finally:
        con.close()


