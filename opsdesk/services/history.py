"""Undo and redo on the change log: the services own the undo step.

Every write transaction keeps the rows it changed, before and after (``store/rowlog.py``),
under its first change-log entry, the action. ``revert(actor, change_id)`` puts those rows
back as they were before the action — only if each still holds exactly what the action
left there. When someone changed one of them since (or wrote something that hangs on a row
the undo would remove, such as a comment on a task the action created), it refuses with a
``ConflictError`` that names who changed what and when, and changes nothing. The undo is
itself an action (logged, with its rows), so ``reapply`` is the revert of that undo.

Only the person who did an action may undo it, with the rights it needed: staff can undo
their own tick-offs, comments and KPI entries, never a manager's edit.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from opsdesk.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from opsdesk.model import Base, Change, ChangeRow, Task, User
from opsdesk.services import permissions
from opsdesk.services.actor import Actor
from opsdesk.services.base import Service
from opsdesk.services.changes import Changes
from opsdesk.store import rowlog

UNDO_CONFLICT = QT_TRANSLATE_NOOP(
    "Errors", "{who} changed “{what}” on {when} since; nothing was undone.")
REDO_CONFLICT = QT_TRANSLATE_NOOP(
    "Errors", "{who} changed “{what}” on {when} since; nothing was redone.")
ONLY_OWN = QT_TRANSLATE_NOOP(
    "Errors", "Only {who}, who made this change, can undo it.")
NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "Errors", "Undoing this change needs the right to edit the plan.")
NOTHING_TO_UNDO = QT_TRANSLATE_NOOP("Errors", "There is nothing of yours to undo.")
ALREADY_UNDONE = QT_TRANSLATE_NOOP("Errors", "This change is already undone.")
NOTHING_TO_REDO = QT_TRANSLATE_NOOP("Errors", "This change is not undone; there is nothing to redo.")
NO_ROWS = QT_TRANSLATE_NOOP("Errors", "This change cannot be undone: it changed nothing that can be put back.")

UNDO, REDO = "undo", "redo"
# What staff may undo of their own: these tables, and of tasks only these columns.
STAFF_TABLES = {"tasks", "comments", "kpi_values"}
STAFF_TASK_COLUMNS = {"status", "done_at", "done_by", "version"}
KINDS = {"tasks": "tasks", "task_links": "tasks", "task_series": "tasks", "plans": "plans",
         "phases": "plans", "users": "people", "roles": "people", "user_roles": "people",
         "kpis": "kpis", "kpi_targets": "kpis", "kpi_values": "kpis", "comments": "comments",
         "spending": "kpis", "spending_budgets": "kpis"}


@dataclass
class RowChange:
    table: str
    key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class Action:
    """An undoable action as the CLI lists it."""

    change_id: int
    at: dt.datetime
    entity: str
    action: str
    undone: bool


def _table(name: str):
    return Base.metadata.tables[name]


def _order(name: str) -> int:
    return [t.name for t in Base.metadata.sorted_tables].index(name)


def _same(table: str, a: dict | None, b: dict | None) -> bool:
    """Two logged rows hold the same values (SQLite and PostgreSQL write dates, times and
    booleans differently in JSON; a database copied from one to the other keeps both)."""
    if a is None or b is None:
        return a is b
    t = _table(table)
    a, b = rowlog.to_python(t, a), rowlog.to_python(t, b)
    # A row's version only counts writes (an undo of a later action bumps it too); what
    # must still hold is every value.
    a.pop("version", None)
    b.pop("version", None)
    return a == b


class HistoryService(Service):
    # ---- reading
    def last_change_id(self) -> int:
        """The change log's last entry (0: none yet): every write adds one, so a read that
        noted it knows whether anything was written since."""
        with self.store.read() as s:
            return int(s.scalar(select(func.coalesce(func.max(Change.id), 0))) or 0)

    def rows_of(self, s: Session, tx: int) -> list[RowChange]:
        """The rows action ``tx`` changed: each one's first before and last after."""
        merged: OrderedDict[tuple[str, str], RowChange] = OrderedDict()
        for tbl, pk, old, new in s.execute(
                select(ChangeRow.tbl, ChangeRow.pk, ChangeRow.old, ChangeRow.new)
                .where(ChangeRow.change_id == tx).order_by(ChangeRow.id)):
            key = (tbl, pk)
            if key in merged:
                merged[key].after = rowlog.loads(new)
            else:
                merged[key] = RowChange(tbl, pk, rowlog.loads(old), rowlog.loads(new))
        return [r for r in merged.values() if r.before != r.after]

    def _action_of(self, s: Session, change_id: int) -> Change:
        entry = s.get(Change, change_id)
        if entry is None:
            raise NotFound()
        return s.get_one(Change, entry.tx) if entry.tx is not None else entry

    def _chain(self, s: Session, tx: int) -> tuple[int, int]:
        """The latest entry in the chain of undos and redos of action ``tx`` (``tx`` itself
        when there is none) and how many there are: an odd count means it is undone."""
        last, count = tx, 0
        while True:
            nxt = s.scalar(select(Change.id).where(Change.reverts == last)
                           .order_by(Change.id.desc()).limit(1))
            if nxt is None:
                return last, count
            last, count = nxt, count + 1

    def undoable(self, actor: Actor, limit: int = 20) -> list[Action]:
        """The actor's latest actions (undo and redo steps left out), newest first."""
        with self.store.read() as s:
            head = (select(Change).where(Change.user_id == actor.user_id, Change.tx.is_(None),
                                         Change.reverts.is_(None))
                    .order_by(Change.id.desc()).limit(limit))
            return [Action(c.id, c.at, c.entity, c.action, self._chain(s, c.id)[1] % 2 == 1)
                    for c in s.scalars(head)]

    # ---- writing
    def revert(self, actor: Actor, change_id: int) -> Changes:
        """Undo action ``change_id`` (any entry of it): put back what its rows held before,
        in one transaction; refused with ``ConflictError`` when anyone changed them since."""
        return self._step(actor, change_id, UNDO)

    def reapply(self, actor: Actor, change_id: int) -> Changes:
        """Redo action ``change_id`` after its undo: put back what the action wrote,
        refused the same way when someone changed the rows since the undo."""
        return self._step(actor, change_id, REDO)

    def undo_last(self, actor: Actor) -> Changes:
        """The CLI's ``undo``: the actor's latest action that is in force."""
        for action in self.undoable(actor, limit=50):
            if not action.undone:
                return self.revert(actor, action.change_id)
        raise NotFound(NOTHING_TO_UNDO)

    def _step(self, actor: Actor, change_id: int, label: str) -> Changes:
        with self.store.write() as s:
            head = self._action_of(s, change_id)
            while head.reverts is not None:  # an undo or redo entry: its action
                head = s.get_one(Change, head.reverts)
            self._check_allowed(s, actor, head)
            last, count = self._chain(s, head.id)
            if label == UNDO and count % 2 == 1:
                raise NotFound(ALREADY_UNDONE)
            if label == REDO and count % 2 == 0:
                raise NotFound(NOTHING_TO_REDO)
            rows = self.rows_of(s, last)
            if not rows:
                raise NotFound(NO_ROWS)
            self._check_unchanged(s, last, rows, label)
            self._put_back(s, rows)
            self._check_no_collateral(s, last, rows, label)
            self._check_no_loop(s, rows)
            changes = self._changes(rows, 0, head.plan_id)
            cid = self.log(s, actor, head.entity, head.entity_id, label,
                           after={"of": head.id, "action": head.action,
                                  "ids": sorted(changes.ids)[:1000], "count": len(changes.ids)},
                           plan_id=head.plan_id, reverts=last)
            return self._changes(rows, cid, head.plan_id)

    # ---- the checks
    def _check_allowed(self, s: Session, actor: Actor, head: Change) -> None:
        if head.user_id != actor.user_id:
            who = s.scalar(select(User.name).where(User.id == head.user_id)) or "?"
            raise PermissionDenied(ONLY_OWN, who=who)
        if actor.is_manager:
            return
        # Staff: their own tick-offs, comments and KPI entries; never plan edits.
        for row in self.rows_of(s, head.id):
            if row.table not in STAFF_TABLES:
                raise PermissionDenied(NOT_ALLOWED)
            if row.table == "tasks":
                if row.before is None or row.after is None:
                    raise PermissionDenied(NOT_ALLOWED)
                changed = {k for k in row.after if row.before.get(k) != row.after.get(k)}
                if not changed <= STAFF_TASK_COLUMNS:
                    raise PermissionDenied(NOT_ALLOWED)
                # and the task is still theirs to tick off or reopen (not given away since)
                now = s.execute(select(Task.assignee_id, Task.role_id)
                                .where(Task.id == int(row.key))).first()
                if now is not None and not permissions.can_tick(actor, now.assignee_id,
                                                                now.role_id):
                    raise permissions.deny(actor, permissions.TICK_OFF)

    def _current(self, s: Session, table: str, keys: list[str]) -> dict[str, dict]:
        """The rows as they are now, in the row log's form, by key."""
        conn = s.connection()
        cols = rowlog.LOGGED[table]
        expr = rowlog.row_json_sql(conn, table, "t")
        out: dict[str, dict] = {}
        for i in range(0, len(keys), 400):
            chunk = keys[i:i + 400]
            if len(cols) == 1:
                where = f't."{cols[0]}" IN ({", ".join(str(int(k)) for k in chunk)})'
            else:
                pairs = [tuple(int(p) for p in k.split(",")) for k in chunk]
                where = " OR ".join(f'(t."{cols[0]}" = {a} AND t."{cols[1]}" = {b})'
                                    for a, b in pairs)
            for row in conn.execute(text(f'SELECT {expr} FROM "{table}" t WHERE {where}')):
                value = rowlog.loads(row[0])
                assert value is not None
                out[rowlog.key_of(table, value)] = value
        return out

    def _now(self, s: Session, rows: list[RowChange]) -> dict[tuple[str, str], dict | None]:
        by_table: dict[str, list[str]] = {}
        for r in rows:
            by_table.setdefault(r.table, []).append(r.key)
        now: dict[tuple[str, str], dict | None] = {}
        for table, keys in by_table.items():
            current = self._current(s, table, keys)
            for k in keys:
                now[(table, k)] = current.get(k)
        return now

    def _check_unchanged(self, s: Session, head: int, rows: list[RowChange],
                         label: str) -> None:
        now = self._now(s, rows)
        for r in rows:
            if not _same(r.table, now[(r.table, r.key)], r.after):
                raise self._conflict(s, head, r.table, r.key, r.after or r.before, label)

    def _check_no_collateral(self, s: Session, head: int, rows: list[RowChange],
                             label: str) -> None:
        """The undo touched only the action's rows (a cascade would take others' work)."""
        ours = {(r.table, r.key) for r in rows}
        for tbl, pk, old in s.execute(select(ChangeRow.tbl, ChangeRow.pk, ChangeRow.old)
                                      .where(ChangeRow.change_id.is_(None))):
            if (tbl, pk) not in ours:
                raise self._conflict(s, head, tbl, pk, rowlog.loads(old), label)

    def _conflict(self, s: Session, head: int, table: str, key: str,
                  row: dict | None, label: str) -> ConflictError:
        who, when = "?", s.scalar(select(Change.at).where(Change.id == head))
        later = s.execute(
            select(User.name, Change.at).join(Change, Change.user_id == User.id)
            .join(ChangeRow, ChangeRow.change_id == Change.id)
            .where(ChangeRow.change_id > head, ChangeRow.tbl == table, ChangeRow.pk == key)
            .order_by(Change.id.desc()).limit(1)).first()
        if later is not None:
            who, when = later.name, later.at
        template = REDO_CONFLICT if label == REDO else UNDO_CONFLICT
        return ConflictError(template, who=who, what=self._describe(s, table, row),
                             when=f"{when:%Y-%m-%d %H:%M}")

    def _describe(self, s: Session, table: str, row: dict | None) -> str:
        row = row or {}
        for name in ("title", "name", "name_zh", "text", "login"):
            if row.get(name):
                return str(row[name])[:60]
        task_id = row.get("task_id") or row.get("succ_id")
        if task_id is not None:
            title = s.scalar(select(Task.title).where(Task.id == task_id))
            if title:
                return title
        return table

    def _check_no_loop(self, s: Session, rows: list[RowChange]) -> None:
        """A task put back under its old parent must not end up under itself (the parent
        may have been moved under it since)."""
        from opsdesk.services.tasks import PARENT_LOOP

        for r in rows:
            if r.table != "tasks" or not r.before or r.before.get("parent_id") is None:
                continue
            seen, parent = {int(r.key)}, r.before["parent_id"]
            while parent is not None:
                if parent in seen:
                    raise ValidationError(PARENT_LOOP, field="parent_id")
                seen.add(parent)
                parent = s.scalar(select(Task.parent_id).where(Task.id == parent))

    # ---- putting rows back
    def _put_back(self, s: Session, rows: list[RowChange]) -> None:
        """Write each row's ``before``: re-create (parents first), update, then delete
        (children first, once nothing the action changed points at them), one statement per
        table and set of columns. A re-created row is exactly as it was; an updated row with
        a version gets a new one, so a window still holding the version the action wrote
        sees the undo as a change."""
        conn = s.connection()
        now = self._now(s, rows)
        creates = [r for r in rows if r.after is None and r.before is not None]
        updates = [r for r in rows if r.after is not None and r.before is not None]
        deletes = [r for r in rows if r.before is None and r.after is not None]
        by_table: dict[str, list[dict]] = {}
        for r in sorted(creates, key=lambda r: (_order(r.table), self._int_key(r))):
            by_table.setdefault(r.table, []).append(rowlog.to_python(_table(r.table), r.before or {}))
        for name in sorted(by_table, key=_order):
            conn.execute(insert(_table(name)), by_table[name])
        groups: dict[tuple[str, tuple[str, ...]], list[dict]] = {}
        for r in updates:
            table, keys = _table(r.table), rowlog.LOGGED[r.table]
            before = rowlog.to_python(table, r.before or {})
            after = rowlog.to_python(table, r.after or {})
            values = {k: v for k, v in before.items() if k not in keys and after.get(k) != v}
            current = now.get((r.table, r.key)) or {}
            if "version" in table.c and current.get("version") is not None:
                values["version"] = int(current["version"]) + 1
            if not values:
                continue
            params = {f"v_{k}": v for k, v in values.items()}
            params.update({f"k_{c}": int(v) for c, v in zip(keys, r.key.split(","), strict=True)})
            groups.setdefault((r.table, tuple(sorted(values))), []).append(params)
        for (name, cols), batch in groups.items():
            table, keys = _table(name), rowlog.LOGGED[name]
            stmt = (update(table).where(and_(*(table.c[c] == bindparam(f"k_{c}") for c in keys)))
                    .values({c: bindparam(f"v_{c}") for c in cols}))
            conn.execute(stmt, batch)
        for r in sorted(deletes, key=lambda r: (-_order(r.table), -self._int_key(r))):
            table = _table(r.table)
            conn.execute(delete(table).where(and_(*(
                table.c[c] == int(v) for c, v in zip(rowlog.LOGGED[r.table],
                                                     r.key.split(","), strict=True)))))

    @staticmethod
    def _int_key(r: RowChange) -> int:
        try:
            return int(r.key.split(",")[0])
        except ValueError:
            return 0

    def _changes(self, rows: list[RowChange], change_id: int, plan_id: int | None) -> Changes:
        kinds = {KINDS.get(r.table, "tasks") for r in rows}
        ids = frozenset(int(r.key) for r in rows if r.table == "tasks")
        return Changes(tasks="tasks" in kinds, plans="plans" in kinds,
                       people="people" in kinds, kpis="kpis" in kinds,
                       comments="comments" in kinds, ids=ids, change_id=change_id,
                       plan_id=plan_id)
