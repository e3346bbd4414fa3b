"""Print my list: a person's (or, for a manager, anyone's or a role's) open work for today
or this week as an A4 checklist — a tick box, the task, its date — to print with a preview
or to save as PDF (``opsdesk print-list`` does the same headless).

The page is a QTextDocument, like the weekly report (``opsdesk.ui.report.weekly``), so
Chinese text is embedded with the CJK font the system has."""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.services.mywork import Checklist
from opsdesk.ui import fmt
from opsdesk.ui.i18n_contexts import PrintList

if TYPE_CHECKING:
    from opsdesk.services.mywork import MyTask

BOX = "□"  # (in every CJK font, printed and in the PDF's text)


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _when(t: MyTask, today: dt.date, lang: str) -> tuple[str, bool]:
    """The row's date and how late (True: late)."""
    if t.due is None:
        return "", False
    if t.missed and t.missed_from is not None:
        missed_days = t.missed
        missed = PrintList.tr("{dates} · missed %n day(s)", "", missed_days)
        return missed.format(dates=fmt.date_range(t.missed_from, t.due, lang)), True
    date = fmt.short_date(t.due, lang)
    days = (t.due - today).days
    if days < 0:
        late_days = -days
        late = PrintList.tr("{date} · %n day(s) late", "", late_days)
        return late.format(date=date), True
    if days == 0:
        return PrintList.tr("{date} · today").format(date=date), False
    return date, False


def build_document(checklist: Checklist, lang: str) -> QTextDocument:
    """The list as a document: a heading (whose, which day or week), then a table of tick
    boxes, tasks and dates, overdue work first; empty lines at the end to write on."""
    from opsdesk.ui.report.weekly import _report_font

    today = checklist.today
    if checklist.week:
        title = PrintList.tr("{who}: list for this week").format(who=checklist.who)
        period = fmt.date_range(today, checklist.until, lang)
    else:
        title = PrintList.tr("{who}: list for today").format(who=checklist.who)
        period = fmt.long_date(today, lang)
    count = len(checklist.rows)
    n_tasks = PrintList.tr("%n task(s)", "", count)
    # (outside the f-strings: lupdate does not look inside them)
    task_h, due_h, notes_h = PrintList.tr("Task"), PrintList.tr("Due"), PrintList.tr("Notes")
    nothing = PrintList.tr("Nothing is due.")
    parts = [f"<h1>{_e(title)}</h1>",
             f"<p class='sub'>{_e(period)} · {_e(n_tasks)}</p>",
             "<table width='100%' cellspacing='0' cellpadding='5'>",
             f"<tr><th width='6%'></th><th>{_e(task_h)}</th>"
             f"<th width='30%'>{_e(due_h)}</th><th width='18%'>{_e(notes_h)}</th></tr>"]
    for t in checklist.rows:
        when, late = _when(t, today, lang)
        mark = "◆ " if t.is_milestone else ""
        routine = " ↻" if t.series_id else ""
        parts.append(f"<tr><td class='box'>{BOX}</td><td>{_e(mark + t.title + routine)}</td>"
                     f"<td class='{'bad' if late else ''}'>{_e(when)}</td><td></td></tr>")
    for _ in range(3):  # room for what comes up during the day
        parts.append(f"<tr><td class='box'>{BOX}</td><td>&nbsp;</td><td></td><td></td></tr>")
    parts.append("</table>")
    if not checklist.rows:
        parts.append(f"<p>{_e(nothing)}</p>")
    printed = PrintList.tr("Printed by OpsDesk on {date}").format(date=fmt.long_date(today, lang))
    parts.append(f"<p class='sub'>{_e(printed)}</p>")
    style = ("<style>h1{font-size:18pt;} .sub{color:#5f6368;}"
             "th{background:#eef1f4;text-align:left;padding:4px;}"
             "td{padding:5px;border-bottom:1px solid #c9ced6;font-size:12pt;}"
             ".box{font-size:16pt;} .bad{color:#c62828;}</style>")
    doc = QTextDocument()
    doc.setDefaultFont(_report_font())
    doc.setHtml(style + "".join(parts))
    return doc


