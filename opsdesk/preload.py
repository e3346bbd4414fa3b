"""Start-up work on other threads, begun before Qt is even imported (no Qt here).

The desktop app paints its window first; meanwhile one thread checks the database file
(SQLite works without the GIL) and another imports SQLAlchemy and the services, so both are
ready when the window asks for the data.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

_started = False
GLOBAL_OPTIONS = {"--db", "--lang", "--user"}


def gui_db_argument(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(starts the GUI, the --db value) for a command line like ``--db x --user y``."""
    db, i = None, 0
    while i < len(argv):
        arg = argv[i]
        name, _, value = arg.partition("=")
        if name in GLOBAL_OPTIONS:
            if not value:
                i += 1
                value = argv[i] if i < len(argv) else ""
            if name == "--db":
                db = value
        elif not arg.startswith("-"):
            return False, db  # a subcommand: no GUI
        i += 1
    return True, db


def start(db: str | None) -> None:
    """Begin checking ``db`` and importing the core; safe to call more than once."""
    global _started
    if _started:
        return
    _started = True
    if db and "://" not in db:
        from opsdesk.paths import resolve_db
        from opsdesk.store.inspect import prefetch

        prefetch(resolve_db(db))

    def load() -> None:
        try:
            import opsdesk.services  # noqa: F401
            import opsdesk.store.engine  # noqa: F401
        except Exception:  # noqa: BLE001 - the real import on the GUI thread will report it
            pass

    threading.Thread(target=load, name="opsdesk-preload", daemon=True).start()


def start_from_argv(argv: Sequence[str]) -> None:
    gui, db = gui_db_argument(argv)
    if gui:
        start(db)
