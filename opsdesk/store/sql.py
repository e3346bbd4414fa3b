"""The few statements that differ between database backends, kept here so that the
services above stay backend-neutral."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session


def upsert(session: Session, table: Table, rows: Sequence[dict[str, Any]],
           keys: Sequence[str], update: Sequence[str]) -> None:
    """Insert ``rows``, updating ``update`` columns where ``keys`` already exist."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(dialect)
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(keys), set_={c: getattr(stmt.excluded, c) for c in update}
    )
    session.execute(stmt, list(rows))
