"""The schema revisions this version knows, without importing SQLAlchemy or Alembic (the
first screen and the command line's listing read a file at the head revision with plain
``sqlite3``: see ``opsdesk.store.plain``)."""

from __future__ import annotations

# Every revision this version knows, oldest first. A test checks it against Alembic.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD_REVISION = KNOWN_REVISIONS[-1]


def is_known(revision: str) -> bool:
    return revision in KNOWN_REVISIONS
