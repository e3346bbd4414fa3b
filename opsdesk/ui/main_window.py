"""The main window: navigation, plan picker, signed-in person, menus, status bar.

Every write's ``Changes`` goes through ``changes_applied``; each view refreshes what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

import opsdesk
from opsdesk.ui.settings import Settings

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.ui.context import AppContext


class MainWindow(QMainWindow):
    """Holds the views; the app (``opsdesk.app``) handles opening databases and signing in.

    The window can be shown before a database is open (an empty shell that paints at once);
    ``set_context`` then builds the views for the signed-in person.
    """

    changes_applied = Signal(object)
    """Emitted with a ``Changes`` after every write, ours or another process's."""

    def __init__(self, ctx: AppContext | None = None, *, settings: Settings | None = None,
                 on_switch_user: Callable[[], None] | None = None,
                 on_open: Callable[[str | None], None] | None = None,
                 on_new: Callable[[], None] | None = None,
                 on_language: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx: AppContext | None = None
        self.settings = settings or (ctx.settings if ctx else Settings())
        self.lang = ctx.lang if ctx else "en"
        self._on_switch_user = on_switch_user
        self._on_open = on_open
        self._on_new = on_new
        self._on_language = on_language

        # ---- views: built by set_context; only those that exist are listed
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMaximumWidth(200)
        self.stack = QStackedWidget()
        self.views: list[tuple[str, QWidget]] = []
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 1000])
        self.setCentralWidget(splitter)

        # ---- toolbar: plan picker, who is signed in
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.plan_label = QLabel()
        self.plan_picker = QComboBox()
        self.plan_picker.setObjectName("planPicker")
        self.plan_picker.setMinimumWidth(260)
        self.plan_picker.currentIndexChanged.connect(self._plan_chosen)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.toolbar.addWidget(self.plan_label)
        self.toolbar.addWidget(self.plan_picker)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.user_label)
        self.addToolBar(self.toolbar)

        self._build_actions()
        self._build_menus()
        self.toolbar.addAction(self.act_switch_user)

        # ---- status bar
        self.db_label = QLabel()
        self.db_label.setObjectName("dbLabel")
        self.readonly_label = QLabel()
        self.readonly_label.setObjectName("readonlyLabel")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.readonly_label)

        self.retranslate_ui()
        self._restore_layout()
        if ctx is not None:
            self.set_context(ctx)

    def set_context(self, ctx: AppContext) -> None:
        """Show ``ctx``'s database for its signed-in person (again after open or switch)."""
        from opsdesk.ui.overview import OverviewView

        for _key, view in self.views:
            self.changes_applied.disconnect(view.on_changes)
            self.stack.removeWidget(view)
            view.deleteLater()
        self.nav.clear()
        self.ctx = ctx
        self.set_language(ctx.lang)
        self.overview = OverviewView(ctx)
        self.views = [("overview", self.overview)]
        for key, view in self.views:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            self.stack.addWidget(view)
            self.changes_applied.connect(view.on_changes)
        self.retranslate_ui()
        self.load_plans()
        self.nav.setCurrentRow(0)

    # ---- actions and menus
    def _build_actions(self) -> None:
        self.act_new = QAction(self)
        self.act_new.setShortcut(QKeySequence.StandardKey.New)
        self.act_new.triggered.connect(lambda: self._on_new and self._on_new())
        self.act_open = QAction(self)
        self.act_open.setShortcut(QKeySequence.StandardKey.Open)
        self.act_open.triggered.connect(lambda: self._on_open and self._on_open(None))
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        self.act_switch_user = QAction(self)
        self.act_switch_user.setObjectName("switchUser")
        self.act_switch_user.triggered.connect(lambda: self._on_switch_user and self._on_switch_user())
        self.act_refresh = QAction(self)
        self.act_refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.act_refresh.triggered.connect(self.refresh_all)
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.language_group = QActionGroup(self)
        self.act_lang = {}
        for lang in ("zh_CN", "en"):
            act = QAction(self.language_group)
            act.setCheckable(True)
            act.setChecked(lang == self.lang)
            act.setData(lang)
            act.triggered.connect(lambda _checked, lg=lang: self._on_language and self._on_language(lg))
            self.act_lang[lang] = act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_new)
        self.menu_file.addAction(self.act_open)
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.act_refresh)
        self.menu_lang = self.menu_view.addMenu("")
        for act in self.act_lang.values():
            self.menu_lang.addAction(act)
        self.menu_user = bar.addMenu("")
        self.menu_user.addAction(self.act_switch_user)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        for target in self.settings.recent_dbs():
            act = self.menu_recent.addAction(target)
            act.triggered.connect(lambda _c=False, t=target: self._on_open and self._on_open(t))
        if self.menu_recent.isEmpty():
            self.menu_recent.addAction(self.tr("(none)")).setEnabled(False)

    # ---- text
    def retranslate_ui(self) -> None:
        ctx = self.ctx
        if ctx is None:
            self.setWindowTitle("OpsDesk")
        else:
            self.setWindowTitle(self.tr("OpsDesk — {db}").format(db=ctx.store.display_name))
        names = {"overview": self.tr("Overview")}
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            item.setText(names[item.data(Qt.ItemDataRole.UserRole)])
        self.plan_label.setText(self.tr("Plan") + " ")
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Open &recent"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_user.setTitle(self.tr("&User"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_new.setText(self.tr("&New plan…"))
        self.act_open.setText(self.tr("&Open database…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_switch_user.setText(self.tr("Switch &user…"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_about.setText(self.tr("&About OpsDesk"))
        self.act_lang["zh_CN"].setText("中文")
        self.act_lang["en"].setText("English")
        if ctx is None:
            self.user_label.clear()
            self.db_label.setText(self.tr("Opening the database…"))
            self.readonly_label.setVisible(False)
            self.act_switch_user.setEnabled(False)
            return
        self.act_switch_user.setEnabled(True)
        self._update_user()
        self.db_label.setText(self.tr("Database: {db}").format(db=ctx.store.display_name))
        if ctx.store.readonly:
            self.readonly_label.setText(self.tr("Read-only"))
        self.readonly_label.setVisible(ctx.store.readonly)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_user(self) -> None:
        actor = self.ctx.actor
        who = self.tr("{name} (manager)") if actor.is_manager else "{name}"
        self.user_label.setText(self.tr("Signed in: ") + who.format(name=actor.name) + "  ")

    # ---- plans and data
    def load_plans(self) -> None:
        plans = self.ctx.services.plans.list()
        self.plan_picker.blockSignals(True)
        self.plan_picker.clear()
        for plan in plans:
            self.plan_picker.addItem(plan.name, plan.id)
        wanted = self.ctx.plan_id or self.ctx.settings.last_plan(self.ctx.db_key)
        index = max(0, self.plan_picker.findData(wanted))
        self.plan_picker.setCurrentIndex(index)
        self.plan_picker.blockSignals(False)
        self.plan_picker.setEnabled(len(plans) > 1)
        self.ctx.plan_id = self.plan_picker.currentData()
        self.refresh_all()

    def _plan_chosen(self, _index: int) -> None:
        if self.ctx is None:
            return
        self.ctx.plan_id = self.plan_picker.currentData()
        if self.ctx.plan_id is not None:
            self.ctx.settings.set_last_plan(self.ctx.db_key, self.ctx.plan_id)
        self.refresh_all()

    def refresh_all(self) -> None:
        if self.ctx is None:
            return
        for _key, view in self.views:
            view.refresh()

    def apply(self, changes: Changes) -> None:
        """Hand a write's changes to every open view."""
        self.changes_applied.emit(changes)

    def set_actor(self, actor) -> None:
        self.ctx.actor = actor
        self._update_user()
        self.refresh_all()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.ctx is not None:
            self.ctx.lang = lang
        for act_lang, act in self.act_lang.items():
            act.setChecked(act_lang == lang)

    # ---- window
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About OpsDesk"), self.tr(
            "<h3>OpsDesk {version}</h3><p>Plans, tasks, milestones and KPIs for teams that "
            "launch and run online shops.</p><p>Free software under the MIT licence.</p>"
        ).format(version=opsdesk.__version__))

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.set_window_layout(self.saveGeometry(), self.saveState())
        super().closeEvent(event)
