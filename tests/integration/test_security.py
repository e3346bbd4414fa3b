"""Security: sign-in backoff and its log, SQL-injection strings that execute nothing,
formula-injection strings neutralised in exported spreadsheets."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import logging

import pytest

from opsdesk.errors import AuthError, OpsDeskError
from opsdesk.services import people as people_mod
from opsdesk.services.sanitize import safe_cell

INJECTIONS = [
    "'; DROP TABLE tasks; --",
    "1 OR 1=1",
    "\" OR \"\"=\"",
    "x'); DELETE FROM changes; --",
    "%' UNION SELECT password_hash FROM users --",
    "Robert'); DROP TABLE users;--",
    "\\'; ATTACH DATABASE '/tmp/evil.db' AS evil; --",
]
FORMULAS = ["=1+2", "+SUM(A1:A9)", "-2+3", "@SUM(1,2)", "=HYPERLINK(\"http://x\",\"y\")",
            "＝1+1", "\t=1", "=cmd|' /C calc'!A0"]


@pytest.fixture
def counts(store):
    from sqlalchemy import text

    def run() -> dict[str, int]:
        with store.engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                    for t in ("tasks", "users", "changes", "plans", "comments", "kpi_values")}
    return run


# ---- sign-in backoff (counted per login in the database: issue #12)

@pytest.fixture
def manager_with_password(services, world):
    services.people.set_password(world.manager, world.users["manager"], "right-one")
    return "manager"


def _tries_in_db(store, login="manager"):
    from sqlalchemy import text

    with store.engine.connect() as conn:
        return tuple(conn.execute(text(
            "SELECT failed_logins, locked_until FROM users WHERE login = :l"), {"l": login}).one())


def test_wrong_passwords_slow_sign_in_and_are_logged(services, manager_with_password, clock,
                                                     caplog):
    caplog.set_level(logging.WARNING, logger="opsdesk.security")
    for _ in range(people_mod.FREE_TRIES):  # the first few cost nothing
        with pytest.raises(AuthError) as info:
            services.people.authenticate("manager", "wrong")
        assert info.value.template == people_mod.WRONG_PASSWORD
    assert services.people.failed_tries("manager") == people_mod.FREE_TRIES
    # now a wait is owed: even the right password is refused until it has passed
    with pytest.raises(AuthError) as info:
        services.people.authenticate("manager", "right-one")
    assert info.value.template == people_mod.TOO_MANY_TRIES and info.value.params["seconds"] >= 1
    clock.advance(seconds=people_mod.backoff_seconds(people_mod.FREE_TRIES))
    with pytest.raises(AuthError) as info:
        services.people.authenticate("manager", "wrong again")
    assert info.value.template == people_mod.WRONG_PASSWORD
    waits = [people_mod.backoff_seconds(n) for n in range(1, 10)]
    assert waits == sorted(waits) and waits[-1] > waits[people_mod.FREE_TRIES]  # grows
    clock.advance(seconds=people_mod.MAX_WAIT_S)
    actor = services.people.authenticate("manager", "right-one")  # success resets
    assert actor.is_manager
    assert _tries_in_db(services.store) == (0, None)
    logged = [r.getMessage() for r in caplog.records if r.name == "opsdesk.security"]
    assert sum("wrong password for manager" in m for m in logged) == people_mod.FREE_TRIES + 1
    assert any("refused" in m for m in logged)
    assert not any("right-one" in m or "wrong again" in m for m in logged)  # no passwords


def test_backoff_is_per_person(services, manager_with_password, world):
    for _ in range(people_mod.FREE_TRIES + 1):
        with pytest.raises(AuthError):
            services.people.authenticate("manager", "wrong")
    assert services.people.authenticate("ops").login == "ops"  # others are not held up


def test_backoff_is_kept_in_the_database(store, manager_with_password, clock):
    """A new process (here: new services on a new connection) sees the same count."""
    from opsdesk.services import Services
    from opsdesk.store import open_store

    for _ in range(people_mod.FREE_TRIES):
        with pytest.raises(AuthError):
            Services(store, clock).people.authenticate("manager", "wrong")
    other = open_store(store.path or store.url)
    try:
        with pytest.raises(AuthError) as info:
            Services(other, clock).people.authenticate("manager", "right-one")
        assert info.value.template == people_mod.TOO_MANY_TRIES
    finally:
        other.close()


WORKER = """
import datetime as dt, sys
from opsdesk.services import Services
from opsdesk.store import open_store
store = open_store(sys.argv[1])
now = dt.datetime.fromisoformat(sys.argv[2])
people = Services(store, lambda: now).people
print("ready", flush=True)
for line in sys.stdin:
    try:
        people.authenticate("manager", line.strip())
        print("ok", flush=True)
    except Exception as exc:
        print(getattr(exc, "template", repr(exc)), flush=True)
