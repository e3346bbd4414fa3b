"""Plan ▸ Phases… in the main window's menu bar (the dialog, ``dialogs/phases.py``, loads
when it is opened)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from opsdesk.ui.dialogs.phases import PhasesDialog


class PhaseActions:
    """Plan ▸ Phases… in the window's menu bar, shown to managers only."""

    def __init__(self, window) -> None:
        self.window = window
        bar = window.menuBar()
        menu = getattr(window, "menu_plan", None)
        if menu is None:  # (a Plan menu, before View, unless another part made one)
            menu = QMenu(bar)
            menu.setObjectName("menuPlan")
            bar.insertMenu(window.menu_view.menuAction(), menu)
            window.menu_plan = menu
            self.owns_menu = True
        else:
            self.owns_menu = False
        self.menu = menu
        self.action = QAction(window)
        self.action.setObjectName("actPhases")
        self.action.triggered.connect(self.open_dialog)
        menu.addAction(self.action)
        self.retranslate()
        self.update()

    def update(self) -> None:
        ctx = self.window.ctx
        show = ctx is not None and ctx.actor.is_manager and ctx.plan_id is not None
        self.action.setVisible(bool(show))
        if self.owns_menu:
            self.menu.menuAction().setVisible(any(a.isVisible() for a in self.menu.actions()))

    def retranslate(self) -> None:
        if self.owns_menu:
            self.menu.setTitle(QCoreApplication.translate("MainWindow", "&Plan"))
        self.action.setText(QCoreApplication.translate("MainWindow", "&Phases…"))

    def open_dialog(self) -> PhasesDialog | None:
        ctx = self.window.ctx
        if ctx is None or ctx.plan_id is None or not ctx.actor.is_manager:
            return None
        from opsdesk.ui.dialogs.phases import PhasesDialog

        dialog = PhasesDialog(ctx, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
