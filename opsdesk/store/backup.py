"""Backups with SQLite's online backup API (in steps), rolling automatic backups, and a
restore that validates first and keeps the current content as a backup."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, BackupError, StorageError
from opsdesk.store import files

BACKUP_SUFFIX = ".opsdesk-backup"
DEFAULT_KEEP = 10
AUTO_MAX_AGE = dt.timedelta(days=1)
STEP_PAGES = 2048  # pages copied per step; the source is free between steps

NO_BACKUP_FILE = QT_TRANSLATE_NOOP("Errors", "There is no backup at {path}.")
SERVER_BACKUP = QT_TRANSLATE_NOOP(
    "Errors", "Backups of a server database are made with the server's own tools (pg_dump).")
SELF_OVERWRITE = QT_TRANSLATE_NOOP("Errors", "The backup cannot overwrite the database itself.")
NOT_RESTORABLE = QT_TRANSLATE_NOOP(
    "Errors", "{path} is not a backup this version of OpsDesk can restore; nothing was changed.")
CANCELLED = QT_TRANSLATE_NOOP("Errors", "The backup was cancelled; nothing was written.")

# progress(done_pages, total_pages); raise ``BackupCancelled`` inside it to stop.
Progress = Callable[[int, int], None]


class BackupCancelled(BackupError):
    template = CANCELLED


class BackupRefused(BackupError):
    """A backup or restore that is not done, with a message of its own."""

    def __init__(self, template: str, /, **params) -> None:
        super().__init__(template, **params)


def _copy_sqlite(src: sqlite3.Connection, out: Path, progress: Progress | None = None) -> None:
    """Copy ``src`` into ``out`` atomically (temp file, fsync, rename), in steps."""
    out = files.refuse_live(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = files.refuse_live(out.with_name(out.name + ".part"))
    tmp.unlink(missing_ok=True)
    files.make_private_file(tmp)  # backups are as private as the db

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst, pages=STEP_PAGES, progress=step, sleep=0)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        files.fsync_file(tmp)
        files.replace_user_file(tmp, out)
    except BackupCancelled:
        tmp.unlink(missing_ok=True)
        raise
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(detail=str(exc)) from exc


def backup_store(store, out: Path, progress: Progress | None = None) -> Path:
    """Write a consistent copy of the open database to ``out``."""
    if not store.is_sqlite:
        raise BackupRefused(SERVER_BACKUP)
    out = Path(out).expanduser().absolute()
    if store.path is not None and out == store.path:
        raise BackupRefused(SELF_OVERWRITE)
    assert store.path is not None
    # A connection of its own (not from the pool), so the backup may run on any thread.
    src = _connect_ro(store.path)
    try:
        _copy_sqlite(src, out, progress)
    finally:
        src.close()
    return out


def _connect_ro(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, check_same_thread=False, timeout=30)
    con.execute("PRAGMA query_only = ON")
    return con


def backup_file(path: Path, out: Path, progress: Progress | None = None) -> Path:
    """Copy a database file that is not open in this process (read-only connection)."""
    src = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        _copy_sqlite(src, out, progress)
    finally:
        src.close()
    return out


# ---- where backups live, and rolling

def backup_dir_for(path: Path) -> Path:
    return Path(path).parent / "backups"


def _pattern(path: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(Path(path).stem)}-(\d{{8}}-\d{{6}})-[a-z-]+(-\d+)?\.")


def timestamped_backup_path(path: Path, reason: str, now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now()
    stamp = now.strftime("%Y%m%d-%H%M%S")
    suffix = path.suffix or ".db"
    out = backup_dir_for(path) / f"{path.stem}-{stamp}-{reason}{suffix}"
    n = 1
    while out.exists():  # two backups in the same second must not overwrite each other
        n += 1
        out = backup_dir_for(path) / f"{path.stem}-{stamp}-{reason}-{n}{suffix}"
    return out


def list_backups(path: Path) -> list[Path]:
    """The backups of the database at ``path``, oldest first."""
    folder = backup_dir_for(path)
    if not folder.is_dir():
        return []
    pattern = _pattern(path)
    found = [(m.group(1), p.stat().st_mtime_ns, p) for p in folder.iterdir()
             if p.is_file() and not p.name.endswith(".part") and (m := pattern.match(p.name))]
    return [p for _s, _m, p in sorted(found)]


def backup_time(backup: Path) -> dt.datetime | None:
    m = re.search(r"-(\d{8}-\d{6})-", backup.name)
    return dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S") if m else None


def last_backup_at(path: Path) -> dt.datetime | None:
    times = [t for b in list_backups(path) if (t := backup_time(b)) is not None]
    return max(times, default=None)


def prune_backups(path: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns what was deleted."""
    keep = max(1, int(keep))
    backups = list_backups(path)
    gone = backups[:-keep] if len(backups) > keep else []
    for old in gone:
        if not files.is_live(old):  # a backup someone opened as the database stays
            old.unlink(missing_ok=True)
    return gone


