"""The desktop app's first screen read plainly, before SQLAlchemy loads (#17).

A manager who starts the app with ``--user`` (and the password in ``OPSDESK_PASSWORD``, as
on the command line) sees the Overview before the ORM and the store are loaded: this module
signs in and reads the plans and the Overview over a read-only ``sqlite3`` connection from
``store/plain.py``, on a plain thread started before Qt is imported (SQLite releases the
GIL while it reads, so the reads overlap Qt's start-up). The window then opens the full store
when it is first needed (``ui/first_screen.py``).

The rules are the full services' own: sign-in as ``PeopleService.authenticate`` (anything
but a plain right password — a wrong or missing one, a wait after wrong tries, earlier wrong
tries to clear, a manager without a password — gives ``None``, and the full path asks,
counts, clears and explains as always, writing what it must); the Overview's counts are
summed by the same ``overview_data.summarize`` as ``OverviewService.overview``, and a test
compares the two on the same files.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from opsdesk.model.enums import OPEN_STATUSES
from opsdesk.services.actor import Actor
from opsdesk.services.clock import Clock, utc_now
from opsdesk.services.overview_data import PRIORITY_RANKS, Overview, TaskBrief, summarize
from opsdesk.services.passwords import verify_password
from opsdesk.services.plan_info import PhaseInfo, PlanInfo
from opsdesk.store.plain import connect_for_reading, is_healthy

if TYPE_CHECKING:
    from opsdesk.store.deferred import DeferredStore
    from opsdesk.store.engine import Store

_OPEN = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
_RANK = "CASE t.priority " + " ".join(
    f"WHEN '{k}' THEN {v}" for k, v in PRIORITY_RANKS.items()) + " ELSE 1 END"
_BRIEF = ("SELECT t.id, t.title, t.due, t.status, t.role_id, u.name, t.is_milestone "
          "FROM tasks t LEFT OUTER JOIN users u ON u.id = t.assignee_id ")


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value[:10])


def _brief(row: tuple) -> TaskBrief:
    return TaskBrief(row[0], row[1], _date(row[2]), row[3], row[4], row[5], bool(row[6]))


@dataclass(frozen=True)
class FirstScreen:
    """What the first screen shows: who signed in, the plans, and the chosen plan's
    Overview (None when the database holds no plan)."""

    actor: Actor
    plans: list[PlanInfo]
    plan_id: int | None
    overview: Overview | None


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
        row = self.con.execute(
            "SELECT id, is_manager, password_hash, failed_logins, locked_until FROM users "
            "WHERE lower(login) = ? AND active = 1", (login.strip().lower(),)).fetchone()
        if row is None:
            return None
        user_id, is_manager, password_hash, failed, locked_until = row
        if password_hash is None:
            if is_manager:
                return None  # a manager must set a password first
            return self.actor(user_id)
        if not password or failed:
            return None  # asked for, or earlier wrong tries to clear (a write)
        if locked_until is not None and dt.datetime.fromisoformat(locked_until) > self.clock():
            return None  # waiting after wrong tries: the full path says how long
        if not verify_password(password_hash, password):
            return None  # counted and explained by the full path
        return self.actor(user_id)

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
        return [PlanInfo(r[0], r[1], dt.date.fromisoformat(r[2]), r[3], r[4])
                for r in self.con.execute("SELECT id, name, launch_date, currency, "
                                          "template_key FROM plans ORDER BY id")]

    def overview(self, plan: PlanInfo, today: dt.date, overdue_limit: int = 8,
                 milestone_limit: int = 5) -> Overview:
        """``OverviewService.overview`` read plainly (the same queries, the same sums)."""
        con, day = self.con, today.isoformat()
        phases = [PhaseInfo(r[0], r[1], r[2], r[3], r[4], dt.date.fromisoformat(r[5]),
                            dt.date.fromisoformat(r[6]), r[7], r[8])
                  for r in con.execute(
                      "SELECT id, plan_id, key, name_zh, name_en, start, \"end\", position, "
                      "color FROM phases WHERE plan_id = ? ORDER BY position, start",
                      (plan.id,))]
        overdue_cond = f"t.status IN ({_OPEN}) AND t.due < ?"
        groups = [(r[0], r[1], bool(r[2]), r[3], r[4]) for r in con.execute(
            f"SELECT t.phase_id, t.status, t.is_milestone, count(*), "
            f"sum(CASE WHEN {overdue_cond} THEN 1 ELSE 0 END) FROM tasks t "
            f"WHERE t.plan_id = ? GROUP BY t.phase_id, t.status, t.is_milestone",
            (day, plan.id))]
        overdue = [_brief(r) for r in con.execute(
            _BRIEF + f"WHERE t.plan_id = ? AND {overdue_cond} "
            f"ORDER BY t.due, {_RANK} DESC, t.id LIMIT ?", (plan.id, day, overdue_limit))]
        milestones = [_brief(r) for r in con.execute(
            _BRIEF + f"WHERE t.plan_id = ? AND t.is_milestone = 1 AND t.status IN ({_OPEN}) "
            "AND t.due >= ? ORDER BY t.due, t.id LIMIT ?", (plan.id, day, milestone_limit))]
        return summarize(plan, today, phases, groups, overdue, milestones)

    def first_screen(self, login: str, password: str | None,
                     choose_plan: Callable[[list[PlanInfo]], int | None],
                     today: Callable[[], dt.date], managers_only: bool = False
                     ) -> FirstScreen | None:
        """Sign in, list the plans, ``choose_plan`` one (it may wait for the window's
        settings) and read its Overview; None when the full path must sign in (and, with
        ``managers_only``, at once for staff, whose first view is My work)."""
        actor = self.sign_in(login, password)
        if actor is None or (managers_only and not actor.is_manager):
            return None
        plans = self.plans()
        wanted = choose_plan(plans)
        plan = next((p for p in plans if p.id == wanted), plans[0] if plans else None)
        return FirstScreen(actor, plans, plan.id if plan else None,
                           self.overview(plan, today()) if plan else None)


def read_first_screen(target: str | Path, login: str, password: str | None,
                      choose_plan: Callable[[list[PlanInfo]], int | None],
                      today: Callable[[], dt.date]) -> FirstScreen | None:
    """A manager's first screen read plainly from ``target`` (``store/plain.py``), on the
    calling thread (``preload`` runs it on a plain thread started before Qt exists). None:
    the file is not one to read plainly, the full sign-in must run, the person is staff (My
    work first: the full path, told as soon as the sign-in is read), or a read failed (the
    full path opens the file and explains)."""
    con = None
    try:
        # The reads overlap the file's integrity check; nothing is shown unless it passes.
        con = connect_for_reading(target, checked=False)
        first = None if con is None else FirstScreenReader(con).first_screen(
            login, password, choose_plan, today, managers_only=True)
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
