"""Integrity and schema checks for ``opsdesk check``; they only read the database.

A file of an older (known) schema revision is not a problem: the app upgrades it when it
next opens it for writing. Its integrity is checked in the file itself, its schema against
what that revision should hold and then in an upgraded copy (so a file that would not
upgrade is reported); the file itself is left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import inspect

from opsdesk.errors import OpsDeskError
from opsdesk.store import migrate, rowlog


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    revision: str | None = None
    upgrades_to: str | None = None  # an older file: the revision the app will upgrade it to

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(store) -> CheckReport:
    report = CheckReport()
    with store.engine.connect() as conn:
        report.revision = migrate.current_revision(conn)
        older = (report.revision is not None and migrate.is_known(report.revision)
                 and report.revision != migrate.HEAD_REVISION)
        if older:
            report.upgrades_to = migrate.HEAD_REVISION
        elif report.revision != migrate.HEAD_REVISION:
            report.problems.append(
                f"schema revision is {report.revision}, this version expects {migrate.HEAD_REVISION}"
            )
        if store.is_sqlite:
            for (line,) in conn.exec_driver_sql("PRAGMA integrity_check"):
                if line != "ok":
                    report.problems.append(f"integrity: {line}")
            for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                report.problems.append(f"foreign key: {row[0]} row {row[1]} → {row[2]}")
        # ``older`` implies a revision was found
        expected = (_schema_at(cast(str, report.revision)) if older and store.is_sqlite
                    else None if older else _model_schema())
        schema = _schema_problems(conn, expected) if expected is not None else []
        if not older and not schema:
            schema = rowlog.missing_triggers(conn)
    report.problems.extend(schema)
    if older and not schema:
        report.problems.extend(_upgraded_schema_problems(store))
    return report


Schema = dict[str, list[str]]  # table → its columns


def _model_schema() -> Schema:
    from opsdesk.model import Base

    return {t.name: [c.name for c in t.columns] for t in Base.metadata.sorted_tables}


def _schema_at(revision: str) -> Schema:
    """The tables and columns a file of an older ``revision`` has: the migrations up to it
    run on a new file in a temporary folder."""
    import tempfile

    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory(prefix="opsdesk-check-") as tmp:
        engine = create_engine(f"sqlite:///{tmp}/reference.db")
        try:
            migrate.upgrade(engine, revision)
            with engine.connect() as conn:
                insp = inspect(conn)
                return {name: [c["name"] for c in insp.get_columns(name)]
                        for name in insp.get_table_names()}
        finally:
            engine.dispose()


def _schema_problems(conn, expected: Schema) -> list[str]:
    problems = []
    insp = inspect(conn)
    existing = set(insp.get_table_names())
    for table, columns in expected.items():
        if table not in existing:
            problems.append(f"schema: table {table} is missing")
            continue
        cols = {c["name"] for c in insp.get_columns(table)}
        for col in columns:
            if col not in cols:
                problems.append(f"schema: column {table}.{col} is missing")
    return problems


def _upgraded_schema_problems(store) -> list[str]:
    """An older file is upgraded (on a copy) and the copy checked against this version;
    a server is not copied."""
    if not store.is_sqlite:
        return []
    from opsdesk.store.reading import upgraded_copy

    try:
        copy = upgraded_copy(store)
    except OpsDeskError as exc:
        return [f"upgrade to schema {migrate.HEAD_REVISION} fails: {exc.message}"]
    try:
        with copy.engine.connect() as conn:
            return _schema_problems(conn, _model_schema())
    finally:
        copy.close()
