"""Enumerations stored as short strings in the database."""

from __future__ import annotations

from enum import StrEnum


class TaskStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"  # a routine occurrence let go on purpose: neither done nor overdue

    @property
    def is_open(self) -> bool:
        return self in (TaskStatus.TODO, TaskStatus.DOING, TaskStatus.BLOCKED)


OPEN_STATUSES = (TaskStatus.TODO.value, TaskStatus.DOING.value, TaskStatus.BLOCKED.value)


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class LinkKind(StrEnum):
    FS = "FS"  # finish-to-start
    SS = "SS"  # start-to-start
    FF = "FF"  # finish-to-finish
    SF = "SF"  # start-to-finish


class KpiUnit(StrEnum):
    CNY = "CNY"
    PERCENT = "%"
    RATIO = "ratio"
    COUNT = "count"


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    RANGE = "range"


class Aggregation(StrEnum):
    SUM = "sum"
    MEAN = "mean"
    LAST = "last"


class ValueSource(StrEnum):
    MANUAL = "manual"
    IMPORT = "import"