def rolling_backup(store, reason: str = "auto", keep: int = DEFAULT_KEEP,
                   progress: Progress | None = None, now: dt.datetime | None = None) -> Path:
    """Back up into the backups folder next to the database, keeping the newest ``keep``."""
    assert store.path is not None
    out = backup_store(store, timestamped_backup_path(store.path, reason, now), progress)
    prune_backups(store.path, keep)
    return out


def auto_backup_due(path: Path, now: dt.datetime | None = None,
                    max_age: dt.timedelta = AUTO_MAX_AGE) -> bool:
    last = last_backup_at(path)
    return last is None or (now or dt.datetime.now()) - last >= max_age


def auto_backup_if_due(store, keep: int = DEFAULT_KEEP, now: dt.datetime | None = None,
                       max_age: dt.timedelta = AUTO_MAX_AGE,
                       progress: Progress | None = None) -> Path | None:
    """The daily backup on open: made when the newest one is older than ``max_age``."""
    if not store.is_sqlite or store.path is None or not auto_backup_due(store.path, now, max_age):
        return None
    return rolling_backup(store, "auto", keep, progress, now)


def backup_before_migration(path: Path, keep: int = DEFAULT_KEEP) -> Path:
    out = backup_file(path, timestamped_backup_path(path, "before-migration"))
    prune_backups(path, max(keep, 1))
    return out


# ---- restore

def validate_backup(source: Path) -> str:
    """Check that ``source`` is an intact OpsDesk database this version can read."""
    from opsdesk.errors import OpsDeskError
    from opsdesk.store import migrate
    from opsdesk.store.inspect import inspect_sqlite_file

    source = files.refuse_live(source)  # the open database (or its -wal) is no backup
    if not source.is_file():
        raise StorageError(NO_BACKUP_FILE, path=str(source))
    try:
        revision = inspect_sqlite_file(source)
    except OpsDeskError as exc:
        raise BackupRefused(NOT_RESTORABLE, path=str(source)) from exc
    if revision is None or not migrate.is_known(revision):
        raise BackupRefused(NOT_RESTORABLE, path=str(source))
    return revision


def restore_into(store, source: Path, keep: int = DEFAULT_KEEP,
                 progress: Progress | None = None) -> Path:
    """Replace the open database's content with ``source``; returns the safety backup.

    The source is validated first (an intact OpsDesk database this version can read); the
    current content is backed up before it is overwritten. A failure leaves it as it was.
    """
    from opsdesk.store import migrate

    if not store.is_sqlite:
        raise BackupRefused(SERVER_BACKUP)
    from opsdesk.errors import ReadOnlyDatabase

    if store.readonly:
        raise ReadOnlyDatabase()
    source = Path(source).expanduser().absolute()
    assert store.path is not None
    if source == store.path:
        raise BackupRefused(SELF_OVERWRITE)
    revision = validate_backup(source)
    safety = rolling_backup(store, "before-restore", max(keep, 1))
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(store.path, timeout=30)
    try:
        # One step: the destination is locked and replaced in a single transaction.
        src.backup(dst, progress=(lambda _s, r, t: progress(t - r, t)) if progress else None)
    except sqlite3.Error as exc:
        raise BackupError(detail=str(exc)) from exc
    finally:
        dst.close()
        src.close()
    store.engine.dispose()
    if revision != migrate.HEAD_REVISION:
        migrate.upgrade(store.engine)
    return safety


def replace_damaged(path: Path, backup: Path) -> Path:
    """Put a (validated) backup in place of a database that cannot be opened; the damaged
    file is kept beside it, renamed; returns where it went."""
    path = Path(path).expanduser().absolute()
    validate_backup(backup)
    aside = path.with_name(f"{path.name}.damaged-{dt.datetime.now():%Y%m%d-%H%M%S}")
    tmp = backup_file(Path(backup), path.with_name(path.name + ".restoring"))
    if path.exists():
        files.replace_user_file(path, aside)  # refused if it is open here after all
    for suffix in files.SIDE_SUFFIXES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            files.replace_user_file(side, Path(f"{aside}{suffix}"))
    files.replace_user_file(tmp, path)
    return aside
