"""Paints the timeline into any QPainter (widget, image, PDF, printer): only what is visible."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from opsdesk.services.timeline import NO_DAY
from opsdesk.ui.timeline.calendar_days import shading_for
from opsdesk.ui.timeline.frame import Frame
from opsdesk.ui.timeline.header import (
    LAUNCH,
    draw_date_header,
    draw_line_text,
    draw_row_header,
    elided,
)
from opsdesk.ui.timeline.layout import ROW_HEIGHT

BAR_PAD = 5
MAX_LINKS = 3000
OVERDUE = QColor("#d32f2f")
BLOCKED = QColor("#b71c1c")
TODAY = QColor("#e53935")
LINK = QColor("#78909c")
DONE, BLOCKED_CODE, CANCELLED, SKIPPED = 2, 3, 4, 5  # (indexes into services.timeline.STATUSES)
_colors: dict[str, QColor] = {}


def color(hex_: str, alpha: int = 255) -> QColor:
    key = f"{hex_}/{alpha}"
    c = _colors.get(key)
    if c is None:
        c = QColor(hex_)
        c.setAlpha(alpha)
        _colors[key] = c
    return c


def blend(hex_: str, alpha: int, under: QColor | None = None) -> QColor:
    """``hex_`` at ``alpha`` over ``under`` (white), as an opaque colour: opaque fills are
    several times cheaper to paint than translucent ones."""
    key = f"{hex_}/{alpha}/{under.name() if under is not None else ''}"
    c = _colors.get(key)
    if c is None:
        top, base = QColor(hex_), under or QColor("#ffffff")
        a = alpha / 255
        c = QColor(round(top.red() * a + base.red() * (1 - a)),
                   round(top.green() * a + base.green() * (1 - a)),
                   round(top.blue() * a + base.blue() * (1 - a)))
        _colors[key] = c
    return c


def task_rect(f: Frame, task: int, row: int, d0: int | None = None, d1: int | None = None
              ) -> QRectF | None:
    """The bar (or the milestone's diamond box) of a task in view coordinates."""
    lay = f.layout
    d0 = int(lay.d0[task]) if d0 is None else d0
    d1 = int(lay.d1[task]) if d1 is None else d1
    if d0 == NO_DAY:
        return None
    y = f.row_y(row)
    if f.data.milestone[task]:
        cx = f.view_x(d1 + 0.5)
        return QRectF(cx - 7, y + ROW_HEIGHT / 2 - 7, 14, 14)
    x0, x1 = f.view_x(d0), f.view_x(max(d1, d0) + 1)
    return QRectF(x0, y + BAR_PAD, max(2.0, x1 - x0), ROW_HEIGHT - 2 * BAR_PAD)


def paint(p: QPainter, f: Frame) -> None:
    """Everything: background, rows, links, bars, overlays, then the two headers."""
    p.fillRect(QRectF(0, 0, f.width, f.height), QColor("#ffffff"))
    p.save()
    p.setClipRect(QRectF(f.row_header, f.header, f.width - f.row_header, f.height - f.header))
    rows = f.visible_rows()
    _background(p, f, rows)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _links(p, f, rows)
    _tasks(p, f, rows)
    _overlay(p, f)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.restore()
    draw_date_header(p, f)
    draw_row_header(p, f)


def _background(p: QPainter, f: Frame, rows: range) -> None:
    top, bottom = f.header, f.height
    first, last = f.visible_days()
    for ph in f.data.phases:
        x0, x1 = f.view_x(ph.start), f.view_x(ph.end + 1)
        p.fillRect(QRectF(x0, top, x1 - x0, bottom - top), blend(ph.color, 45))
    _day_shading(p, f, first, last, top, bottom)
    p.setPen(QPen(color("#eceff1")))
    lay = f.layout
    for row in rows:
        y = f.row_y(row)
        if lay.row_task[row] < 0:
            p.fillRect(QRectF(f.row_header, y, f.width, ROW_HEIGHT), blend("#e8edf2", 200))
        p.drawLine(QPointF(f.row_header, y + ROW_HEIGHT - 0.5), QPointF(f.width, y + ROW_HEIGHT - 0.5))
    for ph in f.data.phases:  # phase boundaries
        x = f.view_x(ph.start)
        p.setPen(QPen(color("#90a4ae"), 1, Qt.PenStyle.DotLine))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))
    if f.data.launch != NO_DAY:
        x = f.view_x(f.data.launch)
        p.setPen(QPen(LAUNCH, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))
    x = f.view_x(f.today + 0.5) if f.scale.ppd >= 6 else f.view_x(f.today)
    p.setPen(QPen(TODAY, 2))
    p.drawLine(QPointF(x, top), QPointF(x, bottom))


