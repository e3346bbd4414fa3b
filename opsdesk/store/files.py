"""The one guard between the process and the database files it has open.

SQLite's locks are POSIX advisory locks, and those belong to the *process*: when anything
in the process opens the live database file (or its ``-wal``/``-shm``/``-journal``) through
another descriptor and closes it again — a header read, a hash, a copy, an import of the
wrong file — every lock SQLite holds on it is silently released. Another OpsDesk process
then believes it is the last one, deletes the journal on exit, and this process goes on
writing into a deleted file. So:

* ``open_store`` registers every database file it opens (``register_database``) and
  ``Store.close`` drops it again;
* every file a person names (imports, exports, backups, restores) is opened, read, written
  or replaced only through the helpers here, which refuse a live database file or its side
  files with a clear message (a test keeps raw file access out of the rest of ``opsdesk/``);
* ``side_identity`` tells whether a connection's journal is still the file on disk, and
  ``drop_connections`` asks every holder of a connection in this process to let go of it,
  so a reconnect really starts afresh (SQLite shares one shared-memory mapping between all
  the connections of a process to the same file).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from opsdesk.errors import QT_TRANSLATE_NOOP, StorageError

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

LIVE_FILE = QT_TRANSLATE_NOOP(
    "Errors", "{path} is the OpsDesk database that is open; choose another file.")
UNREADABLE = QT_TRANSLATE_NOOP("Errors", "{path} cannot be read: {detail}")


class LiveDatabaseFile(StorageError):
    """A file a person chose is the open database itself (or one of its side files)."""

    template = LIVE_FILE


_lock = threading.RLock()
_owners: dict[Path, set[int]] = {}  # live database → ids of the stores that have it open
_holders: dict[Path, list[Callable[[], None]]] = {}  # live database → "close your connection"


def _key(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.abspath(os.path.expanduser(os.fspath(path))))


# ---- the registry of open databases

def register_database(path: str | os.PathLike[str], owner: object) -> None:
    with _lock:
        _owners.setdefault(_key(path), set()).add(id(owner))


def unregister_database(path: str | os.PathLike[str], owner: object) -> None:
    key = _key(path)
    with _lock:
        owners = _owners.get(key)
        if owners is not None:
            owners.discard(id(owner))
            if not owners:
                del _owners[key]


def live_databases() -> list[Path]:
    with _lock:
        return list(_owners)


def add_holder(path: str | os.PathLike[str], close: Callable[[], None]) -> None:
    """``close`` is called (from any thread) when the connections to ``path`` are stale."""
    with _lock:
        _holders.setdefault(_key(path), []).append(close)


def remove_holder(path: str | os.PathLike[str], close: Callable[[], None]) -> None:
    key = _key(path)
    with _lock:
        holders = _holders.get(key, [])
        if close in holders:
            holders.remove(close)
        if not holders:
            _holders.pop(key, None)


def drop_connections(path: str | os.PathLike[str]) -> None:
    """Ask every holder of a connection to ``path`` in this process to close it."""
    with _lock:
        holders = list(_holders.get(_key(path), ()))
    for close in holders:
        close()


def side_identity(path: str | os.PathLike[str]) -> tuple[int, int, int, int] | None:
    """(device, inode) of the database's ``-wal`` and ``-shm`` as they are on disk now
    (two ``stat`` calls, no open), or None when either is missing."""
    try:
        wal = os.stat(f"{os.fspath(path)}-wal")
        shm = os.stat(f"{os.fspath(path)}-shm")
    except OSError:
        return None
    return (wal.st_dev, wal.st_ino, shm.st_dev, shm.st_ino)


# ---- is a file one of the live database files?

def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def live_database_for(path: str | os.PathLike[str]) -> Path | None:
    """The open database that ``path`` is (or is a side file of), else None. Decided by
    name (also for a file that does not exist yet: SQLite would take it for its journal)
    and by identity (a hard link, a symlink, another spelling of the same file)."""
    live = live_databases()
    if not live:
        return None
    target = _key(path)
    real = Path(os.path.realpath(target))
    target_id = _identity(target)
    parent_id = _identity(target.parent)
    for db in live:
        names = [db.name, *(db.name + s for s in SIDE_SUFFIXES)]
        if target in (db.parent / n for n in names) or real in (
                Path(os.path.realpath(db.parent)) / n for n in names):
            return db
        if parent_id is not None and parent_id == _identity(db.parent) and \
                target.name.casefold() in (n.casefold() for n in names):
            return db
        if target_id is not None and any(
                target_id == _identity(db.parent / n) for n in names):
            return db
    return None


def is_live(path: str | os.PathLike[str]) -> bool:
    return live_database_for(path) is not None


def refuse_live(path: str | os.PathLike[str]) -> Path:
    """``path`` as an absolute Path, or ``LiveDatabaseFile`` when it is a live database file."""
    if is_live(path):
        raise LiveDatabaseFile(path=str(path))
    return _key(path)


# ---- the only ways the rest of opsdesk/ opens files a person names

def open_user_file(path: str | os.PathLike[str], mode: str = "rb", **kwargs: Any) -> IO[Any]:
    """``open()`` that refuses a live database file or its side files."""
    refuse_live(path)
    return open(path, mode, **kwargs)  # noqa: SIM115 - the caller closes it


def read_user_bytes(path: str | os.PathLike[str]) -> bytes:
    with open_user_file(path, "rb") as fh:
        return fh.read()


def write_user_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with open_user_file(path, "wb") as fh:
        fh.write(data)


def read_header(path: str | os.PathLike[str], size: int = 100) -> bytes | None:
    """The first ``size`` bytes of a database file, or None when it is open in this process
    (then it is an SQLite file we opened, and reading it would drop our locks)."""
    if is_live(path):
        return None
    with open(path, "rb") as fh:
        return fh.read(size)


def fsync_file(path: str | os.PathLike[str]) -> None:
    """Flush a file we have just written (never a live database file) to disk."""
    with open_user_file(path, "rb") as fh:
        os.fsync(fh.fileno())


def make_private_file(path: str | os.PathLike[str]) -> None:
    """Create an empty file readable and writable by its owner only (0600 on POSIX).

    On Windows the mode bits mean nothing (only "read-only"): what keeps the file private
    there is where it is, the per-user data folder (platformdirs: %LOCALAPPDATA%\\OpsDesk),
    whose ACL lets in only that user, SYSTEM and the administrators; a file the user puts
    elsewhere (a shared or network folder) has that folder's ACL.
    """
    refuse_live(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def replace_user_file(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """Put ``src`` (a file we wrote) in place of ``dst``, unless ``dst`` is live."""
    refuse_live(dst)
    os.replace(src, dst)


def copy_user_file(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    refuse_live(src)
    refuse_live(dst)
    import shutil

    shutil.copyfile(src, dst)
