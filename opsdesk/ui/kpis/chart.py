"""``KpiChart``: one KPI on the plan's date axis (pyqtgraph; imported only with the KPI view).

Modes: ``periods`` (actual per month/week as bars against the target line, or a band for
ranges), ``cumulative`` (running actual against the running target) and ``daily`` (daily
values with a 7-day moving average). Phases are shaded regions with their names, milestones
dashed vertical lines with a ◆ label; the labels are laid out in rows under the phase names
so that none covers another (one that does not fit is left to the hover label). Bars take
the colour of their status against the period's target, target ranges are neutral bands,
the legend sits under the plot, and the hover label names the period with its values
formatted as users write them (``opsdesk.ui.fmt``). The items are made once and updated
with ``setData`` (pyqtgraph examples/PlotSpeedTest.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsView

from opsdesk.model import kpi_math as km
from opsdesk.ui import fmt

if TYPE_CHECKING:
    from opsdesk.services.kpi_reads import ChartData

EPOCH = dt.date(1970, 1, 1)
DAY = 86400.0
MODES = ("periods", "cumulative", "daily")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ACTUAL = "#1e88e5"
TARGET = "#455a64"  # the target line: dark slate (red reads as danger)
BAND = QColor(96, 125, 139, 50)  # a target range: a neutral blue-grey band
BAND_EDGE = "#78909c"
MA = "#fb8c00"
BAR_COLORS = {km.ON_TRACK: QColor(46, 125, 50, 190), km.AT_RISK: QColor(249, 168, 37, 200),
              km.OFF_TRACK: QColor(198, 40, 40, 190), km.NO_TARGET: QColor(30, 136, 229, 170),
              km.NO_DATA: QColor(30, 136, 229, 170)}
LABEL_ROWS = 4  # phase names, then up to three rows of milestone labels
LABEL_CHARS = 14  # a milestone's name is cut here on the chart (the hover label has it all)
_configured = False


def configure() -> None:
    """pyqtgraph's global options, once (white background, antialiasing)."""
    global _configured
    if not _configured:
        pg.setConfigOptions(antialias=True, background="w", foreground="#444")
        _configured = True


def x_of(day: dt.date) -> float:
    """A day's x: seconds since 1970-01-01 at UTC midnight (what ``DateAxisItem`` reads)."""
    return (day - EPOCH).days * DAY


def day_of(x: float) -> dt.date:
    return EPOCH + dt.timedelta(days=int(np.floor(x / DAY + 0.5)))


class MonthAxis(pg.DateAxisItem):
    """A date axis whose month and day labels follow the interface language (9月, Sep)."""

    def __init__(self, lang: str = "zh_CN") -> None:
        super().__init__(orientation="bottom", utcOffset=0)
        self.lang = lang

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
        zh = self.lang.startswith("zh")
        out = []
        for v in values:
            try:
                d = day_of(v)
            except (OverflowError, ValueError):
                out.append("")
                continue
            if spacing >= 300 * DAY:
                out.append(f"{d.year}年" if zh else str(d.year))
            elif spacing >= 25 * DAY:
                if zh:
                    out.append(f"{d.year}年{d.month}月" if d.month == 1 else f"{d.month}月")
                else:
                    out.append(f"{EN_MONTHS[d.month - 1]} {d.year}" if d.month == 1 else EN_MONTHS[d.month - 1])
            else:
                out.append(f"{d.month}月{d.day}日" if zh else f"{EN_MONTHS[d.month - 1]} {d.day}")
        return out


class ValueAxis(pg.AxisItem):
    """The value axis in the KPI's unit as users write it: 20万 / 200,000, 12.5%, never 1e+06."""

    def __init__(self, lang: str = "zh_CN") -> None:
        super().__init__(orientation="left")
        self.lang = lang
        self.unit = "count"

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
        return [fmt.axis_tick(v * scale, self.unit, self.lang, spacing * scale) for v in values]


def elide(text: str, chars: int = LABEL_CHARS) -> str:
    return text if len(text) <= chars else text[:chars - 1] + "…"


