"""Schema revisions: the head is compared without importing Alembic (fast start-up);
Alembic is imported only when a database actually needs migrating."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from opsdesk.errors import MigrationFailed
from opsdesk.store.revisions import HEAD_REVISION, KNOWN_REVISIONS, is_known

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
__all__ = ["HEAD_REVISION", "KNOWN_REVISIONS", "is_known"]


def current_revision(conn: Connection) -> str | None:
    """The stored revision, or None for a database Alembic has never touched."""
    try:
        with conn.begin_nested() if conn.in_transaction() else conn.begin():
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    except DBAPIError:
        return None
    return None if row is None else str(row[0])


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run Alembic's upgrade in one transaction; on failure nothing is changed."""
    from alembic import command

    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), revision)
    except DBAPIError as exc:
        raise MigrationFailed(detail=str(exc.orig)) from exc
    except Exception as exc:  # an Alembic or migration script error
        raise MigrationFailed(detail=str(exc)) from exc
