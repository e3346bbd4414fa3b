"""The Timeline's day legend (weekend, public holiday, make-up working day) and the option to
count durations and moves in working days (an app setting: ui/settings.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from opsdesk.model import workdays
from opsdesk.ui.timeline.calendar_days import uncovered_years
from opsdesk.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from opsdesk.services.timeline import TimelineData
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.timeline.canvas import TimelineCanvas

SWATCH = '<span style="color:{color}">{mark}</span>&nbsp;{text}'


class DayLegend(Retranslating, QWidget):
    def __init__(self, ctx: AppContext, canvas: TimelineCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineDayLegend")
        self.ctx, self.canvas = ctx, canvas
        self.outside: tuple[int, int] | None = None  # the calendar's years, when the plan leaves them
        self.label = QLabel()
        self.label.setObjectName("timelineLegend")
        self.label.setProperty("class", "muted")
        self.label.setMinimumWidth(1)  # clipped on a narrow window, never widening it (1280 px)
        self.working = QCheckBox()
        self.working.setObjectName("timelineWorkingDays")
        self.working.setChecked(ctx.settings.working_days())
        canvas.working_days = self.working.isChecked()
        self.working.toggled.connect(self._toggled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.working)
        self.retranslate_ui()

    def set_data(self, data: TimelineData) -> None:
        """The plan shown: say once (here) when it reaches years without holiday data."""
        days = [d for ph in data.phases for d in (ph.start, ph.end)]
        self.outside = uncovered_years(min(days), max(days)) if days else None
        self.retranslate_ui()

    def _toggled(self, on: bool) -> None:
        self.ctx.settings.set_working_days(on)
        self.canvas.working_days = on

    def retranslate_ui(self) -> None:
        parts = [SWATCH.format(color="#b0bec5", mark="■", text=self.tr("Weekend")),
                 SWATCH.format(color="#ef9a9a", mark="■", text=self.tr("Public holiday")),
                 SWATCH.format(color="#5c6bc0", mark="▨", text=self.tr("Make-up working day (调休)"))]
        first, last = workdays.covered_years()
        tip = self.tr("China's public holidays and make-up working days, {first}–{last}. "
                      "Hover a day for its holiday.").format(first=first, last=last)
        if self.outside is not None:
            parts[1] += "&nbsp;⚠"  # (the tooltip says why)
            tip += "\n" + self.tr("This plan reaches beyond {last}: there only Saturdays and "
                                  "Sundays count as days off.").format(last=last)
        self.label.setText("&nbsp;&nbsp;".join(parts))
        self.label.setToolTip(tip)
        self.working.setText(self.tr("Working days"))
        self.working.setToolTip(self.tr(
            "Moving a task on the timeline moves it by working days (skipping weekends and "
            "public holidays, counting make-up days), and durations show working days too."))
