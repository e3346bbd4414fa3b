"""PySide's Python types for Qt's widget classes, made while the app is idle (#17).

A widget that C++ made (a scroll area's viewport, say) has no Python wrapper until Python
first sees it; to choose the wrapper's type, PySide makes the Python type of every widget
class it has not made yet, each with its enums — about 70 enums and 30 ms on the GUI thread,
which the first switch to Tasks or the Timeline paid. ``preload.prefetch_views`` imports
this module once the app is idle after the first data is shown, so that the cost is paid
there instead (once per process: the types stay)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractScrollArea


def make_widget_types() -> None:
    area = QAbstractScrollArea()
    area.viewport()  # (C++'s own widget: its Python type is looked for, and all are made)
    area.deleteLater()
    QBrush(QColor(0, 0, 0))  # (choosing among its overloads makes QGradient's type: the
    # task list's colours)


make_widget_types()
