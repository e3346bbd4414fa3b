"""Tasks (with subtasks and milestones), links between them, comments and routines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from opsdesk.model.base import Base


class TaskSeries(Base):
    """A routine: an RFC 5545 RRULE whose occurrences are ordinary tasks."""

    __tablename__ = "task_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(500))
    start: Mapped[dt.date] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        CheckConstraint("due IS NULL OR start IS NULL OR due >= start", name="due_after_start"),
        Index("ix_tasks_plan_due", "plan_id", "due"),
        # Covers the overview's one grouped count (phase × status × milestone, overdue by due).
        Index("ix_tasks_plan_phase_status", "plan_id", "phase_id", "status", "is_milestone", "due"),
        Index("ix_tasks_plan_milestone_due", "plan_id", "is_milestone", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("phases.id", ondelete="SET NULL"), nullable=True, index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), nullable=True, index=True
    )
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("task_series.id", ondelete="SET NULL"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    notes: Mapped[str] = mapped_column(Text, default="")
    role_id: Mapped[int | None] = mapped_column(ForeignKey("roles.id"), nullable=True, index=True)
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id"), nullable=True, index=True
    )
    start: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="todo")
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    is_milestone: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    done_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # What the due date hangs on (model/anchors.py): launch day ("launch", moved with it),
    # a calendar month-day ("date"), a Chinese lunar month-day ("lunar"), or another task
    # ("task": ``anchor_days`` after its due, negative = before). ``anchor_days`` is also
    # added to a calendar or lunar date. The start keeps its distance to the due.
    anchor_kind: Mapped[str] = mapped_column(String(8), default="launch", server_default="launch")
    anchor_month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    anchor_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # No foreign key (migration 0005): an anchor that is gone means launch day again.
    anchor_task_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    anchor_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class TaskLink(Base):
    __tablename__ = "task_links"
    __table_args__ = (CheckConstraint("pred_id <> succ_id", name="not_self"),)

    pred_id: Mapped[int] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True
    )
    succ_id: Mapped[int] = mapped_column(
        ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(2), default="FS")
    lag_days: Mapped[int] = mapped_column(Integer, default=0)


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)
