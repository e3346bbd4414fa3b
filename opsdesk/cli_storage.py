"""The storage subcommands: ``backup``, ``restore`` and ``migrate-to``. No Qt."""

from __future__ import annotations

from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError

NOT_A_SERVER = QT_TRANSLATE_NOOP(
    "Errors", "Give the server as a URL, e.g. postgresql+psycopg://opsdesk@db.example/opsdesk.")
DAMAGED_SIGN_IN = QT_TRANSLATE_NOOP(
    "Errors", "{path} is damaged and cannot be opened. To put the backup in its place, sign in "
    "with --user as a manager of the backup (with the backup's password: it is the file that "
    "will be in force).")


def _keep(args) -> int:
    from opsdesk.store.backup import DEFAULT_KEEP

    return DEFAULT_KEEP if args.keep is None else max(1, args.keep)


def _signed_in(args, store):
    from opsdesk.cli_auth import sign_in
    from opsdesk.services import Services

    services = Services(store)
    return services, sign_in(services, args.user)


def cmd_backup(args, store) -> int:
    """``--list`` needs no sign-in; a backup into the backups folder anyone signed in may
    make; ``--out`` (a copy to a place of one's choosing) only a manager."""
    from opsdesk.store import backup as bk

    if args.list:
        if store.path is not None:
            for path in bk.list_backups(store.path):
                print(path)
        return 0
    services, actor = _signed_in(args, store)
    if args.out:
        out = services.storage.backup(actor, Path(args.out))
    else:
        out = services.storage.rolling_backup(actor, "manual", _keep(args))
    print(f"backup written to {out}")
    return 0


def cmd_restore(args, store) -> int:
    services, actor = _signed_in(args, store)
    safety = services.storage.restore(actor, Path(args.file), _keep(args))
    print(f"restored {args.file}; the previous content is kept in {safety}")
    return 0


def restore_damaged(args) -> int:
    """``restore`` onto a file that cannot be opened (damaged): the backup goes in its place
    and the damaged file is kept beside it. Nobody can sign in to the damaged file, so
    ``--user`` must be a manager of the backup, with the backup's password."""
    from opsdesk.cli_auth import ask_password
    from opsdesk.paths import resolve_db
    from opsdesk.services.storage import restore_damaged_file

    target = resolve_db(args.db)
    if not isinstance(target, Path):
        from opsdesk.store.backup import SERVER_BACKUP, BackupRefused

        raise BackupRefused(SERVER_BACKUP)
    if not args.user:
        raise ValidationError(DAMAGED_SIGN_IN, field="user", path=str(target))
    aside = restore_damaged_file(Path(target), Path(args.file), args.user,
                                 ask_password(args.user))
    print(f"restored {args.file}; the damaged file is kept as {aside}")
    return 0


def cmd_migrate_to(args, store) -> int:
    from opsdesk.store.engine import is_url

    if not is_url(args.url) or args.url.startswith("sqlite"):
        raise ValidationError(NOT_A_SERVER, field="url")
    services, actor = _signed_in(args, store)
    report = services.storage.migrate_to(actor, args.url,
                                         progress=lambda table, n: print(f"  {table}: {n} rows"))
    from sqlalchemy.engine import make_url

    shown = make_url(args.url).render_as_string(hide_password=True)
    print(f"copied {report.total} rows to {shown}; open it with --db {shown}")
    return 0
