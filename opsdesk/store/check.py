"""Integrity and schema checks for ``opsdesk check``."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import inspect

from opsdesk.store import migrate


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    revision: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(store) -> CheckReport:
    from opsdesk.model import Base

    report = CheckReport()
    with store.engine.connect() as conn:
        report.revision = migrate.current_revision(conn)
        if report.revision != migrate.HEAD_REVISION:
            report.problems.append(
                f"schema revision is {report.revision}, this version expects {migrate.HEAD_REVISION}"
            )
        if store.is_sqlite:
            for (line,) in conn.exec_driver_sql("PRAGMA integrity_check"):
                if line != "ok":
                    report.problems.append(f"integrity: {line}")
            for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                report.problems.append(f"foreign key: {row[0]} row {row[1]} → {row[2]}")
        insp = inspect(conn)
        existing = set(insp.get_table_names())
        for table in Base.metadata.sorted_tables:
            if table.name not in existing:
                report.problems.append(f"schema: table {table.name} is missing")
                continue
            cols = {c["name"] for c in insp.get_columns(table.name)}
            for col in table.columns:
                if col.name not in cols:
                    report.problems.append(f"schema: column {table.name}.{col.name} is missing")
    return report
