"""The row log: the before and after of every row a write touches, kept by the database.

Triggers on every table that holds the team's work (``LOGGED``) copy each inserted,
updated and deleted row, as JSON, into ``change_rows`` — whatever wrote it: a Core
statement, an ORM flush, an ``executemany``, a foreign key's ``ON DELETE CASCADE``. Rows
are written with no ``change_id``; when the write transaction ends, ``claim`` gives them to
the transaction's first change-log entry (or drops them when the transaction logged
nothing). So one user action (one transaction) owns exactly the rows it changed, and
``services/history.py`` can undo it only if those rows still hold what it wrote.

Columns that are secrets or bookkeeping (``users.password_hash``, the sign-in throttle) are
never copied, and an update of only those columns is not logged.

A migration that adds or drops a column of a logged table calls ``install(bind)`` again,
so the triggers copy the table as it now is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, inspect, text

# table → primary key columns (in order); the key is stored as text, "3" or "3,5".
LOGGED: dict[str, tuple[str, ...]] = {
    "plans": ("id",),
    "phases": ("id",),
    "roles": ("id",),
    "users": ("id",),
    "user_roles": ("user_id", "role_id"),
    "task_series": ("id",),
    "tasks": ("id",),
    "task_links": ("pred_id", "succ_id"),
    "comments": ("id",),
    "kpis": ("id",),
    "kpi_targets": ("id",),
    "kpi_values": ("id",),
    "spending": ("id",),
    "spending_budgets": ("id",),
}
EXCLUDED: dict[str, tuple[str, ...]] = {
    "users": ("password_hash", "failed_logins", "locked_until"),
}
"""Columns never copied into the row log (and whose updates alone are not logged)."""


def logged_columns(conn: Connection, table: str) -> list[str]:
    excluded = set(EXCLUDED.get(table, ()))
    return [c["name"] for c in inspect(conn).get_columns(table) if c["name"] not in excluded]


def key_of(table: str, row: dict[str, Any]) -> str:
    return ",".join(str(row[c]) for c in LOGGED[table])


# ---- triggers

def _sqlite_json(alias: str, columns: Iterable[str]) -> str:
    return "json_object(" + ", ".join(f"'{c}', {alias}.\"{c}\"" for c in columns) + ")"


def _sqlite_key(alias: str, table: str) -> str:
    return " || ',' || ".join(f"{alias}.\"{c}\"" for c in LOGGED[table])


def row_json_sql(conn: Connection, table: str, alias: str) -> str:
    """An SQL expression for a row of ``table`` (as ``alias``) in the row log's form."""
    if conn.dialect.name == "sqlite":
        return _sqlite_json(alias, logged_columns(conn, table))
    excluded = "".join(f" - '{c}'" for c in EXCLUDED.get(table, ()))
    return f"(to_jsonb({alias}.*){excluded})"


def _sqlite_triggers(conn: Connection, table: str) -> list[str]:
    cols = logged_columns(conn, table)
    insert = "INSERT INTO change_rows (tbl, pk, old, new) VALUES"
    of = ", ".join(f'"{c}"' for c in cols)
    return [
        f"CREATE TRIGGER rowlog_{table}_ins AFTER INSERT ON \"{table}\" BEGIN {insert} "
        f"('{table}', {_sqlite_key('NEW', table)}, NULL, {_sqlite_json('NEW', cols)}); END",
        f"CREATE TRIGGER rowlog_{table}_upd AFTER UPDATE OF {of} ON \"{table}\" BEGIN {insert} "
        f"('{table}', {_sqlite_key('NEW', table)}, {_sqlite_json('OLD', cols)}, "
        f"{_sqlite_json('NEW', cols)}); END",
        f"CREATE TRIGGER rowlog_{table}_del AFTER DELETE ON \"{table}\" BEGIN {insert} "
        f"('{table}', {_sqlite_key('OLD', table)}, {_sqlite_json('OLD', cols)}, NULL); END",
    ]


