"""A plan as other planners describe it: tasks in an outline, links, resources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError

BAD_FILE = QT_TRANSLATE_NOOP("Errors", "{file} cannot be read as {kind}: {detail}")


@dataclass
class TaskDoc:
    uid: str
    name: str
    start: dt.date | None
    finish: dt.date | None
    parent: str | None = None
    milestone: bool = False
    summary: bool = False
    percent_complete: int = 0
    notes: str = ""
    resources: list[str] = field(default_factory=list)  # resource uids
    depth: int = 0


@dataclass(frozen=True)
class LinkDoc:
    pred: str
    succ: str
    kind: str = "FS"  # FS, SS, FF, SF
    lag_days: int = 0


@dataclass(frozen=True)
class ResourceDoc:
    uid: str
    name: str
    group: str = ""
    short_name: str = ""


@dataclass
class PlanDoc:
    name: str
    start: dt.date | None
    tasks: list[TaskDoc] = field(default_factory=list)
    links: list[LinkDoc] = field(default_factory=list)
    resources: list[ResourceDoc] = field(default_factory=list)
    source: str = ""

    def span(self) -> tuple[dt.date, dt.date] | None:
        days = [d for t in self.tasks for d in (t.start, t.finish) if d is not None]
        return (min(days), max(days)) if days else None

    def children(self) -> dict[str | None, list[TaskDoc]]:
        out: dict[str | None, list[TaskDoc]] = {}
        for t in self.tasks:
            out.setdefault(t.parent, []).append(t)
        return out


def bad_file(file: str, kind: str, detail: str) -> ValidationError:
    return ValidationError(BAD_FILE, field="file", file=file, kind=kind, detail=detail)
