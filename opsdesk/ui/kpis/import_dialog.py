"""The import dialog: pick a CSV/XLSX export, map its columns, preview, check off the GUI thread, then import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.services import kpi_import as ki
from opsdesk.services import permissions
from opsdesk.ui.background import Job, run_in_background
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets import file_dialog
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.ui.context import AppContext

PREVIEW_ROWS = 20
ENCODINGS = (("", "Auto"), ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 BOM"), ("gbk", "GBK"),
             ("gb18030", "GB18030"))


class ImportDialog(Retranslating, QDialog):
    """Shows what an import will change before anything is written."""

    sig_checked = Signal(object)
    """Emitted with the ``Prepared`` import once the check has finished."""

    def __init__(self, ctx: AppContext, window=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiImportDialog")
        self.ctx, self.main_window = ctx, window
        self.table: ki.Table | None = None
        self.prepared: ki.Prepared | None = None
        self.job: Job | None = None
        assert ctx.plan_id is not None  # (KPI values go to a plan)
        self.kpis = [k for k in ctx.services.kpis.list(ctx.plan_id)
                     if permissions.can_enter_kpi(ctx.actor, k.owner_role_id)]
        self.path = QLabel()
        self.path.setObjectName("kpiImportPath")
        self.choose = QPushButton()
        self.encoding = QComboBox()
        for code, label in ENCODINGS:
            self.encoding.addItem(label, code)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.encoding)
        top.addWidget(self.choose)
        self.map_box = QGroupBox()
        self.map_form = QFormLayout(self.map_box)
        self.date_label = QLabel()
        self.date_combo = QComboBox()
        self.date_combo.setObjectName("kpiImportDate")
        self.map_form.addRow(self.date_label, self.date_combo)
        self.combos: dict[str, QComboBox] = {}
        for k in self.kpis:
            combo = QComboBox()
            combo.setObjectName(f"kpiImportMap_{k.key}")
            self.combos[k.key] = combo
            self.map_form.addRow(k.name(ctx.lang), combo)
        self.preview = QTableWidget()
        self.preview.setObjectName("kpiImportPreview")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        self.check_button = QPushButton()
        self.check_button.setObjectName("kpiImportCheck")
        self.summary = QLabel()
        self.summary.setObjectName("kpiImportSummary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("kpiImportProblems")
        self.problems.setMaximumHeight(120)
        self.skip_bad = QCheckBox()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("kpiImportApply")
        self.import_button.setEnabled(False)
        run = QHBoxLayout()
        run.addWidget(self.check_button)
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_button)
        mid = QHBoxLayout()
        mid.addWidget(self.map_box)
        mid.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(mid, 1)
        layout.addLayout(run)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.buttons)
        self.choose.clicked.connect(self._choose)
        self.encoding.currentIndexChanged.connect(lambda _i: self.table and self.load(self.table.path))
        self.check_button.clicked.connect(self.check)
        self.cancel_button.clicked.connect(self.cancel)
        self.skip_bad.toggled.connect(lambda _on: self._update_buttons())
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.apply)
        self.resize(980, 640)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import KPI values"))
        self.choose.setText(self.tr("Choose file…"))
        self.map_box.setTitle(self.tr("Columns"))
        self.date_label.setText(self.tr("Date"))
        self.check_button.setText(self.tr("Check"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.skip_bad.setText(self.tr("Skip the bad rows and import the rest"))
        self.import_button.setText(self.tr("Import"))
        if self.table is None:
            self.path.setText(self.tr("Choose a CSV or Excel export from the shop backend."))


    # ---- file and mapping
    def _choose(self) -> None:
        path, _ = file_dialog.get_open_file_name(self, self.tr("Import KPI values"), "",
                                              self.tr("Exports (*.csv *.txt *.xlsx)"))
        if path:
            self.load(path)

    def load(self, path: str) -> bool:
        """Read the file, guess the mapping, show the preview; False (with the reason shown) if unreadable."""
        self.prepared = None
        self._update_buttons()
        try:
            self.table = ki.read_table(path, self.encoding.currentData() or None)
        except (OpsDeskError, OSError) as exc:
            self.table = None
            self._say(error_text(exc) if isinstance(exc, OpsDeskError) else str(exc), [])
            return False
        table = self.table
        self.path.setText(f"{Path(path).name} · {table.encoding.upper()} · "
                          + self.tr("%n row(s)", "", len(table.rows)))
        guess = ki.guess_mapping(table.headers, self.kpis)
        choices = ["", *table.headers]
        for combo, chosen in [(self.date_combo, guess.date),
                              *[(self.combos[k], guess.columns.get(k, "")) for k in self.combos]]:
            combo.clear()
            combo.addItems(choices)
            combo.setItemText(0, "—")
            combo.setCurrentIndex(choices.index(chosen) if chosen in choices else 0)
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setHorizontalHeaderLabels(table.headers)
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row[:len(table.headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(str(value)))
        self.preview.resizeColumnsToContents()
        self._say(self.tr("Check the columns, then press Check: nothing is written yet."), [])
        return True

    def mapping(self) -> ki.Mapping:
        cols = {k: c.currentText() for k, c in self.combos.items() if c.currentIndex() > 0}
        return ki.Mapping(self.date_combo.currentText() if self.date_combo.currentIndex() > 0 else "", cols)

    # ---- checking off the GUI thread
    def check(self) -> None:
        if self.table is None:
            return
        table, mapping, ctx, plan_id = self.table, self.mapping(), self.ctx, self.ctx.plan_id
        assert plan_id is not None  # (KPI values go to a plan)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.check_button.setEnabled(False)
        self.job = run_in_background(
            self, lambda progress: ki.prepare(ctx.services, ctx.actor, plan_id, table,
                                              mapping, progress),
            self._checked, self._failed, on_progress=self._progress,
            cancel_error=ki.ImportCancelled)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finished(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.check_button.setEnabled(True)
        self.job = None

    def _failed(self, exc: OpsDeskError) -> None:
        self._finished()
        self.prepared = None
        self._say(error_text(exc), [])
        self._update_buttons()

    def _checked(self, prep: ki.Prepared) -> None:
        self._finished()
        self.prepared = prep
        names = {k.id: k.name(self.ctx.lang) for k in self.kpis}
        per_kpi = ", ".join(f"{names.get(k, k)} {n}" for k, n in prep.by_kpi.items())
        text = self.tr("{rows} rows: {new} new values, {changed} changed, {same} unchanged.").format(
            rows=prep.rows, new=prep.new, changed=prep.changed, same=prep.unchanged)
        if per_kpi:
            text += " " + self.tr("Will change: {list}.").format(list=per_kpi)
        elif not prep.problems:
            text += " " + self.tr("Nothing to change.")
        if prep.problems:
            text += " " + self.tr("%n problem(s) found.", "", len(prep.problems))
        self._say(text, [error_text(p.error()) for p in prep.problems[:500]])
        self._update_buttons()
        self.sig_checked.emit(prep)

    def _say(self, text: str, problems: list[str]) -> None:
        self.summary.setText(text)
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))

    def _update_buttons(self) -> None:
        prep = self.prepared
        self.import_button.setEnabled(prep is not None and bool(prep.entries)
                                      and (prep.ok or self.skip_bad.isChecked()))

    # ---- writing
    def apply(self) -> None:
        """Write on a second thread (one transaction, not cancellable once started), then
        record the import on the undo stack as already done."""
        prep, ctx = self.prepared, self.ctx
        if prep is None or self.job is not None:
            return
        skip = self.skip_bad.isChecked()
        services, actor = ctx.services, ctx.actor
        self.progress.setMaximum(0)  # busy
        self.progress.setVisible(True)
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.job = run_in_background(
            self, lambda _progress: ki.apply(services, actor, prep, skip_bad=skip),
            lambda changes: self._applied(prep, skip, changes), self._failed, cancellable=False)

    def _applied(self, prep: ki.Prepared, skip: bool, changes) -> None:
        self._finished()
        text = self.tr("Import {file}").format(file=prep.table.name)
        if self.main_window is not None:
            # one action: its undo (the services') puts back the values the import
            # replaced, refused when someone changed one of them since
            self.main_window.undo.record(text, changes)
        self.accept()
