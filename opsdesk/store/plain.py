"""Plain ``sqlite3`` reads of an OpsDesk file, without SQLAlchemy (#17).

SQLAlchemy and the ORM models take about 0.3 s of CPU to import, twice a whole bare Qt
window. What must show before they load — the desktop app's first screen (sign-in and the
Overview) and the command line's ``tasks list`` — reads through a connection from here:
an existing SQLite file at this version's schema head, opened for reading only by the same
rules as the full store's read-only engine (``reading_uri``; ``engine._sqlite_engine`` uses
it too), so it never writes to the file, not even a journal.

Anything else — a server URL, a missing, empty, damaged, locked, older or newer file — gets
``None`` from ``connect_for_reading``, and the caller opens the full store, which explains,
migrates or refuses exactly as before. Queries over these connections live in the services
(``services/plain_*.py``), never in the UI.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from opsdesk.store import files
from opsdesk.store.inspect import DEFAULT_BUSY_TIMEOUT_MS, inspect_sqlite_file
from opsdesk.store.revisions import HEAD_REVISION

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _is_wal_without_side_files(path: Path) -> bool:
    try:
        header = files.read_header(path, 20)  # None when open here: then it has its -wal
    except OSError:
        return False
    return header is not None and header[18:20] == b"\x02\x02" and not any(
        Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))


def reading_uri(path: Path) -> str | None:
    """How to open ``path`` for reading without writing to it: a ``mode=ro`` URI, or None
    for an ordinary connection (with ``PRAGMA query_only``).

    - a file with no -wal, -shm or -journal beside it: on a writable file an ordinary
      connection with query_only, which reads a rollback-journal file without writing, and
      on a WAL file makes -wal/-shm and, as the last one out, removes them again (mode=ro
      would leave them behind); on a read-only folder or filesystem SQLite cannot make them,
      so mode=ro, and a WAL file (nothing to replay) is read as immutable;
    - a file in use, or left with a journal or WAL: mode=ro, which reads through another
      process's WAL but never checkpoints it into the file, rolls back a journal, or
      deletes a -wal it did not make.
    """
    side_files = any(Path(f"{path}{suffix}").exists() for suffix in SIDE_SUFFIXES)
    if not side_files and _writable(path):
        return None
    uri = f"{path.as_uri()}?mode=ro"
    if not side_files and _is_wal_without_side_files(path):
        uri += "&immutable=1"
    return uri


def connect_for_reading(target: str | Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
                        checked: bool = True) -> sqlite3.Connection | None:
    """A read-only connection to the OpsDesk file ``target`` at this version's schema, or
    None when the full store must open it (see the module's doc). Rows come back as tuples;
    dates as ISO text (parse them with ``datetime.date.fromisoformat``).

    ``checked=False``: do not wait for the file's integrity check (``PRAGMA quick_check``,
    0.3–0.7 s on a 100–300k-task file) — only its header and schema revision are read — so
    the caller's reads overlap the check; it must then ask ``is_healthy`` before it shows or
    uses anything it read."""
    if "://" in str(target):
        return None
    path = Path(target).expanduser().absolute()
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        if checked and inspect_sqlite_file(path, busy_timeout_ms, reuse=True) != HEAD_REVISION:
            return None
        uri = reading_uri(path)
        con = (sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000,
                               check_same_thread=False) if uri is not None else
               sqlite3.connect(path, timeout=busy_timeout_ms / 1000, check_same_thread=False))
        con.isolation_level = None  # reads only: no implicit BEGIN
        con.execute("PRAGMA query_only = ON")
        if not checked:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] != HEAD_REVISION:
                con.close()
                return None
    except Exception:  # noqa: BLE001 - the full store opens it and explains what is wrong
        return None
    return con


def is_healthy(target: str | Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> bool:
    """Whether the file passes the integrity check at this version's schema (waiting for the
    check ``inspect.prefetch`` began, or running it now)."""
    try:
        path = Path(target).expanduser().absolute()
        return inspect_sqlite_file(path, busy_timeout_ms, reuse=True) == HEAD_REVISION
    except Exception:  # noqa: BLE001 - the full store opens it and explains what is wrong
        return False
