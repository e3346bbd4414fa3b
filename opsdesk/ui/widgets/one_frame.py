"""A page shown in one frame (issue #17).

Showing a page that was just built leaves work posted for later: its widgets' polish, its
layouts, the repaint of each child shown. Done from the event loop, that work arrives after
the first paint and makes another one: the first switch to Tasks at 100k painted its rows
three times, at 40–50 ms each. ``settle`` does it now, so the next paint, from the event
loop or a ``repaint()``, draws the page once at its final geometry.

An item view repaints the columns right of a resized one from a zero timer (Qt's
``QTreeView``/``QTableView::columnResized``): a column fitted or stretched while the page is
laid out repaints the whole view once more, after the first paint. ``columns_repaint_now``
marks that area dirty at once instead, so it joins the paint that is due anyway (a column
dragged by the person repaints as often as before: a dirty area waits for the next frame
either way).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView, QWidget

_POSTED = (QEvent.Type.PolishRequest, QEvent.Type.LayoutRequest, QEvent.Type.UpdateLater)


def settle(widget: QWidget) -> None:
    """Polish and lay out ``widget`` (and its children) now, and mark dirty what showing it
    asked to repaint: what the event loop would otherwise do after the next paint."""
    widget.ensurePolished()
    for kind in _POSTED:
        QCoreApplication.sendPostedEvents(None, kind.value)


def columns_repaint_now(view: QTreeView | QTableView) -> None:
    """A resized column marks ``view`` dirty from that column to its right edge at once, so
    it is repainted with the frame that is due (Qt's own reaction waits for a zero timer,
    which fires after that frame). The scroll bars follow from a zero timer, as in Qt (one
    for every column resized meanwhile). Call once, after ``setModel``."""
    header: QHeaderView = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    header.sectionResized.disconnect()  # (Qt's own, to the view's columnResized slot)
    geometry = QTimer(view)
    geometry.setSingleShot(True)
    geometry.setInterval(0)
    geometry.timeout.connect(view.updateGeometries)

    def resized(column: int, _old: int, _new: int) -> None:
        port = view.viewport()
        x = view.columnViewportPosition(column)
        if view.isRightToLeft():
            port.update(QRect(0, 0, x + view.columnWidth(column), port.height()))
        else:
            port.update(QRect(x, 0, port.width() - x, port.height()))
        if not geometry.isActive():
            geometry.start()
    header.sectionResized.connect(resized)
