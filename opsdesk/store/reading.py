"""Open a database for a command that only reads (``tasks list``, ``check``, ``export``,
``report``, ``shot``) so that the file's bytes stay exactly as they were.

The file is opened read-only (no journal-mode switch, no migration, nothing left beside
it; see ``engine._sqlite_engine``). A file of an older schema revision is not upgraded in
place, which would write to it: it is read from an upgraded copy in a temporary folder,
removed when the process ends, so the command shows what the app would show.
"""

from __future__ import annotations

import sqlite3
import tempfile
import weakref
from pathlib import Path
from typing import cast

from opsdesk.errors import QT_TRANSLATE_NOOP, BackupError, StorageError
from opsdesk.store import migrate
from opsdesk.store.engine import Store, open_store

OLDER_SERVER = QT_TRANSLATE_NOOP(
    "Errors", "{path} was written by an older version of OpsDesk; open it once with the "
    "OpsDesk app to update it, then try again.")


def stored_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return migrate.current_revision(conn)


def open_for_reading(target: str | Path) -> Store:
    """The database at ``target`` for reading only; every write is refused with
    ``ReadOnlyDatabase``, and nothing is written to the file, not even an upgrade."""
    store = open_store(target, readonly=True)
    if store.readonly_reason == "newer":
        return store
    try:
        if stored_revision(store) == migrate.HEAD_REVISION:
            return store
        if not store.is_sqlite:
            raise StorageError(OLDER_SERVER, path=store.display_name)
        copy = upgraded_copy(store)
    except BaseException:
        store.close()
        raise
    store.close()
    return copy


def upgraded_copy(store: Store) -> Store:
    """A read-only store over a copy of ``store`` upgraded to this version's schema; the
    copy's folder is removed when the store is garbage-collected or the process ends."""
    folder = tempfile.TemporaryDirectory(prefix="opsdesk-read-", ignore_cleanup_errors=True)
    out = Path(folder.name) / (store.path.name if store.path is not None else "copy.db")
    try:
        copy_database(store, out)
        open_store(out, backup_before_migrate=False).close()  # the upgrade, on the copy
        copy = open_store(out, readonly=True)
    except BaseException:
        folder.cleanup()
        raise
    weakref.finalize(copy, folder.cleanup)
    return copy


def copy_database(store: Store, out: Path) -> Path:
    """Copy an open SQLite store into the new file ``out`` through the store's own
    (read-only) connection, as one consistent snapshot even while another process writes."""
    raw = store.engine.raw_connection()
    try:
        dst = sqlite3.connect(out)
        try:
            # a SQLite store's DBAPI connection is sqlite3's (typed Any | None by SQLAlchemy)
            cast(sqlite3.Connection, raw.driver_connection).backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupError(detail=str(exc)) from exc
    finally:
        raw.close()
    return out
