"""The desktop app's first screen read plainly, before SQLAlchemy loads (#17).

Someone who starts the app with ``--user`` (a manager with the password in
``OPSDESK_PASSWORD``, as on the command line; staff without one) sees their first view — a
manager's Overview, staff's My work — before the ORM and the store are loaded: this module
signs in and reads the plans and that view over a read-only ``sqlite3`` connection from
``store/plain.py``, on a plain thread started before Qt is imported (SQLite releases the
GIL while it reads, so the reads overlap Qt's start-up). The window then opens the full store
when it is first needed (``ui/first_screen.py``).

The rules are the full services' own: sign-in as ``PeopleService.authenticate`` (anything
but a plain right password — a wrong or missing one, a wait after wrong tries, earlier wrong
tries to clear, a manager without a password — gives ``None``, and the full path asks,
counts, clears and explains as always, writing what it must); the Overview's counts are
summed by the same ``overview_data.summarize`` as ``OverviewService.overview``; My work is
``MyWorkService.tasks``'s query and rule in plain SQL; tests compare each pair on the same
files.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from concurrent.futures import Future
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from opsdesk.services.actor import Actor
from opsdesk.services.clock import Clock, utc_now
from opsdesk.services.passwords import begin_verify
from opsdesk.store.plain import connect_for_reading, is_healthy

if TYPE_CHECKING:
    from opsdesk.services.my_task import MyTask
    from opsdesk.services.overview_data import Overview, TaskBrief
    from opsdesk.services.plan_info import PlanInfo
    from opsdesk.store.deferred import DeferredStore
    from opsdesk.store.engine import Store

# (The rows' types and the rules' names are imported where they are first used: the
# sign-in starts its password's check before they load, #17.)


@cache
def _sql() -> dict[str, str]:
    """The first screen's queries that spell out the rules' names."""
    from opsdesk.model.enums import OPEN_STATUSES, TaskStatus
    from opsdesk.services.overview_data import PRIORITY_RANKS

    open_list = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
    late = ("SELECT count(*) FROM tasks o WHERE o.plan_id = :plan AND {phase} "
            "AND o.status = g.status AND o.is_milestone = g.is_milestone AND o.due < :day")
    done, cancelled, skipped = (TaskStatus.DONE.value, TaskStatus.CANCELLED.value,
                                TaskStatus.SKIPPED.value)
    return {
        "open": open_list,
        "rank": "CASE t.priority " + " ".join(
            f"WHEN '{k}' THEN {v}" for k, v in PRIORITY_RANKS.items()) + " ELSE 1 END",
        "brief": "SELECT t.id, t.title, t.due, t.status, t.role_id, u.name, t.is_milestone "
                 "FROM tasks t LEFT OUTER JOIN users u ON u.id = t.assignee_id ",
        # OverviewService's group_counts: one pass counts, the open groups' overdue rows
        # are ranges of the same index
        "groups": "SELECT g.phase_id, g.status, g.is_milestone, g.n, CASE "
        f"WHEN g.status NOT IN ({open_list}) THEN 0 "
        f"WHEN g.phase_id IS NULL THEN ({late.format(phase='o.phase_id IS NULL')}) "
        f"ELSE ({late.format(phase='o.phase_id = g.phase_id')}) END FROM ("
        "SELECT phase_id, status, is_milestone, count(*) AS n FROM tasks "
        "WHERE plan_id = :plan GROUP BY phase_id, status, is_milestone) g",
        # MyWorkService.tasks, the person's list (its columns in MyTask's order)
        "my_work": "SELECT t.id, t.title, t.start, t.due, t.status, t.priority, "
        "t.is_milestone, t.assignee_id, t.role_id, t.done_at, t.done_by, t.version, "
        "t.series_id, t.phase_id, p.name_zh, p.name_en, p.color, coalesce(s.total, 0), "
        "coalesce(s.done, 0) FROM tasks t LEFT OUTER JOIN phases p ON p.id = t.phase_id "
        "LEFT OUTER JOIN (SELECT phase_id AS pid, count(*) AS total, "
        f"sum(CASE WHEN status = '{done}' THEN 1 ELSE 0 END) AS done FROM tasks "
        f"WHERE plan_id = ? AND status != '{cancelled}' GROUP BY phase_id) s "
        "ON s.pid = t.phase_id WHERE t.plan_id = ? AND ({mine}) "
        f"AND t.status NOT IN ('{cancelled}', '{skipped}') "
        f"AND (t.status != '{done}' OR t.done_at >= ?) "
        "ORDER BY t.due IS NULL, t.due, t.is_milestone DESC, t.position, t.id",
    }


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value[:10])


def _brief(row: tuple) -> TaskBrief:
    from opsdesk.services.overview_data import TaskBrief

    return TaskBrief(row[0], row[1], _date(row[2]), row[3], row[4], row[5], bool(row[6]))


def _stamp(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


class FirstScreen(NamedTuple):
    """What the first screen shows: who signed in, the plans, and the chosen plan's
    Overview (a manager's first view) or My work (staff's), None when the database holds
    no plan; with My work, the roles' names (id → (zh, en)) its heading shows. ``last_change``:
    the change log's last entry when it was read (a later one: read again)."""

    actor: Actor
    plans: list[PlanInfo]
    plan_id: int | None
    overview: Overview | None
    my_work: list[MyTask] | None = None
    roles: dict[int, tuple[str, str]] | None = None
    last_change: int = 0


