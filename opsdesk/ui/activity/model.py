"""The change log as a table model: when, who, what, before → after (texts cached per row)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from opsdesk.ui import fmt

if TYPE_CHECKING:
    from opsdesk.services.audit import ActivityRow
    from opsdesk.ui.activity.describe import Describer

Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1


class ActivityModel(QAbstractTableModel):
    """https://doc.qt.io/qt-6/qabstracttablemodel.html over ``query_activity`` rows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ActivityRow] = []
        self.describer: Describer | None = None
        self.lang = "zh_CN"
        self._texts: dict[int, tuple[str, str, str, str]] = {}
        self.headers = ["", "", "", ""]

    def set_rows(self, rows: list[ActivityRow], describer: Describer, lang: str) -> None:
        self.beginResetModel()
        self.rows, self.describer, self.lang = rows, describer, lang
        self._texts.clear()
        self.endResetModel()

    def texts(self, row: int) -> tuple[str, str, str, str]:
        if row not in self._texts:
            r = self.rows[row]
            c = r.change
            d = self.describer
            self._texts[row] = (
                fmt.local_datetime(c.at, self.lang),
                c.user_name or QCoreApplication.translate("ActivityModel", "OpsDesk (system)"),
                d.what(c.entity, c.action, r.title, c.before, c.after) if d else c.action,
                "" if d is None or (c.entity == "task" and c.action in ("done", "reopen"))
                else d.change(c.before, c.after),
            )
        return self._texts[row]

    # ---- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts(index.row())[index.column()]
        if role == RowRole:
            return self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            from PySide6.QtGui import QColor

            return QColor("#5f6368")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
