"""The task side panel: details, tick-off, subtasks, links and the conversation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from opsdesk.errors import NotFound
from opsdesk.services.permissions import can_toggle
from opsdesk.ui import fmt
from opsdesk.ui.labels import priority_name, status_name
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services import Changes
    from opsdesk.ui.context import AppContext

STATUS_COLORS = {"todo": "#5f6368", "doing": "#1565c0", "done": "#2e7d32", "blocked": "#ef6c00",
                 "cancelled": "#9e9e9e", "skipped": "#9e9e9e"}


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>"))


class TaskPanel(Retranslating, QScrollArea):
    """Shows one task; the person ticks it off or comments here."""

    def __init__(self, ctx: AppContext, window) -> None:
        super().__init__()
        self.setObjectName("taskPanel")
        self.ctx, self.window_ = ctx, window
        self.task_id: int | None = None
        self.detail = None
        self.setWidgetResizable(True)
        self.setMinimumWidth(320)
        body = QWidget()
        self.title = QLabel()
        self.title.setObjectName("taskTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tick = QPushButton()
        self.tick.setObjectName("taskTick")
        self.tick.clicked.connect(self._toggle_done)
        self.form = QFormLayout()
        self.fields = {k: QLabel() for k in ("phase", "role", "assignee", "dates", "status",
                                              "priority", "done", "parent")}
        self.field_labels = {k: QLabel() for k in self.fields}
        for key, label in self.fields.items():
            label.setWordWrap(True)
            self.form.addRow(self.field_labels[key], label)
        self.notes_label, self.notes = QLabel(), QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.links_label = QLabel()
        self.links = QListWidget()
        self.links.setObjectName("taskLinks")
        self.links.setMaximumHeight(140)
        self.links.itemActivated.connect(self._open_linked)
        self.links.itemDoubleClicked.connect(self._open_linked)
        self.comments_label = QLabel()
        self.comments = QTextBrowser()
        self.comments.setObjectName("taskComments")
        self.comments.setMinimumHeight(160)
        self.new_comment = QPlainTextEdit()
        self.new_comment.setObjectName("newComment")
        self.new_comment.setMaximumHeight(70)
        self.send = QPushButton()
        self.send.setObjectName("sendComment")
        self.send.clicked.connect(self._send_comment)
        QShortcut(QKeySequence("Ctrl+Return"), self.new_comment, self._send_comment)
        for w in (self.notes_label, self.links_label, self.comments_label):
            w.setProperty("class", "heading")
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.tick)
        layout.addLayout(self.form)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(self.links_label)
        layout.addWidget(self.links)
        layout.addWidget(self.comments_label)
        layout.addWidget(self.comments, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_comment, 1)
        row.addWidget(self.send)
        layout.addLayout(row)
        self.setWidget(body)
        self.retranslate_ui()

    # ---- text
    def retranslate_ui(self) -> None:
        names = {"phase": self.tr("Phase"), "role": self.tr("Role"), "assignee": self.tr("Assignee"),
                 "dates": self.tr("Dates"), "status": self.tr("Status"),
                 "priority": self.tr("Priority"), "done": self.tr("Done"),
                 "parent": self.tr("Part of")}
        for key, label in self.field_labels.items():
            label.setText(names[key])
        self.notes_label.setText(self.tr("Notes"))
        self.links_label.setText(self.tr("Subtasks and links"))
        self.comments_label.setText(self.tr("Conversation"))
        self.new_comment.setPlaceholderText(self.tr("Write a comment… (Ctrl+Enter sends)"))
        self.new_comment.setAccessibleName(self.tr("New comment"))
        self.send.setText(self.tr("Send"))
        self.populate()


    # ---- data
    def show_task(self, task_id: int) -> None:
        self.task_id = task_id
        self.refresh()

    def refresh(self) -> None:
        if self.task_id is None:
            return
        try:
            self.detail = self.ctx.services.tasks.detail(self.task_id)
        except NotFound:
            self.detail = None
        self.populate()

    def on_changes(self, changes: Changes) -> None:
        relevant = changes.tasks or changes.comments or changes.people
        if self.task_id is not None and relevant and (
                not changes.ids or self.task_id in changes.ids or changes.people):
            self.refresh()

    def populate(self) -> None:
        d, lang = self.detail, self.ctx.lang
        if d is None:
            self.title.setText(self.tr("This task no longer exists.") if self.task_id else "")
            self.tick.hide()
            return
        t = d.task
        self.title.setText(("◆ " if t.is_milestone else "") + t.title)
        f = self.fields
        f["phase"].setText(d.phase_name(lang) or "—")
        role = d.role_name(lang)
        f["role"].setText(f'<span style="color:{d.role_color}">●</span> {_esc(role)}' if role else "—")
        f["assignee"].setText(d.assignee or self.tr("unassigned"))
        f["dates"].setText(f"{fmt.long_date(t.start, lang)} – {fmt.long_date(t.due, lang)}")
        overdue = t.is_overdue(self.ctx.today())
        status = status_name(t.status) + ("  · " + self.tr("overdue") if overdue else "")
        f["status"].setText(f'<b style="color:{"#c62828" if overdue else STATUS_COLORS.get(t.status)}">'
                            f"{_esc(status)}</b>")
        f["priority"].setText(priority_name(t.priority))
        if t.done_at:
            f["done"].setText(self.tr("{who}, {when}").format(
                who=d.done_by or "—", when=fmt.local_datetime(t.done_at, lang)))
        else:
            f["done"].setText("—")
        f["parent"].setText(d.parent_title or "—")
        self.notes.setText(t.notes or "—")
        self.links.clear()
        groups = ((self.tr("Subtask"), d.subtasks), (self.tr("After"), d.predecessors),
                  (self.tr("Before"), d.successors))
        for label, items in groups:
            for linked in items:
                mark = "✓ " if linked.status == "done" else ""
                item = QListWidgetItem(f"{label}: {mark}{linked.title}")
                item.setData(Qt.ItemDataRole.UserRole, linked.id)
                self.links.addItem(item)
        self.links.setVisible(self.links.count() > 0)
        self.links_label.setVisible(self.links.count() > 0)
        html = []
        for c in d.comments:
            when = fmt.local_datetime(c.at, lang)
            html.append(f'<p><b>{_esc(c.author)}</b> <span style="color:#5f6368">{when}</span>'
                        f"<br>{_esc(c.text)}</p>")
        if not html:
            none_yet = self.tr("No comments yet.")
            html.append(f'<p style="color:#5f6368">{_esc(none_yet)}</p>')
        self.comments.setHtml("".join(html))
        self.comments.verticalScrollBar().setValue(self.comments.verticalScrollBar().maximum())
        allowed = not self.ctx.store.readonly and can_toggle(self.ctx.actor, t)
        self.tick.setText(self.tr("Reopen") if t.status == "done" else self.tr("✓ Tick off"))
        self.tick.setVisible(allowed)
        self.new_comment.setEnabled(not self.ctx.store.readonly)
        self.send.setEnabled(not self.ctx.store.readonly)

    # ---- actions
    def _toggle_done(self) -> None:
        """Tick off or reopen the task as shown: the version shown is checked, and a
        conflict is handled as in the Tasks view (the same dialog and choices)."""
        from opsdesk.ui.tasks.editing import quoted, run_checked
        from opsdesk.ui.tasks.ops import TaskOps

        if self.detail is None:
            return
        t = self.detail.task
        done = t.status != "done"
        text = (self.tr("Tick off “{title}”") if done else self.tr("Reopen “{title}”")).format(
            title=t.title)
        ops = TaskOps(self.ctx.services, self.ctx.actor, t.plan_id)
        run_checked(self, self.window_, text,
                    lambda check: ops.tick(t.id, done, t.version if check else None),
                    ids=[t.id], plan_id=t.plan_id, what=quoted(t.title))

    def _send_comment(self) -> None:
        text = self.new_comment.toPlainText().strip()
        if not text or self.task_id is None:
            return
        task_id, actor = self.task_id, self.ctx.actor
        if self.window_.run(self.tr("Comment"), lambda: self.ctx.services.tasks.comment(actor, task_id, text)):
            self.new_comment.clear()

    def _open_linked(self, item: QListWidgetItem) -> None:
        self.show_task(item.data(Qt.ItemDataRole.UserRole))