"""


@pytest.mark.sqlite_only
def test_two_processes_share_the_count(store, manager_with_password, clock, tmp_path):
    import subprocess
    import sys

    store.close()  # the workers are the only ones using it
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(store.path),
                               clock.now.isoformat()], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]

    def attempt(proc, password):
        proc.stdin.write(password + "\n")
        proc.stdin.flush()
        return proc.stdout.readline().strip()

    try:
        assert [p.stdout.readline().strip() for p in procs] == ["ready", "ready"]
        answers = [attempt(procs[n % 2], "wrong") for n in range(people_mod.FREE_TRIES)]
        assert answers == [people_mod.WRONG_PASSWORD] * people_mod.FREE_TRIES
        # each process made fewer than FREE_TRIES tries, yet both now wait
        assert attempt(procs[1], "right-one") == people_mod.TOO_MANY_TRIES
        assert attempt(procs[0], "right-one") == people_mod.TOO_MANY_TRIES
    finally:
        for p in procs:
            p.stdin.close()
            p.wait(timeout=60)
            p.stdout.close()
    assert _tries_in_db(store)[0] == people_mod.FREE_TRIES


@pytest.mark.sqlite_only
def test_read_only_store_checks_without_counting(store, manager_with_password, clock):
    from opsdesk.services import Services
    from opsdesk.store import open_store

    path = store.path
    ro = open_store(path, readonly=True)
    try:
        people = Services(ro, clock).people
        for _ in range(people_mod.FREE_TRIES + 2):
            with pytest.raises(AuthError) as info:
                people.authenticate("manager", "wrong")
            assert info.value.template == people_mod.WRONG_PASSWORD
        assert people.authenticate("manager", "right-one").is_manager
        assert _tries_in_db(store) == (0, None)  # nothing written
        # a wait recorded by a writable process is kept by the read-only one too
        for _ in range(people_mod.FREE_TRIES):
            with pytest.raises(AuthError):
                Services(store, clock).people.authenticate("manager", "wrong")
        with pytest.raises(AuthError) as info:
            people.authenticate("manager", "right-one")
        assert info.value.template == people_mod.TOO_MANY_TRIES
    finally:
        ro.close()


@pytest.mark.sqlite_only
def test_sign_in_to_an_older_file_opened_read_only(store, manager_with_password, clock):
    """A file of schema 0001 (no counter yet), opened read-only, still signs people in."""
    from alembic import command

    from opsdesk.services import Services
    from opsdesk.store import migrate, open_store

    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0001")
    store.close()
    ro = open_store(store.path, readonly=True)
    try:
        people = Services(ro, clock).people
        with pytest.raises(AuthError) as info:
            people.authenticate("manager", "wrong")
        assert info.value.template == people_mod.WRONG_PASSWORD
        assert people.authenticate("manager", "right-one").is_manager
        assert people.failed_tries("manager") == 0
    finally:
        ro.close()


# ---- SQL injection: stored as text, executing nothing

@pytest.mark.parametrize("evil", INJECTIONS)
def test_injection_strings_are_plain_data(services, world, counts, evil):
    before = counts()
    task = world.tasks["tmall_ready"]
    services.tasks.update(world.manager, task, title=evil, notes=evil)
    services.tasks.comment(world.manager, task, evil)
    assert services.tasks.get(task).title == evil
    with pytest.raises(OpsDeskError):
        services.people.authenticate(evil)
    with pytest.raises(OpsDeskError):
        services.people.authenticate("manager' --")
    # filters: nothing matches, nothing breaks
    with contextlib.suppress(OpsDeskError):  # refused as invalid input is fine too
        assert services.tasks.list(world.plan_id, status=[evil]) == []
    services.people.create_role(world.manager, evil[:60], evil[:100], evil[:100])
    after = counts()
    assert after["tasks"] == before["tasks"] and after["users"] == before["users"]
    assert after["changes"] == before["changes"] + 3
    assert after["comments"] == before["comments"] + 1


def test_injection_through_a_kpi_import_file(services, world, tmp_path, counts):
    from opsdesk.services import kpi_import

    before = counts()
    path = tmp_path / "evil.csv"
    kpi = services.kpis.list(world.plan_id)[0]
    header = kpi.name_zh if hasattr(kpi, "name_zh") else kpi.key
    rows = [["日期", header]] + [["2026-09-0" + str(i + 1), evil] for i, evil in
                                  enumerate(INJECTIONS[:5])]
    rows.append(["'; DROP TABLE kpi_values; --", "5"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    with pytest.raises(OpsDeskError):
        kpi_import.import_file(services, world.manager, world.plan_id, path)
    assert counts() == before  # nothing written, every table still there


# ---- formula injection in exports

@pytest.mark.parametrize("text", FORMULAS)
def test_safe_cell_neutralises_formulas(text):
    out = safe_cell(text)
    assert out == "'" + text


@pytest.mark.parametrize("value", ["plain", "中文标题", "a=b", "1-2", "", 42, -3.5, None, True,
                                   dt.date(2026, 9, 1)])
def test_safe_cell_leaves_ordinary_values(value):
    assert safe_cell(value) == value


def test_exported_csv_and_xlsx_neutralise_formulas(services, world, tmp_path):
    from opsdesk.services.exports import ExportService

    formulas = [f for f in FORMULAS if f == f.strip()]  # titles are stripped on input
    ids = list(world.tasks.values())[: len(formulas)]
    for task_id, text in zip(ids, formulas, strict=True):
        services.tasks.update(world.manager, task_id, title=text)
    exports = ExportService(services.store)
    out = tmp_path / "t.csv"
    exports.tasks_csv(world.plan_id, out)
    cells = [c for row in csv.reader(out.open(encoding="utf-8-sig")) for c in row]
    for text in formulas:
        assert "'" + text in cells and text not in cells
    openpyxl = pytest.importorskip("openpyxl")
    xl = tmp_path / "t.xlsx"
    exports.tasks_xlsx(world.plan_id, xl)
    cells = {c.value: c for ws in openpyxl.load_workbook(xl).worksheets
             for row in ws.iter_rows() for c in row}
    for text in formulas:  # an XLSX text cell is never run as a formula: no prefix needed
        assert text in cells and cells[text].data_type == "s", text
        assert "'" + text not in cells


# ---- manager-only actions of the newer services, refused for staff (one case each)

def _staff_cases(services, world):
    tasks = list(world.tasks.values())[:3]
    kpi = next(iter(world.kpis.values()))
    start = dt.date(2026, 9, 1)
    return {
        "kpis.create": lambda a: services.kpis.create(a, world.plan_id, key="x_new",
                                                      name_zh="新", name_en="New"),
        "kpis.update": lambda a: services.kpis.update(a, kpi, name_en="Renamed"),
        "kpis.delete": lambda a: services.kpis.delete(a, kpi),
        "kpis.set_targets": lambda a: services.kpis.set_targets(a, kpi, []),
        "tasks.bulk_update": lambda a: services.tasks.bulk_update(a, tasks, priority="high"),
        "tasks.bulk_shift": lambda a: services.tasks.bulk_shift(a, tasks, 3),
        "schedule.move": lambda a: services.schedule.move(a, tasks, 2),
        "series.create": lambda a: services.series.create(
            a, world.plan_id, title="日常", rule="FREQ=DAILY", start=start,
            until=start + dt.timedelta(days=5)),
    }


@pytest.mark.parametrize("name", ["kpis.create", "kpis.update", "kpis.delete",
                                  "kpis.set_targets", "tasks.bulk_update", "tasks.bulk_shift",
                                  "schedule.move", "series.create"])
@pytest.mark.parametrize("login", ["ops", "cs", "designer"])
def test_manager_only_actions_are_refused_for_staff(services, world, counts, dump_store,
                                                    store, name, login):
    from opsdesk.errors import PermissionDenied

    before = dump_store(store)
    with pytest.raises(PermissionDenied):
        _staff_cases(services, world)[name](world.actors[login])
    assert dump_store(store) == before
    _staff_cases(services, world)[name](world.manager)  # the manager may