DAY_SHADES = {"weekend": ("#90a4ae", 38), "holiday": ("#e57373", 60)}
MAKEUP = QColor("#5c6bc0")


def _day_shading(p: QPainter, f: Frame, first: int, last: int, top: float, bottom: float) -> None:
    """Weekends and public holidays shaded, make-up working days (调休) hatched and marked
    with a bar under the header (calendar_days.py says which days)."""
    for d, kind in shading_for(first, last, f.scale.ppd):
        rect = QRectF(f.view_x(d), top, max(f.scale.ppd, 1.0), bottom - top)
        if kind == "makeup":
            p.fillRect(rect, QBrush(color("#5c6bc0", 60), Qt.BrushStyle.BDiagPattern))
            p.fillRect(QRectF(rect.x(), top, rect.width(), 3), MAKEUP)
            continue
        phase = next((ph for ph in f.data.phases if ph.start <= d <= ph.end), None)
        under = blend(phase.color, 45) if phase else None
        hex_, alpha = DAY_SHADES[kind]
        p.fillRect(rect, blend(hex_, alpha, under))


def _link_points(f: Frame, pred: int, succ: int, kind: str) -> tuple[QPointF, QPointF] | None:
    lay = f.layout
    rp, rs = int(lay.task_row[pred]), int(lay.task_row[succ])
    a, b = task_rect(f, pred, rp), task_rect(f, succ, rs)
    if a is None or b is None:
        return None
    src = a.left() if kind in ("SS", "SF") else a.right()
    dst = b.left() if kind in ("FS", "SS") else b.right()
    return QPointF(src, a.center().y()), QPointF(dst, b.center().y())


def _links(p: QPainter, f: Frame, rows: range) -> None:
    data, lay = f.data, f.layout
    if not data.link_pred.size or not rows:
        return
    rp, rs = lay.task_row[data.link_pred], lay.task_row[data.link_succ]
    lo, hi = np.minimum(rp, rs), np.maximum(rp, rs)
    shown = np.nonzero((lo >= 0) & (lo < rows.stop) & (hi >= rows.start))[0][:MAX_LINKS]
    pen = QPen(LINK, 1.2)
    p.setBrush(LINK)
    for i in shown.tolist():
        kind = data.link_kind[i]
        pts = _link_points(f, int(data.link_pred[i]), int(data.link_succ[i]), kind)
        if pts is None:
            continue
        s, t = pts
        out = 6 if kind in ("FS", "FF") else -6
        into = -6 if kind in ("FS", "SS") else 6
        path = QPainterPath(s)
        path.lineTo(s.x() + out, s.y())
        if (kind == "FS" and t.x() + into >= s.x() + out) or kind in ("SS", "FF", "SF"):
            x = min(s.x() + out, t.x() + into) if into < 0 else max(s.x() + out, t.x() + into)
            path.lineTo(x, s.y())
            path.lineTo(x, t.y())
        else:
            mid = (s.y() + t.y()) / 2 if abs(t.y() - s.y()) > 2 else s.y() + ROW_HEIGHT / 2
            path.lineTo(s.x() + out, mid)
            path.lineTo(t.x() + into, mid)
            path.lineTo(t.x() + into, t.y())
        path.lineTo(t)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        d = -1 if into > 0 else 1  # arrow points right into a start, left into an end
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(LINK)
        p.drawPolygon(QPolygonF([t, QPointF(t.x() - 5 * d, t.y() - 3.5),
                                 QPointF(t.x() - 5 * d, t.y() + 3.5)]))


def _tasks(p: QPainter, f: Frame, rows: range) -> None:
    lay = f.layout
    first, last = f.visible_days()
    labels = f.scale.ppd >= 4
    for row in rows:
        task = int(lay.row_task[row])
        if task < 0:
            _group_bar(p, f, row)
            continue
        slot = int(lay.slot[task])
        if slot >= 0:  # a routine: every occurrence on this one row
            for occ in lay.occurrences(slot, first, last).tolist():
                _task(p, f, occ, row, first, last, False)
        else:
            _task(p, f, task, row, first, last, labels)


