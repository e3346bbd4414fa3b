"""``opsdesk tasks list`` reads a local file with plain ``sqlite3`` (``services/plain_tasks.py``,
#17) and prints exactly what the full store's path prints: the same rows in the same order,
text and ``--json``, for every option, the plan choice and its errors. Each case runs both
paths on the same file and compares the bytes; the plain run fails if it reaches the full
store. The sample (a real process, as a person runs it) is also checked for never importing
SQLAlchemy."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from opsdesk import cli
from opsdesk.services import Actor, Services, plain_tasks
from opsdesk.store import open_store
from opsdesk.store import plain as plain_store
from opsdesk.templates import load_template

ROOT = Path(__file__).resolve().parents[2]
ORM_MODULES = {f"opsdesk.model.{m}"
               for m in ("audit", "base", "kpi", "people", "plan", "spending", "task")}
"""The ORM models (``opsdesk.model``'s pure rules, e.g. ``dates``, import without them)."""
SAMPLE = ROOT / "opsdesk.db.sample"
TODAY = dt.date.today()
STATUSES = ("todo", "doing", "blocked", "done", "cancelled", "skipped")


def _add_varied_tasks(services: Services, manager: Actor, plan_id: int, tag: str) -> None:
    """Every status due yesterday, today and tomorrow, undated ones, milestones, subtasks,
    unassigned tasks with and without a role, Chinese and awkward titles, ties on the due
    date (ordered by position, then id)."""
    roles = {r.key: r.id for r in services.people.roles()}
    users = {u.login: u.id for u in services.people.users()}
    phase = services.plans.phases(plan_id)[0].id
    tasks = services.tasks
    parent = tasks.create(manager, plan_id, title=f"{tag} 大促准备 “双十一”", due=TODAY,
                          is_milestone=True, phase_id=phase).ids
    (parent_id,) = parent
    n = 0
    for status in STATUSES:
        for offset in (-1, 0, 1):
            n += 1
            due = TODAY + dt.timedelta(days=offset)
            tasks.create(manager, plan_id, title=f"{tag} 任务{n} {status} \"quoted\" \\ back",
                         status=status if status != "skipped" else "todo", due=due,
                         start=due - dt.timedelta(days=n % 4), position=10 - n % 3,
                         role_id=roles["designer"] if n % 2 else None,
                         assignee_id=users["designer"] if n % 3 == 0 else None,
                         parent_id=parent_id if n % 4 == 0 else None,
                         is_milestone=n % 5 == 0, priority=("low", "high", "urgent")[n % 3],
                         notes="备注\nline two" if n % 2 else "")
    tasks.create(manager, plan_id, title=f"{tag} 没有日期 no due", role_id=roles["warehouse"])
    tasks.create(manager, plan_id, title=f"{tag} 只有开始 start only 🚚", start=TODAY)
    tasks.create(manager, plan_id, title=f"{tag} 换行\n第二行\t制表 \u2028 \x01 end", due=TODAY)
    for t in tasks.list(plan_id):  # ticked off: done_at and done_by
        if t.title.startswith(f"{tag} 没有日期") or t.title.startswith(f"{tag} 只有开始"):
            tasks.tick_off(manager, t.id)


@pytest.fixture(scope="module")
def varied(seeded, tmp_path_factory) -> Path:
    """The fixture's plan plus varied tasks, a second plan (Chinese name) with its own,
    a third plan with no tasks, and an inactive person who still holds tasks."""
    path = tmp_path_factory.mktemp("plain") / "varied.db"
    shutil.copyfile(seeded[0], path)
    world = seeded[1]
    store = open_store(path)
    try:
        services = Services(store)
        manager = world.manager
        _add_varied_tasks(services, manager, world.plan_id, "甲")
        second = services.plans.create_from_template(
            manager, load_template("ecommerce-launch"), TODAY, name="第二个计划 Plan “B”").plan_id
        assert second is not None
        _add_varied_tasks(services, manager, second, "乙")
        third = services.plans.create_from_template(
            manager, load_template("ecommerce-launch"), TODAY, name="空的 empty").plan_id
        assert third is not None
        with store.write() as s:  # a plan emptied (the services delete task by task)
            from sqlalchemy import text

            s.execute(text("DELETE FROM tasks WHERE plan_id = :p"), {"p": third})
            # "skipped" is only set on routine occurrences: give two tasks that status
            s.execute(text("UPDATE tasks SET status = 'skipped' WHERE title LIKE '% skipped %'"))
        services.people.update_user(manager, world.users["designer"], active=False)
        # a role key and a login in Chinese, wider than their columns too: the text lines
        # pad by characters (SQLite's printf by bytes unless told otherwise)
        services.people.create_role(manager, "仓储", "仓储", "Storage", "#8d6e63")
        services.people.create_role(manager, "大促活动策划与执行组长期", "策划", "Planning", "#8d6e63")
        wang = services.people.create_user(manager, "小王", "客服小王", "仓储").ids
        roles = {r.key: r.id for r in services.people.roles()}
        for n, title in enumerate(("甲 仓储的 🚚", "甲 策划的长角色", "甲 小王的")):
            services.tasks.create(manager, world.plan_id, title=title, due=TODAY,
                                  role_id=roles["仓储" if n != 1 else "大促活动策划与执行组长期"],
                                  assignee_id=next(iter(wang)) if n == 2 else None)
    finally:
        store.close()
    return path


def _run(argv: list[str], capsys, monkeypatch, plain: bool) -> tuple[int, str, str]:
    """``opsdesk <argv>`` in this process: the plain path (failing if it reaches the full
    store) or the full store's path (the plain connection refused)."""
    with monkeypatch.context() as m:
        if plain:
            def no_full_store(*_a, **_k):
                raise AssertionError("the plain path fell back to the full store")

            m.setattr(cli, "_services", no_full_store)
        else:
            m.setattr(plain_store, "connect_for_reading", lambda *_a, **_k: None)
        capsys.readouterr()
        code = cli.main(argv)
        out, err = capsys.readouterr()
    return code, out, err


def _same_both_ways(db: Path, args: list[str], capsys, monkeypatch) -> tuple[int, str, str]:
    argv = ["--db", str(db), "tasks", "list", *args]
    plain = _run(argv, capsys, monkeypatch, plain=True)
    full = _run(argv, capsys, monkeypatch, plain=False)
    assert plain == full, f"tasks list {' '.join(args)}: the plain path prints otherwise"
    return plain


OPTIONS = [
    [], ["--json"],  # nothing remembered: the first plan
    ["--plan", "1"],  # remembered from here on
    ["--status", "done"], ["--status", "todo", "--status", "blocked", "--json"],
    ["--status", "no-such"], ["--overdue"], ["--overdue", "--json"],
    ["--due-from", TODAY.isoformat()], ["--due-to", TODAY.isoformat(), "--json"],
    ["--due-from", (TODAY - dt.timedelta(days=1)).isoformat(), "--due-to",
     (TODAY + dt.timedelta(days=1)).isoformat(), "--overdue", "--status", "doing"],
    ["--due-from", " 2026-09-01 "], ["--due-from", "2026-13-01"], ["--due-to", "tomorrow"],
    ["--plan", "99"], ["--plan", "3"], ["--plan", "3", "--json"], ["--plan", "2", "--json"],
    ["--plan", "2", "--overdue", "--status", "blocked"], ["--plan", "2", "--due-to", "2020-01-01"],
    ["--plan", "2"], ["--json"],  # then the plan remembered from --plan 2
]


def test_plain_path_prints_what_the_full_store_prints(varied, capsys, monkeypatch):
    runs = [(" ".join(args), _same_both_ways(varied, args, capsys, monkeypatch))
            for args in OPTIONS]
    outputs = dict(runs)
    # the cases mean something: rows, several plans, errors
    code, out, err = runs[0][1]
    assert code == 0 and out.count("\n") > 50 and "(the first; --plan N for another)" in err
    code, out, err = runs[-1][1]
    assert code == 0 and "乙 任务" in out and "(the last one imported or opened" in err
    assert outputs["--plan 3"] == (0, "", "") and outputs["--plan 3 --json"][1] == "[]\n"
    assert "乙 任务" in outputs["--plan 2 --json"][1] and "甲 任务" not in outputs["--plan 2 --json"][1]
    assert "◆" in outputs["--plan 1"][1] and "designer" in outputs["--plan 1"][1]
    assert outputs["--status no-such"][:2] == (0, "")
    overdue = outputs["--overdue"][1]
    assert "甲 任务1 todo" in overdue and "甲 任务10 done" not in overdue
    assert outputs["--plan 99"] == (1, "", "opsdesk: There is no plan 99.\n")
    assert "is not a date" in outputs["--due-from 2026-13-01"][2]
    assert outputs["--due-to tomorrow"][0] == 1


def test_the_first_plan_is_said_when_nothing_is_remembered(varied, tmp_path, capsys,
                                                            monkeypatch):
    monkeypatch.setenv("OPSDESK_DATA_DIR", str(tmp_path / "data"))
    code, _out, err = _same_both_ways(varied, ["--json"], capsys, monkeypatch)
    assert code == 0 and err.startswith("plan 1 “") and "(the first; --plan N for" in err


def test_no_plan_is_explained_the_same(tmp_path, capsys, monkeypatch):
    empty = tmp_path / "noplan.db"
    open_store(empty, create=True).close()
    assert plain_store.connect_for_reading(empty) is not None  # the plain path reads it
    for args in ([], ["--plan", "1", "--json"]):
        assert _same_both_ways(empty, args, capsys, monkeypatch) == (
            1, "", "opsdesk: The database has no plan yet; make one with `opsdesk init`.\n")


def test_plain_rows_are_the_services_rows(varied):
    """Field for field and in the same order as ``TaskService.list``, the plans, the logins
    (the inactive too) and the roles."""
    store = open_store(varied, readonly=True)
    con = plain_store.connect_for_reading(varied)
    assert con is not None
    try:
        services = Services(store)
        plans = services.plans.list()
        assert plain_tasks.plans(con) == [(p.id, p.name) for p in plans] and len(plans) == 3
        for p in plans:
            for status in (None, ["done"], ["todo", "doing", "blocked"], ["skipped"]):
                full = [dataclasses.astuple(r) for r in services.tasks.list(p.id, status=status)]
                assert [tuple(r) for r in plain_tasks.tasks(con, p.id, status=status)] == full
        rows = plain_tasks.tasks(con, 1)
        assert {r.status for r in rows} >= set(STATUSES)
        assert any(r.done_at is not None for r in rows) and any(r.due is None for r in rows)
        assert any(r.parent_id is not None for r in rows) and any(r.is_milestone for r in rows)
        logins = plain_tasks.logins(con)
        assert logins == {u.id: u.login for u in services.people.users(active_only=False)}
        assert "designer" in logins.values()
        assert "designer" not in {u.login for u in services.people.users()}  # inactive
        assert plain_tasks.role_keys(con) == {r.id: r.key for r in services.people.roles()}
        for r in rows:
            assert r.is_overdue(TODAY) == services.tasks.get(r.id).is_overdue(TODAY)
    finally:
        con.close()
        store.close()


def test_overdue_statuses_are_the_open_ones():
    from opsdesk.model.enums import OPEN_STATUSES

    assert plain_tasks.OVERDUE_STATUSES == OPEN_STATUSES


def test_a_read_that_fails_goes_to_the_full_store(varied, capsys, monkeypatch):
    """Locked or damaged after the connection was made: the full store reads (and explains)."""
    expected = _same_both_ways(varied, ["--json"], capsys, monkeypatch)

    def locked(*_a, **_k):
        raise sqlite3.OperationalError("database is locked")

    for name in ("plans", "tasks"):
        with monkeypatch.context() as m:
            m.setattr(plain_tasks, name, locked)
            capsys.readouterr()
            code = cli.main(["--db", str(varied), "tasks", "list", "--json"])
            out, err = capsys.readouterr()
        assert (code, out) == expected[:2] and expected[1].count("\n") > 50
        if name == "plans":  # (a failure after the plan was chosen names it twice)
            assert err == expected[2]


def test_mine_signs_in_through_the_full_store(varied, capsys, monkeypatch):
    monkeypatch.setenv("OPSDESK_PASSWORD", "manager-pw")
    called = []
    monkeypatch.setattr(cli, "_list_tasks_plain", lambda args: called.append(args))
    code = cli.main(["--db", str(varied), "tasks", "list", "--mine", "--user", "manager"])
    assert code == 0 and not called and capsys.readouterr().out


# ---- as a person runs it: a real process on a copy of the sample

def _process(*args: str, tmp: Path, flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = {**os.environ, "OPSDESK_LOG_DIR": str(tmp / "logs"), "OPSDESK_DATA_DIR": str(tmp / "data")}
    env.pop("OPSDESK_DB", None)
    result = subprocess.run([sys.executable, *flags, "-m", "opsdesk", *args], capture_output=True,
                            env=env, cwd=ROOT, timeout=120)
    assert b"Traceback" not in result.stderr, result.stderr
    return result


def test_sample_lists_the_same_without_importing_sqlalchemy(tmp_path):
    db = tmp_path / "opsdesk.db"
    shutil.copyfile(SAMPLE, db)
    for args in ([], ["--json"], ["--overdue", "--json"], ["--status", "done"],
                 ["--due-from", "2026-09-01", "--due-to", "2026-10-31"]):
        plain = _process("--db", str(db), "tasks", "list", *args, tmp=tmp_path,
                         flags=("-X", "importtime"))
        imported = [line.rsplit("|", 1)[-1].strip() for line in
                    plain.stderr.decode().splitlines() if line.startswith("import time:")]
        assert "sqlite3" in imported and not [m for m in imported if m.startswith("sqlalchemy")
                                               or m in ORM_MODULES], args
        # (nor what only the app's threads and records need: ~25 ms of every call)
        assert not {"concurrent.futures", "logging", "dataclasses",
                    "opsdesk.services.actor"} & set(imported), args
        full = _process("--db", f"sqlite:///{db}", "tasks", "list", *args, tmp=tmp_path)
        assert plain.returncode == full.returncode == 0, full.stderr
        assert plain.stdout == full.stdout and plain.stdout.count(b"\n") > 5, args


def _printed_as_before(args, rows, people, roles) -> str:
    """What ``_list_tasks`` printed before #17 (json.dump, then a print per row): the
    reference both paths' shared printer is held to."""
    import contextlib
    import io
    import json

    def iso(value):
        return None if value is None else value.isoformat()

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        if args.json:
            out = [dict(id=r.id, title=r.title, phase_id=r.phase_id, parent_id=r.parent_id,
                        role=roles.get(r.role_id), assignee=people.get(r.assignee_id),
                        start=iso(r.start), due=iso(r.due), status=r.status,
                        priority=r.priority, milestone=r.is_milestone, done_at=iso(r.done_at),
                        done_by=people.get(r.done_by), version=r.version) for r in rows]
            json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            for r in rows:
                mark = "◆" if r.is_milestone else " "
                print(f"{r.id:>6} {r.status:<9} {iso(r.due) or '-':<10} "
                      f"{roles.get(r.role_id) or '-':<16} {people.get(r.assignee_id) or '-':<10} "
                      f"{mark} {r.title}")
    return buffer.getvalue()


@pytest.mark.parametrize("as_json", [False, True])
def test_the_printer_writes_what_it_wrote_before(varied, capsys, as_json):
    import argparse

    con = plain_store.connect_for_reading(varied)
    assert con is not None
    try:
        people, roles = plain_tasks.logins(con), plain_tasks.role_keys(con)
        for plan_id in (1, 2, 3):
            rows = plain_tasks.tasks(con, plan_id)
            args = argparse.Namespace(json=as_json)
            capsys.readouterr()
            assert cli._print_tasks(args, rows, people, roles) == 0
            assert capsys.readouterr().out == _printed_as_before(args, rows, people, roles)
    finally:
        con.close()


def test_the_file_is_checked_while_the_parser_is_built(varied, tmp_path, monkeypatch, capsys):
    """``tasks list`` spelled out in full starts the file's check early (``prefetch``), and
    the open takes its result; other command lines are left to argparse."""
    from opsdesk.store import inspect

    started: list[Path] = []
    real = inspect.prefetch
    monkeypatch.setattr(inspect, "prefetch", lambda path: (started.append(Path(path)),
                                                           real(path)))
    assert cli.main(["--db", str(varied), "tasks", "list", "--plan=2", "--json"]) == 0
    assert started == [varied] and not inspect._prefetched  # taken by the open
    assert capsys.readouterr().out.startswith("[\n {\n")
    other = str(tmp_path / "other.db")
    for argv in (["--db", other, "tasks", "done", "3"], ["tasks", "list", "--d", other],
                 ["--db", f"sqlite:///{other}", "tasks", "list"], ["--db", other, "check"],
                 ["tasks", "--db", other]):
        started.clear()
        cli._check_file_early(argv)
        assert started == [], argv
    for argv in (["tasks", "list", "--status", "done", f"--db={other}"],
                 ["--db", other, "--user", "x", "tasks", "list", "--overdue"]):
        started.clear()
        cli._check_file_early(argv)
        assert started == [Path(other)], argv


def _helps(parser) -> dict[str, str]:
    """Every command's and subcommand's help text, by its path ("tasks list")."""
    out: dict[str, str] = {}

    def walk(p, path: str) -> None:
        out[path] = p.format_help()
        if p._subparsers is not None:
            for action in p._subparsers._group_actions:
                for name, child in (getattr(action, "choices", None) or {}).items():
                    walk(child, f"{path} {name}".strip())

    walk(parser, "")
    return out


def test_a_command_parsed_alone_parses_and_helps_as_the_whole_parser(monkeypatch):
    """``build_parser(only)`` makes just the named command's parser (#17: argparse's help
    formatters for ~120 options cost `tasks list` 20 ms): the same options, defaults and
    help for it; a command line that names no command plainly gets the whole parser."""
    monkeypatch.setenv("COLUMNS", "100")
    whole = cli.build_parser()
    choices = whole._subparsers._group_actions[0].choices
    assert set(choices) == cli.COMMANDS_NAMED
    helps = _helps(whole)
    del helps[""]  # the top level lists every command
    for name in sorted(cli.COMMANDS_NAMED):
        alone = cli.build_parser(name)
        assert set(alone._subparsers._group_actions[0].choices) == {name}
        mine = _helps(alone)
        del mine[""]
        for path, text in mine.items():
            assert text == helps[path], path
        assert {p for p in helps if p.split()[0] == name} == set(mine)
    argv = ["--db", "x.db", "tasks", "list", "--plan", "2", "--status", "done", "--json"]
    assert vars(cli.build_parser("tasks").parse_args(argv)) == vars(whole.parse_args(argv))
    assert cli.command_of(argv) == "tasks"
    assert cli.command_of(["--db=x.db", "--user", "boss", "--lang", "en", "kpi", "x"]) == "kpi"
    for other in (["--help"], ["--version"], ["--d", "x.db", "tasks"], ["tsks", "list"],
                  ["--db", "x.db"], [], ["-h", "tasks"]):
        assert cli.command_of(other) is None, other


def test_a_mistyped_command_is_told_every_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--db", "x.db", "tsks", "list"])
    err = capsys.readouterr().err
    assert "invalid choice: 'tsks'" in err and "'tasks'" in err and "'backup'" in err
