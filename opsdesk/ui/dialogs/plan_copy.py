"""Next season from this one: "Copy plan…" (a new plan for a new launch day, one undo
step) and "Save as template…" (a bilingual TOML that New plan and ``init`` offer)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from opsdesk.errors import OpsDeskError
from opsdesk.templates.loader import user_template_dir
from opsdesk.ui.i18n_contexts import CopyPlan
from opsdesk.ui.labels import error_text
from opsdesk.ui.widgets.messages import error_label

MAX_WARNINGS = 12


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CopyPlanDialog(QDialog):
    """The new plan's launch day and name."""

    def __init__(self, parent: QWidget | None, name: str, launch: dt.date) -> None:
        super().__init__(parent)
        self.setObjectName("copyPlanDialog")
        self.setWindowTitle(self.tr("Copy plan"))
        self.launch = QDateEdit()
        self.launch.setObjectName("copyLaunch")
        self.launch.setCalendarPopup(True)
        self.launch.setDisplayFormat("yyyy-MM-dd")
        try:
            self.launch.setDate(_qdate(launch.replace(year=launch.year + 1)))
        except ValueError:  # 29 February
            self.launch.setDate(_qdate(launch + dt.timedelta(days=365)))
        self.name = QLineEdit()
        self.name.setObjectName("copyName")
        self.name.setPlaceholderText(self.tr("“{name}” with the new year").format(name=name))
        about = QLabel(self.tr(
            "Launch-relative work moves with the new launch day; festivals on a calendar or "
            "lunar date (双11, 中秋 …) land on the new year's dates. Statuses, comments and "
            "KPI actuals start empty; roles and people stay."))
        about.setWordWrap(True)
        self.error = error_label("copyError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(about)
        form.addRow(self.tr("New launch day"), self.launch)
        form.addRow(self.tr("New plan's name"), self.name)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def values(self) -> tuple[dt.date, str | None]:
        q = self.launch.date()
        return dt.date(q.year(), q.month(), q.day()), self.name.text().strip() or None


def copy_plan(window) -> int | None:
    """File ▸ Copy plan…: the new plan's id (None when cancelled or refused)."""
    ctx = window.ctx
    if ctx is None or ctx.plan_id is None:
        return None
    plan = ctx.services.plans.get(ctx.plan_id)
    dialog = CopyPlanDialog(window, plan.name, plan.launch_date)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    launch, name = dialog.values()
    result: list = []

    def do():
        result.append(ctx.services.plan_copy.copy(ctx.actor, plan.id, launch, name))
        return result[0].changes

    text = QCoreApplication.translate("CopyPlan", "Copy plan “{name}” to launch on {date}").format(
        name=plan.name, date=launch.isoformat())
    if window.run(text, do) is None or not result:
        return None
    new_id = result[0].changes.plan_id
    new = ctx.services.plans.get(new_id)
    box = QMessageBox(QMessageBox.Icon.Information if not result[0].warnings
                      else QMessageBox.Icon.Warning, QCoreApplication.translate("CopyPlan", "Copy plan"), "", parent=window)
    box.setObjectName("copyPlanDone")
    lines = [error_text(w) for w in result[0].warnings]
    more = len(lines) - MAX_WARNINGS
    message = QCoreApplication.translate("CopyPlan", "“{name}” is made; it launches on {date}.").format(
        name=new.name, date=new.launch_date.isoformat())
    if lines:
        message += "\n\n" + QCoreApplication.translate("CopyPlan", "Already late:") + "\n• " + "\n• ".join(lines[:MAX_WARNINGS])
        if more > 0:
            rest = CopyPlan.tr("… and %n more.", "", more)
            message += "\n" + rest
    box.setText(message)
    switch = box.addButton(QCoreApplication.translate("CopyPlan", "Open it"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("CopyPlan", "Stay here"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is switch:
        at = window.plan_picker.findData(new_id)
        if at >= 0:
            window.plan_picker.setCurrentIndex(at)
    return new_id


def _slug(name: str, plan_id: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug if slug else f"plan-{plan_id}"


class SaveTemplateDialog(QDialog):
    """Key and bilingual name of the template; it goes to the templates folder."""

    def __init__(self, window, plan) -> None:
        super().__init__(window)
        self.setObjectName("saveTemplateDialog")
        self.setWindowTitle(self.tr("Save as template"))
        self.window_, self.plan = window, plan
        self.saved: Path | None = None
        self.key = QLineEdit(_slug(plan.name, plan.id))
        self.key.setObjectName("templateKey")
        self.key.setToolTip(self.tr("Letters, digits and “-”; also the file's name."))
        self.name_zh = QLineEdit(plan.name)
        self.name_zh.setObjectName("templateNameZh")
        self.name_en = QLineEdit(plan.name)
        self.name_en.setObjectName("templateNameEn")
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color:#5f6368")
        self.key.textChanged.connect(self._show_where)
        self.error = error_label("templateError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Name (Chinese)"), self.name_zh)
        form.addRow(self.tr("Name (English)"), self.name_en)
        form.addRow(self.where)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        self._show_where()

    def path(self) -> Path:
        return user_template_dir() / f"{self.key.text().strip().lower()}.toml"

    def _show_where(self) -> None:
        self.where.setText(self.tr("Saved to {path}; New plan and “opsdesk init --template "
                                   "{key}” offer it.").format(path=self.path(),
                                                                key=self.key.text().strip()))

    def accept(self) -> None:
        ctx = self.window_.ctx
        path = self.path()
        if path.exists() and QMessageBox.question(
                self, self.windowTitle(),
                self.tr("A template “{key}” exists already. Replace it?").format(
                    key=self.key.text().strip())) != QMessageBox.StandardButton.Yes:
            return
        try:
            self.saved = ctx.services.plan_copy.save_template(
                ctx.actor, self.plan.id, path, self.key.text(), self.name_zh.text(),
                self.name_en.text())
        except OpsDeskError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


def save_as_template(window) -> Path | None:
    """File ▸ Save as template…: the file written (None when cancelled)."""
    ctx = window.ctx
    if ctx is None or ctx.plan_id is None:
        return None
    dialog = SaveTemplateDialog(window, ctx.services.plans.get(ctx.plan_id))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    window.statusBar().showMessage(QCoreApplication.translate("SaveTemplateDialog", "Template saved to {path}").format(
        path=dialog.saved), 8000)
    return dialog.saved