def _steps(spans: Sequence[tuple[dt.date, dt.date, float | None]]) -> tuple[np.ndarray, np.ndarray]:
    """A step line over day spans (end inclusive), broken where there is no value."""
    xs, ys = [], []
    for start, end, value in spans:
        v = np.nan if value is None else value
        xs += [x_of(start), x_of(end + dt.timedelta(days=1)), x_of(end + dt.timedelta(days=1))]
        ys += [v, v, np.nan]
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


class KpiChart(pg.PlotWidget):
    """One KPI's chart; call ``set_data`` again to switch KPI, mode or period."""

    def __init__(self, parent=None, lang: str = "zh_CN", compact: bool = False) -> None:
        configure()
        self.axis = MonthAxis(lang)
        self.value_axis = ValueAxis(lang)
        super().__init__(parent, axisItems={"bottom": self.axis, "left": self.value_axis})
        self.setObjectName("kpiChart")
        # rotated or moving text leaves no trace behind (the view repaints whole)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.compact = compact
        self._lang = lang
        self.data: ChartData | None = None
        self.today_day: dt.date | None = None
        self.mode, self.period = "periods", "month"
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        left = plot.getAxis("left")
        left.enableAutoSIPrefix(False)
        left.setWidth(56 if compact else 72)
        self.legend: pg.LegendItem | None = None
        if not compact:  # under the plot, in a row of its own: it never covers data
            self.legend = pg.LegendItem(colCount=7, labelTextSize="9pt")
            plot.layout.addItem(self.legend, 4, 1)
        # ---- items, made once
        self.bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=DAY, brush=BAR_COLORS[km.NO_TARGET],
                                    pen=pg.mkPen(None))
        # legend samples of the bars' colours (never drawn on the plot)
        self.bar_keys = {state: pg.BarGraphItem(x=[], height=[], width=1, brush=BAR_COLORS[state],
                                                pen=pg.mkPen(None))
                         for state in (km.ON_TRACK, km.AT_RISK, km.OFF_TRACK, km.NO_TARGET)}
        self.bar_states: list[str] = []
        self.actual = pg.PlotDataItem(pen=pg.mkPen(ACTUAL, width=2), connect="finite")
        self.average = pg.PlotDataItem(pen=pg.mkPen(MA, width=2), connect="finite")
        self.target = pg.PlotDataItem(pen=pg.mkPen(TARGET, width=2, style=Qt.PenStyle.DashLine),
                                      connect="finite")
        self.band_low = pg.PlotDataItem(pen=pg.mkPen(BAND_EDGE, width=1), connect="finite")
        self.band_high = pg.PlotDataItem(pen=pg.mkPen(BAND_EDGE, width=1), connect="finite")
        self.band = pg.FillBetweenItem(self.band_low, self.band_high, brush=BAND)
        self.today = pg.InfiniteLine(angle=90, movable=False,
                                     pen=pg.mkPen("#555", width=1, style=Qt.PenStyle.DotLine))
        self.cross = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#999", width=1))
        self.readout = pg.TextItem(anchor=(0, 0), color="#222", fill=QColor(255, 255, 255, 230),
                                   border=pg.mkPen("#bbb"))
        self.readout.setZValue(100)
        self.regions: list[pg.LinearRegionItem] = []
        self.region_labels: list[pg.TextItem] = []
        self.milestones: list[pg.InfiniteLine] = []
        self.milestone_labels: list[pg.TextItem] = []
        self._phases: list = []
        self._miles: list = []
        for item in (self.band, self.bars, self.band_low, self.band_high, self.actual,
                     self.average, self.target, self.today):
            plot.addItem(item)
        for item in (self.cross, self.readout):
            plot.addItem(item, ignoreBounds=True)
        self.cross.hide()
        self.readout.hide()
        self._points: tuple[np.ndarray, list[tuple[str, np.ndarray, np.ndarray]]] = (np.array([]), [])
        self._spans: list[tuple[dt.date, dt.date]] = []  # the period each point stands for
        self._rows_used = -1  # label rows in use (the y range leaves room for them)
        self._marks_key: tuple | None = None  # the phases and milestones drawn
        self._laid_out: tuple | None = None  # the view the labels were placed for
        self._placing = False  # (set while the chart itself moves the range)
        self._legend_entries: list = []  # what the legend shows
        self.scene().sigMouseMoved.connect(self._hover)
        vb = plot.getViewBox()
        vb.sigRangeChanged.connect(self._layout_labels)
        vb.sigResized.connect(self._resized)

    @property
    def lang(self) -> str:
        return self._lang

    @lang.setter
    def lang(self, lang: str) -> None:
        self._lang = lang
        if hasattr(self, "value_axis"):
            self.value_axis.lang = lang
            self.value_axis.picture = None  # the tick labels are cached
            self.value_axis.update()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Leaving the tab takes the crosshair and its label with it."""
        self.clear_hover()
        super().hideEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.clear_hover()
        super().leaveEvent(event)

    def clear_hover(self) -> None:
        self.cross.hide()
        self.readout.hide()

    # ---- data
    def set_data(self, data, mode: str = "periods", period: str = "month", phases=(),
                 milestones=(), today: dt.date | None = None) -> None:
        """Draw ``data`` (``services.kpi_reads.ChartData``) in ``mode``; phases and milestones
        are ``Mark``s on the same date axis."""
        self.data, self.mode, self.period = data, mode, period
        self.today_day = today
        kpi = data.kpi
        self.value_axis.unit = kpi.unit
        self.value_axis.picture = None
        days = list(data.days)
        values = np.array(data.values, dtype=float)
        targets = list(data.targets)
        hide = [self.bars, self.actual, self.average, self.target, self.band_low, self.band_high,
                self.band]
        for item in hide:
            item.setVisible(False)
        self.clear_hover()
        series: list[tuple[str, np.ndarray, np.ndarray]] = []
        self.bar_states = []
        if mode == "periods":
            per = km.by_period(zip(days, values.tolist(), strict=True), kpi.aggregation, period)
            xs = np.array([(x_of(a) + x_of(b + dt.timedelta(days=1))) / 2 for a, b, _ in per])
            heights = np.array([v for _, _, v in per], dtype=float)
            width = (7 if period == "week" else 30) * DAY * 0.75
            bands = [(a, b, km.target_for_period(targets, a, b, kpi.aggregation)) for a, b, _ in per]
            self.bar_states = [self._bar_state(kpi, a, b, v, t, today)
                               for (a, b, v), (_a, _b, t) in zip(per, bands, strict=True)]
            self.bars.setOpts(x=xs, height=heights, width=width,
                              brushes=[BAR_COLORS[st] for st in self.bar_states])
            self.bars.setVisible(bool(per))
            self._draw_target([(a, b, t.low if t else None, t.high if t else None) for a, b, t in bands])
            series.append((self.tr("Actual"), xs, heights))
            self._spans = [(a, b) for a, b, _ in per]
        elif mode == "cumulative":
            xs = np.array([x_of(d) for d in days])
            if kpi.aggregation == "sum":
                ys = np.cumsum(values) if len(values) else values
                goal = np.array(km.cumulative_target(targets, days))
                self.target.setData(xs, np.where(goal > 0, goal, np.nan))
                self.target.setVisible(bool(len(xs)))
            else:  # a running mean: the period's figure so far
                ys = np.cumsum(values) / np.arange(1, len(values) + 1) if len(values) else values
                self._draw_target(self._day_spans(targets, days))
            self.actual.setData(xs, ys)
            self.actual.setVisible(True)
            series.append((self.tr("Cumulative actual"), xs, ys))
            if self.target.isVisible() and kpi.aggregation == "sum":
                series.append((self.tr("Cumulative target"), xs, self.target.getData()[1]))
            self._spans = [(d, d) for d in days]
        else:
            xs = np.array([x_of(d) for d in days])
            ma = np.array(km.moving_average(values.tolist(), 7))
            self.actual.setData(xs, values)
            self.average.setData(xs, ma)
            self.actual.setVisible(True)
            self.average.setVisible(True)
            self._draw_target(self._day_spans(targets, days, kpi.aggregation))
            series += [(self.tr("Actual"), xs, values), (self.tr("7-day average"), xs, ma)]
            self._spans = [(d, d) for d in days]
        self._points = (series[0][1] if series else np.array([]), series)
        self._set_marks(phases, milestones)
        if today is not None:
            self.today.setValue(x_of(today))
        self.today.setVisible(today is not None)
        self._legend()
        self.getPlotItem().setTitle(None if self.compact else kpi.name(self.lang))
        self._rows_used = -1
        self._laid_out = None
        self._placing = True  # (one layout below, not one per range signal)
        try:
            self.getPlotItem().enableAutoRange()
        finally:
            self._placing = False
        self._layout_labels()

    @staticmethod
    def _bar_state(kpi, start: dt.date, end: dt.date, value: float, band: km.Band | None,
                   today: dt.date | None) -> str:
        """A period's status against its target; a goal's running period is judged by pace."""
        if band is None:
            return km.NO_TARGET
        good = km.above_is_good(kpi.direction, kpi.key, (kpi.name_zh, kpi.name_en))
        verdict = km.judge(value, band.low, band.high, kpi.direction, kpi.aggregation, good)
        if verdict.kind == km.GOAL and today is not None and start <= today <= end:
            bound = band.low if band.low is not None else band.high
            return km.status(km.pace(value, bound, (today - start).days + 1, band.days))
        return verdict.status if verdict.status in BAR_COLORS else km.NO_TARGET

    @staticmethod
    def _day_spans(targets: Sequence[km.Band], days: Sequence[dt.date], how: str = "mean"):
        """The targets in force over the charted days, per target span (daily share for sums)."""
        if not days:
            return []
        out = []
        for t in sorted(targets, key=lambda t: (t.period_start, -(t.period_end - t.period_start).days)):
            if t.period_end < days[0] or t.period_start > days[-1]:
                continue
            if km.target_on(targets, t.period_start) is not t:
                continue  # a wider target behind a more specific one (the half-year goal)
            f = 1 / ((t.period_end - t.period_start).days + 1) if how == "sum" else 1
            out.append((t.period_start, t.period_end, None if t.low is None else t.low * f,
                        None if t.high is None else t.high * f))
        return out

    def _draw_target(self, spans) -> None:
        """A band where a span has low and high, else a dashed line at its bound."""
        lines = [(a, b, lo if lo is not None else hi) for a, b, lo, hi in spans
                 if (lo is None) != (hi is None)]
        bands = [(a, b, lo, hi) for a, b, lo, hi in spans if lo is not None and hi is not None]
        if lines:
            self.target.setData(*_steps(lines))
            self.target.setVisible(True)
        if bands:
            x, low = _steps([(a, b, lo) for a, b, lo, _ in bands])
            _, high = _steps([(a, b, hi) for a, b, _, hi in bands])
            # FillBetweenItem needs unbroken curves: hold the gaps at the previous level
            keep = ~np.isnan(low)
            self.band_low.setData(x[keep], low[keep])
            self.band_high.setData(x[keep], high[keep])
            self.band_low.setVisible(True)
            self.band_high.setVisible(True)
        self.band.setVisible(bool(bands))

    def _set_marks(self, phases, milestones) -> None:
        plot = self.getPlotItem()
        marks_key = (tuple(phases), tuple(milestones), self.lang)
        if marks_key == self._marks_key:
            return  # the same phases and milestones: the items are as they were
        self._marks_key = marks_key
        self._laid_out = None
        self._phases, self._miles = list(phases), list(milestones)
        while len(self.regions) < len(phases):
            region = pg.LinearRegionItem(movable=False, pen=pg.mkPen(None))
            region.setZValue(-20)
            label = pg.TextItem(anchor=(0, 0), color="#444")
            label.setZValue(20)
            plot.addItem(region, ignoreBounds=True)
            plot.addItem(label, ignoreBounds=True)
            self.regions.append(region)
            self.region_labels.append(label)
        for i, (region, label) in enumerate(zip(self.regions, self.region_labels, strict=True)):
            if i < len(phases):
                p = phases[i]
                region.setRegion((x_of(p.start), x_of(p.end + dt.timedelta(days=1))))
                color = QColor(p.color or "#bbbbbb")
                color.setAlpha(45)
                region.setBrush(color)
                label.setText("" if self.compact else p.name(self.lang))
                label.setToolTip(f"{p.name(self.lang)}: {fmt.date_range(p.start, p.end, self.lang)}")
            region.setVisible(i < len(phases))
            label.setVisible(i < len(phases) and not self.compact)
        while len(self.milestones) < len(milestones):
            line = pg.InfiniteLine(angle=90, movable=False,
                                   pen=pg.mkPen("#8e24aa", width=1, style=Qt.PenStyle.DashLine))
            label = pg.TextItem(anchor=(0, 0), color="#6a1b9a", fill=QColor(255, 255, 255, 200))
            label.setZValue(21)
            plot.addItem(line, ignoreBounds=True)
            plot.addItem(label, ignoreBounds=True)
            self.milestones.append(line)
            self.milestone_labels.append(label)
        for i, (line, label) in enumerate(zip(self.milestones, self.milestone_labels, strict=True)):
            if i < len(milestones):
                m = milestones[i]
                line.setValue(x_of(m.start))
                name = m.name(self.lang)
                label.setText("◆ " + elide(name))
                label.setToolTip(f"◆ {name} ({fmt.long_date(m.start, self.lang)})")
                line.setToolTip(label.toolTip())
            line.setVisible(i < len(milestones))
            label.setVisible(i < len(milestones) and not self.compact)

    def _resized(self, *_args) -> None:
        self._rows_used = -1  # the room the labels need is a share of the new height
        self._laid_out = None
        self._layout_labels()

    def label_items(self) -> list[pg.TextItem]:
        """The phase names and milestone labels on screen (what ``_layout_labels`` places)."""
        return [lb for lb in (*self.region_labels, *self.milestone_labels) if lb.isVisible()]

    def _layout_labels(self, *_args) -> None:
        """Place the phase names in the top row and the milestone labels in the rows under
        it, each in the first row where it covers no other label; a label that finds no
        row within ``LABEL_ROWS`` is hidden (the hover label names the milestone)."""
        if self.compact or self._placing:
            return
        vb = self.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        box = vb.sceneBoundingRect()
        if box.width() <= 0 or box.height() <= 0:
            return
        key = (x0, x1, y0, y1, box.width(), box.height(), box.top(), box.left(), self._marks_key)
        if key == self._laid_out:
            return  # (the range signals come in bursts: nothing moved)
        gap = 6.0
        placed: list[tuple[pg.TextItem, int, float]] = []
        todo = [(lb, x_of(p.start), x_of(p.end + dt.timedelta(days=1)), 0)
                for lb, p in zip(self.region_labels, self._phases, strict=False)]
        todo += [(lb, x_of(m.start), x_of(m.start), -1)  # any row a phase name leaves free
                 for lb, m in zip(self.milestone_labels, self._miles, strict=False)]
        row_h = 1.0
        for label, *_ in todo:
            row_h = max(row_h, label.textItem.boundingRect().height())
        # at most 45 % of the plot's height for labels (a small chart keeps the phase names)
        max_rows = max(1, min(LABEL_ROWS, int(box.height() * 0.45 // row_h)))
        rows: list[list[tuple[float, float]]] = [[] for _ in range(LABEL_ROWS)]
        for label, start, end, first_row in todo:
            if end < x0 or start > x1 or not label.textItem.toPlainText():
                if label.isVisible():
                    label.setVisible(False)
                continue
            width = label.textItem.boundingRect().width()
            sx = vb.mapViewToScene(QPointF(max(start, x0), 0)).x()
            if first_row == 0:
                sx += 2  # a phase name starts inside its region …
                shown = vb.mapViewToScene(QPointF(min(end, x1), 0)).x() - sx
                if width > shown:  # … and is left out where the region is too narrow for it
                    if label.isVisible():
                        label.setVisible(False)
                    continue
            elif sx + width > box.right():
                sx -= width  # a milestone near the right edge: its label to the left of its line
            sx = max(box.left(), min(sx, box.right() - width))
            for r in range(max(first_row, 0), max_rows):
                if all(sx + width + gap <= a or sx >= b + gap for a, b in rows[r]):
                    rows[r].append((sx, sx + width))
                    placed.append((label, r, sx))
                    break
            else:
                if label.isVisible():
                    label.setVisible(False)
        used = max((r + 1 for r in range(LABEL_ROWS) if rows[r]), default=0)
        if used != self._rows_used:  # first make room above the data, then place the labels
            self._rows_used = used
            self._placing = True
            try:
                self._fit_y(used * row_h + 4)
            finally:
                self._placing = False
        for label, r, sx in placed:
            pos = vb.mapSceneToView(QPointF(sx, box.top() + r * row_h + 1))
            label.setPos(pos.x(), pos.y())
            if not label.isVisible():
                label.setVisible(True)
        (x0, x1), (y0, y1) = vb.viewRange()
        self._laid_out = (x0, x1, y0, y1, box.width(), box.height(), box.top(), box.left(),
                          self._marks_key)

    def _data_y(self) -> tuple[float, float] | None:
        """The lowest and highest value drawn (bars, lines, target)."""
        lows, highs = [], []
        if self.bars.isVisible():
            h = np.asarray(self.bars.opts.get("height"), dtype=float)
            if h.size:
                lows.append(min(0.0, float(np.nanmin(h))))
                highs.append(float(np.nanmax(h)))
        for item in (self.actual, self.average, self.target, self.band_high, self.band_low):
            if item.isVisible():
                ys = item.getData()[1]
                if ys is not None and len(ys) and not np.all(np.isnan(ys)):
                    lows.append(float(np.nanmin(ys)))
                    highs.append(float(np.nanmax(ys)))
        if not highs:
            return None
        return min(lows), max(highs)

    def _fit_y(self, head_px: float) -> None:
        """Leave ``head_px`` free above the data for the label rows, so no label covers it."""
        span = self._data_y()
        vb = self.getPlotItem().getViewBox()
        height = vb.sceneBoundingRect().height()
        if span is None or height <= 1.5 * head_px:
            vb.enableAutoRange(axis=pg.ViewBox.YAxis, enable=True)
            return
        lo, hi = span
        lo = min(lo, 0.0)
        hi = hi if hi > lo else lo + 1.0
        top = hi + (hi - lo) * head_px / (height - head_px) * 1.08
        vb.enableAutoRange(axis=pg.ViewBox.YAxis, enable=False)
        vb.setYRange(lo, top, padding=0.02)

    def label_rects(self) -> list[QRectF]:
        """The scene rectangles of the labels on screen (the tests check none overlap)."""
        return [lb.mapRectToScene(lb.boundingRect()) for lb in self.label_items()]

    def _legend(self) -> None:
        if self.legend is None:
            return
        names = {self.bars: self.tr("Actual per period"), self.actual: self.tr("Actual"),
                 self.average: self.tr("7-day average"), self.target: self.tr("Target"),
                 self.band_low: self.tr("Target range")}
        if self.mode == "cumulative" and self.data is not None:
            names[self.actual] = (self.tr("Cumulative actual") if self.data.kpi.aggregation == "sum"
                                  else self.tr("Average to date"))
            names[self.target] = (self.tr("Cumulative target") if self.data.kpi.aggregation == "sum"
                                  else self.tr("Target"))
        entries: list[tuple[pg.GraphicsObject, str]] = []
        if self.bars.isVisible():  # one entry per status the bars show
            del names[self.bars]
            state_names = {km.ON_TRACK: self.tr("on track"), km.AT_RISK: self.tr("at risk"),
                           km.OFF_TRACK: self.tr("off track"), km.NO_TARGET: self.tr("no target")}
            entries += [(self.bar_keys[state], name) for state, name in state_names.items()
                        if state in self.bar_states]
        entries += [(item, name) for item, name in names.items() if item.isVisible()]
        if entries == self._legend_entries:
            return  # the same entries (switching between KPIs of a kind): nothing to redo
        self._legend_entries = entries
        self.legend.clear()
        for item, name in entries:
            self.legend.addItem(item, name)
        # LegendItem.updateSize moves it to (0, 0) of the plot; put it back in its row now
        self.legend.setMinimumHeight(self.legend.height())
        self.legend.setMaximumHeight(self.legend.height())
        layout = self.getPlotItem().layout
        layout.invalidate()
        layout.activate()

    # ---- hover
    def _hover(self, pos: QPointF) -> None:
        plot = self.getPlotItem()
        xs, series = self._points
        if not len(xs) or not plot.getViewBox().sceneBoundingRect().contains(pos):
            self.clear_hover()
            return
        x = plot.getViewBox().mapSceneToView(pos).x()
        self.show_values_at(x)

    def period_name(self, start: dt.date, end: dt.date) -> str:
        """The hovered point's period: 2026年10月 / Oct 2026, a week's days, or the day."""
        if start == end:
            return fmt.long_date(start, self.lang)
        if start.day == 1 and end == km.month_end(start):
            return fmt.month_name(start, self.lang)
        return fmt.date_range(start, end, self.lang)

    def show_values_at(self, x: float) -> str:
        """Move the crosshair to the point nearest ``x`` and show its values; returns the text."""
        xs, series = self._points
        if not len(xs):
            return ""
        i = int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
        if i > 0 and abs(xs[i - 1] - x) < abs(xs[i] - x):
            i -= 1
        assert self.data is not None  # (there are points: a KPI is shown)
        kpi = self.data.kpi
        start, end = self._spans[i] if i < len(self._spans) else (day_of(xs[i]), day_of(xs[i]))
        lines = [self.period_name(start, end)]
        for name, sx, sy in series:
            j = int(np.clip(np.searchsorted(sx, xs[i]), 0, len(sx) - 1))
            if len(sy) == len(sx) and len(sy) and not np.isnan(sy[j]):
                lines.append(f"{name}: {fmt.kpi_value(float(sy[j]), kpi.unit, kpi.decimals, self.lang)}")
        if self.bar_states and i < len(self.bar_states) and self.bar_states[i] != km.NO_TARGET:
            lines.append({km.ON_TRACK: self.tr("on track"), km.AT_RISK: self.tr("at risk"),
                          km.OFF_TRACK: self.tr("off track")}.get(self.bar_states[i], ""))
        lines += [f"◆ {m.name(self.lang)}" for m in self._miles if start <= m.start <= end]
        text = "\n".join(line for line in lines if line)
        self.cross.setValue(xs[i])
        self.readout.setText(text)
        (x0, x1), (_y0, y1) = self.getPlotItem().getViewBox().viewRange()
        self.readout.setAnchor((1, 0) if xs[i] > (x0 + x1) / 2 else (0, 0))
        self.readout.setPos(xs[i], y1)
        self.cross.show()
        self.readout.show()
        return text

    # ---- export
    def export(self, path: str) -> None:
        """Write the chart to PNG (what is on screen) or SVG (by the file's suffix).

        SVG goes through ``QSvgGenerator`` (Qt docs: QSvgGenerator): pyqtgraph's own
        SVGExporter fails on the path format of recent Qt versions."""
        from opsdesk.services import files  # never over the open database or its -wal/-shm

        if path.lower().endswith(".svg"):
            from PySide6.QtCore import QRect, QSize
            from PySide6.QtGui import QPainter
            from PySide6.QtSvg import QSvgGenerator

            self.clear_hover()
            size = QSize(max(self.width(), 640), max(self.height(), 360))
            gen = QSvgGenerator()
            gen.setFileName(str(files.refuse_live(path)))
            gen.setSize(size)
            gen.setViewBox(QRect(0, 0, size.width(), size.height()))
            gen.setTitle(self.data.kpi.name(self.lang) if self.data is not None else "KPI")
            painter = QPainter(gen)
            self.render(painter)
            painter.end()
            return
        self.clear_hover()
        if not self.grab().save(str(files.refuse_live(path)), "PNG"):
            raise OSError(f"could not write {path}")
