"""What every service shares: the store, the clock, and the change log."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import insert
from sqlalchemy.orm import Session

from opsdesk.model import Change
from opsdesk.services.actor import Actor
from opsdesk.services.clock import Clock, utc_now
from opsdesk.store import Store

if TYPE_CHECKING:
    from sqlalchemy import CursorResult, Result

__all__ = ["Clock", "utc_now"]  # (re-exported: they live in services/clock.py)


def inserted_id(result: Result[Any]) -> int:
    """The primary key of the row a Core ``INSERT`` added: ``Session.execute`` is typed as
    returning a ``Result``, and for an INSERT it is a ``CursorResult``."""
    key = cast("CursorResult[Any]", result).inserted_primary_key
    assert key is not None  # set by every single-row INSERT
    return int(key[0])


def row_count(result: Result[Any]) -> int:
    """How many rows a Core ``UPDATE`` or ``DELETE`` matched (its result is a ``CursorResult``)."""
    return cast("CursorResult[Any]", result).rowcount


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


class Service:
    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self.store = store
        self.clock = clock

    def log(
        self,
        session: Session,
        actor: Actor,
        entity: str,
        entity_id: int | None,
        action: str,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        plan_id: int | None = None,
        reverts: int | None = None,
    ) -> int:
        """Record one change-log entry inside the caller's transaction.

        The transaction's first entry is its action: the later ones name it as ``tx``, and
        the rows the transaction changed are kept under it (``store/rowlog.py``)."""
        tx = session.info.get("tx")
        change_id = inserted_id(session.execute(
            insert(Change).values(
                tx=tx,
                reverts=reverts,
                at=self.clock(),
                user_id=actor.user_id,
                plan_id=plan_id,
                entity=entity,
                entity_id=entity_id,
                action=action,
                before=jsonable(before) if before is not None else None,
                after=jsonable(after) if after is not None else None,
            )
        ))
        if tx is None:
            session.info["tx"] = change_id
        return change_id
