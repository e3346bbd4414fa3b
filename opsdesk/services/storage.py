"""Backups, restores and copies of the whole database, with the rights they need.

Who may do what (design.md "Permissions", issue #12):

- ``rolling_backup`` / ``auto_backup``: anyone signed in. The copy goes into the ``backups``
  folder beside the database (where the daily automatic backups are); it stays where the
  database already is, so it gives nobody anything they could not read before.
- ``backup`` (a copy to a place of one's choosing: ``backup --out``, File ▸ Back up…) and
  ``migrate_to`` (a copy onto a server): a manager. Such a copy carries every password hash
  out of the team's hands.
- ``restore``: a manager; it replaces everything.
- ``restore_damaged_file``: puts a backup in place of a file that cannot be opened. Nobody can
  sign in to a damaged file, so the manager's sign-in is checked against the backup being
  restored: it is the file that will be in force afterwards.

No Qt; the GUI and the CLI call the same functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from opsdesk.model import User
from opsdesk.services import permissions
from opsdesk.services.actor import Actor
from opsdesk.services.base import Clock, Service, utc_now
from opsdesk.store import backup as bk
from opsdesk.store.backup import BackupCancelled as BackupCancelled  # re-exported for the UI

Progress = Callable[[int, int], None]


class StorageService(Service):
    def rolling_backup(self, actor: Actor, reason: str = "manual", keep: int = bk.DEFAULT_KEEP,
                       progress: Progress | None = None, now: dt.datetime | None = None) -> Path:
        """A backup into the backups folder beside the database, keeping the newest ``keep``."""
        permissions.require_signed_in(actor)
        self._refuse_server()
        return bk.rolling_backup(self.store, reason, max(1, keep), progress, now)

    def auto_backup(self, actor: Actor, keep: int = bk.DEFAULT_KEEP,
                    progress: Progress | None = None, now: dt.datetime | None = None
                    ) -> Path | None:
        """The daily backup on open (when the newest one is older than a day)."""
        permissions.require_signed_in(actor)
        return bk.auto_backup_if_due(self.store, max(1, keep), now, progress=progress)

    def backup(self, actor: Actor, out: Path, progress: Progress | None = None,
               keep: int | None = None) -> Path:
        """A consistent copy of the whole database written to ``out`` (manager only); with
        ``keep`` the backups folder is then pruned to the newest ``keep``."""
        permissions.require_manager(actor, permissions.COPY_DATABASE)
        path = bk.backup_store(self.store, Path(out), progress)
        if keep is not None and self.store.path is not None:
            bk.prune_backups(self.store.path, keep)
        return path

    def restore(self, actor: Actor, source: Path, keep: int = bk.DEFAULT_KEEP,
                progress: Progress | None = None) -> Path:
        """Replace the content with the backup ``source`` (validated first; manager only).
        Returns the safety backup of what was there before."""
        permissions.require_manager(actor, permissions.RESTORE)
        source = Path(source).expanduser().absolute()
        safety = bk.restore_into(self.store, source, keep, progress)
        self._log_restore(actor, source, safety)
        return safety

    def migrate_to(self, actor: Actor, url: str,
                   progress: Callable[[str, int], None] | None = None):
        """Copy every table into the (empty) database at ``url`` (manager only)."""
        from opsdesk.services.migrate_to import migrate_to

        permissions.require_manager(actor, permissions.COPY_DATABASE)
        return migrate_to(self.store, url, progress)

    # ---- the backups folder (no rights needed: names and dates of files beside the database)
    def backup_folder(self) -> Path:
        """The ``backups`` folder beside the database file."""
        assert self.store.path is not None
        return backup_folder(self.store.path)

    def backups(self) -> list[Path]:
        """The backups of the database in its backups folder, oldest first."""
        assert self.store.path is not None
        return list_backups(self.store.path)

    def auto_backup_due(self, now: dt.datetime | None = None) -> bool:
        """Whether the daily automatic backup is due (the newest is a day old, or none)."""
        assert self.store.path is not None
        return bk.auto_backup_due(self.store.path, now)

    def backup_path(self, reason: str, now: dt.datetime | None = None) -> Path:
        """A new timestamped name in the backups folder (``reason``: "manual", "auto"…)."""
        assert self.store.path is not None
        return bk.timestamped_backup_path(self.store.path, reason, now)

    @staticmethod
    def validate_backup(source: Path) -> str:
        """Check that ``source`` is an intact OpsDesk database this version can restore
        (else ``BackupRefused``/``StorageError``); returns its schema revision."""
        return bk.validate_backup(source)

    # ---- helpers
    def _refuse_server(self) -> None:
        if not self.store.is_sqlite or self.store.path is None:
            raise bk.BackupRefused(bk.SERVER_BACKUP)

    def _log_restore(self, actor: Actor, source: Path, safety: Path) -> None:
        """One change-log entry in the restored content: who restored what, and where the
        content before went. The person is named only if the backup knows them."""
        with self.store.write() as s:
            known = actor.user_id is not None and s.scalar(
                select(User.id).where(User.id == actor.user_id, User.login == actor.login))
            who = actor if known else Actor(None, actor.login, actor.name, actor.is_manager)
            self.log(s, who, "database", None, "restore",
                     after={"source": source.name, "safety": str(safety), "by": actor.login})


def backup_folder(path: Path) -> Path:
    """The ``backups`` folder beside the database file at ``path`` (open or not)."""
    return bk.backup_dir_for(path)


def list_backups(path: Path) -> list[Path]:
    """The backups of the database file at ``path`` (open or not), oldest first."""
    return bk.list_backups(path)


def restore_damaged_file(path: Path, source: Path, login: str, password: str | None,
                         clock: Clock = utc_now) -> Path:
    """Put the backup ``source`` in place of the database file at ``path`` that cannot be
    opened (damaged); the damaged file is kept beside it, renamed, and that name returned.

    Nobody can sign in to a damaged file, so ``login`` must be a manager *of the backup* with
    the right ``password``: the backup is what will be in force. The backup is validated and
    read only (never changed); the damaged file is moved, never written.
    """
    from opsdesk.services.people import PeopleService
    from opsdesk.store import open_store

    source = Path(source).expanduser().absolute()
    bk.validate_backup(source)
    backup_store = open_store(source, readonly=True)
    try:
        actor = PeopleService(backup_store, clock).authenticate(login, password)
        permissions.require_manager(actor, permissions.RESTORE)
    finally:
        backup_store.close()
    return bk.replace_damaged(Path(path), source)

