"""The sample database: reproducible, self-contained, and a believable plan as of AS_OF."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from opsdesk.errors import AuthError
from opsdesk.sample import AS_OF, SAMPLE_LOGINS, build_sample
from opsdesk.services import Services
from opsdesk.store import open_store

LAUNCH = dt.date(2026, 9, 1)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("sample") / "opsdesk.db.sample"
    build_sample(path)
    return path, sha256(path)  # hashed before anything opens it


@pytest.fixture(scope="module")
def services(built):
    store = open_store(built[0], readonly=True)
    yield Services(store)
    store.close()


@pytest.fixture(scope="module")
def plan_id(services) -> int:
    (plan,) = services.plans.list()
    return plan.id


@pytest.fixture(scope="module")
def series(services, plan_id) -> dict[str, dict[dt.date, float]]:
    return {k.key: dict(services.kpis.values(k.id)) for k in services.kpis.list(plan_id)}


def test_two_builds_are_identical(built, tmp_path):
    again = tmp_path / "again.db"
    again.write_bytes(b"stale")  # an existing file is replaced
    build_sample(again)
    assert sha256(again) == built[1]


def test_single_small_file(built):
    path, _ = built
    assert path.stat().st_size < 2 * 1024 * 1024
    header = path.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL: one self-contained file
    assert not Path(f"{path}-wal").exists()
    assert not list(path.parent.glob("*.building*"))


def test_core_module_does_not_import_qt():
    code = "import sys, opsdesk.sample; assert not {'PySide6', 'pyqtgraph'} & set(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_plan(services, plan_id):
    plan = services.plans.get(plan_id)
    assert plan.launch_date == LAUNCH
    assert "天猫" in plan.name
    assert plan.template_key == "ecommerce-launch"


def test_logins_authenticate(services):
    for login, (name, _role, password) in SAMPLE_LOGINS.items():
        actor = services.people.authenticate(login, password)
        assert actor.name == name
        assert actor.is_manager == (login == "manager")
        assert services.people.needs_password(login) == (password is not None)
    assert SAMPLE_LOGINS["manager"][2] == "opsdesk"
    with pytest.raises(AuthError):
        services.people.authenticate("manager", "wrong")
    with pytest.raises(AuthError):
        services.people.authenticate("manager")


def test_people_hold_their_roles(services):
    roles = {r.id: r.key for r in services.people.roles()}
    users = {u.login: u for u in services.people.users()}
    assert set(users) == set(SAMPLE_LOGINS)
    for login, (_name, role, _password) in SAMPLE_LOGINS.items():
        assert roles[users[login].role_id] == role


def test_tasks_as_of(services, plan_id):
    tasks = services.tasks.list(plan_id)
    status = [t.status for t in tasks]
    overdue = [t for t in tasks if t.is_overdue(AS_OF)]
    assert status.count("done") > len(tasks) / 2
    assert status.count("blocked") > 0
    assert status.count("doing") > 0
    assert 0 < len(overdue) < 10
    due_before = [t for t in tasks if t.due is not None and t.due < AS_OF]
    assert sum(t.status == "done" for t in due_before) >= 0.8 * len(due_before)
    later = [t for t in tasks if t.due is not None and t.start is not None and t.start > AS_OF]
    assert later and all(t.status == "todo" for t in later)
    routine = {r["id"] for r in services.series.snapshot(plan_id).tasks}
    # daily order checks, weekly follow-up calls (Wednesdays from L+7), monthly team
    # meetings, data reviews (last Fridays) and summaries
    assert len(routine) == 122 + 17 + 4 + 4 + 4
    planned = [t for t in tasks if t.id not in routine]
    assigned = [t for t in planned if t.assignee_id is not None]
    assert len(planned) - 8 < len(assigned) < len(planned)
    roles_of = {u.id: u.role_id for u in services.people.users()}
    assert all(roles_of[t.assignee_id] == t.role_id for t in assigned)
    for t in tasks:
        if t.status == "done":
            assert t.done_at is not None and t.done_at.date() <= AS_OF
            assert abs((t.done_at.date() - t.due).days) <= 4
            if t.assignee_id is not None:
                assert t.done_by == t.assignee_id


def test_overview_shows_overdue(services, plan_id):
    overview = services.overview.overview(plan_id, AS_OF)
    assert overview.overdue_total > 0
    assert overview.counts.get("done", 0) > 0
    assert overview.next_milestone is not None


def test_comments(services, plan_id):
    comments = [c for t in services.tasks.list(plan_id) for c in services.tasks.comments(t.id)]
    assert len(comments) >= 10
    assert len({c.user_id for c in comments}) >= 5
    assert all(c.at.date() <= AS_OF for c in comments)


def test_change_log_reads_in_time_order(services, plan_id):
    changes = list(reversed(services.audit.recent(limit=100_000)))
    times = [c.at for c in changes]
    assert times == sorted(times)
    assert times[-1] <= dt.datetime.combine(AS_OF, dt.time(23, 59))
    assert {c.action for c in changes} >= {"create", "update", "done", "manual"}


def test_kpis_cover_every_day(series):
    days = {LAUNCH + dt.timedelta(days=i) for i in range((AS_OF - LAUNCH).days + 1)}
    assert len(series) >= 10
    for key, values in series.items():
        assert set(values) == days, key


def test_kpis_are_consistent(series):
    uv, conv, orders = series["daily_visitors"], series["conversion"], series["daily_orders"]
    for day in uv:
        assert orders[day] == round(uv[day] * conv[day] / 100), day
        assert series["roi"][day] * series["marketing_share"][day] == pytest.approx(100, rel=0.01)
        assert 0.75 <= conv[day] <= 1.5
    roi = list(series["roi"].values())
    assert sum(3 <= r <= 5 for r in roi) > len(roi) / 2
    assert any(r < 3 or r > 5 for r in roi)
    reviews = list(series["positive_reviews"].values())
    assert sum(r >= 98.5 for r in reviews) > 0.8 * len(reviews)
    assert any(r < 98.5 for r in reviews)
    repurchase = series["repurchase"]
    assert repurchase[LAUNCH] < 15 and repurchase[AS_OF] > 22


def test_monthly_sales_near_targets(series):
    sales = series["sales"]

    def month(m: int) -> float:
        return sum(v for d, v in sales.items() if d.month == m)

    assert 150_000 <= month(9) <= 250_000
    assert 300_000 <= month(10) <= 480_000
    assert 400_000 <= month(11) <= 900_000
    completion = series["target_completion"]
    assert completion[dt.date(2026, 9, 30)] == pytest.approx(month(9) / 200_000 * 100, abs=0.06)
    assert completion[AS_OF] == pytest.approx(month(11) / 900_000 * 100, abs=0.06)
    double11 = dt.date(2026, 11, 11)
    assert series["daily_visitors"][double11] == max(series["daily_visitors"].values())
