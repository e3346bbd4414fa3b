"""The main window: navigation, plan picker, signed-in person, menus, undo, status bar.

Every write's ``Changes`` goes through ``changes_applied`` (design.md, "The way back"): the
view shown patches what it shows at once; every other built view is only marked stale,
collecting what changed, and gets it when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

import opsdesk
from opsdesk.ui import heap
from opsdesk.ui.settings import Settings
from opsdesk.ui.undo import UndoRunner
from opsdesk.ui.views import VIEWS, View, ViewSpec
from opsdesk.ui.widgets.one_frame import settle
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from PySide6.QtWidgets import QUndoView

    from opsdesk.services import Changes
    from opsdesk.services.first_screen import FirstScreen
    from opsdesk.services.plan_info import PlanInfo
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.tasks.panel import TaskPanel


NAV_MAX_WIDTH = 200
PANEL_WIDTH = 380
"""The task side panel's width when it opens (a third of a narrower window)."""


class MainWindow(Retranslating, QMainWindow):
    """Holds the views; the app (``opsdesk.app``) handles opening databases and signing in.

    The window can be shown before a database is open (an empty shell that paints at once);
    ``set_context`` then lists the views for the signed-in person. A view is built the first
    time it is shown.
    """

    changes_applied = Signal(object)
    """Emitted with a ``Changes`` after every write, ours (``initiator`` is this window) or
    another process's (``initiator`` is ``REMOTE``)."""

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
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self.undo = UndoRunner(self.undo_stack, self.apply, self, self._history,
                               on_busy=self._undo_busy)

        # ---- views: listed by set_context, built when first shown
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMaximumWidth(NAV_MAX_WIDTH)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.specs: list[ViewSpec] = []
        self.built: dict[str, QWidget] = {}
        self._preset: dict[str, object] = {}
        """A view's first data read before the store was open (#17), shown when it is built."""
        self.stale: dict[str, Changes | None] = {}
        """Built views not shown since a write: what changed, merged (None: reload all)."""
        self.changes_applied.connect(self._dispatch)
        self.nav.currentRowChanged.connect(self._show_row)
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

        # ---- docks: undo history, task details
        self.history_dock = QDockWidget()
        self.history_dock.setObjectName("historyDock")
        self.history_view: QUndoView | None = None  # (made when the dock is first shown)
        self.history_dock.visibilityChanged.connect(self._history_shown)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()
        self.task_dock = QDockWidget()
        self.task_dock.setObjectName("taskDock")
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.task_dock)
        self.task_dock.hide()
        self.task_panel: TaskPanel | None = None

        self._build_actions()
        self._build_menus()
        from opsdesk.ui.file_actions import FileActions

        self.file_actions = FileActions(self)
        from opsdesk.ui.dialogs.backup import BackupActions
        from opsdesk.ui.sync import ChangeSync

        self.backup_actions = BackupActions(self)  # File ▸ Back up… / Restore…
        from opsdesk.ui.phase_actions import PhaseActions

        self.phase_actions = PhaseActions(self)  # Plan ▸ Phases… (managers)
        self.change_sync = ChangeSync(self)  # other processes' writes → changes_applied
        self.toolbar.addAction(self.act_switch_user)

        # ---- status bar
        self.db_label = QLabel()
        self.db_label.setObjectName("dbLabel")
        self.readonly_label = QLabel()
        self.readonly_label.setObjectName("readonlyLabel")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.readonly_label)

        from opsdesk.ui.reminders import Reminders

        self.reminders = Reminders(self)  # the tray icon (where there is a tray)
        self.retranslate_ui()
        self._restore_layout()
        if ctx is not None:
            self.set_context(ctx)

    # ---- views
    def set_context(self, ctx: AppContext, first: FirstScreen | None = None) -> None:
        """Show ``ctx``'s database for its signed-in person (again after open or switch).

        With ``first`` (#17: read plainly before the store is open, see ui/first_screen.py)
        the plans and the Overview come from it and nothing reads the store yet;
        ``attach_store`` follows once the store is open."""
        self.statusBar().clearMessage()  # (the previous person's notice is not this one's)
        for view in self.built.values():
            view.deleteLater()
        self.built.clear()
        self.stale.clear()
        heap.release()
        while (page := self.stack.widget(0)) is not None:  # (None: no page left)
            self.stack.removeWidget(page)
        self.nav.blockSignals(True)
        self.nav.clear()
        self.undo_stack.clear()
        self.ctx = ctx
        self.set_language(ctx.lang)
        self.specs = [v for v in VIEWS if ctx.actor.is_manager or not v.manager_only]
        for spec in self.specs:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            page = QWidget()
            page.setObjectName(f"page_{spec.key}")
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(page)
        self.nav.blockSignals(False)
        if self.task_panel is not None:
            self.task_panel.deleteLater()
            self.task_panel = None
            self.task_dock.hide()
        self.retranslate_ui()
        self._preset = {}
        if first is None:
            self.load_plans()
            self.attach_store()
        else:  # (the menus as they will be: they depend on the person and the plan only)
            self._fill_plans(first.plans, first.plan_id)
            if first.overview is not None and first.plan_id == ctx.plan_id:
                self._preset["overview"] = first.overview
            if first.my_work is not None and first.plan_id == ctx.plan_id \
                    and "mywork" in [s.key for s in self.specs]:
                self._preset["mywork"] = first  # (staff start in My work: see announce)
            self.file_actions.update()
            self.phase_actions.update()
        row = 0
        if "mywork" in self._preset:
            row = [s.key for s in self.specs].index("mywork")
        self.nav.setCurrentRow(row)
        self._show_row(row)

    def attach_store(self) -> None:
        """What follows the open store: the actions that depend on it, the daily backup,
        other processes' changes."""
        ctx = self._open_ctx()
        self.file_actions.update()
        self.phase_actions.update()
        self.backup_actions.attach()
        self.change_sync.attach(ctx.store)

    def view(self, key: str) -> QWidget:
        """The view ``key``, built now if it has not been shown yet."""
        if key not in self.built:
            row = [s.key for s in self.specs].index(key)
            spec = self.specs[row]
            view = spec.load()(self.ctx, self)
            view.setObjectName(view.objectName() or f"{key}View")
            page = self.stack.widget(row)
            page_layout = page.layout() if page is not None else None
            assert page_layout is not None  # (set_context made a page with a layout per view)
            page_layout.addWidget(view)
            self.built[key] = view
            if hasattr(view, "sig_open_task"):
                view.sig_open_task.connect(self.show_task)
            if hasattr(view, "sig_due_changed"):  # My work: the notice follows tick-offs
                view.sig_due_changed.connect(self._due_changed)
            preset = self._preset.pop(key, None)
            if preset is not None:  # the first screen's data, read plainly (#17)
                view.show_data(preset)
            else:
                view.refresh()
            heap.keep()  # (its data is long-lived: collections no longer walk it)
        return self.built[key]

    def _due_changed(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 60_000)
        else:
            self.statusBar().clearMessage()

    def show_view(self, key: str) -> QWidget:
        row = [s.key for s in self.specs].index(key)
        self.nav.setCurrentRow(row)
        return self.view(key)

    def _show_row(self, row: int) -> None:
        if self.ctx is None or not 0 <= row < len(self.specs):
            return
        key = self.specs[row].key
        view = self.view(key)
        self.stack.setCurrentIndex(row)
        settle(view)  # (its first frame painted once, at its final geometry)
        if key in self.stale:  # what changed while it was hidden, patched where it can
            changes = self.stale.pop(key)
            if changes is None:
                cast(View, view).refresh()
            elif hasattr(view, "on_changes"):
                view.on_changes(changes)

    def _switch_by_key(self, row: int) -> None:
        """Ctrl+1…9: show the view and put the focus in it, so that its own shortcuts
        (Ctrl+F, Ctrl+N…) work at once."""
        if self.ctx is None or not 0 <= row < len(self.specs):
            return
        self.nav.setCurrentRow(row)
        view = self.view(self.specs[row].key)
        focus = getattr(view, "focus_default", None)
        if focus is not None:
            focus()
        else:
            view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _fit_nav(self) -> None:
        """The navigation as wide as its widest entry (never clipped), in every language."""
        self.nav.ensurePolished()
        needed = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth()
        self.nav.setMinimumWidth(needed if self.nav.count() else 0)
        self.nav.setMaximumWidth(max(NAV_MAX_WIDTH, needed))

    @property
    def overview(self):
        return self.view("overview")

    @property
    def views(self) -> list[tuple[str, QWidget]]:
        return list(self.built.items())

    # ---- writing
    def _undo_busy(self, busy: bool) -> None:
        """While a big undo runs off the GUI thread, Undo and Redo wait for it."""
        for act in (getattr(self, "act_undo", None), getattr(self, "act_redo", None)):
            if act is not None:
                act.setEnabled(not busy and (self.undo_stack.canUndo() if act is self.act_undo
                                             else self.undo_stack.canRedo()))

    def run(self, text: str, do: Callable[[], Changes]) -> Changes | None:
        """Carry out a write (explaining a refusal) and put it on the undo stack; its undo
        and redo are the services' (``HistoryService``)."""
        return self.undo.run(text, do)

    def apply(self, changes: Changes) -> None:
        """Hand a write's changes to the views (this window's own unless said otherwise)."""
        if changes.initiator is None:
            changes = changes.by(self)
        self.changes_applied.emit(changes)

    def current_key(self) -> str | None:
        """The key of the view shown."""
        row = self.stack.currentIndex()
        return self.specs[row].key if 0 <= row < len(self.specs) else None

    def _dispatch(self, changes: Changes) -> None:
        """The view shown handles ``changes`` now; every other built view only collects them."""
        if changes.plans and self.ctx is not None:  # a plan added or renamed (here or elsewhere)
            self._refill_plans()
        shown = self.current_key()
        for key, view in list(self.built.items()):
            if key == shown:
                if hasattr(view, "on_changes"):
                    view.on_changes(changes)
            elif key in self.stale:
                collected = self.stale[key]
                if collected is not None:
                    self.stale[key] = collected | changes
            else:
                self.stale[key] = changes

    def show_task(self, task_id: int) -> None:
        """Show a task's details and conversation in the side panel."""
        from opsdesk.ui.tasks.panel import TaskPanel

        if self.task_panel is None:
            self.task_panel = TaskPanel(self._open_ctx(), self)
            self.changes_applied.connect(self.task_panel.on_changes)
            self.task_dock.setWidget(self.task_panel)
        self.task_panel.show_task(task_id)
        self.task_dock.show()
        self.task_dock.raise_()
        # (at 1280 px a dock restored or first shown could come up a few pixels wide)
        wanted = min(PANEL_WIDTH, max(self.width() // 3, 240))
        if self.task_dock.width() < wanted:
            self.resizeDocks([self.task_dock], [wanted], Qt.Orientation.Horizontal)

    # ---- actions and menus
    def _build_actions(self) -> None:
        self.act_new = QAction(self)
        self.act_new.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.act_new.triggered.connect(lambda: self._on_new and self._on_new())
        self.act_open = QAction(self)
        self.act_open.setShortcut(QKeySequence.StandardKey.Open)
        self.act_open.triggered.connect(lambda: self._on_open and self._on_open(None))
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.quit_app)
        self.act_undo = self.undo_stack.createUndoAction(self)
        self.act_undo.setObjectName("undo")
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self)
        self.act_redo.setObjectName("redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_history = self.history_dock.toggleViewAction()
        self.act_switch_user = QAction(self)
        self.act_switch_user.setObjectName("switchUser")
        self.act_switch_user.triggered.connect(lambda: self._on_switch_user and self._on_switch_user())
        self.act_refresh = QAction(self)
        self.act_refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        self.act_refresh.triggered.connect(self.refresh_all)
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.show_about)
        self.act_copy_plan = QAction(self)  # issue #13: next season from this one
        self.act_copy_plan.setObjectName("copyPlan")
        self.act_copy_plan.triggered.connect(self.copy_plan)
        self.act_save_template = QAction(self)
        self.act_save_template.setObjectName("saveTemplate")
        self.act_save_template.triggered.connect(self.save_as_template)
        self.act_print_list = QAction(self)
        self.act_print_list.setObjectName("printMyList")
        self.act_print_list.setShortcut(QKeySequence("Ctrl+P"))
        self.act_print_list.triggered.connect(self.print_my_list)
        self.act_spending = QAction(self)  # money out: spending entries and budgets (#14)
        self.act_spending.setObjectName("spendingAndBudgets")
        self.act_spending.triggered.connect(self.open_spending)
        self.act_shortcuts = QAction(self)
        self.act_shortcuts.setObjectName("keyboardShortcuts")
        self.act_shortcuts.setShortcut(QKeySequence("F1"))
        self.act_shortcuts.triggered.connect(self.show_shortcuts)
        self.view_actions: list[QAction] = []
        for n in range(1, 10):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{n}"))
            act.triggered.connect(lambda _c=False, row=n - 1: self._switch_by_key(row))
            self.addAction(act)
            self.view_actions.append(act)
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
        self.menu_file.addAction(self.act_copy_plan)
        self.menu_file.addAction(self.act_save_template)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_print_list)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_history)
        self.menu_edit.addAction(self.act_spending)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.act_refresh)
        self.menu_lang = self.menu_view.addMenu("")
        for act in self.act_lang.values():
            self.menu_lang.addAction(act)
        self.menu_user = bar.addMenu("")
        self.menu_user.addAction(self.act_switch_user)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_shortcuts)
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
        for i, spec in enumerate(self.specs):
            item = self.nav.item(i)
            item.setText(spec.translated_title())
            item.setToolTip(f"{spec.translated_title()} (Ctrl+{i + 1})")
        self.nav.setAccessibleName(self.tr("Views"))
        self._fit_nav()
        self.plan_label.setText(self.tr("Plan") + " ")
        self.plan_picker.setAccessibleName(self.tr("Plan"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Open &recent"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_user.setTitle(self.tr("&User"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_new.setText(self.tr("&New plan…"))
        self.act_copy_plan.setText(self.tr("&Copy plan…"))
        self.act_save_template.setText(self.tr("Save as &template…"))
        self.act_open.setText(self.tr("&Open database…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_history.setText(self.tr("Undo &history"))
        self.history_dock.setWindowTitle(self.tr("Undo history"))
        if self.history_view is not None:
            self.history_view.setEmptyLabel(self.tr("<nothing done yet>"))
        self.task_dock.setWindowTitle(self.tr("Task"))
        self.act_switch_user.setText(self.tr("Switch &user…"))
        self.act_refresh.setText(self.tr("&Refresh"))
        self.act_about.setText(self.tr("&About OpsDesk"))
        self.act_shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.act_print_list.setText(self.tr("&Print my list…"))
        self.act_print_list.setEnabled(ctx is not None)
        for act in (self.act_copy_plan, self.act_save_template):  # a manager's (#13)
            act.setEnabled(ctx is not None and ctx.actor.is_manager)
        self.act_spending.setText(self.tr("&Spending and budgets…"))
        self.act_spending.setVisible(ctx is not None and ctx.actor.is_manager)
        if hasattr(self, "file_actions"):
            self.file_actions.retranslate()
        if hasattr(self, "reminders"):
            self.reminders.retranslate()
        if hasattr(self, "backup_actions"):
            self.backup_actions.retranslate()
        if hasattr(self, "phase_actions"):
            self.phase_actions.retranslate()
        self.act_lang["zh_CN"].setText("中文")
        self.act_lang["en"].setText("English")
        if ctx is None:
            self.setWindowTitle("OpsDesk")
            self.user_label.clear()
            self.db_label.setText(self.tr("Opening the database…"))
            self.readonly_label.setVisible(False)
            self.act_switch_user.setEnabled(False)
            return
        self._update_title()
        self.act_switch_user.setEnabled(True)
        self._update_user()
        self.db_label.setText(self.tr("Database: {db}").format(db=ctx.store.display_name))
        if ctx.store.readonly:
            self.readonly_label.setText(self.tr("Read-only"))
        self.readonly_label.setVisible(ctx.store.readonly)


    def _open_ctx(self) -> AppContext:
        """``ctx`` where a database is open (the callers run only then)."""
        assert self.ctx is not None, "no database is open"
        return self.ctx

    def _history(self):
        """The undo runner's history service and actor (asked at each undo)."""
        ctx = self._open_ctx()
        return ctx.services.history, ctx.actor

    def _update_user(self) -> None:
        actor = self._open_ctx().actor
        who = self.tr("{name} (manager)") if actor.is_manager else "{name}"
        self.user_label.setText(self.tr("Signed in: ") + who.format(name=actor.name) + "  ")

    # ---- plans and data
    def load_plans(self) -> None:
        ctx = self._open_ctx()
        self._fill_plans(ctx.services.plans.list(),
                         ctx.plan_id or ctx.settings.last_plan(ctx.db_key))
        self.refresh_all()

    def _fill_plans(self, plans: list[PlanInfo], wanted: int | None) -> None:
        """The Plan box lists ``plans`` (enabled when there is a choice) on ``wanted`` (else
        the first), which becomes the plan shown."""
        ctx = self._open_ctx()
        self.plan_picker.blockSignals(True)
        self.plan_picker.clear()
        for plan in plans:
            self.plan_picker.addItem(plan.name, plan.id)
        self.plan_picker.setCurrentIndex(max(0, self.plan_picker.findData(wanted)))
        self.plan_picker.blockSignals(False)
        self.plan_picker.setEnabled(len(plans) > 1)
        ctx.plan_id = self.plan_picker.currentData()
        self._update_title()

    def reload_after_first_screen(self, first: FirstScreen | None = None) -> None:
        """The store is open behind the first screen (#17): the plans and the Overview as
        they are now (the Overview read off the GUI thread, as after another's change), and
        My work read again if anything was written since ``first`` was read."""
        self._refill_plans()
        view = self.built.get("overview")
        if view is not None and hasattr(view, "reload_in_background"):
            view.reload_in_background()
        my_work = self.built.get("mywork")
        if my_work is not None and (first is None or self.ctx is None or first.plan_id != self.ctx.plan_id
                                    or self.ctx.services.history.last_change_id() != first.last_change):
            cast(View, my_work).refresh()

    def when_idle(self) -> None:
        """The first data is shown: once the app is idle, import the views' modules
        (``preload.prefetch_views``) and read, off the GUI thread, what the Tasks view
        reads first (#17): SQLAlchemy keeps each statement compiled per engine, so the
        first switch to Tasks does not compile four of them on the GUI thread. Nothing is
        kept from the reads; a failure is left for the view's own read to report."""
        from PySide6.QtCore import QTimer

        from opsdesk import preload

        preload.prefetch_views(QTimer.singleShot)
        QTimer.singleShot(preload.PREFETCH_AFTER_MS, self._warm_statements)

    def _warm_statements(self) -> None:
        ctx = self.ctx
        if ctx is None or ctx.plan_id is None or "tasks" in self.built:
            return
        from opsdesk.ui.background import run_in_background
        from opsdesk.ui.tasks.view import FIRST_PAGE

        services, plan_id = ctx.services, ctx.plan_id

        def warm(_progress) -> None:
            services.tasks.plan_rows(plan_id, limit=FIRST_PAGE)
            services.tasks.phases(plan_id)
            services.people.roles()
            services.people.users()
        run_in_background(self, warm, lambda _none: None, lambda _error: None,
                          cancellable=False)

    def _refill_plans(self) -> None:
        """The Plan box lists the plans as they are now, keeping the plan shown."""
        ctx = self._open_ctx()
        self._fill_plans(ctx.services.plans.list(), ctx.plan_id)

    def _update_title(self) -> None:
        """"plan — person — OpsDesk": two people's windows (or plans) tell apart at a glance;
        the database is in the status bar."""
        if self.ctx is None:
            self.setWindowTitle("OpsDesk")
            return
        plan = self.plan_picker.currentText() or self.ctx.store.display_name
        self.setWindowTitle(self.tr("{plan} — {person} — OpsDesk").format(
            plan=plan, person=self.ctx.actor.name))

    def _plan_chosen(self, _index: int) -> None:
        if self.ctx is None:
            return
        self.ctx.plan_id = self.plan_picker.currentData()
        if self.ctx.plan_id is not None:
            self.ctx.settings.set_last_plan(self.ctx.db_key, self.ctx.plan_id)
        self.undo_stack.clear()
        self._update_title()
        self.refresh_all()

    def refresh_all(self) -> None:
        """Reload the view shown now, every other built view when it is shown."""
        if self.ctx is None:
            return
        shown = self.current_key()
        for key, view in self.built.items():
            if key == shown:
                self.stale.pop(key, None)
                cast(View, view).refresh()
            else:
                self.stale[key] = None

    def set_actor(self, actor) -> None:
        """Another person signed in: views are listed again for their rights."""
        ctx = self._open_ctx()
        ctx.actor = actor
        self.set_context(ctx)

    def _history_shown(self, visible: bool) -> None:
        """Edit ▸ Undo history: the list of the undo stack, made the first time it shows
        (few open it; making it with the window cost the first screen ~5 ms, #17)."""
        if visible and self.history_view is None:
            from PySide6.QtWidgets import QUndoView

            self.history_view = QUndoView(self.undo_stack)
            self.history_view.setObjectName("undoHistory")
            self.history_view.setEmptyLabel(self.tr("<nothing done yet>"))
            self.history_dock.setWidget(self.history_view)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.ctx is not None:
            self.ctx.lang = lang
        for act_lang, act in self.act_lang.items():
            act.setChecked(act_lang == lang)

    # ---- window
    def copy_plan(self) -> int | None:
        from opsdesk.ui.dialogs.plan_copy import copy_plan

        return copy_plan(self)

    def save_as_template(self):
        from opsdesk.ui.dialogs.plan_copy import save_as_template

        return save_as_template(self)

    def print_my_list(self) -> None:
        from opsdesk.ui.mywork.print_list import print_my_list

        print_my_list(self)

    def open_spending(self):
        """The spending and budgets dialog (a manager's); each change one undo step."""
        from opsdesk.ui.kpis.spending import SpendingDialog

        ctx = getattr(self, "ctx", None)
        if ctx is None or ctx.plan_id is None:
            return None
        dialog = SpendingDialog(ctx, self, parent=self)
        dialog.show()
        return dialog

    def show_shortcuts(self) -> None:
        from opsdesk.ui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About OpsDesk"), self.tr(
            "<h3>OpsDesk {version}</h3><p>Plans, tasks, milestones and KPIs for teams that "
            "launch and run online shops.</p><p>Free software under the MIT licence.</p>"
        ).format(version=opsdesk.__version__))

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
            self._clamp_to_screen()
        else:
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.task_dock.hide()  # (no task is shown yet: no empty panel taking a third)

    def _clamp_to_screen(self) -> None:
        """A remembered size from a bigger monitor, or a place off every screen, is brought
        back onto the screen the window opens on (issue #16)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        if self.isMaximized() or room.isEmpty():
            return
        width, height = min(self.width(), room.width()), min(self.height(), room.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), room.left()), room.right() - frame.width() + 1)
        y = min(max(frame.y(), room.top()), room.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def quit_app(self) -> None:
        """File ▸ Quit (and the tray's Quit): close for good, even when closing the window
        would only hide it in the tray."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        from opsdesk.ui import background

        reminders = getattr(self, "reminders", None)
        if not getattr(self, "_quitting", False) and reminders is not None \
                and reminders.keeps_running():
            event.ignore()  # the setting: keep running in the tray (with the reminders)
            self.hide()
            return

        self.settings.set_window_layout(self.saveGeometry(), self.saveState())
        background.stop_all()  # cancel what can stop (it rolls back), wait for the rest
        super().closeEvent(event)
