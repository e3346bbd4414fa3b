"""The activity log, read for the views and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from opsdesk.model import Change, User
from opsdesk.services.base import Service


@dataclass(frozen=True)
class ChangeRow:
    id: int
    at: dt.datetime
    user_id: int | None
    user_name: str | None
    entity: str
    entity_id: int | None
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditService(Service):
    def recent(self, plan_id: int | None = None, limit: int = 200) -> list[ChangeRow]:
        stmt = (select(Change.id, Change.at, Change.user_id, User.name, Change.entity,
                       Change.entity_id, Change.action, Change.before, Change.after)
                .outerjoin(User, User.id == Change.user_id)
                .order_by(Change.id.desc()).limit(limit))
        if plan_id is not None:
            stmt = stmt.where(Change.plan_id == plan_id)
        with self.store.read() as s:
            return [ChangeRow(*r) for r in s.execute(stmt)]
