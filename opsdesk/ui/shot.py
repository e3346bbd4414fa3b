"""``opsdesk shot``: render a view offscreen to PNG (README screenshots, visual checks)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from argparse import Namespace
from pathlib import Path


def render_view(args: Namespace, view: str, out: Path, size: tuple[int, int],
                today: dt.date | None) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from opsdesk.app import _fixed_today, make_qapplication
    from opsdesk.ui import i18n

    if today is None:  # OPSDESK_TODAY pins the day as for the GUI (``--today`` wins)
        today = _fixed_today()

    app = make_qapplication()
    translators = i18n.translators()
    translators.install(args.lang or "zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        _render(app, translators, args, view, out, size, today, Path(tmp))


def _render(app, translators, args, view, out, size, today, tmp: Path) -> None:
    """Render from a copy of the database, opened as a person would open it (the original
    is never written), so the view shows what the signed-in person may do."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from opsdesk.paths import resolve_db
    from opsdesk.services import Services
    from opsdesk.services.session import open_store
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.main_window import MainWindow
    from opsdesk.ui.settings import Settings

    target = resolve_db(args.db)
    if isinstance(target, Path):
        from opsdesk.services.session import copy_database

        # read-only (a clear message for a bad file; not a byte of it changes), copied
        # through SQLite, and the copy opened as the app would (upgraded if it is older)
        source = open_store(target, readonly=True)
        try:
            copy = copy_database(source, tmp / "shot.db")
        finally:
            source.close()
        store = open_store(copy, backup_before_migrate=False)
    else:
        from opsdesk.services.session import open_for_reading

        store = open_for_reading(target)
    try:
        services = Services(store)
        if args.user:
            actor = services.people.authenticate(args.user, os.environ.get("OPSDESK_PASSWORD"))
        else:
            manager = next(u for u in services.people.users() if u.is_manager)
            actor = services.people.actor_for(manager.id)
        settings = Settings(QSettings(str(tmp / "shot.ini"), QSettings.Format.IniFormat))
        settings.set_daily_backup(False)  # (a throwaway copy: no backup job racing its removal)
        ctx = AppContext(store=store, services=services, actor=actor, settings=settings,
                         lang=translators.lang, fixed_today=today)
        window = MainWindow(ctx, settings=settings)
        window.resize(*size)
        available = [s.key for s in window.specs]
        if view not in available:
            from opsdesk.errors import ValidationError

            raise ValidationError("The view “{view}” is not available; choose one of: {views}.",
                                  field="view", view=view, views=", ".join(available))
        window.show_view(view)
        window.show()
        for _ in range(3):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        from opsdesk.services import files

        if not window.grab().save(str(files.refuse_live(out))):
            raise OSError(f"could not write {out}")
        window.close()
        QApplication.processEvents()
    finally:
        from opsdesk.ui.background import wait_for_all

        # a view's background read still running would open files in the copy's folder
        # while it is removed ("Directory not empty", seen in make dist-test)
        wait_for_all()
        store.close()
