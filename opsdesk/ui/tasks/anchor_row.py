"""The task dialog's Anchor row: what the due date hangs on — launch day, a calendar date
(双11 = 11-11), a Chinese lunar date (中秋 = 八月十五) or another task (N days before or
after it). The dialog asks the services where that puts the due (``AnchorService.preview``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from opsdesk.model import anchors as A
from opsdesk.services.task_rows import TaskTable
from opsdesk.ui.tasks.delegates import date_edit, get_date, set_date
from opsdesk.ui.widgets.retranslate import Retranslating

KINDS = (A.LAUNCH, A.DATE, A.LUNAR, A.TASK)
MAX_TASKS = 3000


class AnchorRow(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None, lang: str, tasks: TaskTable, own_id: int | None,
                 info=None, due: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anchorRow")
        self.zh = lang.startswith("zh")
        self.kind = QComboBox()
        self.kind.setObjectName("anchorKind")
        for k in KINDS:
            self.kind.addItem("", k)
        # calendar date: a whole date (its month-day is the anchor; its year the one shown)
        self.date = date_edit(self, lang, allow_empty=False)
        self.date.setObjectName("anchorDate")
        # lunar date: lunar year, month, day
        self.lunar_year = QSpinBox()
        self.lunar_year.setRange(1901, 2099)
        self.lunar_year.setObjectName("anchorLunarYear")
        self.lunar_month, self.lunar_day = QComboBox(), QComboBox()
        self.lunar_month.setObjectName("anchorLunarMonth")
        self.lunar_day.setObjectName("anchorLunarDay")
        for m in range(1, 13):
            self.lunar_month.addItem("", m)
        for d in range(1, 31):
            self.lunar_day.addItem("", d)
        # another task
        self.task = QComboBox()
        self.task.setObjectName("anchorTask")
        self.task.setEditable(True)
        self.task.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        ids, titles, dues = tasks.id, tasks.title, tasks.due
        near = sorted((p for p in range(len(tasks)) if dues[p] is not None and ids[p] != own_id),
                      key=lambda p: dues[p] or "")[:MAX_TASKS]
        for p in near:
            self.task.addItem(f"{titles[p]}  ({dues[p]})", ids[p])
        # days before (negative) or after
        self.days = QSpinBox()
        self.days.setObjectName("anchorDays")
        self.days.setRange(-3660, 3660)
        self.stack = QStackedWidget()
        pages = [QWidget(), _row(self.date), _row(self.lunar_year, self.lunar_month,
                                                  self.lunar_day), _row(self.task)]
        for page in pages:
            self.stack.addWidget(page)
        self.stack.setFixedHeight(max(w.sizeHint().height() for w in (
            self.kind, self.date, self.lunar_year, self.task)))
        self.note = QLabel()
        self.note.setObjectName("anchorNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#5f6368")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.kind)
        top.addWidget(self.stack, 1)
        top.addWidget(self.days)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(top)
        box.addWidget(self.note)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._fill(info, due)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.date.dateChanged, self.lunar_year.valueChanged,
                       self.lunar_month.currentIndexChanged, self.lunar_day.currentIndexChanged,
                       self.task.currentIndexChanged, self.days.valueChanged):
            signal.connect(self.changed)
        self.retranslate_ui()
        self._show_kind()

    def _fill(self, info, due: dt.date | None) -> None:
        kind = info.kind if info is not None else A.LAUNCH
        self.kind.setCurrentIndex(KINDS.index(kind))
        base = info.base if info is not None and info.base is not None else due
        base = base or dt.date.today()
        set_date(self.date, base)
        year = info.year if info is not None and info.year else A.year_of(A.LUNAR, base)
        self.lunar_year.setValue(year)
        if info is not None and kind == A.LUNAR:
            self.lunar_month.setCurrentIndex((info.month or 1) - 1)
            self.lunar_day.setCurrentIndex((info.day or 1) - 1)
        else:
            _, month, day, _ = A.lunar_of(base)
            self.lunar_month.setCurrentIndex(month - 1)
            self.lunar_day.setCurrentIndex(day - 1)
        if info is not None and kind == A.TASK:
            at = self.task.findData(info.task_id)
            self.task.setCurrentIndex(at)
        else:
            self.task.setCurrentIndex(-1)
        self.days.setValue(info.days if info is not None else 0)

    def _kind_changed(self) -> None:
        self._show_kind()
        self.changed.emit()

    def _show_kind(self) -> None:
        kind = self.kind.currentData()
        self.stack.setCurrentIndex(KINDS.index(kind))
        self.days.setVisible(kind != A.LAUNCH)

    def retranslate_ui(self) -> None:
        names = {A.LAUNCH: self.tr("Launch day"), A.DATE: self.tr("Calendar date"),
                 A.LUNAR: self.tr("Lunar date"), A.TASK: self.tr("Another task")}
        for i, k in enumerate(KINDS):
            self.kind.setItemText(i, names[k])
        self.kind.setToolTip(self.tr(
            "What the due date hangs on. Launch day: it moves when launch day moves. A "
            "calendar date (双11 = 11-11) or a lunar date (中秋 = 八月十五): it stays. "
            "Another task: it follows that task."))
        self.kind.setAccessibleName(self.tr("Anchor"))
        for i in range(12):
            self.lunar_month.setItemText(i, A.LUNAR_MONTHS_ZH[i] if self.zh
                                         else self.tr("Month {n}").format(n=i + 1))
        for i in range(30):
            self.lunar_day.setItemText(i, A.lunar_day_zh(i + 1) if self.zh else str(i + 1))
        self.lunar_year.setAccessibleName(self.tr("Lunar year"))
        self.lunar_month.setAccessibleName(self.tr("Lunar month"))
        self.lunar_day.setAccessibleName(self.tr("Lunar day"))
        self.date.setAccessibleName(self.tr("Calendar date"))
        self.task.setAccessibleName(self.tr("Task it hangs on"))
        self.days.setSuffix(self.tr(" d"))
        self.days.setAccessibleName(self.tr("Days after (negative: before)"))
        self.days.setToolTip(self.tr("Days after the anchor; negative: before it "
                                     "(e.g. −10: due 10 days before 双11)."))

    def values(self) -> dict:
        kind = self.kind.currentData()
        if kind == A.LAUNCH:
            return {"kind": kind}
        if kind == A.DATE:
            day = get_date(self.date) or dt.date.today()
            return {"kind": kind, "month": day.month, "day": day.day, "year": day.year,
                    "days": self.days.value()}
        if kind == A.LUNAR:
            return {"kind": kind, "month": self.lunar_month.currentData(),
                    "day": self.lunar_day.currentData(), "year": self.lunar_year.value(),
                    "days": self.days.value()}
        return {"kind": kind, "anchor_task_id": self.task.currentData(),
                "days": self.days.value()}

    @staticmethod
    def base_year(info) -> int | None:
        return info.year

    def set_date(self, day: dt.date) -> None:  # (tests)
        self.date.setDate(QDate(day.year, day.month, day.day))


def _row(*widgets: QWidget) -> QWidget:
    page = QWidget()
    row = QHBoxLayout(page)
    row.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        row.addWidget(w, 1 if isinstance(w, QComboBox) and w.isEditable() else 0)
    row.addStretch(1)
    return page
