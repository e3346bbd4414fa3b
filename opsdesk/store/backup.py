"""Backups with SQLite's online backup API, and restore that validates first."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from opsdesk.errors import BackupError, StorageError

BACKUP_SUFFIX = ".opsdesk-backup"


def _copy_sqlite(src: sqlite3.Connection, out: Path) -> None:
    """Copy ``src`` into ``out`` atomically: a temp file, fsync, then rename."""
    out = out.expanduser().absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(detail=str(exc)) from exc


def backup_store(store, out: Path) -> Path:
    """Write a consistent copy of the open database to ``out``."""
    if not store.is_sqlite:
        raise BackupError(detail="backups of a server database are made with the server's own tools (pg_dump)")
    if store.path is not None and Path(out).expanduser().absolute() == store.path:
        raise BackupError(detail="the backup cannot overwrite the database itself")
    raw = store.engine.raw_connection()
    try:
        _copy_sqlite(raw.driver_connection, Path(out))
    finally:
        raw.close()
    return Path(out)


def backup_file(path: Path, out: Path) -> Path:
    """Copy a database file that is not open in this process (read-only connection)."""
    src = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        _copy_sqlite(src, out)
    finally:
        src.close()
    return out


def backup_dir_for(path: Path) -> Path:
    return path.parent / "backups"


def timestamped_backup_path(path: Path, reason: str, now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    out = backup_dir_for(path) / f"{path.stem}-{stamp}-{reason}{path.suffix or '.db'}"
    n = 1
    while out.exists():  # two backups in the same second must not overwrite each other
        n += 1
        out = backup_dir_for(path) / f"{path.stem}-{stamp}-{reason}-{n}{path.suffix or '.db'}"
    return out


def backup_before_migration(path: Path) -> Path:
    return backup_file(path, timestamped_backup_path(path, "before-migration"))


def restore_into(store, source: Path) -> Path:
    """Replace the open database's content with ``source``; returns the safety backup.

    The source is validated first (an OpsDesk database this version can read); the
    current content is backed up before it is overwritten.
    """
    from opsdesk.store import migrate
    from opsdesk.store.inspect import inspect_sqlite_file

    if not store.is_sqlite:
        raise BackupError(detail="restore into a server database is done with the server's tools")
    source = Path(source).expanduser().absolute()
    if not source.exists():
        raise StorageError("There is no backup at {path}.", path=str(source))
    revision = inspect_sqlite_file(source)
    if revision is None or not migrate.is_known(revision):
        raise BackupError(detail=f"{source} is not a backup this version of OpsDesk can restore")
    assert store.path is not None
    safety = backup_store(store, timestamped_backup_path(store.path, "before-restore"))
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    raw = store.engine.raw_connection()
    try:
        src.backup(raw.driver_connection)
    except sqlite3.Error as exc:
        raise BackupError(detail=str(exc)) from exc
    finally:
        raw.close()
        src.close()
    store.engine.dispose()
    return safety
