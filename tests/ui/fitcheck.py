"""What a person sees cut off: text wider than the widget that shows it (issue #16).

``clipped(root)`` walks the visible widgets under ``root`` and returns a line for each label,
button, combo box, tab or header section whose text does not fit. Word-wrapped labels,
elided-on-purpose labels (``elide`` property) and rich text are skipped: they are made to
fit by other means."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # px: rounding between the metrics and the layout


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _name(w: QWidget) -> str:
    return f"{type(w).__name__}({w.objectName() or '-'})"


def _label(w: QLabel) -> str | None:
    text = w.text()
    if (not text or w.wordWrap() or w.property("elide") or not w.pixmap().isNull()
            or w.textFormat() == Qt.TextFormat.RichText
            or w.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text):
        return None
    fm = w.fontMetrics()
    need = max(fm.horizontalAdvance(line) for line in text.splitlines() or [""])
    have = w.contentsRect().width() - 2 * w.margin() - (w.indent() if w.indent() > 0 else 0)
    return f"{_name(w)} “{text}” needs {need} px, has {have}" if need > have + SLACK else None


def _button(w: QAbstractButton) -> str | None:
    text = _plain(w.text())
    if not text or (isinstance(w, QToolButton)
                    and w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly):
        return None
    fm = w.fontMetrics()
    need = fm.horizontalAdvance(text)
    if isinstance(w, (QCheckBox, QRadioButton)):
        need += 20  # the indicator and its spacing
    have = w.width() if isinstance(w, (QCheckBox, QRadioButton)) else w.width() - 8
    if isinstance(w, (QPushButton, QToolButton)) and not w.icon().isNull():
        have -= w.iconSize().width() + 4
    if isinstance(w, QPushButton) and w.menu() is not None or \
            isinstance(w, QToolButton) and w.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup and w.menu() is not None:
        have -= 12  # the menu arrow
    return f"{_name(w)} “{text}” needs {need} px, has {have}" if need > have + SLACK else None


def _combo(w: QComboBox) -> str | None:
    text = w.currentText()
    if not text or w.isEditable():
        return None
    need = w.fontMetrics().horizontalAdvance(text)
    have = w.width() - 28 - (w.iconSize().width() + 4 if not w.itemIcon(w.currentIndex()).isNull() else 0)
    return f"{_name(w)} “{text}” needs {need} px, has {have}" if need > have + SLACK else None


def _tabs(w: QTabBar) -> list[str]:
    out = []
    for i in range(w.count()):
        text = _plain(w.tabText(i))
        if w.elideMode() != Qt.TextElideMode.ElideNone and w.tabToolTip(i):
            continue
        need = w.fontMetrics().horizontalAdvance(text)
        have = w.tabRect(i).width() - 8
        if need > have + SLACK:
            out.append(f"{_name(w)} tab “{text}” needs {need} px, has {have}")
    return out


def _header(w: QHeaderView) -> list[str]:
    model = w.model()
    if model is None or w.orientation() != Qt.Orientation.Horizontal:
        return []
    out = []
    fm = w.fontMetrics()
    for section in range(w.count()):
        if w.isSectionHidden(section) or w.sectionSize(section) == 0:
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal)
        if not isinstance(text, str) or not text:
            continue
        need = fm.horizontalAdvance(text) + 4  # (Qt sizes a section to its text + 4–5 px)
        if w.isSortIndicatorShown() and w.sortIndicatorSection() == section:
            need += 12
        have = w.sectionSize(section)
        if need > have + SLACK:
            out.append(f"{_name(w.parentWidget() or w)} header “{text}” needs {need} px, has {have}")
    return out


def clipped(root: QWidget) -> list[str]:
    """Every text under ``root`` (itself included) that is wider than its widget."""
    problems: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.width() <= 0 or isinstance(w, (QMenu, QLineEdit)):
            continue
        if isinstance(w, QLabel):
            p = _label(w)
        elif isinstance(w, QAbstractButton):
            p = _button(w)
        elif isinstance(w, QComboBox):
            p = _combo(w)
        elif isinstance(w, QTabBar):
            problems += _tabs(w)
            continue
        elif isinstance(w, QHeaderView):
            problems += _header(w)
            continue
        else:
            continue
        if p:
            problems.append(p)
    return problems
