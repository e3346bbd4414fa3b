"""What one paint needs: the data, its rows, the scale, the visible window and the overlays."""

from __future__ import annotations

from dataclasses import dataclass, field

from opsdesk.services.timeline import TimelineData
from opsdesk.ui.timeline.layout import ROW_HEIGHT, Layout
from opsdesk.ui.timeline.scale import Scale

PHASE_STRIP = 22
TIER = 18
HEADER_HEIGHT = PHASE_STRIP + 2 * TIER
ROW_HEADER_WIDTH = 380
ROLE_COL, PERSON_COL = 100, 74


@dataclass
class Overlay:
    """Transient state drawn over the plan: selection, hover, a drag in progress."""

    selected: int | None = None  # task index
    hover: int | None = None
    preview: dict[int, tuple[int, int]] = field(default_factory=dict)  # index -> (d0, d1)
    invalid: bool = False  # the previewed dates are refused (due before start)
    link_from: int | None = None
    link_to: tuple[float, float] | None = None  # view point
    launch_preview: int | None = None  # ordinal of a launch day being dragged


@dataclass
class Frame:
    """A window onto the timeline: ``x0``/``y0`` are the content coordinates shown at the
    top-left of the time area (right of the row header, below the date header)."""

    data: TimelineData
    layout: Layout
    scale: Scale
    lang: str
    today: int
    width: int
    height: int
    x0: float = 0.0
    y0: float = 0.0
    header: int = HEADER_HEIGHT
    row_header: int = ROW_HEADER_WIDTH
    overlay: Overlay = field(default_factory=Overlay)

    # ---- view coordinates
    def view_x(self, day: float) -> float:
        return self.row_header + self.scale.x(day) - self.x0

    def day_at(self, view_x: float) -> int:
        return self.scale.day_at(view_x - self.row_header + self.x0)

    def row_y(self, row: int) -> float:
        return self.header + row * ROW_HEIGHT - self.y0

    def row_at(self, view_y: float) -> int | None:
        if view_y < self.header:
            return None
        return self.layout.row_at(view_y - self.header + self.y0)

    def visible_rows(self) -> range:
        first = max(0, int(self.y0 // ROW_HEIGHT))
        last = min(self.layout.rows, int((self.y0 + self.height - self.header) // ROW_HEIGHT) + 1)
        return range(first, last)

    def visible_days(self) -> tuple[int, int]:
        return (self.scale.day_at(self.x0),
                self.scale.day_at(self.x0 + self.width - self.row_header) + 1)
