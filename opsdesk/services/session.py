"""Opening a database, closing it, and watching it for other processes' changes: the one
way the UI and ``opsdesk.app`` reach the store (an import-linter contract forbids
``opsdesk.ui`` → ``opsdesk.store``). No Qt.

``Store`` (for type hints) and ``POLL_INTERVAL_MS`` (how often the window polls the
watcher) are re-exported. The store's functions are looked up when called, so a test that
patches ``opsdesk.store.open_store`` patches what opens here too.
"""

from __future__ import annotations

from pathlib import Path

from opsdesk.services import Services
from opsdesk.services.base import Clock, utc_now
from opsdesk.store import Store
from opsdesk.store.watch import POLL_INTERVAL_MS, ChangeWatcher


def open_store(target: str | Path, *, create: bool = False, readonly: bool = False,
               backup_before_migrate: bool = True) -> Store:
    """The OpsDesk database at a path or URL (made with ``create``; upgraded on open unless
    ``readonly``)."""
    from opsdesk import store

    return store.open_store(target, create=create, readonly=readonly,
                            backup_before_migrate=backup_before_migrate)


def open_session(target: str | Path, *, create: bool = False, readonly: bool = False,
                 clock: Clock = utc_now) -> Services:
    """Every service over the database at ``target``; ``close(services)`` when done."""
    return Services(open_store(target, create=create, readonly=readonly), clock)


def open_for_reading(target: str | Path) -> Store:
    """The database at ``target`` for reading only: nothing is written to it, not even an
    upgrade (an older file is read from an upgraded temporary copy)."""
    from opsdesk.store.reading import open_for_reading as open_reading

    return open_reading(target)


def copy_database(store: Store, out: Path) -> Path:
    """A consistent copy of the open SQLite ``store`` written to the new file ``out``."""
    from opsdesk.store.reading import copy_database as copy

    return copy(store, out)


def close(opened: Services | Store) -> None:
    """Close a database opened here (given its services or its store)."""
    (opened.store if isinstance(opened, Services) else opened).close()


def watch(opened: Services | Store) -> ChangeWatcher:
    """A watcher of the database for changes committed by other processes: its ``poll()``
    returns them as ``Changes`` (or None), ``ignore(change_id)`` skips one's own, and
    ``close()`` lets go of its connection."""
    from opsdesk.services.changes import Changes

    store = opened.store if isinstance(opened, Services) else opened
    return ChangeWatcher(store, factory=Changes)


__all__ = ["POLL_INTERVAL_MS", "Store", "close", "copy_database", "open_for_reading",
           "open_session", "open_store", "watch"]
