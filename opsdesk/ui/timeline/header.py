"""The date header (phases, months, weeks/days) and the row header (task, role, assignee)."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF, QStaticText

from opsdesk.services.timeline import NO_DAY
from opsdesk.ui import fmt
from opsdesk.ui.timeline import scale as sc
from opsdesk.ui.timeline.frame import PERSON_COL, PHASE_STRIP, ROLE_COL, TIER, Frame
from opsdesk.ui.timeline.layout import ROW_HEIGHT, UNSCHEDULED

GRID = QColor("#d5d9de")
HEADER_BG = QColor("#f3f5f7")
TEXT = QColor("#263238")
MUTED = QColor("#607d8b")
HOLIDAY_TEXT = QColor("#c62828")


@functools.lru_cache(maxsize=4096)
def day_kind(day: int) -> str:
    """"workday", "weekend", "holiday" or "makeup" (model/workdays.py), remembered."""
    from opsdesk.model import workdays

    return workdays.day_info(dt.date.fromordinal(day)).kind


def day_pen(day: int) -> QColor:
    kind = day_kind(day)
    return HOLIDAY_TEXT if kind == "holiday" else MUTED if kind == "weekend" else TEXT
LAUNCH = QColor("#d81b60")

CELL_FORMATS = {
    "zh": {"year": "yyyy年", "month": "yyyy年M月", "week": "M月d日", "day": "d", "mon": "M月", "monday": "d"},
    "en": {"year": "yyyy", "month": "MMM yyyy", "week": "d MMM", "day": "d", "mon": "MMM", "monday": "d"},
}



_ELIDED: dict[tuple[str, int, int], str] = {}
ELIDE_CACHE = 50_000


def elided(fm, text: str, width: int) -> str:
    """``fm.elidedText`` remembered: row texts are elided again on every frame otherwise."""
    key = (text, int(width), fm.averageCharWidth())
    out = _ELIDED.get(key)
    if out is None:
        if len(_ELIDED) >= ELIDE_CACHE:
            _ELIDED.clear()
        out = _ELIDED[key] = fm.elidedText(text, Qt.TextElideMode.ElideRight, int(width))
    return out


_STATIC: dict[tuple[str, bool], QStaticText] = {}


def draw_line_text(p: QPainter, x: float, y: float, height: float, text: str,
                   bold: bool = False) -> None:
    """One line of (already elided) text, left-aligned and centred in ``height``, drawn from
    a cached QStaticText: re-laying out CJK text on every frame is the costliest part."""
    key = (text, bold)
    st = _STATIC.get(key)
    if st is None:
        if len(_STATIC) >= ELIDE_CACHE:
            _STATIC.clear()
        st = _STATIC[key] = QStaticText(text)
        st.setTextFormat(Qt.TextFormat.PlainText)
        st.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    p.drawStaticText(QPointF(x, y + (height - p.fontMetrics().height()) / 2), st)


@functools.lru_cache(maxsize=4)
def _locale(lang: str):
    return fmt.locale_for(lang)


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: int, lang: str) -> str:
    """9月1日 / 1 Sep."""
    if lang.startswith("zh"):
        return fmt.short_date(dt.date.fromordinal(day), lang)
    d = dt.date.fromordinal(day)
    return f"{d.day} {MONTHS_EN[d.month - 1]}"


def day_range(first: int, last: int, lang: str) -> str:
    a, b = dt.date.fromordinal(first), dt.date.fromordinal(last)
    if a.year != b.year:
        return f"{fmt.long_date(a, lang)} – {fmt.long_date(b, lang)}" if lang.startswith("zh") \
            else f"{day_label(first, lang)} {a.year} – {day_label(last, lang)} {b.year}"
    return f"{day_label(first, lang)} – {day_label(last, lang)}"


def cell_label(day: int, kind: str, lang: str) -> str:
    if not lang.startswith("zh") and kind in ("month", "week", "mon"):
        d = dt.date.fromordinal(day)  # "Sep", never the en_GB "Sept"
        return {"month": f"{MONTHS_EN[d.month - 1]} {d.year}", "week": f"{d.day} {MONTHS_EN[d.month - 1]}",
                "mon": MONTHS_EN[d.month - 1]}[kind]
    formats = CELL_FORMATS["zh" if lang.startswith("zh") else "en"]
    return _locale(lang).toString(fmt.qdate(dt.date.fromordinal(day)), formats[kind])


def draw_date_header(p: QPainter, f: Frame) -> None:
    left, width = f.row_header, f.width - f.row_header
    p.save()
    p.setClipRect(QRectF(left, 0, width, f.header))
    p.fillRect(QRectF(left, 0, width, f.header), HEADER_BG)
    first, last = f.visible_days()
    # phases: a coloured strip with name and dates
    for ph in f.data.phases:
        x0, x1 = f.view_x(ph.start), f.view_x(ph.end + 1)
        if x1 < left or x0 > f.width:
            continue
        rect = QRectF(x0, 0, x1 - x0, PHASE_STRIP)
        p.fillRect(rect, QColor(ph.color))
        p.setPen(QPen(GRID))
        p.drawLine(QPointF(x0, 0), QPointF(x0, PHASE_STRIP))
        label = f"{ph.name(f.lang)}  {day_range(ph.start, ph.end, f.lang)}"
        p.setPen(TEXT)
        text_rect = rect.adjusted(4, 0, -2, 0).intersected(QRectF(left + 4, 0, width - 8, PHASE_STRIP))
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                   elided(p.fontMetrics(), label, int(text_rect.width())))
    upper, lower = sc.tiers(first, last, f.scale.ppd)
    for y, ticks in ((PHASE_STRIP, upper), (PHASE_STRIP + TIER, lower)):
        for t in ticks:
            x0, x1 = f.view_x(t.start), f.view_x(t.end)
            kind = "mon" if (t.kind == "month" and ticks is lower) else t.kind
            p.setPen(QPen(GRID))
            p.drawLine(QPointF(x0, y), QPointF(x0, y + TIER))
            if ticks is lower and x0 < left:
                continue
            label = cell_label(t.start, kind, f.lang)
            text_x = max(x0, left) + 3 if ticks is upper else x0 + 2
            avail = (x1 - text_x - 2) if ticks is upper else (x1 - x0 - 3)
            if avail < 8:
                continue
            # a day's number: a holiday in red, a day off muted, a 调休 Saturday worked as a
            # working day (the same calendar as the background shading)
            p.setPen(day_pen(t.start) if t.kind == "day" else TEXT)
            p.drawText(QRectF(text_x, y, avail, TIER),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       elided(p.fontMetrics(), label, int(avail)))
        p.setPen(QPen(GRID))
        p.drawLine(QPointF(left, y), QPointF(f.width, y))
    p.drawLine(QPointF(left, f.header - 0.5), QPointF(f.width, f.header - 0.5))
    # today and launch day marks
    for day, color in ((f.today, QColor("#e53935")), (f.data.launch, LAUNCH)):
        if day == NO_DAY:
            continue
        x = f.view_x(day + 0.5) if f.scale.ppd >= 6 else f.view_x(day)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawPolygon(QPolygonF([QPointF(x - 5, f.header - 7), QPointF(x + 5, f.header - 7),
                                 QPointF(x, f.header)]))
    if f.overlay.launch_preview is not None:
        x = f.view_x(f.overlay.launch_preview)
        p.setPen(QPen(LAUNCH, 2, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, 0), QPointF(x, f.header))
    p.restore()


def group_title(f: Frame, key: int) -> str:
    if key == UNSCHEDULED:
        return QCoreApplication.translate("Timeline", "Unscheduled (no dates)")
    mode = f.layout.mode
    if mode == "role":
        role = f.data.roles.get(key)
        return role.name(f.lang) if role else QCoreApplication.translate("Timeline", "No role")
    if mode == "person":
        return f.data.people.get(key) or QCoreApplication.translate("Timeline", "Unassigned")
    phase = next((p for p in f.data.phases if p.id == key), None)
    return phase.name(f.lang) if phase else QCoreApplication.translate("Timeline", "No phase")


def draw_row_header(p: QPainter, f: Frame) -> None:
    w = f.row_header
    p.save()
    p.setClipRect(QRectF(0, f.header, w, f.height - f.header))
    p.fillRect(QRectF(0, f.header, w, f.height - f.header), QColor("#ffffff"))
    title_w = w - ROLE_COL - PERSON_COL
    fm = p.fontMetrics()
    data, lay = f.data, f.layout
    align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
    bold = p.font()
    bold.setBold(True)
    normal = p.font()
    for row in f.visible_rows():
        y = f.row_y(row)
        task = int(lay.row_task[row])
        if task < 0:
            g = lay.groups[int(lay.row_group[row])]
            p.fillRect(QRectF(0, y, w, ROW_HEIGHT), QColor("#e8edf2"))
            p.setFont(bold)
            p.setPen(TEXT)
            arrow = "▸" if g.collapsed else "▾"
            text = f"{arrow} {group_title(f, g.key)}  ({g.done}/{g.count})"
            draw_line_text(p, 6, y, ROW_HEIGHT, elided(fm, text, w - 12), bold=True)
            p.setFont(normal)
            continue
        if f.overlay.selected is not None and int(lay.task_row[f.overlay.selected]) == row:
            p.fillRect(QRectF(0, y, w, ROW_HEIGHT), QColor("#d6e9fb"))
        indent = 20 + 14 * int(lay.depth[task])
        title = data.title[task]
        slot = int(lay.slot[task])
        if slot >= 0:
            count = int(lay.series_bounds[slot + 1] - lay.series_bounds[slot])
            title = f"↻ {title} ×{count}"
        elif data.milestone[task]:
            title = "◆ " + title
        p.setPen(MUTED if data.status[task] in (2, 5) else TEXT)
        draw_line_text(p, indent, y, ROW_HEIGHT, elided(fm, title, int(title_w - indent - 4)))
        role = data.roles.get(int(data.role[task]))
        if role is not None:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(role.color))
            p.drawEllipse(QRectF(title_w, y + ROW_HEIGHT / 2 - 4, 8, 8))
            p.setPen(TEXT)
            draw_line_text(p, title_w + 12, y, ROW_HEIGHT, elided(fm, role.name(f.lang), ROLE_COL - 14))
        who = data.people.get(int(data.assignee[task]), "—")
        p.setPen(MUTED)
        draw_line_text(p, w - PERSON_COL, y, ROW_HEIGHT, elided(fm, who, PERSON_COL - 4))
    p.restore()
    # corner: column titles
    p.save()
    p.fillRect(QRectF(0, 0, w, f.header), HEADER_BG)
    p.setPen(MUTED)
    y = PHASE_STRIP + TIER
    p.drawText(QRectF(20, y, title_w - 20, TIER), align, QCoreApplication.translate("Timeline", "Task"))
    p.drawText(QRectF(title_w, y, ROLE_COL, TIER), align, QCoreApplication.translate("Timeline", "Role"))
    p.drawText(QRectF(w - PERSON_COL, y, PERSON_COL, TIER), align, QCoreApplication.translate("Timeline", "Assignee"))
    p.setPen(QPen(GRID))
    p.drawLine(QPointF(0, f.header - 0.5), QPointF(w, f.header - 0.5))
    p.drawLine(QPointF(w - 0.5, 0), QPointF(w - 0.5, f.height))
    p.restore()
