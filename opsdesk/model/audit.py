"""The change log: who did what, when, with the values before and after."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from opsdesk.model.base import Base


class _RowJSON(TypeDecorator):
    """JSON; JSONB on PostgreSQL. (``JSON().with_variant(JSONB(), "postgresql")`` did the
    same, but importing JSONB loads the PostgreSQL dialect and asyncio in every start, on
    SQLite too: about 15% of SQLAlchemy's import, on the way to the first data shown, #17.)"""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())


ROW_JSON = _RowJSON()


class Change(Base):
    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    plan_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(32))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # The first entry of the transaction this entry belongs to (one user action); its rows
    # in ``change_rows`` are what the action changed. None: the entry is its own action.
    tx: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    # For an undo or redo: the action (``tx``) it reverted.
    reverts: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)


class ChangeRow(Base):
    """One row as a write found and left it (``store/rowlog.py`` writes these)."""

    __tablename__ = "change_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    tbl: Mapped[str] = mapped_column(String(32))
    pk: Mapped[str] = mapped_column(String(64))
    old: Mapped[dict[str, Any] | None] = mapped_column(ROW_JSON, nullable=True)
    new: Mapped[dict[str, Any] | None] = mapped_column(ROW_JSON, nullable=True)