def write_pdf(checklist: Checklist, out: Path, lang: str) -> int:
    """The list to ``out`` (PDF, A4); the number of pages. ``out`` is replaced only when the
    whole file is written (``FileWriteError`` otherwise)."""
    from opsdesk.ui.report.weekly import write_document_pdf

    return write_document_pdf(build_document(checklist, lang), out)


def write_list_headless(services, plan_id: int, actor, today: dt.date, out: Path, lang: str,
                        week: bool = False, person_id: int | None = None,
                        role_id: int | None = None) -> tuple[Checklist, int]:
    """``opsdesk print-list``: Qt (offscreen) only now, as for the weekly report."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from opsdesk.services.mywork import checklist
    from opsdesk.ui.i18n import translators

    QApplication.instance() or QApplication([])
    translators().install(lang)
    data = checklist(services, plan_id, actor, today, week, person_id, role_id, lang)
    return data, write_pdf(data, out, lang)


class PrintListDialog(QDialog):
    """Whose list (yours; a manager: anyone's or a role's), today or this week; then
    "Preview and print…" (QPrintPreviewDialog) or "Save as PDF…"."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("printListDialog")
        self.setWindowTitle(self.tr("Print my list"))
        self.whose = QComboBox()
        self.whose.setObjectName("printWhose")
        self.whose.addItem(self.tr("My list ({name})").format(name=ctx.actor.name),
                           ("person", ctx.actor.user_id))
        if ctx.actor.is_manager:
            for u in ctx.services.people.users():
                if u.id != ctx.actor.user_id:
                    self.whose.addItem(u.name, ("person", u.id))
            for r in ctx.services.people.roles():
                self.whose.addItem(self.tr("Role: {role}").format(role=r.name(ctx.lang)),
                                   ("role", r.id))
        self.whose.setEnabled(self.whose.count() > 1)
        self.today = QRadioButton(self.tr("Today"))
        self.today.setObjectName("printToday")
        self.week = QRadioButton(self.tr("This week (to Sunday)"))
        self.week.setObjectName("printWeek")
        self.today.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Whose list"), self.whose)
        period = QHBoxLayout()
        period.addWidget(self.today)
        period.addWidget(self.week)
        period.addStretch(1)
        form.addRow(self.tr("For"), period)
        buttons = QDialogButtonBox()
        self.preview = buttons.addButton(self.tr("Preview and print…"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview.setObjectName("printPreview")
        self.save = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save.setObjectName("printSavePdf")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.preview.clicked.connect(self.print_preview)
        self.save.clicked.connect(self.save_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def checklist(self) -> Checklist | None:
        from opsdesk.services.mywork import checklist
        from opsdesk.ui.labels import error_text

        kind, ident = self.whose.currentData()
        try:
            return checklist(self.ctx.services, self.ctx.plan_id, self.ctx.actor, self.ctx.today(),
                             self.week.isChecked(), ident if kind == "person" else None,
                             ident if kind == "role" else None, self.ctx.lang)
        except OpsDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))
            return None

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        data = self.checklist()
        if data is None:
            return
        doc = build_document(data, self.ctx.lang)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        preview = QPrintPreviewDialog(printer, self)
        preview.setObjectName("printListPreview")
        preview.paintRequested.connect(doc.print_)
        preview.exec()
        self.accept()

    def save_pdf(self) -> None:
        from opsdesk.ui.labels import error_text
        from opsdesk.ui.widgets import file_dialog

        data = self.checklist()
        if data is None:
            return
        name = f"{data.who}-{data.today.isoformat()}{'-week' if data.week else ''}.pdf"
        path, _ = file_dialog.get_save_file_name(self, self.tr("Save the list as PDF"), name,
                                                 self.tr("PDF (*.pdf)"))
        if not path:
            return
        try:
            write_pdf(data, Path(path), self.ctx.lang)
        except OpsDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))
            return
        self.accept()


def print_my_list(window) -> None:
    """File ▸ Print my list… (Ctrl+P) and My work's Print button."""
    ctx = window.ctx
    if ctx is None or ctx.plan_id is None:
        return
    PrintListDialog(ctx, window).exec()
