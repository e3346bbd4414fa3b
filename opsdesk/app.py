"""Qt start-up: language, fonts, opening the database safely, sign-in, the main window."""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from opsdesk.errors import DatabaseMissing, OpsDeskError
from opsdesk.paths import APP_NAME, RESOURCES, default_db, resolve_db
from opsdesk.ui import crash, import_tax
from opsdesk.ui.i18n import system_language, translators
from opsdesk.ui.labels import error_text
from opsdesk.ui.settings import Settings

import_tax.install()  # before SQLAlchemy and the views load: see opsdesk/ui/import_tax.py

if TYPE_CHECKING:  # imported when first needed: the window paints before SQLAlchemy loads
    from opsdesk.services import Services
    from opsdesk.services.session import Store
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.main_window import MainWindow

CJK_FONT_PACKAGE = "fonts-noto-cjk"


def main(argv: list[str] | None = None) -> int:
    from opsdesk.cli import main as cli_main

    return cli_main(argv)


def make_qapplication() -> QApplication:
    # (the app only ever makes a QApplication; the stub's instance() is a QCoreApplication)
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    style = RESOURCES / "styles" / "app.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    icon = RESOURCES / "icons" / "opsdesk.png"
    if icon.exists():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    if sys.platform == "win32":  # Chinese in Microsoft YaHei, not Qt's SimSun fallback
        from opsdesk.ui.fonts import add_cjk_fallback

        app.setFont(add_cjk_fallback(app.font()))
    return app


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


