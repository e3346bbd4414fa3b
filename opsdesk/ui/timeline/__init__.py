"""The Timeline: phases, tasks, milestones and links on a painted, virtualized Gantt view.

Exports ``TimelineView`` (imported on first use, so ``scale`` and ``layout`` stay Qt-free).
"""

from __future__ import annotations

__all__ = ["TimelineView"]


def __getattr__(name: str):
    if name == "TimelineView":
        from opsdesk.ui.timeline.view import TimelineView

        return TimelineView
    raise AttributeError(name)
