"""Copy an OpsDesk database (every plan, person, task, KPI and the change log) from one
store to another, e.g. from an SQLite file to a team's PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, insert, select, text, update

from opsdesk.errors import QT_TRANSLATE_NOOP, StorageError
from opsdesk.store import Store, rowlog

TARGET_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Errors", "{target} already holds OpsDesk data; copy only into an empty database.")
SAME_DATABASE = QT_TRANSLATE_NOOP("Errors", "The source and the target are the same database.")
BATCH = 2000


@dataclass(frozen=True)
class CopyReport:
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_database(source: Store, target: Store,
                  progress: Callable[[str, int], None] | None = None) -> CopyReport:
    """Copy every table in one transaction on the target; the source is only read."""
    from opsdesk.model import Base

    if source.url == target.url:
        raise StorageError(SAME_DATABASE)
    tables = Base.metadata.sorted_tables
    with target.write() as t:
        for probe in ("plans", "users", "roles"):
            if t.execute(select(func.count()).select_from(Base.metadata.tables[probe])).scalar():
                raise StorageError(TARGET_NOT_EMPTY, target=target.display_name)
    counts: dict[str, int] = {}
    with source.read() as s, target.write() as t:
        # The rows come with their row log (change_rows): no new one is written while copying.
        rowlog.drop(t.connection())
        for table in tables:
            # Columns that point into the same table (a task's parent) are set afterwards,
            # so rows may come in any order.
            self_refs = [fk.parent.name for fk in table.foreign_keys
                         if fk.column.table is table]
            pk = list(table.primary_key.columns)
            rows = s.execute(select(table).order_by(*pk)).mappings()
            batch: list[dict] = []
            later: list[tuple[dict, dict]] = []
            n = 0
            for row in rows:
                values = dict(row)
                if self_refs:
                    refs = {c: values[c] for c in self_refs if values[c] is not None}
                    if refs:
                        later.append(({c.name: values[c.name] for c in pk}, refs))
                        values.update(dict.fromkeys(refs))
                batch.append(values)
                if len(batch) >= BATCH:
                    t.execute(insert(table), batch)
                    n += len(batch)
                    batch = []
            if batch:
                t.execute(insert(table), batch)
                n += len(batch)
            for key, refs in later:
                cond = [table.c[k] == v for k, v in key.items()]
                t.execute(update(table).where(*cond).values(**refs))
            counts[table.name] = n
            if progress is not None:
                progress(table.name, n)
        if not target.is_sqlite:
            _reset_sequences(t, tables)
        rowlog.install(t.connection())
    return CopyReport(counts)


def _reset_sequences(session, tables) -> None:
    """After explicit ids were inserted, move each serial sequence past the largest id."""
    for table in tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {table.name}"))


def migrate_to(source: Store, url: str,
               progress: Callable[[str, int], None] | None = None) -> CopyReport:
    """Open (and set up) the database at ``url`` and copy ``source`` into it."""
    from opsdesk.store import open_store

    target = open_store(url, create=True)
    try:
        return copy_database(source, target, progress)
    finally:
        target.close()
