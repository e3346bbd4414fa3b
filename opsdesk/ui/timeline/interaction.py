"""Hit-testing and the mouse gestures of the timeline: select, move, resize, link, shift."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QPointF, QRectF, Qt

from opsdesk.services.timeline import NO_DAY
from opsdesk.ui.timeline.frame import PHASE_STRIP, Frame
from opsdesk.ui.timeline.painter import task_rect

EDGE = 4
LINK_HANDLE = 14
DRAG_START = 4


@dataclass(frozen=True)
class Hit:
    kind: str  # "task" | "group" | "launch" | "phase" | "none"
    row: int | None = None
    task: int | None = None  # task index, or group index for "group", phase index for "phase"
    part: str = "body"  # "body" | "start" | "end" | "link" | "row" | "label"
    day: int | None = None


def hit_test(f: Frame, pos: QPointF) -> Hit:
    x, y = pos.x(), pos.y()
    day = f.day_at(x) if x >= f.row_header else None
    if y < f.header:
        if x < f.row_header or y >= PHASE_STRIP:
            return Hit("none", day=day)
        if f.data.launch != NO_DAY and abs(x - f.view_x(f.data.launch)) <= 6:
            return Hit("launch", day=day)
        for i, ph in enumerate(f.data.phases):
            if ph.start <= (day or 0) <= ph.end:
                return Hit("phase", task=i, day=day)
        return Hit("none", day=day)
    row = f.row_at(y)
    if row is None:
        return Hit("none", day=day)
    task = int(f.layout.row_task[row])
    if task < 0:
        return Hit("group", row=row, task=int(f.layout.row_group[row]), day=day)
    if x < f.row_header:
        return Hit("task", row, task, "label", day)
    slot = int(f.layout.slot[task])
    assert day is not None  # (right of the row header)
    if slot >= 0:  # a routine's row: the occurrence under the cursor
        near = [t for t in f.layout.occurrences(slot, day - 1, day + 1).tolist()
                if int(f.layout.d0[t]) - 1 <= day <= int(f.layout.d1[t]) + 1]
        if not near:
            return Hit("task", row, task, "row", day)
        task = min(near, key=lambda t: abs(cast(QRectF, task_rect(f, t, row)).center().x() - x))
    rect = task_rect(f, task, row)
    if rect is None:
        return Hit("task", row, task, "row", day)
    milestone = bool(f.data.milestone[task])
    if rect.left() - EDGE <= x <= rect.right() + EDGE:
        if not milestone and rect.width() >= 3 * EDGE:
            if abs(x - rect.left()) <= EDGE:
                return Hit("task", row, task, "start", day)
            if abs(x - rect.right()) <= EDGE:
                return Hit("task", row, task, "end", day)
        return Hit("task", row, task, "body", day)
    if rect.right() + EDGE < x <= rect.right() + LINK_HANDLE:
        return Hit("task", row, task, "link", day)
    return Hit("task", row, task, "row", day)


@dataclass
class Gesture:
    """A press on a bar that may become a drag: what it does and how far it went."""

    mode: str  # "move" | "start" | "end" | "link" | "launch"
    task: int | None
    press_x: float
    press_y: float
    active: bool = False
    days: int = 0
    target: int | None = None  # task index under the cursor for a link

    @staticmethod
    def for_hit(hit: Hit, pos: QPointF, modifiers: Qt.KeyboardModifier) -> Gesture | None:
        if hit.kind == "launch":
            return Gesture("launch", None, pos.x(), pos.y())
        if hit.kind != "task" or hit.part in ("row", "label"):
            return None
        mode = {"body": "move", "start": "start", "end": "end", "link": "link"}[hit.part]
        if modifiers & Qt.KeyboardModifier.ShiftModifier and hit.part == "body":
            mode = "link"
        return Gesture(mode, hit.task, pos.x(), pos.y())

    def update(self, f: Frame, pos: QPointF) -> None:
        if not self.active and (abs(pos.x() - self.press_x) + abs(pos.y() - self.press_y)) >= DRAG_START:
            self.active = True
        self.days = round((pos.x() - self.press_x) / f.scale.ppd)
        if self.mode == "link":
            hit = hit_test(f, pos)
            self.target = hit.task if hit.kind == "task" and hit.task != self.task else None

    def dates(self, f: Frame) -> tuple[int, int]:
        """The dragged task's (first, last) day as the gesture stands."""
        d0, d1 = int(f.layout.d0[self.task]), int(f.layout.d1[self.task])
        if self.mode == "move":
            return d0 + self.days, d1 + self.days
        if self.mode == "start":
            return d0 + self.days, d1
        if self.mode == "end":
            return d0, d1 + self.days
        return d0, d1
