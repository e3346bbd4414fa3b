"""Open a database from a file path or an SQLAlchemy URL, safely.

A file is inspected through a read-only connection first (header, quick check, schema
revision), so a failed open never modifies it; only then is it opened for writing with
WAL, ``foreign_keys=ON`` and a ``busy_timeout``. Nothing above this module needs to know
whether the database is SQLite or a server.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session

from opsdesk.errors import (
    QT_TRANSLATE_NOOP,
    CorruptDatabase,
    DatabaseEmpty,
    DatabaseLocked,
    DatabaseMissing,
    NotAnOpsDeskDatabase,
    StorageError,
)
from opsdesk.store import files, migrate
from opsdesk.store.inspect import DEFAULT_BUSY_TIMEOUT_MS, inspect_sqlite_file
from opsdesk.store.plain import reading_uri

DISK_FULL = QT_TRANSLATE_NOOP(
    "Errors", "The disk is full; the change was not saved and the database is unchanged. "
    "Free some space and try again.")
DB_ERROR = QT_TRANSLATE_NOOP("Errors", "The database reported an error: {detail}")
SERVER_UNREACHABLE = QT_TRANSLATE_NOOP("Errors", "The database server cannot be reached: {detail}")
NO_DRIVER = QT_TRANSLATE_NOOP("Errors", "The database driver is not installed: {detail}")
JOURNAL_REPLACED = QT_TRANSLATE_NOOP(
    "Errors", "Another program removed the database's journal while OpsDesk had it open; your "
    "change was not saved. OpsDesk has reconnected: please make the change again.")
# pool record info: (dev, ino) of the -wal and -shm a WAL connection opened (files.py)
_WAL_KEY = "opsdesk_wal"
_CHECK_JOURNAL = True  # tests switch it off to show what happens without the check
# pool record info: the ``wal_autocheckpoint`` to restore when a write that put off its
# checkpoint (``defer_checkpoint``) gives its connection back
_DEFERRED_KEY = "opsdesk_checkpoint_deferred"
# PostgreSQL channel on which every committed write is announced (store/watch.py listens).
NOTIFY_CHANNEL = "opsdesk_changes"
# The write transaction open in this thread (``Store.write`` joins it when nested).
_WRITING: ContextVar[Session | None] = ContextVar("opsdesk_writing", default=None)


@dataclass
class Store:
    """An open database: the engine, how to get sessions, and what state it is in."""

    url: str
    engine: Engine
    path: Path | None = None
    readonly: bool = False
    readonly_reason: str | None = None
    migrated_from: str | None = None
    network_share: bool = False
    _write_engine: Engine | None = field(default=None, repr=False)
    _checkpointer: threading.Thread | None = field(default=None, repr=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end. Inside a write transaction of
        this store (a compound action), the reads see what it wrote so far."""
        outer = _WRITING.get()
        if outer is not None and outer.info.get("store") is self:
            yield outer
            return
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except DBAPIError as exc:
                raise translate_db_error(exc, self) from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        from opsdesk.errors import ReadOnlyDatabase

        if self.readonly:
            raise ReadOnlyDatabase()
        outer = _WRITING.get()
        if outer is not None and outer.info.get("store") is self:
            # A service called by another service's write: the same transaction, so one
            # user action stays one transaction and one change-log action.
            yield outer
            return
        bind = self._write_engine or self.engine
        session = Session(bind, expire_on_commit=False, info={"store": self})
        token = _WRITING.set(session)
        try:
            with session.begin():
                if self.is_sqlite:
                    self._check_journal(session)  # after BEGIN IMMEDIATE
                yield session
                from opsdesk.store.rowlog import claim

                claim(session.connection(), session.info.get("tx"))
                if not self.is_sqlite:
                    # Delivered by the server only if (and when) the transaction commits.
                    session.execute(text(f"NOTIFY {NOTIFY_CHANNEL}"))
                else:
                    self._check_journal(session)  # right before COMMIT
        except DBAPIError as exc:
            raise translate_db_error(exc, self) from exc
        except JournalReplaced:
            session.close()  # the rolled-back connection goes back to the pool…
            if self.path is not None:  # always: only a file's connections record a WAL
                files.drop_connections(self.path)  # …and is closed with every other one
            raise
        finally:
            _WRITING.reset(token)
            session.close()

    def _check_journal(self, session: Session) -> None:
        """Refuse to go on when the connection's WAL is no longer the file on disk (another
        process deleted it): what we wrote there would be lost. Two ``stat`` calls."""
        info = session.connection().connection.info
        if _CHECK_JOURNAL and _WAL_KEY in info:
            assert self.path is not None  # only a file's connections record their WAL
            if files.side_identity(self.path) != info[_WAL_KEY]:
                raise JournalReplaced()

    def checkpoint_soon(self) -> None:
        """Copy the WAL into the database file on a thread of its own, as SQLite's PASSIVE
        checkpoint does: it waits for no reader or writer (what it cannot copy yet, a later
        commit's checkpoint copies). The work is SQLite's, outside the GIL."""
        running = self._checkpointer
        if running is not None and running.is_alive():
            return

        def run() -> None:
            try:
                raw = self.engine.raw_connection()
            except Exception:  # noqa: BLE001 - closed meanwhile: the close checkpoints
                return
            try:
                # (the connection is in autocommit: no BEGIN is open around the pragma)
                driver = raw.driver_connection
                if driver is not None:
                    driver.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            except sqlite3.Error:
                pass  # busy or gone: the next commit's checkpoint (or the close) copies it
            finally:
                raw.close()

        self._checkpointer = threading.Thread(target=run, name="opsdesk-checkpoint",
                                              daemon=True)
        self._checkpointer.start()

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.join()
        if self.path is not None:
            files.remove_holder(self.path, self._drop_idle)
            files.unregister_database(self.path, self)
        self.engine.dispose()

    def _drop_idle(self) -> None:
        self.engine.pool.dispose()  # closes the idle connections; checked-out ones stay


