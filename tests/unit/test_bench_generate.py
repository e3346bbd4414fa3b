"""The benchmark generator: a tiny plan built through the services holds what it says."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `benchmarks` is a top-level package next to `opsdesk`
    sys.path.insert(0, str(ROOT))

from benchmarks import generate  # noqa: E402
from benchmarks.report import TARGETS, write_results  # noqa: E402

N_TASKS = 200
KPI_DAYS = 30


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, generate.Generated]:
    path = tmp_path_factory.mktemp("bench") / "plan.db"
    return path, generate.generate(path, N_TASKS, kpi_days=KPI_DAYS)


def query(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_counts(built) -> None:
    path, info = built
    assert info.n_tasks == N_TASKS
    assert query(path, "SELECT count(*) FROM tasks") == [(N_TASKS,)]
    assert query(path, "SELECT count(*) FROM plans") == [(1,)]
    n_kpis = query(path, "SELECT count(*) FROM kpis")[0][0]
    assert n_kpis == info.kpis > 0
    assert query(path, "SELECT count(*) FROM kpi_values") == [(n_kpis * KPI_DAYS,)]
    assert info.kpi_values == n_kpis * KPI_DAYS
    per_kpi = query(path, "SELECT count(DISTINCT day), min(day), max(day) FROM kpi_values "
                          "GROUP BY kpi_id")
    first = generate.LAUNCH.isoformat()
    last = (generate.LAUNCH + dt.timedelta(days=KPI_DAYS - 1)).isoformat()
    assert set(per_kpi) == {(KPI_DAYS, first, last)}
    assert query(path, "SELECT count(*) FROM users") == [(info.users,)]
    assert info.users == 1 + len(info.staff_logins)
    assert sum(info.statuses.values()) == N_TASKS


def test_tasks_are_spread_and_plausible(built) -> None:
    path, info = built
    roles = {r[0] for r in query(path, "SELECT DISTINCT role_id FROM tasks")}
    assert len(roles) >= 5
    phases = query(path, "SELECT count(DISTINCT phase_id) FROM tasks")[0][0]
    assert phases == query(path, "SELECT count(*) FROM phases")[0][0]
    statuses = dict(query(path, "SELECT status, count(*) FROM tasks GROUP BY status"))
    assert set(statuses) <= {"todo", "doing", "done", "blocked", "cancelled"}
    assert statuses["done"] > N_TASKS // 2 and statuses.get("todo", 0) > 0
    assert statuses == info.statuses
    assigned = query(path, "SELECT count(*) FROM tasks WHERE assignee_id IS NOT NULL")[0][0]
    assert N_TASKS // 2 < assigned < N_TASKS
    # Every task lies inside the plan's phases and ends after it starts.
    assert query(path, "SELECT count(*) FROM tasks WHERE due < start") == [(0,)]
    assert query(path, "SELECT count(*) FROM tasks t JOIN phases p ON p.id = t.phase_id "
                       "WHERE t.start < p.start") == [(0,)]
    # Only the manager has a password (a manager must), so `main.py --user LOGIN` signs staff
    # in without a dialog.
    assert query(path, "SELECT login FROM users WHERE password_hash IS NOT NULL") == \
        [(generate.MANAGER_LOGIN,)]
    logins = {r[0] for r in query(path, "SELECT login FROM users")}
    assert {info.manager_login, *info.staff_logins} == logins
    # One change-log entry for the bulk insert, not one per task.
    assert query(path, "SELECT count(*) FROM changes WHERE action = 'bulk_create'") == [(1,)]


def test_cache_key_names_size_version_and_schema() -> None:
    key = generate.cache_key(100_000)
    assert "100000" in key and f"g{generate.GENERATOR_VERSION}" in key
    assert generate.cache_key(100_000, kpi_days=30) != key


def test_results_hold_only_this_runs_figures(tmp_path: Path) -> None:
    import json

    path = tmp_path / "results.json"
    path.write_text('{"other_metric_s": 1.5, "cold_start_s": 9, "sample_db_mb": 0.3}',
                    encoding="utf-8")
    written = write_results({"cold_start_s": 0.5}, path)
    assert written["cold_start_s"] == 0.5
    assert written["sample_db_mb"] is None  # not measured now: null, never the old value
    assert "other_metric_s" not in written
    assert set(TARGETS) <= set(written)
    assert json.loads(path.read_text(encoding="utf-8")) == written
