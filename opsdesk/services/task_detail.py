"""Everything the task panel shows about one task, read in one session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from opsdesk.errors import NotFound
from opsdesk.model import Comment, Phase, Role, Task, TaskLink, User


@dataclass(frozen=True)
class LinkedTask:
    id: int
    title: str
    status: str
    kind: str
    lag_days: int


@dataclass(frozen=True)
class CommentInfo:
    id: int
    author: str
    at: dt.datetime
    text: str


@dataclass(frozen=True)
class TaskDetail:
    task: object  # TaskRow
    phase_zh: str | None
    phase_en: str | None
    role_zh: str | None
    role_en: str | None
    role_color: str | None
    assignee: str | None
    done_by: str | None
    parent_title: str | None
    subtasks: list[LinkedTask]
    predecessors: list[LinkedTask]
    successors: list[LinkedTask]
    comments: list[CommentInfo]

    def phase_name(self, lang: str) -> str | None:
        return self.phase_zh if lang.startswith("zh") else self.phase_en

    def role_name(self, lang: str) -> str | None:
        return self.role_zh if lang.startswith("zh") else self.role_en


def load_detail(s: Session, task_id: int, row_factory, columns) -> TaskDetail:
    row = s.execute(select(*columns).where(Task.id == task_id)).first()
    if row is None:
        raise NotFound()
    task = row_factory(*row)
    assignee, doer = aliased(User), aliased(User)
    extra = s.execute(
        select(Phase.name_zh, Phase.name_en, Role.name_zh, Role.name_en, Role.color,
               assignee.name, doer.name)
        .select_from(Task)
        .outerjoin(Phase, Phase.id == Task.phase_id)
        .outerjoin(Role, Role.id == Task.role_id)
        .outerjoin(assignee, assignee.id == Task.assignee_id)
        .outerjoin(doer, doer.id == Task.done_by)
        .where(Task.id == task_id)).one()
    parent_title = None
    if task.parent_id is not None:
        parent_title = s.scalar(select(Task.title).where(Task.id == task.parent_id))
    subtasks = [LinkedTask(r[0], r[1], r[2], "", 0) for r in s.execute(
        select(Task.id, Task.title, Task.status).where(Task.parent_id == task_id)
        .order_by(Task.position, Task.id))]
    preds = [LinkedTask(*r) for r in s.execute(
        select(Task.id, Task.title, Task.status, TaskLink.kind, TaskLink.lag_days)
        .join(TaskLink, TaskLink.pred_id == Task.id).where(TaskLink.succ_id == task_id)
        .order_by(Task.due, Task.id))]
    succs = [LinkedTask(*r) for r in s.execute(
        select(Task.id, Task.title, Task.status, TaskLink.kind, TaskLink.lag_days)
        .join(TaskLink, TaskLink.succ_id == Task.id).where(TaskLink.pred_id == task_id)
        .order_by(Task.due, Task.id))]
    comments = [CommentInfo(*r) for r in s.execute(
        select(Comment.id, User.name, Comment.at, Comment.text)
        .join(User, User.id == Comment.user_id).where(Comment.task_id == task_id)
        .order_by(Comment.at, Comment.id))]
    return TaskDetail(task, *extra, parent_title, subtasks, preds, succs, comments)