class JournalReplaced(StorageError):
    template = JOURNAL_REPLACED


def defer_checkpoint(conn) -> None:
    """In a write transaction on an SQLite file in WAL: its commit does not copy the WAL into
    the file while the writer waits (``wal_autocheckpoint``, 1000 pages, would copy a big
    import's few hundred megabytes twice over before the import returns); once the
    connection is given back, the store checkpoints on a thread of its own
    (``Store.checkpoint_soon``) and the connection checkpoints as before. Nothing is less
    durable: in WAL with ``synchronous = NORMAL`` a commit is in the WAL either way, and
    the WAL is read by every connection until it is copied. Elsewhere a no-op."""
    if conn.dialect.name != "sqlite":
        return
    fairy = conn.connection
    if _WAL_KEY not in fairy.info or _DEFERRED_KEY in fairy.info:
        return
    raw = fairy.driver_connection
    fairy.info[_DEFERRED_KEY] = int(raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    raw.execute("PRAGMA wal_autocheckpoint = 0")


def translate_db_error(exc: DBAPIError, store: Store | None = None) -> StorageError:
    """Turn a driver error into a typed error with a clear message."""
    text_ = str(getattr(exc, "orig", exc)).lower()
    where = store.display_name if store else ""
    if "disk is full" in text_ or "no space left" in text_ or "diskfull" in text_:
        return StorageError(DISK_FULL)
    if "locked" in text_ or "busy" in text_:
        return DatabaseLocked()
    if "malformed" in text_ or "not a database" in text_ or "disk i/o" in text_:
        return CorruptDatabase(path=where)
    if "readonly" in text_ or "read-only" in text_:
        from opsdesk.errors import ReadOnlyDatabase

        return ReadOnlyDatabase()
    return StorageError(DB_ERROR, detail=str(getattr(exc, "orig", exc)))


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


def open_store(
    target: str | Path,
    *,
    create: bool = False,
    readonly: bool = False,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    backup_before_migrate: bool = True,
) -> Store:
    """Open (and, with ``create``, make) the OpsDesk database at a path or URL."""
    if is_url(target):
        url = make_url(str(target))
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            target = Path(url.database)
        else:
            return _open_server(str(target), create, readonly)
    store = _open_sqlite(Path(target), create, readonly, busy_timeout_ms, backup_before_migrate)
    assert store.path is not None  # _open_sqlite always sets it
    files.register_database(store.path, store)  # nothing may open it outside SQLite now
    files.add_holder(store.path, store._drop_idle)
    return store


# ---- SQLite

def _open_sqlite(path: Path, create: bool, readonly: bool, busy_timeout_ms: int,
                 backup_before_migrate: bool) -> Store:
    path = path.expanduser().absolute()
    exists = path.exists() and (path.is_dir() or path.stat().st_size > 0)
    if not exists:
        if path.exists() and (readonly or not create):
            # A 0-byte file is filled in only when asked to create (init, a new plan).
            raise DatabaseEmpty(path=str(path))
        if not create or readonly:
            raise DatabaseMissing(path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_private(path)
        revision = None
    else:
        if path.is_dir():
            raise NotAnOpsDeskDatabase(path=str(path))
        revision = inspect_sqlite_file(path, busy_timeout_ms, reuse=True)

    reason = None
    if revision is not None and not migrate.is_known(revision):
        readonly, reason = True, "newer"
    elif not readonly and exists and not _writable(path):
        readonly, reason = True, "readonly-file"

    from opsdesk.store.netfs import is_network_share

    shared = is_network_share(path)
    engine = _sqlite_engine(path, readonly, busy_timeout_ms, wal=not shared)
    store = Store(url=f"sqlite:///{path}", engine=engine, path=path, readonly=readonly,
                  readonly_reason=reason, network_share=shared)
    store._write_engine = engine.execution_options(opsdesk_write=True)

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection, record) -> None:
        # (committed or rolled back by now, and not yet anyone else's)
        pages = record.info.pop(_DEFERRED_KEY, None)
        if pages is not None and dbapi_connection is not None:
            dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")
            store.checkpoint_soon()

    if not readonly and revision != migrate.HEAD_REVISION:
        try:
            if revision is not None and backup_before_migrate:
                from opsdesk.store.backup import backup_before_migration

                backup_before_migration(path)
            migrate.upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        store.migrated_from = revision
    return store


def _create_private(path: Path) -> None:
    """Make an empty file readable and writable by its owner only (0600 on POSIX).

    On Windows the mode bits mean nothing (only "read-only"): what keeps the file private
    there is where it is, the per-user data folder (platformdirs: %LOCALAPPDATA%\\OpsDesk),
    whose ACL lets in only that user, SYSTEM and the administrators; a file the user puts
    elsewhere (a shared or network folder) has that folder's ACL.
    """
    import os

    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _sqlite_engine(path: Path, readonly: bool, busy_timeout_ms: int, wal: bool = True) -> Engine:
    # Read-only never writes to the file (read-only commands leave its bytes as they were):
    # the rules are in ``plain.reading_uri``, shared with the plain first-screen reads.
    # (No header read for a writable file: see design.md on reading the live file.)
    uri = reading_uri(path) if readonly else None
    if uri is not None:
        engine = create_engine(  # the file URL gives it a file database's pool
            f"sqlite:///{path}",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, record) -> None:  # pragma: no cover - trivial
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute("PRAGMA foreign_keys = ON")
        if readonly:
            cur.execute("PRAGMA query_only = ON")
        elif wal:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        else:
            # A network share: WAL's shared memory does not work across hosts.
            cur.execute("PRAGMA journal_mode = DELETE")
            cur.execute("PRAGMA synchronous = FULL")
        if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            # the -wal/-shm this connection uses: checked on checkout and around each write
            record.info[_WAL_KEY] = files.side_identity(path)
        cur.close()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection, record, _proxy) -> None:
        # Another process deleted the journal from under us (see files.py): this connection
        # would neither see others' changes nor be seen. Close every connection this process
        # has to the file, then the pool reconnects to the files on disk.
        if _CHECK_JOURNAL and _WAL_KEY in record.info and \
                files.side_identity(path) != record.info[_WAL_KEY]:
            dbapi_connection.close()
            files.drop_connections(path)
            raise DisconnectionError("the database's -wal/-shm were replaced")

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # Writers take the write lock up front, so busy_timeout applies and no
        # transaction fails half-way on a read→write upgrade.
        immediate = conn.get_execution_options().get("opsdesk_write", False)
        if immediate and not readonly:
            _begin_immediate(conn, busy_timeout_ms)
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def _begin_immediate(conn, busy_timeout_ms: int) -> None:
    """BEGIN IMMEDIATE, waiting for another writer in short steps (0.2–2 ms) rather than
    SQLite's own busy handler, whose sleeps grow to 25–100 ms and so add whole tens of
    milliseconds to an edit made while someone else is writing. Gives up (as
    ``database is locked``) after ``busy_timeout_ms``."""
    import time

    raw = conn.connection.driver_connection
    deadline = time.monotonic() + busy_timeout_ms / 1000
    delay = 0.0002
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                text_ = str(exc).lower()
                if ("locked" not in text_ and "busy" not in text_) or \
                        time.monotonic() >= deadline:
                    # once more through SQLAlchemy, which raises it as a wrapped driver error
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    return
            time.sleep(delay)
            delay = min(delay * 2, 0.002)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")


