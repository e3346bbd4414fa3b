"""Integrity and schema checks for ``opsdesk check``; they only read the database.

A file of an older (known) schema revision is not a problem: the app upgrades it when it
next opens it for writing. Its integrity is checked in the file itself, its schema in an
upgraded copy (so a file that would not upgrade is reported), and the file is left as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import inspect

from opsdesk.errors import OpsDeskError
from opsdesk.store import migrate


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
        if not older:
            report.problems.extend(_schema_problems(conn))
    if older:
        report.problems.extend(_upgraded_schema_problems(store))
    return report


def _schema_problems(conn) -> list[str]:
    from opsdesk.model import Base

    problems = []
    insp = inspect(conn)
    existing = set(insp.get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name not in existing:
            problems.append(f"schema: table {table.name} is missing")
            continue
        cols = {c["name"] for c in insp.get_columns(table.name)}
        for col in table.columns:
            if col.name not in cols:
                problems.append(f"schema: column {table.name}.{col.name} is missing")
    return problems


def _upgraded_schema_problems(store) -> list[str]:
    """The schema check on an upgraded copy of an older file (a server is not copied)."""
    if not store.is_sqlite:
        return []
    from opsdesk.store.reading import upgraded_copy

    try:
        copy = upgraded_copy(store)
    except OpsDeskError as exc:
        return [f"upgrade to schema {migrate.HEAD_REVISION} fails: {exc.message}"]
    try:
        with copy.engine.connect() as conn:
            return _schema_problems(conn)
    finally:
        copy.close()
