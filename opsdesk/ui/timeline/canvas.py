"""The painted, virtualized timeline area: a QAbstractScrollArea over ``painter.paint``.

See https://doc.qt.io/qt-6/qabstractscrollarea.html (the viewport paints; scroll bars hold
the content offset in pixels).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from opsdesk.model.workdays import workday_count
from opsdesk.services.timeline import NO_DAY, TimelineData, from_day
from opsdesk.ui import fmt, labels
from opsdesk.ui.i18n_contexts import Timeline
from opsdesk.ui.timeline import layout as lay
from opsdesk.ui.timeline.calendar_days import day_note
from opsdesk.ui.timeline.frame import HEADER_HEIGHT, ROW_HEADER_WIDTH, Frame, Overlay
from opsdesk.ui.timeline.header import day_range
from opsdesk.ui.timeline.interaction import Gesture, Hit, hit_test
from opsdesk.ui.timeline.painter import paint
from opsdesk.ui.timeline.scale import ZOOM_LEVELS, Scale, fit_ppd, level_for

MARGIN_DAYS = 21
FOLD_AFTER_DAYS = 30



class TimelineCanvas(QAbstractScrollArea):
    """Rows beside a time axis; emits what the person did, the view decides what it means."""

    sig_selected = Signal(int)
    """A task index was clicked."""
    sig_activated = Signal(int)
    """A task index was double-clicked."""
    sig_gesture = Signal(object)
    """A finished drag (``interaction.Gesture``) for the view to carry out."""
    sig_context = Signal(object, object)
    """(Hit, global QPoint) of a right-click."""
    sig_zoomed = Signal(str)
    """The zoom level nearest to the new scale."""
    sig_refused = Signal()
    """Someone who may not edit tried to drag a bar."""

    def __init__(self, lang: str, today: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.lang, self.today = lang, today
        self.data: TimelineData | None = None
        self.layout_: lay.Layout | None = None
        self.mode = "phase"
        self.collapsed: set[int] = set()
        self.scale = Scale(dt.date.today().toordinal(), ZOOM_LEVELS["week"])
        self.end_day = self.scale.origin + 180
        self.overlay = Overlay()
        self.can_edit = False
        self.working_days = False  # durations also in working days (the view's option)
        self.gesture: Gesture | None = None
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.horizontalScrollBar().setSingleStep(40)
        self.verticalScrollBar().setSingleStep(lay.ROW_HEIGHT)
        self._placed = False
        self._first_data = True
        self.loading = False  # a big plan is being read for its first showing

    def clear(self) -> None:
        """Show nothing (another plan is being read)."""
        self.data, self.layout_ = None, None
        self.update_scrollbars()
        self.viewport().update()

    def collapse_finished(self) -> None:
        """Fold groups that are all done and ended over a month ago: the morning view opens
        on current work, each folded group still shown by its summary bar."""
        old = {g.key for g in self.loaded()[1].groups
               if g.count and g.done == g.count and g.last != NO_DAY and g.last < self.today - FOLD_AFTER_DAYS}
        if old:
            self.collapsed |= old
            self.relayout()

    # ---- data
    def set_data(self, data: TimelineData, layout: lay.Layout | None = None) -> None:
        """Show ``data``; ``layout``, when given, is ``lay.build`` of it for the current mode
        and collapsed groups (made off the GUI thread)."""
        self.data = data
        span = data.span() or (self.today, self.today)
        first = min(span[0], self.today) - MARGIN_DAYS
        self.end_day = max(span[1], self.today) + MARGIN_DAYS
        x = self.horizontalScrollBar().value()
        day = self.scale.day(x) if self._placed else None
        self.scale = Scale(first, self.scale.ppd)
        self.relayout(layout)
        if self._first_data and self.layout_ is not None:
            self._first_data = False
            self.collapse_finished()
        if day is not None:
            self.horizontalScrollBar().setValue(round(self.scale.x(day)))

    def relayout(self, layout: lay.Layout | None = None) -> None:
        if self.data is None:
            return
        self.layout_ = layout if layout is not None else lay.build(
            self.data, self.mode, frozenset(self.collapsed))
        self.update_scrollbars()
        self.viewport().update()

    def loaded(self) -> tuple[TimelineData, lay.Layout]:
        """The data shown and its layout (set together by ``set_data``): what a frame, a
        tooltip or a gesture works on, only ever once there is data."""
        assert self.data is not None and self.layout_ is not None, "no timeline data yet"
        return self.data, self.layout_

    def frame(self) -> Frame:
        data, layout = self.loaded()
        return Frame(data, layout, self.scale, self.lang, self.today,
                     self.viewport().width(), self.viewport().height(),
                     float(self.horizontalScrollBar().value()),
                     float(self.verticalScrollBar().value()), overlay=self.overlay)

    def content_width(self) -> int:
        return int(self.scale.x(self.end_day + 1))

    def update_scrollbars(self) -> None:
        time_w = max(1, self.viewport().width() - ROW_HEADER_WIDTH)
        rows_h = max(1, self.viewport().height() - HEADER_HEIGHT)
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setRange(0, max(0, self.content_width() - time_w))
        h.setPageStep(time_w)
        height = self.layout_.height() if self.layout_ else 0
        v.setRange(0, max(0, height - rows_h + lay.ROW_HEIGHT))
        v.setPageStep(rows_h)

    # ---- zoom and navigation
    def set_ppd(self, ppd: float, anchor_x: float | None = None) -> None:
        """Zoom keeping the day under view x ``anchor_x`` (default: the middle) in place."""
        time_w = self.viewport().width() - ROW_HEADER_WIDTH
        anchor = (time_w / 2) if anchor_x is None else anchor_x - ROW_HEADER_WIDTH
        scale, offset = self.scale.zoomed(ppd, anchor, self.horizontalScrollBar().value())
        self.scale = scale
        self.update_scrollbars()
        self.horizontalScrollBar().setValue(round(offset))
        self.viewport().update()
        self.sig_zoomed.emit(level_for(scale.ppd))

    def zoom_level(self, level: str) -> None:
        self.set_ppd(ZOOM_LEVELS[level])

    def fit(self) -> None:
        if self.data is None:
            return
        span = self.data.span() or (self.today, self.today)
        time_w = self.viewport().width() - ROW_HEADER_WIDTH - 20
        self.scale = Scale(self.scale.origin, fit_ppd(span[0], span[1], time_w))
        self.update_scrollbars()
        self.horizontalScrollBar().setValue(round(self.scale.x(span[0])) - 10)
        self.viewport().update()
        self.sig_zoomed.emit(level_for(self.scale.ppd))

    def go_to(self, day: int) -> None:
        time_w = self.viewport().width() - ROW_HEADER_WIDTH
        self.horizontalScrollBar().setValue(round(self.scale.x(day) - time_w / 3))

    def go_to_today(self) -> None:
        self.go_to(self.today)

    def reveal(self, task: int) -> None:
        row = int(self.layout_.task_row[task]) if self.layout_ is not None else -1
        if row >= 0:
            v = self.verticalScrollBar()
            y = row * lay.ROW_HEIGHT
            if not v.value() <= y <= v.value() + v.pageStep() - lay.ROW_HEIGHT:
                v.setValue(y - v.pageStep() // 3)

    def toggle_group(self, group_index: int) -> None:
        key = self.loaded()[1].groups[group_index].key
        self.collapsed ^= {key}
        self.relayout()

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self.collapsed.clear()
            self.verticalScrollBar().setValue(0)
            self.relayout()

    # ---- Qt overrides
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.data is None or self.layout_ is None:
            if self.loading:
                p = QPainter(self.viewport())
                p.setPen(self.palette().placeholderText().color())
                p.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter,
                           QCoreApplication.translate("TimelineCanvas", "Loading the plan…"))
                p.end()
            return
        p = QPainter(self.viewport())
        paint(p, self.frame())
        p.end()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.update_scrollbars()
        if not self._placed and self.data is not None and self.viewport().width() > ROW_HEADER_WIDTH:
            self._placed = True
            self.fit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt override
        self.viewport().update()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.data is not None:
            steps = event.angleDelta().y() / 120
            self.set_ppd(self.scale.ppd * (1.25 ** steps), event.position().x())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and self.data is not None:
            hit = hit_test(self.frame(), QPointF(event.pos()))
            text = self.tooltip(hit)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.data is None:
            return
        hit = hit_test(self.frame(), event.position())
        if event.button() == Qt.MouseButton.RightButton:
            if hit.kind == "task":
                self.select(hit.task)
            self.sig_context.emit(hit, event.globalPosition().toPoint())
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if hit.kind == "group" and hit.task is not None:  # (a group's hit has its index)
            self.toggle_group(hit.task)
            return
        if hit.kind == "task":
            self.select(hit.task)
            self.sig_selected.emit(hit.task)
        self.gesture = Gesture.for_hit(hit, event.position(), event.modifiers())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.data is None:
            return
        g = self.gesture
        if g is None:
            hit = hit_test(self.frame(), event.position())
            cursor = {"start": Qt.CursorShape.SizeHorCursor, "end": Qt.CursorShape.SizeHorCursor,
                      "link": Qt.CursorShape.CrossCursor}.get(hit.part, Qt.CursorShape.ArrowCursor)
            if hit.kind == "launch":
                cursor = Qt.CursorShape.SizeHorCursor
            self.viewport().setCursor(cursor if self.can_edit else Qt.CursorShape.ArrowCursor)
            return
        f = self.frame()
        g.update(f, event.position())
        if not g.active:
            return
        if not self.can_edit:
            self.gesture = None
            self.sig_refused.emit()
            return
        self.overlay.preview.clear()
        if g.mode == "link":
            self.overlay.link_from = g.task
            self.overlay.link_to = (event.position().x(), event.position().y())
        elif g.mode == "launch":
            self.overlay.launch_preview = self.data.launch + g.days
        elif g.task is not None:  # (a drag of a bar)
            d0, d1 = g.dates(f)
            self.overlay.preview[g.task] = (d0, d1)
            self.overlay.invalid = d1 < d0
        self.viewport().update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        g, self.gesture = self.gesture, None
        self.overlay.preview.clear()
        self.overlay.invalid = False
        self.overlay.link_from = self.overlay.link_to = self.overlay.launch_preview = None
        self.viewport().update()
        if g is not None and self.data is not None:
            g.update(self.frame(), event.position())
            if g.active and self.can_edit:
                self.sig_gesture.emit(g)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.data is None:
            return
        hit = hit_test(self.frame(), event.position())
        if hit.kind == "task":
            self.sig_activated.emit(hit.task)

    def select(self, task: int | None) -> None:
        self.overlay.selected = task
        self.viewport().update()

    # ---- tooltip
    def tooltip(self, hit: Hit) -> str:
        d, layout = self.loaded()
        if hit.kind == "launch":
            return QCoreApplication.translate("Timeline", "Launch day: {date}").format(date=fmt.long_date(from_day(d.launch), self.lang))
        if hit.kind == "phase" and hit.task is not None:
            ph = d.phases[hit.task]
            return f"{ph.name(self.lang)}\n" + day_range(ph.start, ph.end, self.lang)
        if hit.kind != "task" or hit.part == "row" or hit.task is None:
            return day_note(hit.day, self.lang) if hit.day is not None else ""
        i = hit.task
        d0, d1 = int(layout.d0[i]), int(layout.d1[i])
        role = d.roles.get(int(d.role[i]))
        lines = [d.title[i]]
        if d0 == NO_DAY:
            lines.append(QCoreApplication.translate("Timeline", "No dates yet"))
        else:
            days = d1 - d0 + 1
            lines.append(day_range(d0, d1, self.lang) + "  ·  "
                         + Timeline.tr("%n day(s)", "", days))
            if self.working_days:
                work = workday_count(dt.date.fromordinal(d0), dt.date.fromordinal(d1))
                lines[-1] += "  ·  " + Timeline.tr("%n working day(s)", "", work)
        lines.append(QCoreApplication.translate("Timeline", "Role: {role}").format(role=role.name(self.lang) if role else "—"))
        lines.append(QCoreApplication.translate("Timeline", "Assignee: {name}").format(name=d.people.get(int(d.assignee[i]), "—")))
        from opsdesk.services.timeline import STATUSES

        status = labels.status_name(STATUSES[int(d.status[i])])
        if d1 != NO_DAY and d1 < self.today and STATUSES[int(d.status[i])] not in (
                "done", "cancelled", "skipped"):
            late = int(self.today - d1)  # (a plain name as the count: pyside6-lupdate skips a call)
            status += "  ·  " + Timeline.tr("overdue by %n day(s)", "", late)
        lines.append(QCoreApplication.translate("Timeline", "Status: {status}").format(status=status))
        if d.milestone[i]:
            lines.append(QCoreApplication.translate("Timeline", "Milestone"))
        return "\n".join(lines)