PG_FUNCTION = """
CREATE OR REPLACE FUNCTION opsdesk_rowlog() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o jsonb; n jsonb; r jsonb; k text; i int;
BEGIN
  IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
  r := coalesce(n, o);
  k := r ->> TG_ARGV[0];
  IF TG_ARGV[1] <> '' THEN k := k || ',' || (r ->> TG_ARGV[1]); END IF;
  FOR i IN 2 .. TG_NARGS - 1 LOOP
    o := o - TG_ARGV[i];
    n := n - TG_ARGV[i];
  END LOOP;
  IF TG_OP = 'UPDATE' AND o = n THEN RETURN NULL; END IF;
  INSERT INTO change_rows (tbl, pk, old, new) VALUES (TG_TABLE_NAME, k, o, n);
  RETURN NULL;
END $$
"""


def _pg_triggers(table: str) -> list[str]:
    keys = list(LOGGED[table]) + [""] * (2 - len(LOGGED[table]))
    args = ", ".join(f"'{a}'" for a in [*keys, *EXCLUDED.get(table, ())])
    return [f'CREATE TRIGGER rowlog_{table} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION opsdesk_rowlog({args})"]


def _present(conn: Connection) -> list[str]:
    """The logged tables this database has (an older revision lacks the later ones)."""
    have = set(inspect(conn).get_table_names())
    return [t for t in LOGGED if t in have]


def drop(conn: Connection) -> None:
    for table in _present(conn):
        if conn.dialect.name == "sqlite":
            for suffix in ("ins", "upd", "del"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS rowlog_{table}_{suffix}")
        else:
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS rowlog_{table} ON "{table}"')


def missing_triggers(conn: Connection) -> list[str]:
    """The row log's triggers that are not there (undo would not see those tables)."""
    if conn.dialect.name == "sqlite":
        have = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        wanted = [f"rowlog_{t}_{s}" for t in LOGGED for s in ("ins", "upd", "del")]
    else:
        have = {r[0] for r in conn.exec_driver_sql(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")}
        wanted = [f"rowlog_{t}" for t in LOGGED]
    return [f"schema: trigger {name} is missing" for name in wanted if name not in have]


def install(conn: Connection) -> None:
    """(Re)create the triggers for the tables as they are now."""
    drop(conn)
    present = _present(conn)
    if conn.dialect.name == "sqlite":
        for table in present:
            for statement in _sqlite_triggers(conn, table):
                conn.exec_driver_sql(statement)
    else:
        conn.exec_driver_sql(PG_FUNCTION)
        for table in present:
            for statement in _pg_triggers(table):
                conn.exec_driver_sql(statement)


# ---- the end of a write transaction

def claim(conn: Connection, change_id: int | None) -> None:
    """Give the rows this transaction logged to its first change-log entry, or drop them
    when it logged nothing (bookkeeping such as a copy between databases)."""
    if change_id is None:
        conn.execute(text("DELETE FROM change_rows WHERE change_id IS NULL"))
    else:
        conn.execute(text("UPDATE change_rows SET change_id = :cid WHERE change_id IS NULL"),
                     {"cid": change_id})


# ---- values

def loads(value: Any) -> dict[str, Any] | None:
    """A stored row: SQLite hands back text, PostgreSQL a dict."""
    if value is None:
        return None
    if isinstance(value, str | bytes):
        return json.loads(value)
    return dict(value)


_CONVERTERS: dict[str, dict[str, Any]] = {}


def _converters(table_obj) -> dict[str, Any]:
    """Column name → how a JSON value becomes the column's Python value (None: as it is)."""
    made = _CONVERTERS.get(table_obj.name)
    if made is None:
        from sqlalchemy import Boolean, Date, DateTime

        made = {}
        for column in table_obj.columns:
            kind = column.type
            made[column.name] = (
                (lambda v: dt.datetime.fromisoformat(str(v))) if isinstance(kind, DateTime)
                else (lambda v: dt.date.fromisoformat(str(v)[:10])) if isinstance(kind, Date)
                else bool if isinstance(kind, Boolean) else None)
        _CONVERTERS[table_obj.name] = made
    return made


def to_python(table_obj, row: dict[str, Any]) -> dict[str, Any]:
    """A logged row's JSON values as the table's column types expect them."""
    converters = _converters(table_obj)
    out: dict[str, Any] = {}
    for name, value in row.items():
        if name not in converters:
            continue
        convert = converters[name]
        out[name] = convert(value) if convert is not None and value is not None else value
    return out
