"""The storage subcommands: ``backup``, ``restore`` and ``migrate-to``. No Qt."""

from __future__ import annotations

from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError

NOT_A_SERVER = QT_TRANSLATE_NOOP(
    "Errors", "Give the server as a URL, e.g. postgresql+psycopg://opsdesk@db.example/opsdesk.")


def _keep(args) -> int:
    from opsdesk.store.backup import DEFAULT_KEEP

    return DEFAULT_KEEP if args.keep is None else max(1, args.keep)


def cmd_backup(args, store) -> int:
    from opsdesk.store import backup as bk

    if args.list:
        if store.path is not None:
            for path in bk.list_backups(store.path):
                print(path)
        return 0
    if args.out:
        out = bk.backup_store(store, Path(args.out))
    else:
        out = bk.rolling_backup(store, "manual", _keep(args))
    print(f"backup written to {out}")
    return 0


def cmd_restore(args, store) -> int:
    from opsdesk.store.backup import restore_into

    safety = restore_into(store, Path(args.file), _keep(args))
    print(f"restored {args.file}; the previous content is kept in {safety}")
    return 0


def cmd_migrate_to(args, store) -> int:
    from opsdesk.services.migrate_to import migrate_to
    from opsdesk.store.engine import is_url

    if not is_url(args.url) or args.url.startswith("sqlite"):
        raise ValidationError(NOT_A_SERVER, field="url")
    report = migrate_to(store, args.url,
                        progress=lambda table, n: print(f"  {table}: {n} rows"))
    from sqlalchemy.engine import make_url

    shown = make_url(args.url).render_as_string(hide_password=True)
    print(f"copied {report.total} rows to {shown}; open it with --db {shown}")
    return 0