class SignIn(NamedTuple):
    """A sign-in under way (``FirstScreenReader.start_sign_in``): who it will be, and the
    password's check when there is one."""

    actor: Actor | None
    is_manager: bool
    checked: Future[bool] | None = None

    def result(self) -> Actor | None:
        """The actor, once the password proved right (None: wrong, or it could not tell)."""
        if self.checked is not None and not self.checked.result():
            return None
        return self.actor


class FirstScreenReader:
    """Plain reads over one read-only connection (see the module's doc)."""

    def __init__(self, con: sqlite3.Connection, clock: Clock = utc_now) -> None:
        self.con = con
        self.clock = clock

    def close(self) -> None:
        self.con.close()

    # ---- sign-in
    def sign_in(self, login: str, password: str | None) -> Actor | None:
        """The actor for a plain right password (or a staff login without one); None
        whenever the full sign-in must run (it asks, counts and explains)."""
        started = self.start_sign_in(login, password)
        return None if started is None else started.result()

    def start_sign_in(self, login: str, password: str | None) -> SignIn | None:
        """``sign_in`` begun: None at once when the full sign-in must run; else its answer
        to come from ``result()`` — a password is checked on a thread of its own meanwhile
        (argon2 works without the interpreter lock for a fifth of a second: the first
        screen's reads go on beside it)."""
        row = self.con.execute(
            "SELECT id, is_manager, password_hash, failed_logins, locked_until FROM users "
            "WHERE lower(login) = ? AND active = 1", (login.strip().lower(),)).fetchone()
        if row is None:
            return None
        user_id, is_manager, password_hash, failed, locked_until = row
        if password_hash is None:
            if is_manager:
                return None  # a manager must set a password first
            return SignIn(self.actor(user_id), bool(is_manager))
        if not password or failed:
            return None  # asked for, or earlier wrong tries to clear (a write)
        if locked_until is not None and dt.datetime.fromisoformat(locked_until) > self.clock():
            return None  # waiting after wrong tries: the full path says how long
        actor = self.actor(user_id)
        if actor is None:
            return None
        return SignIn(actor, bool(is_manager),  # (wrong: counted by the full path)
                      begin_verify(password_hash, password))

    def actor(self, user_id: int) -> Actor | None:
        row = self.con.execute("SELECT id, login, name, is_manager, role_id FROM users "
                               "WHERE id = ? AND active = 1", (user_id,)).fetchone()
        if row is None:
            return None
        extra = [r[0] for r in self.con.execute(
            "SELECT role_id FROM user_roles WHERE user_id = ?", (user_id,))]
        return Actor(row[0], row[1], row[2], bool(row[3]), frozenset({row[4], *extra}))

    # ---- plans and the Overview
    def plans(self) -> list[PlanInfo]:
        from opsdesk.services.plan_info import PlanInfo

        return [PlanInfo(r[0], r[1], dt.date.fromisoformat(r[2]), r[3], r[4])
                for r in self.con.execute("SELECT id, name, launch_date, currency, "
                                          "template_key FROM plans ORDER BY id")]

    def overview(self, plan: PlanInfo, today: dt.date, overdue_limit: int = 8,
                 milestone_limit: int = 5) -> Overview:
        """``OverviewService.overview`` read plainly (the same queries, the same sums)."""
        from opsdesk.services.overview_data import summarize
        from opsdesk.services.plan_info import PhaseInfo

        con, day, sql = self.con, today.isoformat(), _sql()
        phases = [PhaseInfo(r[0], r[1], r[2], r[3], r[4], dt.date.fromisoformat(r[5]),
                            dt.date.fromisoformat(r[6]), r[7], r[8])
                  for r in con.execute(
                      "SELECT id, plan_id, key, name_zh, name_en, start, \"end\", position, "
                      "color FROM phases WHERE plan_id = ? ORDER BY position, start",
                      (plan.id,))]
        overdue_cond = f"t.status IN ({sql['open']}) AND t.due < ?"
        groups = [(r[0], r[1], bool(r[2]), r[3], r[4]) for r in con.execute(
            sql["groups"], {"plan": plan.id, "day": day})]
        overdue = [_brief(r) for r in con.execute(
            sql["brief"] + f"WHERE t.plan_id = ? AND {overdue_cond} "
            f"ORDER BY t.due, {sql['rank']} DESC, t.id LIMIT ?", (plan.id, day, overdue_limit))]
        milestones = [_brief(r) for r in con.execute(
            sql["brief"] + f"WHERE t.plan_id = ? AND t.is_milestone = 1 "
            f"AND t.status IN ({sql['open']}) "
            "AND t.due >= ? ORDER BY t.due, t.id LIMIT ?", (plan.id, day, milestone_limit))]
        return summarize(plan, today, phases, groups, overdue, milestones)

    def my_work(self, plan_id: int, actor: Actor, today: dt.date) -> list[MyTask]:
        """``MyWorkService.tasks`` read plainly: the same query and rule (``rules.is_mine``:
        assigned to the person, or unassigned and of one of their roles), the same order."""
        from opsdesk.services.my_task import RECENT_DAYS, MyTask

        mine, args = "t.assignee_id = ?", [actor.user_id]
        if actor.user_id is None:
            mine, args = "0", []
        if actor.role_ids:
            roles = sorted(actor.role_ids)
            mine = f"{mine} OR (t.assignee_id IS NULL AND t.role_id IN " \
                   f"({', '.join('?' * len(roles))}))"
            args += roles
        since = dt.datetime.combine(today - dt.timedelta(days=RECENT_DAYS), dt.time())
        rows = self.con.execute(_sql()["my_work"].format(mine=mine), (
            plan_id, plan_id, *args, since.isoformat(sep=" ", timespec="microseconds")))
        return [MyTask(r[0], r[1], _date(r[2]), _date(r[3]), r[4], r[5], bool(r[6]), r[7],
                       r[8], _stamp(r[9]), r[10], r[11], r[12], r[13], r[14], r[15], r[16],
                       int(r[17]), int(r[18])) for r in rows]

    def roles(self) -> dict[int, tuple[str, str]]:
        return {r[0]: (r[1], r[2]) for r in self.con.execute(
            "SELECT id, name_zh, name_en FROM roles")}

    def last_change(self) -> int:
        return self.con.execute("SELECT coalesce(max(id), 0) FROM changes").fetchone()[0]

    def first_screen(self, login: str, password: str | None,
                     choose_plan: Callable[[list[PlanInfo]], int | None],
                     today: Callable[[], dt.date], managers_only: bool = False
                     ) -> FirstScreen | None:
        """Sign in, list the plans, ``choose_plan`` one (it may wait for the window's
        settings) and read its first view: a manager's Overview, staff's My work; None when
        the full path must sign in (and, with ``managers_only``, at once for staff)."""
        started = self.start_sign_in(login, password)
        if started is None or (managers_only and not started.is_manager):
            return None
        # The reads while a password is checked (nothing is shown unless it is right).
        last_change = self.last_change()  # (before the reads: a change meanwhile is later)
        plans = self.plans()
        wanted = choose_plan(plans)
        plan = next((p for p in plans if p.id == wanted), plans[0] if plans else None)
        if started.is_manager:
            overview = self.overview(plan, today()) if plan else None
            actor = started.result()
            return None if actor is None else FirstScreen(
                actor, plans, plan.id if plan else None, overview, last_change=last_change)
        actor = started.result()  # (staff: no password, known already)
        if actor is None:
            return None
        return FirstScreen(actor, plans, plan.id if plan else None, None,
                           self.my_work(plan.id, actor, today()) if plan else [],
                           self.roles(), last_change)


def read_first_screen(target: str | Path, login: str, password: str | None,
                      choose_plan: Callable[[list[PlanInfo]], int | None],
                      today: Callable[[], dt.date]) -> FirstScreen | None:
    """The first screen read plainly from ``target`` (``store/plain.py``), on the calling
    thread (``preload`` runs it on a plain thread started before Qt exists). None: the file
    is not one to read plainly, the full sign-in must run, or a read failed (the full path
    opens the file and explains)."""
    con = None
    try:
        # The reads overlap the file's integrity check; nothing is shown unless it passes.
        con = connect_for_reading(target, checked=False)
        first = None if con is None else FirstScreenReader(con).first_screen(
            login, password, choose_plan, today)
        return first if first is not None and is_healthy(target) else None
    except Exception:  # noqa: BLE001 - the full path reads it again and explains
        return None
    finally:
        if con is not None:
            con.close()


def deferred_store(path: str | Path, opener: Callable[[], Store]) -> DeferredStore:
    """The store of ``path`` standing in until ``opener`` has opened it (``store/deferred.py``):
    the window behind the first screen works on it, and it opens when first needed."""
    from opsdesk.store.deferred import DeferredStore

    return DeferredStore(path, opener)