# ---- servers (PostgreSQL)

def _open_server(url: str, create: bool, readonly: bool) -> Store:
    try:
        engine = create_engine(url, pool_pre_ping=True)
        with engine.connect() as conn:
            revision = migrate.current_revision(conn)
            has_tables = revision is not None or bool(
                conn.execute(text(
                    "SELECT 1 FROM information_schema.tables WHERE table_name = 'tasks'"
                )).first()
            )
    except OperationalError as exc:
        raise StorageError(SERVER_UNREACHABLE,
                           detail=(str(exc.orig).strip().splitlines() or [""])[0]) from exc
    except ModuleNotFoundError as exc:
        raise StorageError(NO_DRIVER, detail=exc.name or "") from exc
    if revision is None and has_tables:
        raise NotAnOpsDeskDatabase(path=make_url(url).render_as_string(hide_password=True))
    reason = None
    if revision is not None and not migrate.is_known(revision):
        readonly, reason = True, "newer"
    store = Store(url=url, engine=engine, readonly=readonly, readonly_reason=reason)
    if revision is None and not create and not readonly:
        # An empty database on a server is made ready on first use.
        create = True
    if not readonly and revision != migrate.HEAD_REVISION:
        migrate.upgrade(engine)
        store.migrated_from = revision
    return store


