"""The declarative base shared by every model, with stable constraint names."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import MetaData, event
from sqlalchemy.orm import DeclarativeBase, Mapper

if TYPE_CHECKING:
    from sqlalchemy import Table

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    if TYPE_CHECKING:
        # Every model here maps one Table; SQLAlchemy types ``__table__`` as any FromClause.
        __table__: ClassVar[Table]


@event.listens_for(Mapper, "before_configured")
def _load_every_model() -> None:
    """A relationship names its target class by string: before the mappers are configured,
    every model must be loaded, even when only one model's module was imported."""
    from opsdesk.model import load_models

    load_models()
