"""The views the main window lists, in navigation order.

A view is a ``QWidget`` built as ``cls(ctx, window)`` the first time it is shown, with:
``refresh()`` (reload what it shows), ``on_changes(changes)`` (refresh only what a write
touched), and text set in ``retranslate_ui()`` on ``QEvent.LanguageChange``. It writes
through ``window.run(text, do)`` (a service call; its undo is the services') and may call
``window.show_task(task_id)``. Add a view by adding one line here; only views that exist
are listed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from opsdesk.errors import QT_TRANSLATE_NOOP


class View(Protocol):
    """What the main window calls on a view beyond its ``QWidget`` (see above)."""

    def refresh(self) -> None: ...


@dataclass(frozen=True)
class ViewSpec:
    key: str
    module: str
    cls: str
    title: str  # English; translated in the "Views" context
    manager_only: bool = False

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.cls)

    def translated_title(self) -> str:
        return QCoreApplication.translate("Views", self.title)


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("overview", "opsdesk.ui.overview", "OverviewView", QT_TRANSLATE_NOOP("Views", "Overview")),
    ViewSpec("mywork", "opsdesk.ui.mywork", "MyWorkView", QT_TRANSLATE_NOOP("Views", "My work")),
    ViewSpec("tasks", "opsdesk.ui.tasks.view", "TasksView", QT_TRANSLATE_NOOP("Views", "Tasks")),
    ViewSpec("timeline", "opsdesk.ui.timeline.view", "TimelineView", QT_TRANSLATE_NOOP("Views", "Timeline")),
    ViewSpec("team", "opsdesk.ui.team", "TeamView", QT_TRANSLATE_NOOP("Views", "Team")),
    ViewSpec("kpis", "opsdesk.ui.kpis.view", "KpisView", QT_TRANSLATE_NOOP("Views", "KPIs")),
    ViewSpec("activity", "opsdesk.ui.activity", "ActivityView", QT_TRANSLATE_NOOP("Views", "Activity")),
    ViewSpec("people", "opsdesk.ui.people", "PeopleView", QT_TRANSLATE_NOOP("Views", "People and roles"),
             manager_only=True),
)


def spec(key: str) -> ViewSpec:
    return next(v for v in VIEWS if v.key == key)
