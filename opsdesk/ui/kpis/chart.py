"""``KpiChart``: one KPI on the plan's date axis (pyqtgraph; imported only with the KPI view).

Modes: ``periods`` (actual per month/week as bars against the target line, or a band for
ranges), ``cumulative`` (running actual against the running target) and ``daily`` (daily
values with a 7-day moving average). Phases are shaded regions with their names, milestones
labelled vertical lines, and a crosshair shows the values under the mouse. The items are
made once and updated with ``setData`` (pyqtgraph examples/PlotSpeedTest.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from opsdesk.model import kpi_math as km

if TYPE_CHECKING:
    from opsdesk.services.kpi_reads import ChartData

EPOCH = dt.date(1970, 1, 1)
DAY = 86400.0
MODES = ("periods", "cumulative", "daily")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ACTUAL = "#1e88e5"
TARGET = "#e53935"
MA = "#fb8c00"
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
        super().__init__(parent, axisItems={"bottom": self.axis})
        self.setObjectName("kpiChart")
        self.compact = compact
        self.lang = lang
        self.data: ChartData | None = None
        self.mode, self.period = "periods", "month"
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        left = plot.getAxis("left")
        left.enableAutoSIPrefix(False)
        left.setWidth(56 if compact else 72)
        self.legend = None if compact else plot.addLegend(offset=(-10, 30), labelTextSize="9pt",
                                                          brush=QColor(255, 255, 255, 200))
        # ---- items, made once
        self.bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=DAY, brush=QColor(30, 136, 229, 170),
                                    pen=pg.mkPen(None))
        self.actual = pg.PlotDataItem(pen=pg.mkPen(ACTUAL, width=2), connect="finite")
        self.average = pg.PlotDataItem(pen=pg.mkPen(MA, width=2), connect="finite")
        self.target = pg.PlotDataItem(pen=pg.mkPen(TARGET, width=2, style=Qt.PenStyle.DashLine),
                                      connect="finite")
        self.band_low = pg.PlotDataItem(pen=pg.mkPen(TARGET + "88", width=1), connect="finite")
        self.band_high = pg.PlotDataItem(pen=pg.mkPen(TARGET + "88", width=1), connect="finite")
        self.band = pg.FillBetweenItem(self.band_low, self.band_high, brush=QColor(229, 57, 53, 40))
        self.today = pg.InfiniteLine(angle=90, movable=False,
                                     pen=pg.mkPen("#555", width=1, style=Qt.PenStyle.DotLine))
        self.cross = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#999", width=1))
        self.readout = pg.TextItem(anchor=(0, 0), color="#222", fill=QColor(255, 255, 255, 220),
                                   border=pg.mkPen("#bbb"))
        self.regions: list[pg.LinearRegionItem] = []
        self.region_labels: list[pg.TextItem] = []
        self.milestones: list[pg.InfiniteLine] = []
        for item in (self.band, self.bars, self.band_low, self.band_high, self.actual,
                     self.average, self.target, self.today):
            plot.addItem(item)
        for item in (self.cross, self.readout):
            plot.addItem(item, ignoreBounds=True)
        self.cross.hide()
        self.readout.hide()
        self._points: tuple[np.ndarray, list[tuple[str, np.ndarray, np.ndarray]]] = (np.array([]), [])
        self.scene().sigMouseMoved.connect(self._hover)
        plot.getViewBox().sigYRangeChanged.connect(self._place_region_labels)

    # ---- data
    def set_data(self, data, mode: str = "periods", period: str = "month", phases=(),
                 milestones=(), today: dt.date | None = None) -> None:
        """Draw ``data`` (``services.kpi_reads.ChartData``) in ``mode``; phases and milestones
        are ``Mark``s on the same date axis."""
        self.data, self.mode, self.period = data, mode, period
        kpi = data.kpi
        days = list(data.days)
        values = np.array(data.values, dtype=float)
        targets = list(data.targets)
        hide = [self.bars, self.actual, self.average, self.target, self.band_low, self.band_high,
                self.band]
        for item in hide:
            item.setVisible(False)
        series: list[tuple[str, np.ndarray, np.ndarray]] = []
        if mode == "periods":
            per = km.by_period(zip(days, values.tolist(), strict=True), kpi.aggregation, period)
            xs = np.array([(x_of(a) + x_of(b + dt.timedelta(days=1))) / 2 for a, b, _ in per])
            heights = np.array([v for _, _, v in per], dtype=float)
            width = (7 if period == "week" else 30) * DAY * 0.75
            self.bars.setOpts(x=xs, height=heights, width=width)
            self.bars.setVisible(bool(per))
            bands = [(a, b, km.target_for_period(targets, a, b, kpi.aggregation)) for a, b, _ in per]
            self._draw_target([(a, b, t.low if t else None, t.high if t else None) for a, b, t in bands])
            series.append((self.tr("Actual"), xs, heights))
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
            if self.target.isVisible():
                series.append((self.tr("Cumulative target"), xs, self.target.getData()[1]))
        else:
            xs = np.array([x_of(d) for d in days])
            ma = np.array(km.moving_average(values.tolist(), 7))
            self.actual.setData(xs, values)
            self.average.setData(xs, ma)
            self.actual.setVisible(True)
            self.average.setVisible(True)
            self._draw_target(self._day_spans(targets, days, kpi.aggregation))
            series += [(self.tr("Actual"), xs, values), (self.tr("7-day average"), xs, ma)]
        self._points = (series[0][1] if series else np.array([]), series)
        self._set_marks(phases, milestones)
        if today is not None:
            self.today.setValue(x_of(today))
        self.today.setVisible(today is not None)
        self._legend()
        self.getPlotItem().setTitle(None if self.compact else kpi.name(self.lang))
        self.getPlotItem().enableAutoRange()
        self._place_region_labels()

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
        while len(self.regions) < len(phases):
            region = pg.LinearRegionItem(movable=False, pen=pg.mkPen(None))
            region.setZValue(-20)
            label = pg.TextItem(anchor=(0, 0), color="#555")
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
                label.setPos(x_of(p.start), 0)
            region.setVisible(i < len(phases))
            label.setVisible(i < len(phases) and not self.compact)
        while len(self.milestones) < len(milestones):
            line = pg.InfiniteLine(angle=90, movable=False,
                                   pen=pg.mkPen("#8e24aa", width=1, style=Qt.PenStyle.DashLine),
                                   label="", labelOpts=dict(position=0.62, color="#6a1b9a",
                                                            rotateAxis=(1, 0), anchors=[(0, 0), (0, 0)]))
            plot.addItem(line, ignoreBounds=True)
            self.milestones.append(line)
        for i, line in enumerate(self.milestones):
            if i < len(milestones):
                m = milestones[i]
                line.setValue(x_of(m.start))
                line.label.setFormat("" if self.compact else "◆ " + m.name(self.lang).split(":")[-1].split(":")[-1])
            line.setVisible(i < len(milestones))

    def _place_region_labels(self, *_args) -> None:
        top = self.getPlotItem().getViewBox().viewRange()[1][1]
        for label in self.region_labels:
            label.setPos(label.pos().x(), top)

    def _legend(self) -> None:
        if self.legend is None:
            return
        self.legend.clear()
        names = {self.bars: self.tr("Actual per period"), self.actual: self.tr("Actual"),
                 self.average: self.tr("7-day average"), self.target: self.tr("Target"),
                 self.band_low: self.tr("Target range")}
        if self.mode == "cumulative" and self.data is not None:
            names[self.actual] = (self.tr("Cumulative actual") if self.data.kpi.aggregation == "sum"
                                  else self.tr("Average to date"))
            names[self.target] = (self.tr("Cumulative target") if self.data.kpi.aggregation == "sum"
                                  else self.tr("Target"))
        for item, name in names.items():
            if item.isVisible():
                self.legend.addItem(item, name)

    # ---- hover
    def _hover(self, pos: QPointF) -> None:
        plot = self.getPlotItem()
        xs, series = self._points
        if not len(xs) or not plot.sceneBoundingRect().contains(pos):
            self.cross.hide()
            self.readout.hide()
            return
        x = plot.getViewBox().mapSceneToView(pos).x()
        self.show_values_at(x)

    def show_values_at(self, x: float) -> str:
        """Move the crosshair to the point nearest ``x`` and show its values; returns the text."""
        xs, series = self._points
        if not len(xs):
            return ""
        i = int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
        if i > 0 and abs(xs[i - 1] - x) < abs(xs[i] - x):
            i -= 1
        assert self.data is not None  # (there are points: a KPI is shown)
        decimals = self.data.kpi.decimals
        lines = [day_of(xs[i]).isoformat()]
        for name, sx, sy in series:
            j = int(np.clip(np.searchsorted(sx, xs[i]), 0, len(sx) - 1))
            if len(sy) and not np.isnan(sy[j]):
                lines.append(f"{name}: {sy[j]:,.{decimals}f}")
        text = "\n".join(lines)
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

            self.cross.hide()
            self.readout.hide()
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
        self.cross.hide()
        self.readout.hide()
        if not self.grab().save(str(files.refuse_live(path)), "PNG"):
            raise OSError(f"could not write {path}")
