"""File ▸ Import / Export / Weekly report for the main window (the dialogs and the work
behind them are ``dialogs/interchange.py``, loaded when an entry is chosen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from opsdesk.ui.i18n_contexts import TrContext


class FileActions(TrContext):
    """The File menu's Import / Export / Weekly report entries for a main window (a QObject
    also so that ``FileActions.tr`` gives ``dialogs/interchange.py``'s functions their plural
    strings). The dialogs and exports load when chosen (``dialogs/interchange.py``): the
    window is made without them."""

    def __init__(self, window) -> None:
        from PySide6.QtGui import QAction

        super().__init__(window)
        self.window = window
        menu = window.menu_file
        before = next((a for a in menu.actions() if a.isSeparator()), None)
        self.import_plan = QAction(window)
        self.import_plan.setObjectName("importPlan")
        self.import_plan.triggered.connect(self._import_plan)
        self.import_tasks = QAction(window)
        self.import_tasks.setObjectName("importTasks")
        self.import_tasks.triggered.connect(self._import_tasks)
        self.export_menu = menu.addMenu("")
        self.report_menu = menu.addMenu("")
        for action in (self.import_plan, self.import_tasks):
            menu.insertAction(before, action)
        menu.insertMenu(before, self.export_menu)
        menu.insertMenu(before, self.report_menu)
        self.exports = {}
        for kind in ("xlsx", "csv", "mspdi", "ics"):
            act = self.export_menu.addAction("")
            act.setObjectName(f"export_{kind}")
            act.triggered.connect(lambda _c=False, k=kind: self._export(k))
            self.exports[kind] = act
        self.save_report = self.report_menu.addAction("")
        self.save_report.triggered.connect(self._save_report)
        self.print_report = self.report_menu.addAction("")
        self.print_report.triggered.connect(self._print_report)
        self.update()

    def retranslate(self) -> None:
        self.import_plan.setText(QCoreApplication.translate("FileActions", "Import a plan (Planner, MS Project)…"))
        self.import_tasks.setText(QCoreApplication.translate("FileActions", "Import tasks (Excel, CSV)…"))
        self.export_menu.setTitle(QCoreApplication.translate("FileActions", "&Export"))
        self.report_menu.setTitle(QCoreApplication.translate("FileActions", "&Weekly report"))
        for kind, text in (("xlsx", QCoreApplication.translate("FileActions", "Tasks to Excel…")), ("csv", QCoreApplication.translate("FileActions", "Tasks to CSV…")),
                           ("mspdi", QCoreApplication.translate("FileActions", "Plan to MS Project XML…")),
                           ("ics", QCoreApplication.translate("FileActions", "To a calendar (ICS)…"))):
            self.exports[kind].setText(text)
        self.save_report.setText(QCoreApplication.translate("FileActions", "Save as PDF…"))
        self.print_report.setText(QCoreApplication.translate("FileActions", "Print…"))

    def update(self) -> None:
        """Enable what the signed-in person may do with the open database."""
        ctx = self.window.ctx
        ready = ctx is not None and ctx.plan_id is not None
        manager = ready and ctx.actor.is_manager and not ctx.store.readonly
        self.import_plan.setVisible(bool(manager))
        self.import_tasks.setVisible(bool(manager))
        for menu in (self.export_menu, self.report_menu):
            menu.setEnabled(ready)
        self.retranslate()

    def _file(self, title: str, filters: str) -> str | None:
        from opsdesk.ui.widgets import file_dialog  # (loaded when a file is chosen: start-up)

        path, _ = file_dialog.get_open_file_name(self.window, title, "", filters)
        return path or None

    def _import_plan(self) -> None:
        path = self._file(QCoreApplication.translate("FileActions", "Import a plan"), QCoreApplication.translate("FileActions", "Plans (*.planner *.mrproject *.gan *.xml);;All files (*)"))
        if path:
            from opsdesk.ui.dialogs.interchange import ImportPlanDialog

            ImportPlanDialog(self.window.ctx, self.window, path).exec()

    def _import_tasks(self) -> None:
        path = self._file(QCoreApplication.translate("FileActions", "Import tasks"), QCoreApplication.translate("FileActions", "Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)"))
        if path:
            from opsdesk.ui.dialogs.interchange import ImportTasksDialog

            ImportTasksDialog(self.window.ctx, self.window, path).exec()

    def _export(self, kind: str) -> None:
        from opsdesk.ui.dialogs.interchange import export_with_options

        export_with_options(self.window, kind)

    def _save_report(self) -> None:
        from opsdesk.ui.dialogs.interchange import save_weekly_report

        save_weekly_report(self.window)

    def _print_report(self) -> None:
        from opsdesk.ui.dialogs.interchange import print_weekly_report

        print_weekly_report(self.window)
