"""Inline editors for the Tasks view: date pickers, role/person/status/priority combo boxes.

Implements QStyledItemDelegate (https://doc.qt.io/qt-6/qstyleditemdelegate.html).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QStaticText,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from opsdesk.ui.labels import priority_name, status_name
from opsdesk.ui.tasks.state import COLUMNS

STATUSES = ("todo", "doing", "blocked", "done", "cancelled")
PRIORITIES = ("urgent", "high", "normal", "low")
_PANEL = QStyle.PrimitiveElement.PE_PanelItemViewItem
_CHECK = QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck
_MARGIN = QStyle.PixelMetric.PM_FocusFrameHMargin
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value  # (plain ints: enum flags are slow here)
_SELECTED = QStyle.StateFlag.State_Selected.value
NO_DATE = QDate(1999, 12, 31)
"""The minimum of a date editor, shown as "—": no date."""


def swatch(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(color))
    return QIcon(pix)


class DateEdit(QDateEdit):
    """A date field that may be empty (its special value "—"). Tab leaves it even when
    empty: QDateTimeEdit steps Tab through its sections, and an empty field has none, so
    it would keep the focus for ever."""

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 - Qt override
        if self.specialValueText() and self.date() == self.minimumDate():
            return QWidget.focusNextPrevChild(self, next_)
        return super().focusNextPrevChild(next_)


def date_edit(parent: QWidget | None, lang: str, allow_empty: bool = True) -> QDateEdit:
    edit = DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if allow_empty:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
    return edit


def set_date(edit: QDateEdit, day: dt.date | QDate | None) -> None:
    if isinstance(day, dt.date):
        day = QDate(day.year, day.month, day.day)
    edit.setDate(day if day is not None and day.isValid() else NO_DATE)


def get_date(edit: QDateEdit) -> dt.date | None:
    day = edit.date()
    return None if day == NO_DATE or not day.isValid() else cast(dt.date, day.toPython())


def fill_choices(combo: QComboBox, items: Sequence[tuple[object, str, str | None]]) -> None:
    """``items``: (value, text, colour or None)."""
    combo.clear()
    for value, text, color in items:
        if color:
            combo.addItem(swatch(color), text, value)
        else:
            combo.addItem(text, value)


class TaskDelegate(QStyledItemDelegate):
    """Chooses the editor by column; ``roles()`` and ``people()`` give the current choices
    as (id, name, colour) so a deactivated person is never offered.

    Painting: laying out text is most of what a page of rows costs (Qt's item painting lays
    out each cell's text twice, every time), and most columns repeat a few hundred texts
    over a whole plan; so task cells are painted here from the model's ``cell_look``, with
    each text laid out once and kept (``QStaticText``) and Qt's item layout (check box,
    icon, text, margins) followed to the pixel; the style still draws the background,
    selection, check box and icon. Phase rows and the focused cell are painted by
    ``QStyledItemDelegate`` (``quick = False``: every cell)."""

    quick = True
    CENTERED = frozenset((COLUMNS.index("milestone"),))
    TEXTS_KEPT = 3000

    def __init__(self, lang: str, roles: Callable[[], list], people: Callable[[], list],
                 parent=None) -> None:
        super().__init__(parent)
        self.lang, self.roles, self.people = lang, roles, people
        self._texts: dict[tuple[str, bool], QStaticText] = {}
        self._margin: int | None = None  # the style's text margin (asked once)
        self._check = (0, 0)  # the size of the style's check box

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        state = option.state.value
        look = None
        if self.quick and not state & _HAS_FOCUS \
                and option.direction == Qt.LayoutDirection.LeftToRight:
            cell_look = getattr(index.model(), "cell_look", None)
            look = cell_look(index) if cell_look is not None else None
        if look is None:  # a phase row, the focused cell: the style's own way
            super().paint(painter, option, index)
            return
        text, background, foreground, bold, checked, icon = look
        selected = state & _SELECTED
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        if self._margin is None:
            self._margin = style.pixelMetric(_MARGIN, None, widget) + 1
            self._check = (style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, widget),
                           style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, widget))
        if selected:  # the selection (over any background), as the style draws it
            if background is not None:
                option = QStyleOptionViewItem(option)
                option.backgroundBrush = background
            style.drawPrimitive(_PANEL, option, painter, widget)
        elif background is not None:  # (what the style's item panel does with a plain brush)
            painter.fillRect(option.rect, background)
        rect, margin = option.rect, self._margin
        x, top, height = rect.x(), rect.y(), rect.height()
        right = x + rect.width()
        # the layout of QCommonStyle's item (viewItemLayout): check box, icon, then text
        if checked is not None:
            width, high = self._check
            box = QStyleOptionViewItem(option)
            box.rect = QRect(x + margin, top + (height - high) // 2, width, high)
            box.state = (option.state & ~QStyle.StateFlag.State_HasFocus) | (
                QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off)
            if foreground is not None:  # (the tick in the text's colour, as initStyleOption)
                box.palette.setBrush(QPalette.ColorRole.Text, foreground)
            style.drawPrimitive(_CHECK, box, painter, widget)
            x += width + 2 * margin
        if icon is not None:
            size = icon.actualSize(option.decorationSize)
            mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
            icon.paint(painter, QRect(x + margin, top + (height - size.height()) // 2,
                                      size.width(), size.height()),
                       Qt.AlignmentFlag.AlignCenter, mode, QIcon.State.Off)
            x += size.width() + 2 * margin
        if not text:
            return
        x, width = x + margin, right - x - 2 * margin
        if bold:
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
        static = self._static(text, bold)
        size = static.size()
        if size.width() > width:  # too narrow: elided as the style would
            static = self._static(QFontMetrics(painter.font()).elidedText(
                text, Qt.TextElideMode.ElideRight, width), bold)
            size = static.size()
        if selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText))
        elif foreground is not None:
            painter.setPen(foreground.color())
        else:
            painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        y = top + (height - int(size.height())) // 2
        if index.column() in self.CENTERED:  # (at a fraction of a pixel, as Qt centres text)
            painter.drawStaticText(QPointF(x + (width - size.width()) / 2, y), static)
        else:
            painter.drawStaticText(x, y, static)
        if bold:
            painter.setFont(option.font)

    def _static(self, text: str, bold: bool) -> QStaticText:
        """The text laid out (again only when the painter's font changed since)."""
        static = self._texts.get((text, bold))
        if static is None:
            if len(self._texts) >= self.TEXTS_KEPT:
                self._texts.clear()
            static = self._texts[(text, bold)] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.ModerateCaching)
        return static

    def createEditor(self, parent: QWidget, option, index: QModelIndex | QPersistentModelIndex) -> QWidget:  # noqa: N802
        name = COLUMNS[index.column()]
        if name in ("start", "due"):
            editor = date_edit(parent, self.lang)
            editor.setAccessibleName(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
            return editor
        if name == "title":
            return QLineEdit(parent)
        combo = QComboBox(parent)
        if name == "role":
            fill_choices(combo, [(None, "—", None)] + list(self.roles()))
        elif name == "assignee":
            fill_choices(combo, [(None, self.tr("unassigned"), None)] + list(self.people()))
        elif name == "status":
            fill_choices(combo, [(s, status_name(s), None) for s in STATUSES])
        elif name == "priority":
            fill_choices(combo, [(p, priority_name(p), None) for p in PRIORITIES])
        combo.setAccessibleName(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            set_date(editor, value)
        elif isinstance(editor, QComboBox):
            at = editor.findData(value)
            if at < 0 and value is not None:
                # a person no longer active (or a role gone) still holds the task: show them,
                # so that leaving the editor does not change the task to the first choice
                shown = index.data(Qt.ItemDataRole.DisplayRole) or str(value)
                editor.insertItem(0, self.tr("{name} (no longer active)").format(name=shown),
                                  value)
                at = 0
            editor.setCurrentIndex(max(at, 0))
            editor.setProperty("opsdesk_original", at)
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")

    def setModelData(self, editor: QWidget, model, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QDateEdit):
            day = get_date(editor)
            model.setData(index, QDate(day.year, day.month, day.day) if day else QDate())
        elif isinstance(editor, QComboBox):
            if editor.currentIndex() == editor.property("opsdesk_original"):
                return  # nothing chosen: nothing to write (and no undo step)
            model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