class OpsDeskApp(QObject):
    """Runs the GUI: owns the translators, the current database and the main window."""

    def __init__(self, args: Namespace) -> None:
        self.qapp = make_qapplication()
        super().__init__()
        crash.install()
        self.args = args
        self.settings = Settings()
        self.translators = translators()
        self.translators.install(args.lang or self.settings.language() or system_language())
        self.window: MainWindow | None = None
        self.ctx: AppContext | None = None
        from opsdesk import preload

        self._first_start = preload.first_screen()  # (#17: the first screen read plainly)
        if self._first_start is not None:  # its plan: the one this person last had open
            self._first_start.choose(self.settings.last_plan(str(self._first_start.path)))

    # ---- start
    def start(self) -> int:
        """Show the window at once, then open the database and sign in; run until quit."""
        self.show_shell()
        code = self.qapp.exec()
        from opsdesk.ui.background import wait_for_all

        wait_for_all()  # background work still running finishes before the process ends
        return code

    def show_shell(self) -> None:
        """Paint the main window before anything slow; the database opens right after."""
        from opsdesk.ui.main_window import MainWindow

        self._bench = bool(os.environ.get("OPSDESK_BENCH_EXIT_AFTER_PAINT"))
        self._painted = False  # the window's first paint event has come
        self._data_shown = False  # (bench: data-ready waits for the first paint)
        self._first_shown = None  # the first screen read plainly, if it was shown
        self._opened = False
        self.window = MainWindow(settings=self.settings, on_switch_user=self.switch_user,
                                 on_open=self.open_other, on_new=self.create_and_open,
                                 on_language=self.set_language)
        self.window.set_language(self.translators.lang)
        if self._first_start is not None:
            first = self._first_start.result()  # (read while the window was made)
            if first is not None:
                self._opened = True
                self.window.installEventFilter(self)  # (the bench's first-paint marker)
                self._show_first_screen(first)
                return
        self.window.installEventFilter(self)
        self.window.show()
        QTimer.singleShot(300, self._open_first)  # in case the window is never painted

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and obj is self.window:
            obj.removeEventFilter(self)
            self._painted = True
            if self._bench:
                print("opsdesk:first-paint", flush=True)
                if self._data_shown:  # the open ran before the first paint (a slow start)
                    QTimer.singleShot(0, self._bench_data_shown)
            if os.environ.get("OPSDESK_BENCH_SHELL_SHOT"):  # bench_open.py: the empty shell
                window, shell = self.window, os.environ["OPSDESK_BENCH_SHELL_SHOT"]
                QTimer.singleShot(0, lambda: window.screen().grabWindow(window.winId()).save(
                    shell, "BMP"))
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        # (the font check after the first paint, which has read the fonts: it costs nothing
        # then; a missing Chinese font is said before the database opens)
        self.warn_missing_cjk_font()
        self._open_first()

    def _open_first(self) -> None:
        if self._opened:
            return
        self._opened = True
        try:
            opened = self._open_and_enter()
        finally:
            from opsdesk import preload

            preload.resume_gc()
        assert self.window is not None  # (made by show_shell, which scheduled this)
        if not opened:
            self.window.close()
            self.qapp.quit()
            return
        self.window.when_idle()  # (the first switch to a view is quick)
        self._bench_data_shown()

    def _bench_data_shown(self) -> None:
        """The benchmarks' markers once the first view shows its data."""
        assert self.window is not None
        if os.environ.get("OPSDESK_BENCH_SHOT"):  # benchmarks/bench_open.py: the frame shown
            window, shot = self.window, os.environ["OPSDESK_BENCH_SHOT"]
            page = window.stack.currentWidget()
            _AfterPaint(window, (page.findChild(QWidget) if page is not None else None) or window,
                        lambda: _save_frame(window, shot))
        elif self._bench:
            self._data_shown = True
            if not self._painted:  # the open ran before the window's first paint (the
                return  # 300 ms fallback on a slow machine): the markers come in order
            page = self.window.stack.currentWidget()
            (page or self.window).repaint()  # the first view with its data, painted
            print("opsdesk:data-ready", flush=True)
            self.qapp.quit()

    # ---- the first screen read plainly (#17)
    def _show_first_screen(self, first) -> None:
        """Show the first view read before SQLAlchemy loaded (a manager's Overview, staff's
        My work); the store opens on a plain thread once the person uses the window or after
        ``FirstScreenOpen.IDLE_MS``, or at once when something needs it (``DeferredStore``)."""
        from opsdesk.ui.first_screen import FirstScreenOpen

        assert self.window is not None and self._first_start is not None
        self._first_shown = first
        self._first_open = FirstScreenOpen(self, self._first_start.path, first)
        QTimer.singleShot(0, self._bench_data_shown)  # (in the event loop, as after an open)

    def attach_first_screen(self, store: Store) -> bool:
        """The store behind the first screen is open: the window takes it as ``enter``
        would have (False: the person must sign in again, done here)."""
        from opsdesk.errors import NotFound
        from opsdesk.services import Services

        assert self.window is not None and self.ctx is not None
        self._explain_readonly(store)
        self.settings.remember_db(str(store.path))
        services = Services(store)
        try:
            actor = services.people.actor_for(self.ctx.actor.user_id or 0)
        except NotFound:  # made inactive meanwhile: sign in again, as at the start
            self.ctx = None
            return self.enter(store, None)
        self.settings.set_last_login(store.display_name, actor.login)
        self.ctx.store, self.ctx.services, self.ctx.actor = store, services, actor
        self.window.attach_store()
        self.window.retranslate_ui()  # (read-only or not, now known)
        self.window.reload_after_first_screen(self._first_shown)
        window = self.window
        QTimer.singleShot(0, lambda: _announce(window))
        window.when_idle()
        return True

    def first_screen_failed(self, exc: BaseException) -> None:
        """The store behind the first screen did not open: say why, then open it as at
        the start (with its ways on: retry, read-only, another file, a new plan)."""
        from PySide6.QtWidgets import QMessageBox

        assert self.window is not None
        if isinstance(exc, OpsDeskError):
            QMessageBox.warning(self.window, APP_NAME, error_text(exc))
        self.ctx = None
        self._opened = False
        self._open_first()

    def _open_and_enter(self) -> bool:
        target = self.args.db or self.settings.last_db()
        target = resolve_db(target) if target else default_db()
        store = self.open_database(target, first=True)
        return store is not None and self.enter(store, self.args.user)

    def warn_missing_cjk_font(self) -> None:
        if self.settings.cjk_font_warned() or has_cjk_font():
            return
        from PySide6.QtWidgets import QMessageBox

        self.settings.set_cjk_font_warned()
        QMessageBox.warning(self.window, APP_NAME, QCoreApplication.translate("App",
            "No installed font can show Chinese, so Chinese text would appear as boxes. "
            "Install a Chinese font, for example the package {package} "
            "(Debian/Ubuntu: sudo apt install {package}), then restart OpsDesk."
        ).format(package=CJK_FONT_PACKAGE))

    # ---- databases
    def open_database(self, target: str | Path, first: bool = False) -> Store | None:
        """Open ``target``; on failure explain and offer another file, a new plan, or quit."""
        from opsdesk.ui.open_problems import ways_on

        readonly = False
        while True:
            try:
                store = self.open_store(target, readonly=readonly)
            except DatabaseMissing as exc:
                if first and not self.args.db:
                    choice = self._ask_way_on(QCoreApplication.translate("App", "Welcome to OpsDesk. There is no plan yet."), welcome=True)
                else:
                    choice = self._ask_way_on(error_text(exc))
            except OpsDeskError as exc:
                self._extra_ways = ways_on(exc, target)
                choice = self._ask_way_on(error_text(exc))
                self._extra_ways = ()
            else:
                self._explain_readonly(store)
                self.settings.remember_db(str(target))
                return store
            readonly = choice == "readonly"
            if choice in ("retry", "readonly"):
                continue
            if choice == "restore":
                from opsdesk.ui.open_problems import restore_damaged

                restore_damaged(self.window, target)
                continue
            if choice == "open":
                from opsdesk.ui.widgets import file_dialog

                path, _ = file_dialog.get_open_file_name(
                    None, QCoreApplication.translate("App", "Open an OpsDesk database"), str(Path(str(target)).parent),
                    QCoreApplication.translate("App", "OpsDesk databases (*.db *.sample *.sqlite);;All files (*)"))
                if not path:
                    return None
                target = path
            elif choice in ("new", "new_here"):  # new_here: in the empty file that would not open
                from opsdesk.ui.open_problems import database_file

                created = self.new_plan(database_file(target) if choice == "new_here" else None)
                if created is None:
                    continue
                target = created
            else:
                return None

    def open_store(self, target: str | Path, readonly: bool = False) -> Store:
        """``open_store``; a server's password comes from the URL, else the keyring, else
        ``~/.pgpass`` (libpq looks there itself), else the user. It is never written to a
        file; one typed or given on the command line may go to the keyring if the user
        asks."""
        from opsdesk import secrets
        from opsdesk.services.session import open_store

        if not secrets.is_server(target):
            return open_store(target, readonly=readonly)
        target = str(target)
        typed = secrets.password_of(target)
        password = typed or secrets.recall(target)
        remember = False
        while True:
            url = secrets.with_password(target, password) if password \
                else str(secrets.without_password(target))
            try:
                store = open_store(url, readonly=readonly)
                break
            except OpsDeskError as exc:
                if not secrets.needs_password(exc):
                    raise
                answer = self._ask_password(target, wrong=bool(password))
                if answer is None or not answer[0]:
                    raise
                password, remember = answer
                typed = password
        if typed and secrets.recall(target) != typed and (
                remember or self._offer_to_remember(target)):
            secrets.remember(target, typed)
        return store

    def _ask_password(self, target: str, wrong: bool) -> tuple[str, bool] | None:
        from opsdesk.ui.dialogs.server_password import ask_password

        return ask_password(self.window, target, wrong)

    def _offer_to_remember(self, target: str) -> bool:
        from opsdesk.ui.dialogs.server_password import offer_to_remember

        return offer_to_remember(self.window, target)

    def _ask_way_on(self, message: str, welcome: bool = False) -> str:
        """``welcome``: the first start, with no database yet: a new plan first, and a file
        someone gave you (not "another" database: there is none)."""
        from PySide6.QtWidgets import QMessageBox

        extra: tuple[str, ...] = getattr(self, "_extra_ways", ())
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, message, parent=self.window)
        box.setObjectName("openProblem")
        from opsdesk.ui.open_problems import add_way_buttons

        extra_buttons = add_way_buttons(box, extra)  # retry / open read-only / restore a backup
        if welcome:
            new_btn = box.addButton(QCoreApplication.translate("App", "New plan…"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(new_btn)
            open_btn = box.addButton(QCoreApplication.translate("App", "Open an existing file…"), QMessageBox.ButtonRole.AcceptRole)
        else:
            open_btn = box.addButton(QCoreApplication.translate("App", "Open another database…"), QMessageBox.ButtonRole.AcceptRole)
            new_btn = box.addButton(QCoreApplication.translate("App", "New plan…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        for way, button in extra_buttons.items():
            if clicked is button:
                return way
        return "open" if clicked is open_btn else "new" if clicked is new_btn else "quit"

    def _explain_readonly(self, store: Store) -> None:
        from PySide6.QtWidgets import QMessageBox

        if store.readonly_reason == "newer":
            from opsdesk.errors import NewerSchema

            QMessageBox.information(self.window, APP_NAME, error_text(NewerSchema(path=store.display_name)))
        elif store.readonly_reason == "readonly-file":
            QMessageBox.information(self.window, APP_NAME, QCoreApplication.translate("App",
                "{path} cannot be written (read-only file or folder); it is open read-only."
            ).format(path=store.display_name))

    def new_plan(self, here: Path | None = None) -> Path | None:
        from opsdesk.ui.dialogs.new_plan import NewPlanDialog

        dialog = NewPlanDialog(self.translators.lang, default_db().parent, self.window)
        if here is not None:
            dialog.path.setText(str(here))
        if dialog.exec():
            self._new_login = dialog.manager_login
            self._new_password = dialog.manager_password  # sign in at once with it
            return dialog.created
        return None

    # ---- sign-in and the window
    def sign_in(self, services: Services, store: Store, login: str | None):
        from PySide6.QtWidgets import QMessageBox

        new_password, self._new_password = getattr(self, "_new_password", ""), ""
        if login:
            try:
                if new_password and login == getattr(self, "_new_login", None):
                    return services.people.authenticate(login, new_password)  # just made
                if not services.people.needs_password(login):
                    return services.people.authenticate(login)
                if os.environ.get("OPSDESK_PASSWORD"):  # as on the command line (cli_auth)
                    return services.people.authenticate(login, os.environ["OPSDESK_PASSWORD"])
            except OpsDeskError as exc:
                QMessageBox.warning(self.window, APP_NAME, error_text(exc))
        from opsdesk.ui.login import LoginDialog

        dialog = LoginDialog(services, self.translators.lang,
                             login or self.settings.last_login(store.display_name), self.window)
        return dialog.actor if dialog.exec() else None

    def enter(self, store: Store, login: str | None) -> bool:
        """Sign in to ``store`` and show it in the main window."""
        from opsdesk.services import Services
        from opsdesk.ui.context import AppContext

        services = Services(store)
        login = login or getattr(self, "_new_login", None)
        actor = self.sign_in(services, store, login)
        if actor is None:
            store.close()
            return False
        self.settings.set_last_login(store.display_name, actor.login)
        old = self.ctx
        self.ctx = AppContext(store=store, services=services, actor=actor, settings=self.settings,
                              lang=self.translators.lang, fixed_today=_fixed_today())
        if self.window is None:
            from opsdesk.ui.main_window import MainWindow

            self.window = MainWindow(settings=self.settings, on_switch_user=self.switch_user,
                                     on_open=self.open_other, on_new=self.create_and_open,
                                     on_language=self.set_language)
        self.window.set_context(self.ctx)
        self.window.show()
        window = self.window  # right after the first paint: what is overdue and due today
        if actor.is_manager:  # (built for its counts: after the Overview's data is on screen)
            _AfterPaint(window, window.overview, lambda: _announce(window))
        else:
            QTimer.singleShot(0, lambda: _announce(window))  # (staff start in My work)
        if old is not None and old.store is not store:
            old.store.close()
        return True

    def switch_user(self) -> None:
        assert self.ctx is not None
        actor = self.sign_in(self.ctx.services, self.ctx.store, None)
        if actor is not None:
            self.settings.set_last_login(self.ctx.store.display_name, actor.login)
            assert self.window is not None  # (a user is switched from the window)
            self.window.set_actor(actor)
            window = self.window  # the new person's notice, as on signing in
            QTimer.singleShot(0, lambda: _announce(window))

    def open_other(self, target: str | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        if target is None:
            from opsdesk.ui.widgets import file_dialog

            target, _ = file_dialog.get_open_file_name(
                self.window, QCoreApplication.translate("App", "Open an OpsDesk database"), "",
                QCoreApplication.translate("App", "OpsDesk databases (*.db *.sample *.sqlite);;All files (*)")
                + QCoreApplication.translate("App", ";;Plans from other tools (*.planner *.gan *.xml)"))
            if not target:
                return
        from opsdesk.services.imports import is_plan_file

        if is_plan_file(target):  # #15: a plan from another tool goes into a new database
            self.open_plan_file(target)
            return
        try:
            store = self.open_store(resolve_db(target))
        except OpsDeskError as exc:
            QMessageBox.warning(self.window, APP_NAME, error_text(exc))
            return
        self._explain_readonly(store)
        self.settings.remember_db(str(target))
        self.enter(store, None)

    def open_plan_file(self, path: str) -> None:
        """Preview a .planner/.gan/.xml plan, import it into a new database beside it, and
        open that database on the imported plan, signed in as its new manager."""
        from PySide6.QtWidgets import QMessageBox

        from opsdesk.ui.dialogs.import_new import ImportNewDialog

        dialog = ImportNewDialog(path, self.window)
        if not dialog.load():
            if dialog.problem:  # (empty when the person cancelled the reading)
                QMessageBox.warning(self.window, APP_NAME, dialog.problem)
            return
        if not dialog.exec() or dialog.created is None:
            return
        self._new_login = dialog.manager_login
        self._new_password = dialog.manager_password
        if dialog.plan_id is not None:  # the window shows the imported plan
            self.settings.set_last_plan(str(dialog.created.expanduser().absolute()),
                                        dialog.plan_id)
        self.open_other(str(dialog.created))

    def create_and_open(self) -> None:
        created = self.new_plan()
        if created is not None:
            self.open_other(str(created))

    def set_language(self, lang: str) -> None:
        self.settings.set_language(lang)
        self.translators.install(lang)
        if self.window is not None:
            self.window.set_language(lang)
            self.window.refresh_all()


class _AfterPaint(QObject):
    """Runs ``then`` once ``watched`` (a view showing data) has next been painted and that
    frame flushed to the screen; or after ``FALLBACK_MS`` if it is not painted (hidden)."""

    FALLBACK_MS = 1000

    def __init__(self, window: QWidget, watched: QWidget, then) -> None:
        super().__init__(window)
        self.then = then
        inner = watched.widget() if isinstance(watched, QScrollArea) else None
        self.watched: QWidget = inner or watched
        self.watched.installEventFilter(self)
        self.watched.update()
        QTimer.singleShot(self.FALLBACK_MS, self._run)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and obj is self.watched:
            QTimer.singleShot(0, self._run)  # after this paint's flush to the screen
        return False

    def _run(self) -> None:
        if self.then is not None:
            then, self.then = self.then, None
            self.watched.removeEventFilter(self)
            then()


def _save_frame(window: QWidget, path: str) -> None:
    """``OPSDESK_BENCH_SHOT=<file>`` (benchmarks/bench_open.py): the window's pixels as the
    screen holds them (the platform's grab of the presented frame, not a render of the
    widgets) to ``<file>`` (BMP), then ``opsdesk:shot`` on stdout; the app runs on."""
    window.screen().grabWindow(window.winId()).save(path, "BMP")
    print("opsdesk:shot", flush=True)


def _announce(window) -> None:
    ctx = window.ctx
    if ctx is not None and ctx.actor.is_manager and ctx.plan_id is not None \
            and "mywork" not in window.built:
        # A manager starts in the Overview: the notice's two counts from one read, without
        # building My work for them (its own notice follows once it is opened).
        reminders = getattr(window, "reminders", None)
        if reminders is not None:  # (it reads the counts: the same text, read once)
            reminders.signed_in()
            text = reminders.last_message
        else:
            from opsdesk.ui.mywork.notice import due_text

            text = due_text(*ctx.services.mywork.due_summary(ctx.plan_id, ctx.actor, ctx.today()))
        if text:
            window.statusBar().showMessage(text, 60_000)
        return
    from opsdesk.ui.mywork.notice import announce

    announce(window)


def _fixed_today():
    """``OPSDESK_TODAY=YYYY-MM-DD`` pins "today" (demos, screenshots, tests)."""
    value = os.environ.get("OPSDESK_TODAY")
    if not value:
        return None
    from opsdesk.cli import parse_date

    return parse_date(value)


def run_gui(args: Namespace) -> int:
    from opsdesk import preload

    preload.start(args.db, args.user)
    try:
        return OpsDeskApp(args).start()
    except OpsDeskError as exc:
        print(f"opsdesk: {exc.message}", file=sys.stderr)
        return 1
