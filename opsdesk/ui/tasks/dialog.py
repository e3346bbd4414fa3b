"""The task dialog: everything about one task (notes, parent, subtasks, links, milestone),
with each validation error shown under its field and a warning for dates outside the plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import ValidationError
from opsdesk.services.task_rows import TaskTable
from opsdesk.ui import labels
from opsdesk.ui.labels import error_text, priority_name, status_name
from opsdesk.ui.tasks.anchor_row import AnchorRow
from opsdesk.ui.tasks.delegates import (
    PRIORITIES,
    STATUSES,
    date_edit,
    fill_choices,
    get_date,
    set_date,
)
from opsdesk.ui.widgets.retranslate import Retranslating

LINK_KINDS = ("FS", "SS", "FF")
MAX_CHOICES = 3000


class TaskDialog(Retranslating, QDialog):
    """Edit or create a task. ``submit(dialog)`` carries out the writes and raises a
    ``ValidationError`` to keep the dialog open with the message at its field (or returns
    False to keep it open as it is)."""

    def __init__(self, parent: QWidget | None, *, lang: str, phases: list, roles: list,
                 people: list, tasks: TaskTable, detail=None, defaults: dict | None = None,
                 submit: Callable[[TaskDialog], bool | None] | None = None,
                 anchor=None, preview: Callable[..., object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskDialog")
        self.setMinimumWidth(560)
        self.lang, self.phases_info, self.tasks, self.detail = lang, phases, tasks, detail
        self.submit = submit
        zh = lang.startswith("zh")
        t = detail.task if detail else None
        values = dict(defaults or {})
        if t:
            values = {k: getattr(t, k) for k in ("title", "notes", "phase_id", "parent_id",
                                                   "role_id", "assignee_id", "start", "due",
                                                   "status", "priority", "is_milestone")}
        self.original = values
        # ---- fields
        self.title = QLineEdit(values.get("title", ""))
        self.notes = QPlainTextEdit(values.get("notes", "") or "")
        self.notes.setMaximumHeight(90)
        self.phase = QComboBox()
        fill_choices(self.phase, [(None, "—", None)] + [
            (p.id, p.name_zh if zh else p.name_en, p.color) for p in phases])
        self._select(self.phase, values.get("phase_id"))
        self.parent_task = QComboBox()
        self.milestone = QCheckBox()
        self.milestone.setChecked(bool(values.get("is_milestone")))
        self.start, self.due = date_edit(self, lang), date_edit(self, lang)
        set_date(self.start, values.get("start"))
        set_date(self.due, values.get("due"))
        self.role = QComboBox()
        fill_choices(self.role, [(None, "—", None)] + roles)
        self._select(self.role, values.get("role_id"))
        self.assignee = QComboBox()
        fill_choices(self.assignee, [(None, "—", None)] + people)
        if values.get("assignee_id") is not None and self.assignee.findData(values["assignee_id"]) < 0:
            self.assignee.addItem(self.tr("(deactivated person)"), values["assignee_id"])
        self._select(self.assignee, values.get("assignee_id"))
        self.status = QComboBox()
        fill_choices(self.status, [(s, status_name(s), None) for s in STATUSES])
        self._select(self.status, values.get("status", "todo"))
        self.priority = QComboBox()
        fill_choices(self.priority, [(p, priority_name(p), None) for p in PRIORITIES])
        self._select(self.priority, values.get("priority", "normal"))
        self.subtasks = QListWidget()
        self.subtasks.setMaximumHeight(90)
        self.new_subtask = QLineEdit()
        self.add_subtask = QPushButton()
        self.add_subtask.clicked.connect(self._add_subtask)
        self.new_subtask.returnPressed.connect(self._add_subtask)
        self.links = QListWidget()
        self.links.setMaximumHeight(90)
        self.link_task = QComboBox()
        self.link_task.setEditable(True)
        self.link_task.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.link_kind = QComboBox()
        for k in LINK_KINDS:
            self.link_kind.addItem(labels.link_kind_name(k), k)
        self.link_lag = QSpinBox()
        self.link_lag.setRange(-365, 365)
        self.add_link = QPushButton()
        self.add_link.clicked.connect(self._add_link)
        self.remove_link = QPushButton()
        self.remove_link.clicked.connect(self._remove_link)
        self.anchor_info, self.preview = anchor, preview
        self.anchor = AnchorRow(self, lang, tasks, self._own_id_of(detail), anchor,
                                values.get("due"))
        self.anchor.changed.connect(self._check_anchor)
        self.warning = QLabel()
        self.warning.setObjectName("dateWarning")
        self.warning.setStyleSheet("color:#b26a00")
        self.warning.setWordWrap(True)
        self.errors: dict[str, QLabel] = {}
        self.new_subtasks: list[str] = []
        self.added_links: list[tuple[int, str, int]] = []
        self.removed_links: list[tuple[int, str, int]] = []
        if detail:
            for s in detail.subtasks:
                self.subtasks.addItem(("✓ " if s.status == "done" else "") + s.title)
            for p in detail.predecessors:
                self._link_item(p.id, p.title, p.kind, p.lag_days, existing=True)
        # ---- layout
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        sub_row, link_row, date_row = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        sub_row.addWidget(self.new_subtask, 1)
        sub_row.addWidget(self.add_subtask)
        link_row.addWidget(self.link_task, 1)
        link_row.addWidget(self.link_kind)
        link_row.addWidget(self.link_lag)
        link_row.addWidget(self.add_link)
        link_row.addWidget(self.remove_link)
        date_row.addWidget(self.start)
        self.dash = QLabel("–")
        date_row.addWidget(self.dash)
        date_row.addWidget(self.due)
        date_row.addStretch(1)
        rows_spec: list[tuple[str, QWidget | QLayout]] = [("title", self.title), ("notes", self.notes), ("phase_id", self.phase),
                     ("parent_id", self.parent_task), ("is_milestone", self.milestone),
                     ("due", date_row), ("anchor", self.anchor),
                     ("role_id", self.role), ("assignee_id", self.assignee),
                     ("status", self.status), ("priority", self.priority),
                     ("subtasks", self.subtasks), ("new_subtask", sub_row),
                     ("link", self.links), ("new_link", link_row)]
        for key, widget in rows_spec:
            label = self.labels[key] = QLabel()
            box = QVBoxLayout()
            box.setSpacing(2)
            if isinstance(widget, QWidget):
                box.addWidget(widget)
            else:
                box.addLayout(widget)
            error = self.errors[key] = QLabel()
            error.setObjectName(f"error_{key}")
            error.setStyleSheet("color:#c62828")
            error.setWordWrap(True)
            error.hide()
            box.addWidget(error)
            form.addRow(label, box)
        self.errors["start"] = self.errors["due"]
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.phase.currentIndexChanged.connect(self._fill_parents)
        self.phase.currentIndexChanged.connect(self._check_dates)
        self.start.dateChanged.connect(self._check_dates)
        self.due.dateChanged.connect(self._check_dates)
        self._fill_parents()
        self._select(self.parent_task, values.get("parent_id"))
        self._fill_link_choices()
        self.retranslate_ui()
        self._check_dates()
        self._check_anchor()
        self.title.setFocus()  # (given when the dialog shows: typing goes to the title)

    # ---- text
    def retranslate_ui(self) -> None:
        editing = self.detail is not None
        self.setWindowTitle(self.tr("Edit task") if editing else self.tr("New task"))
        names = {"title": self.tr("Title"), "notes": self.tr("Notes"), "phase_id": self.tr("Phase"),
                 "parent_id": self.tr("Part of"), "is_milestone": self.tr("Milestone"),
                 "due": self.tr("Start – due"), "anchor": self.tr("Anchor"),
                 "role_id": self.tr("Role"),
                 "assignee_id": self.tr("Assignee"), "status": self.tr("Status"),
                 "priority": self.tr("Priority"), "subtasks": self.tr("Subtasks"),
                 "new_subtask": "", "link": self.tr("Waits for"), "new_link": ""}
        for key, label in self.labels.items():
            label.setText(names[key])
            widget = label.buddy()
            if widget is not None:
                widget.setAccessibleName(names[key])
        for widget, key in ((self.title, "title"), (self.notes, "notes"), (self.phase, "phase_id"),
                            (self.parent_task, "parent_id"), (self.role, "role_id"),
                            (self.assignee, "assignee_id"), (self.status, "status"),
                            (self.priority, "priority"), (self.subtasks, "subtasks"),
                            (self.links, "link")):
            widget.setAccessibleName(names[key])
        self.start.setAccessibleName(self.tr("Start date"))
        self.due.setAccessibleName(self.tr("Due date"))
        self.milestone.setText(self.tr("This task is a milestone"))
        self.new_subtask.setPlaceholderText(self.tr("New subtask title"))
        self.add_subtask.setText(self.tr("Add"))
        self.add_link.setText(self.tr("Add link"))
        self.remove_link.setText(self.tr("Remove"))
        link_edit = self.link_task.lineEdit()
        assert link_edit is not None  # (an editable combo box)
        link_edit.setPlaceholderText(self.tr("Task this one waits for"))
        self.link_task.setToolTip(self.tr("FS: starts after it finishes; SS: starts with it; "
                                          "FF: finishes with it. Lag in days."))
        self.link_lag.setSuffix(self.tr(" d"))
        self.link_lag.setAccessibleName(self.tr("Lag in days"))
        self.link_kind.setAccessibleName(self.tr("Link kind"))
        for i, k in enumerate(LINK_KINDS):
            self.link_kind.setItemText(i, labels.link_kind_name(k))
            self.link_kind.setItemData(i, labels.link_kind_help(k), Qt.ItemDataRole.ToolTipRole)


    # ---- choices
    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        at = combo.findData(value)
        combo.setCurrentIndex(at if at >= 0 else 0)

    def _own_id(self) -> int | None:
        return self.detail.task.id if self.detail else None

    @staticmethod
    def _own_id_of(detail) -> int | None:
        return detail.task.id if detail else None

    # ---- the anchor: what the due date hangs on
    def anchor_changes(self) -> dict | None:
        """The anchor to set (``AnchorService.set`` keywords), or None when unchanged."""
        wanted = self.anchor.values()
        info = self.anchor_info
        if info is None:
            return None if wanted["kind"] == "launch" else wanted
        same = (wanted["kind"] == info.kind and wanted.get("month") == info.month
                and wanted.get("day") == info.day and wanted.get("days", 0) == info.days
                and wanted.get("anchor_task_id") == info.task_id
                and (info.base is None or wanted.get("year") is None
                     or self.anchor.base_year(info) == wanted.get("year")))
        return None if same else wanted

    def _check_anchor(self) -> None:
        """Show where the anchor puts the due date, and what to know (a lunar 30th that
        does not exist that year, a date before the plan starts)."""
        wanted = self.anchor.values()
        if self.preview is None or wanted["kind"] == "launch":
            self.anchor.note.setText(self.tr("Moves with launch day.")
                                     if wanted["kind"] == "launch" else "")
            self.errors["anchor"].hide()
            return
        try:
            res = self.preview(**wanted, title=self.title.text() or "…",
                               start=get_date(self.start), due=get_date(self.due))
        except ValidationError as exc:
            self.anchor.note.setText("")
            self.errors["anchor"].setText(error_text(exc))
            self.errors["anchor"].show()
            return
        self.errors["anchor"].hide()
        due = getattr(res, "due", None)
        follows = wanted["kind"] == "task"
        text = (self.tr("Due on {date}; it follows the task it hangs on.") if follows else
                self.tr("Due on {date}; stays there when launch day moves."))
        lines = [text.format(date=due.isoformat())] if due is not None else []
        lines += [error_text(w) for w in getattr(res, "warnings", ())]
        self.anchor.note.setText("\n".join(lines))

    def _fill_parents(self) -> None:
        current = self.parent_task.currentData()
        phase_id, own = self.phase.currentData(), self._own_id()
        items: list[tuple[object, str, str | None]] = [(None, "—", None)]
        t, phase = self.tasks, phase_id or 0  # (columns: 0 is none)
        parents, phases, ids, titles = t.parent_id, t.phase_id, t.id, t.title
        for p in range(len(t)):
            if not parents[p] and phases[p] == phase and ids[p] != own:
                items.append((ids[p], titles[p], None))
                if len(items) > MAX_CHOICES:
                    break
        fill_choices(self.parent_task, items)
        self._select(self.parent_task, current)

    def _fill_link_choices(self) -> None:
        own, t = self._own_id(), self.tasks
        ids, titles = t.id, t.title
        due = [d or "9999" for d in t.due]
        near = sorted((p for p in range(len(t)) if ids[p] != own),
                      key=due.__getitem__)[:MAX_CHOICES]
        self.link_task.clear()
        for p in near:
            self.link_task.addItem(titles[p], ids[p])
        self.link_task.setCurrentIndex(-1)

    def _link_item(self, pred_id: int, title: str, kind: str, lag: int, existing: bool) -> None:
        text = f"{title}  · {labels.link_kind_name(kind)}" + (f" {lag:+d}" if lag else "")
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, (pred_id, kind, lag, existing))
        self.links.addItem(item)

    def _add_subtask(self) -> None:
        title = self.new_subtask.text().strip()
        if title:
            self.new_subtasks.append(title)
            self.subtasks.addItem("+ " + title)
            self.new_subtask.clear()

    def _add_link(self) -> None:
        pred_id = self.link_task.currentData()
        if pred_id is None:
            return
        kind, lag = self.link_kind.currentData(), self.link_lag.value()
        self.added_links.append((pred_id, kind, lag))
        self._link_item(pred_id, self.link_task.currentText(), kind, lag, existing=False)
        self.link_task.setCurrentIndex(-1)

    def _remove_link(self) -> None:
        item = self.links.currentItem()
        if item is None:
            return
        pred_id, kind, lag, existing = item.data(Qt.ItemDataRole.UserRole)
        if existing:
            self.removed_links.append((pred_id, kind, lag))
        else:
            self.added_links.remove((pred_id, kind, lag))
        self.links.takeItem(self.links.row(item))

    # ---- values and checks
    def values(self) -> dict:
        return {"title": self.title.text(), "notes": self.notes.toPlainText(),
                "phase_id": self.phase.currentData(), "parent_id": self.parent_task.currentData(),
                "is_milestone": self.milestone.isChecked(), "start": get_date(self.start),
                "due": get_date(self.due), "role_id": self.role.currentData(),
                "assignee_id": self.assignee.currentData(), "status": self.status.currentData(),
                "priority": self.priority.currentData()}

    def changed_values(self) -> dict:
        """Only what differs from the task as it was shown (all values for a new task)."""
        values = self.values()
        if self.detail is None:
            return values
        return {k: v for k, v in values.items() if self.original.get(k) != v}

    def _check_dates(self) -> None:
        """Warn (but allow) when the dates fall outside the plan's phases or the chosen phase."""
        start, due = get_date(self.start), get_date(self.due)
        days = [d for d in (start, due) if d]
        note = ""
        if days and self.phases_info:
            low = dt.date.fromisoformat(min(p.start for p in self.phases_info))
            high = dt.date.fromisoformat(max(p.end for p in self.phases_info))
            if any(d < low or d > high for d in days):
                note = self.tr("The dates fall outside the plan ({low} – {high}); "
                               "you can still save.").format(low=low, high=high)
            else:
                phase = next((p for p in self.phases_info if p.id == self.phase.currentData()), None)
                if phase and any(d.isoformat() < phase.start or d.isoformat() > phase.end for d in days):
                    note = self.tr("The dates fall outside the phase ({low} – {high}); "
                                   "you can still save.").format(low=phase.start, high=phase.end)
        self.warning.setText(note)
        self.warning.setVisible(bool(note))

    def show_error(self, exc: ValidationError) -> None:
        for label in self.errors.values():
            label.hide()
        key = exc.field if exc.field in self.errors else "title"
        if exc.field not in self.errors:
            key = "new_link" if exc.field == "link" else key
        label = self.errors[key]
        label.setText(error_text(exc))
        label.show()
        widget = {"title": self.title, "due": self.due, "start": self.start,
                  "anchor": self.anchor.kind,
                  "assignee_id": self.assignee, "role_id": self.role, "phase_id": self.phase,
                  "parent_id": self.parent_task, "link": self.link_task}.get(exc.field or "")
        if widget is not None:
            widget.setFocus()

    def accept(self) -> None:
        if self.submit is not None:
            try:
                if self.submit(self) is False:  # (a conflict, cancelled: nothing saved yet)
                    return
            except ValidationError as exc:
                self.show_error(exc)
                return
        super().accept()