def _task(p: QPainter, f: Frame, task: int, row: int, first: int, last: int, label: bool) -> None:
    data, lay = f.data, f.layout
    d0, d1 = int(lay.d0[task]), int(lay.d1[task])
    if d0 == NO_DAY or d1 < first - 1 or d0 > last:
        return
    rect = task_rect(f, task, row)
    if rect is None:  # (none only without a day, returned above)
        return
    role = data.roles.get(int(data.role[task]))
    base = role.color if role else "#78909c"
    status = int(data.status[task])
    overdue = d1 < f.today and status not in (DONE, CANCELLED, SKIPPED)
    if status in (DONE, CANCELLED, SKIPPED):
        fill, edge = color(base, 90), QPen(color("#90a4ae"), 1)
    else:
        fill, edge = color(base, 235), QPen(color(base).darker(130), 1)
    if overdue:
        edge = QPen(OVERDUE, 2)
    if status == BLOCKED_CODE:
        edge = QPen(BLOCKED, 2, Qt.PenStyle.DashLine)
    if task == f.overlay.selected:
        edge = QPen(QColor("#0d47a1"), 2.5)
    p.setPen(edge)
    p.setBrush(fill)
    if data.milestone[task]:
        c = rect.center()
        p.drawPolygon(QPolygonF([QPointF(c.x(), rect.top()), QPointF(rect.right(), c.y()),
                                 QPointF(c.x(), rect.bottom()), QPointF(rect.left(), c.y())]))
    else:
        p.drawRoundedRect(rect, 3, 3)
        if status == BLOCKED_CODE:
            p.setBrush(QBrush(color("#000000", 90), Qt.BrushStyle.BDiagPattern))
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(rect, 3, 3)
    if not label:
        return
    if status == DONE:
        p.setPen(QPen(color("#2e7d32"), 2))
        cx, cy = rect.right() + 4, rect.center().y()
        p.drawPolyline(QPolygonF([QPointF(cx, cy), QPointF(cx + 3, cy + 3), QPointF(cx + 8, cy - 4)]))
    text_x = rect.right() + (14 if status == DONE else 5)
    p.setPen(OVERDUE if overdue else QColor("#37474f"))
    draw_line_text(p, text_x, f.row_y(row), ROW_HEIGHT, elided(p.fontMetrics(), data.title[task], 220))


def _group_bar(p: QPainter, f: Frame, row: int) -> None:
    g = f.layout.groups[int(f.layout.row_group[row])]
    if g.first == NO_DAY:
        return
    y = f.row_y(row) + ROW_HEIGHT / 2 - 4
    x0, x1 = f.view_x(g.first), f.view_x(g.last + 1)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color("#546e7a"))
    p.drawRect(QRectF(x0, y, x1 - x0, 8))
    if g.count:
        p.setBrush(color("#26a69a"))
        p.drawRect(QRectF(x0, y + 2, (x1 - x0) * g.done / g.count, 4))
    p.setBrush(color("#37474f"))
    for x in (x0, x1):
        p.drawPolygon(QPolygonF([QPointF(x - 4, y), QPointF(x + 4, y), QPointF(x, y + 12)]))


def _overlay(p: QPainter, f: Frame) -> None:
    o = f.overlay
    for task, (d0, d1) in o.preview.items():
        row = int(f.layout.task_row[task])
        if row < 0:
            continue
        rect = task_rect(f, task, row, d0, d1)
        if rect is None:
            continue
        if o.invalid:
            rect = QRectF(f.view_x(min(d0, d1)), rect.top(), abs(f.view_x(d1 + 1) - f.view_x(d0)), rect.height())
        p.setPen(QPen(OVERDUE if o.invalid else QColor("#0d47a1"), 2, Qt.PenStyle.DashLine))
        p.setBrush(color("#ef9a9a" if o.invalid else "#90caf9", 120))
        p.drawRoundedRect(rect, 3, 3)
    if o.link_from is not None and o.link_to is not None:
        row = int(f.layout.task_row[o.link_from])
        rect = task_rect(f, o.link_from, row)
        if rect is not None:
            p.setPen(QPen(QColor("#0d47a1"), 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(rect.right(), rect.center().y()), QPointF(*o.link_to))
    if o.launch_preview is not None:
        x = f.view_x(o.launch_preview)
        p.setPen(QPen(LAUNCH, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, f.header), QPointF(x, f.height))

