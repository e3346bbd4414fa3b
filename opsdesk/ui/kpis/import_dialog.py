"""The import dialog: pick a shop export (CSV, .xlsx, .xls, .ods), pick its header row when
title lines hide it, map its columns (a mapping saved for the export's layout comes back),
preview, check off the GUI thread — "1,240 rows → 30 days", the per-day totals, the notes
(a 合计 row left out, a rate averaged) — then import."""

from __future__ import annotations

import contextlib
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
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.services import kpi_import as ki
from opsdesk.services import permissions
from opsdesk.ui import fmt
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
        self.header_label = QLabel()
        self.header_row = QSpinBox()  # the line holding the column names; 0: found
        self.header_row.setObjectName("kpiImportHeaderRow")
        self.header_row.setRange(0, 100)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(self.header_label)
        top.addWidget(self.header_row)
        self.encoding_label = QLabel()
        top.addWidget(self.encoding_label)
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
            formula = ctx.services.kpis.formula_text(k, ctx.lang)
            if formula:  # a derived KPI: worked out from its parts when not imported
                combo.setToolTip(formula)
            self.map_form.addRow(k.name(ctx.lang), combo)
        self.preview = QTableWidget()
        self.preview.setObjectName("kpiImportPreview")
        self.preview_title = QLabel()
        self.preview_title.setObjectName("kpiImportPreviewTitle")
        self.save_layout = QCheckBox()
        self.save_layout.setObjectName("kpiImportSaveLayout")
        self.notes = QLabel()
        self.notes.setObjectName("kpiImportNotes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
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
        left = QVBoxLayout()
        left.addWidget(self.map_box, 1)
        left.addWidget(self.save_layout)
        right = QVBoxLayout()
        right.addWidget(self.preview_title)
        right.addWidget(self.preview, 1)
        mid = QHBoxLayout()
        mid.addLayout(left)
        mid.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(mid, 1)
        layout.addLayout(run)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.problems)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.buttons)
        self.choose.clicked.connect(self._choose)
        self.encoding.currentIndexChanged.connect(lambda _i: self.table and self.load(self.table.path))
        self.header_row.valueChanged.connect(self._header_row_changed)
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
        self.header_label.setText(self.tr("Header row"))
        self.encoding_label.setText(self.tr("Encoding"))
        self.header_row.setSpecialValueText(self.tr("Auto"))
        self.header_row.setToolTip(self.tr("The line that holds the column names; Auto finds it "
                                           "below the export's title lines."))
        self.save_layout.setText(self.tr("Remember this mapping for exports with these columns"))
        if self.table is None:
            self.path.setText(self.tr("Choose a CSV or Excel export from the shop backend."))
            self.preview_title.setText("")
        elif self.prepared is None:
            self.preview_title.setText(self._file_title())


    # ---- file and mapping
    def _choose(self) -> None:
        path, _ = file_dialog.get_open_file_name(
            self, self.tr("Import KPI values"), "",
            self.tr("Exports (*.csv *.txt *.xlsx *.xls *.ods);;All files (*)"))
        if path:
            self.load(path)

    def load(self, path: str) -> bool:
        """Read the file, guess the mapping, show the preview; False (with the reason shown) if unreadable."""
        self.prepared = None
        self._update_buttons()
        try:
            self.table = ki.read_table(path, self.encoding.currentData() or None,
                                       self.header_row.value() or None, self.kpis)
        except (OpsDeskError, OSError) as exc:
            self.table = None
            self._say(error_text(exc) if isinstance(exc, OpsDeskError) else str(exc), [])
            return False
        table = self.table
        self.path.setText(f"{Path(path).name} · {table.encoding.upper()} · "
                          + self.tr("%n row(s)", "", len(table.rows)) + " · "
                          + self.tr("header on line {line}").format(line=table.header_line))
        saved = ki.saved_mapping(table.headers)
        guess = saved or ki.guess_mapping(table.headers, self.kpis)
        self.save_layout.setChecked(saved is not None)
        choices = ["", *table.headers]
        for combo, chosen in [(self.date_combo, guess.date),
                              *[(self.combos[k], guess.columns.get(k, "")) for k in self.combos]]:
            combo.clear()
            combo.addItems(choices)
            combo.setItemText(0, "—")
            combo.setCurrentIndex(choices.index(chosen) if chosen in choices else 0)
        self._show_file_rows()
        if not table.header_found and not guess.date:
            lines = ", ".join(map(str, table.looked_at))
            self._say(self.tr("No row naming a date column (统计日期, 日期, date) in lines {lines}: "
                              "set the header row to the line holding the column names.")
                      .format(lines=lines), [])
        else:
            self._say(self.tr("Check the columns, then press Check: nothing is written yet."), [])
        return True

    def _header_row_changed(self, _value: int) -> None:
        if self.table is not None:
            self.load(self.table.path)

    def _file_title(self) -> str:
        return self.tr("The file's first rows")

    def _show_file_rows(self) -> None:
        """The file's title lines above its header (greyed) and its first rows, each with its
        line number; the column names are the table's header."""
        table = self.table
        if table is None:
            return
        self.preview_title.setText(self._file_title())
        self.preview.clear()
        top = [(line, cells) for line, cells in table.top if line < table.header_line]
        rows = [(line, list(cells)) for line, cells in top]
        rows += [(table.line(i), r) for i, r in enumerate(table.rows[:PREVIEW_ROWS])]
        width = max((len(r) for _l, r in rows), default=0)
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels(
            [table.headers[c] if c < len(table.headers) else "" for c in range(width)])
        self.preview.clearSpans()
        self.preview.verticalHeader().setVisible(True)
        self.preview.setRowCount(len(rows))
        self.preview.setVerticalHeaderLabels([str(line) for line, _r in rows])
        for r, (line, row) in enumerate(rows):
            if line < table.header_line:  # a title line, across the table, greyed: not data
                item = QTableWidgetItem("  ".join(str(v) for v in row if str(v).strip()))
                item.setForeground(self.palette().placeholderText())
                self.preview.setItem(r, 0, item)
                if width > 1:
                    self.preview.setSpan(r, 0, 1, width)
                continue
            for c, value in enumerate(row[:width]):
                self.preview.setItem(r, c, QTableWidgetItem(str(value)))
        self.preview.resizeColumnsToContents()

    def _show_per_day(self, prep: ki.Prepared) -> None:
        """What will be stored: one row per day, a column per KPI, values combined."""
        lang = self.ctx.lang
        used = [k for k in self.kpis if any(k.id in v for _d, v in prep.per_day)]
        self.preview_title.setText(self.tr("Per day, as it will be stored ({days} days)").format(
            days=f"{prep.days:,}"))
        self.preview.clear()
        self.preview.clearSpans()
        self.preview.setColumnCount(1 + len(used))
        self.preview.setHorizontalHeaderLabels([self.tr("Day"), *[k.name(lang) for k in used]])
        self.preview.setRowCount(len(prep.per_day))
        self.preview.verticalHeader().setVisible(False)
        for r, (day, values) in enumerate(prep.per_day):
            self.preview.setItem(r, 0, QTableWidgetItem(fmt.short_date(day, lang)))
            for c, k in enumerate(used, 1):
                value = values.get(k.id)
                text = "" if value is None else fmt.kpi_value(value, k.unit, k.decimals, lang)
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()

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
        text = self.tr("{rows} rows → {days} days: {new} new values, {changed} changed, "
                       "{same} unchanged.").format(
            rows=f"{prep.rows:,}", days=f"{prep.days:,}", new=f"{prep.new:,}",
            changed=f"{prep.changed:,}", same=f"{prep.unchanged:,}")
        if per_kpi:
            text += " " + self.tr("Will change: {list}.").format(list=per_kpi)
        elif not prep.problems:
            text += " " + self.tr("Nothing to change.")
        if prep.problems:
            text += " " + self.tr("%n problem(s) found.", "", len(prep.problems))
        self._say(text, [error_text(p.error()) for p in prep.problems[:500]])
        notes = [error_text(n.error()) for n in prep.notes[:50]]
        self.notes.setText("\n".join(f"⚠ {n}" for n in notes))
        self.notes.setVisible(bool(notes))
        self._show_per_day(prep)
        self._update_buttons()
        self.sig_checked.emit(prep)

    def _say(self, text: str, problems: list[str]) -> None:
        self.summary.setText(text)
        if not problems and self.prepared is None:
            self.notes.setVisible(False)
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
        if self.save_layout.isChecked() and self.table is not None:
            # remembering the mapping is a convenience: the import goes on without it
            with contextlib.suppress(OSError):
                ki.save_mapping(self.table.headers, self.mapping(), self.table.name)
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
            # a word that it worked (the dialog closes): how many values, from which file
            new, changed = prep.new, prep.changed
            if changed:
                done = ImportDialog.tr("Imported from {file}: %n new value(s), {changed} changed.",
                                       "", new)
            else:
                done = ImportDialog.tr("Imported from {file}: %n new value(s).", "", new)
            self.last_message = done.format(file=prep.table.name, changed=changed)
            self.main_window.statusBar().showMessage(self.last_message, 15_000)
        self.accept()
