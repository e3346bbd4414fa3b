"""The command line: exit codes, one clear line on stderr, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "opsdesk.db.sample"


def opsdesk(*args: str, env: dict | None = None, tmp: Path | None = None):
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    if tmp is not None:
        full_env["OPSDESK_LOG_DIR"] = str(tmp / "logs")
        full_env["OPSDESK_DATA_DIR"] = str(tmp / "data")
    result = subprocess.run([sys.executable, "-m", "opsdesk", *args], capture_output=True,
                            text=True, env=full_env, cwd=ROOT, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_staff_task(db: Path) -> dict:
    """An open task assigned to a staff member (not the manager)."""
    tasks = json.loads(opsdesk("--db", str(db), "tasks", "list", "--json").stdout)
    return next(t for t in tasks if t["status"] in ("todo", "doing") and t["assignee"]
                not in (None, "manager"))


def sample_in_use(path: Path) -> Path:
    """A copy of the sample at ``path``, opened once: in WAL mode, as a file in use is."""
    from sqlalchemy import text

    from opsdesk.store import open_store

    shutil.copy(SAMPLE, path)
    store = open_store(path)
    with store.read() as session:
        session.execute(text("SELECT 1"))
    store.close()
    return path


@pytest.fixture
def sample(tmp_path):
    return sample_in_use(tmp_path / "sample.db")


def test_init_makes_a_ready_plan(tmp_path):
    db = tmp_path / "new.db"
    r = opsdesk("init", "--template", "ecommerce-launch", "--launch", "2027-03-01", "--db", str(db),
                env={"OPSDESK_PASSWORD": "first-pw"}, tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "2027-03-01" in r.stdout
    tasks = json.loads(opsdesk("--db", str(db), "tasks", "list", "--json").stdout)
    # 49 template tasks + routines to L+4m-1: 122 daily order checks, 17 weekly follow-up
    # calls, 4 team meetings, 4 data reviews, 4 summaries
    assert len(tasks) == 49 + 122 + 17 + 4 + 4 + 4
    online = next(t for t in tasks if "天猫店上线" in t["title"])
    assert online["due"] == "2027-03-01" and online["milestone"]
    # the festivals on their 2027 dates, not launch day + offset (#13)
    due = {t["title"]: t["due"] for t in tasks}
    assert (due["中秋促销"], due["双11限时购"]) == ("2027-09-15", "2027-11-11")
    assert opsdesk("--db", str(db), "check").returncode == 0


def test_init_refuses_a_bad_date(tmp_path):
    db = tmp_path / "new.db"
    r = opsdesk("init", "--launch", "2027-02-30", "--db", str(db), tmp=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        "opsdesk: “2027-02-30” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01."]
    assert not db.exists()


def test_tasks_list_and_done(sample, tmp_path):
    todo = open_staff_task(sample)
    who = todo["assignee"]
    done = opsdesk("tasks", "done", str(todo["id"]), "--user", who, "--db", str(sample), tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    after = {t["id"]: t for t in json.loads(opsdesk("--db", str(sample), "tasks", "list", "--json").stdout)}
    assert after[todo["id"]]["status"] == "done" and after[todo["id"]]["done_by"] == who
    again = opsdesk("tasks", "done", str(todo["id"]), "--user", who, "--db", str(sample), tmp=tmp_path)
    assert again.returncode == 1 and "already done" in again.stderr


def test_tasks_done_by_someone_else_is_refused(sample, tmp_path):
    other = open_staff_task(sample)
    stranger = "kefu1" if other["assignee"] != "kefu1" else "meigong"
    before = digest(sample)
    r = opsdesk("tasks", "done", str(other["id"]), "--user", stranger, "--db", str(sample), tmp=tmp_path)
    assert r.returncode == 1 and "may not" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert digest(sample) == before


def test_tasks_reopen_is_for_whoever_ticked_it_off(sample, tmp_path):
    todo = open_staff_task(sample)
    who, task = todo["assignee"], str(todo["id"])
    stranger = "kefu1" if who != "kefu1" else "meigong"
    assert opsdesk("tasks", "done", task, "--user", who, "--db", str(sample), tmp=tmp_path
                   ).returncode == 0
    before = digest(sample)
    refused = opsdesk("tasks", "reopen", task, "--user", stranger, "--db", str(sample), tmp=tmp_path)
    assert refused.returncode == 1 and "may not reopen this task" in refused.stderr
    assert digest(sample) == before
    reopened = opsdesk("tasks", "reopen", task, "--user", who, "--db", str(sample), tmp=tmp_path)
    assert reopened.returncode == 0, reopened.stderr
    after = {t["id"]: t for t in json.loads(opsdesk("--db", str(sample), "tasks", "list", "--json").stdout)}
    assert (after[todo["id"]]["status"], after[todo["id"]]["done_by"]) == ("todo", None)


def test_tasks_list_mine_is_my_work(sample):
    """``--mine``: the person's tasks and the unassigned tasks of their roles, as My work."""
    from opsdesk.services import Services
    from opsdesk.store import open_store

    store = open_store(sample)
    try:
        services = Services(store)
        every = services.tasks.list(services.plans.list()[0].id)
        staff = [services.people.authenticate(u.login) for u in services.people.users()
                 if not u.is_manager]
    finally:
        store.close()

    def theirs(actor):
        return {t.id for t in every if t.assignee_id == actor.user_id
                or (t.assignee_id is None and t.role_id in actor.role_ids)}
    actor = next(a for a in staff if any(t.assignee_id is None for t in every
                                         if t.id in theirs(a)))
    mine = {t["id"] for t in json.loads(opsdesk("--db", str(sample), "tasks", "list", "--mine",
                                                "--user", actor.login, "--json").stdout)}
    assert mine == theirs(actor)


@pytest.mark.parametrize("login, password, message", [
    ("nobody", None, "There is no active person with the login “nobody”."),
    ("manager", None, "manager signs in with a password."),
    ("manager", "wrong", "The password for manager is not correct."),
])
def test_sign_in_problems(sample, tmp_path, login, password, message):
    env = {"OPSDESK_PASSWORD": password} if password else {"OPSDESK_PASSWORD": ""}
    r = opsdesk("tasks", "done", "1", "--user", login, "--db", str(sample), env=env, tmp=tmp_path)
    assert r.returncode == 1
    assert r.stderr.strip() == f"opsdesk: {message}"


def test_manager_with_password(sample, tmp_path):
    tasks = json.loads(opsdesk("--db", str(sample), "tasks", "list", "--json").stdout)
    todo = next(t for t in tasks if t["status"] == "todo")
    r = opsdesk("tasks", "done", str(todo["id"]), "--user", "manager", "--db", str(sample),
                env={"OPSDESK_PASSWORD": "opsdesk"}, tmp=tmp_path)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("make, expected", [
    (lambda p: None, "There is no database at"),
    (lambda p: p.write_text("just text\n"), "is not an OpsDesk database"),
    (lambda p: p.write_bytes(SAMPLE.read_bytes()[:20000]), "is damaged"),
])
@pytest.mark.parametrize("command", [["check"], ["tasks", "list"], ["backup", "--out", "B"]])
def test_bad_database_files(tmp_path, make, expected, command):
    db = tmp_path / "x.db"
    make(db)
    before = digest(db) if db.exists() else None
    command = [str(tmp_path / "b.db") if c == "B" else c for c in command]
    r = opsdesk("--db", str(db), *command, tmp=tmp_path)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0]
    assert (digest(db) if db.exists() else None) == before
    assert not (tmp_path / "b.db").exists()


def test_backup_check_restore(sample, tmp_path):
    backup = tmp_path / "backup.db"
    boss = {"OPSDESK_PASSWORD": "opsdesk"}
    assert opsdesk("--db", str(sample), "backup", "--out", str(backup), "--user", "manager",
                   env=boss, tmp=tmp_path).returncode == 0
    assert opsdesk("--db", str(backup), "check").returncode == 0
    todo = open_staff_task(sample)
    opsdesk("tasks", "done", str(todo["id"]), "--user", todo["assignee"], "--db", str(sample))
    r = opsdesk("--db", str(sample), "restore", str(backup), "--user", "manager", env=boss,
                tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    restored = {t["id"]: t for t in json.loads(opsdesk("--db", str(sample), "tasks", "list", "--json").stdout)}
    assert restored[todo["id"]]["status"] == todo["status"]
    bad = tmp_path / "not-a-backup.db"
    bad.write_text("nope")
    r = opsdesk("--db", str(sample), "restore", str(bad), "--user", "manager", env=boss,
                tmp=tmp_path)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1


def test_check_reports_a_damaged_schema(tmp_path):
    import sqlite3

    db = tmp_path / "x.db"
    shutil.copy(SAMPLE, db)
    con = sqlite3.connect(db)
    con.execute("DROP TABLE comments")
    con.commit()
    con.close()
    r = opsdesk("--db", str(db), "check", tmp=tmp_path)
    assert r.returncode == 1 and "comments is missing" in r.stderr


def test_shot_renders_the_overview(tmp_path):
    out = tmp_path / "overview.png"
    r = opsdesk("--db", str(SAMPLE), "shot", "--view", "overview", "--out", str(out), "--lang", "en",
                "--size", "1000x700", "--today", "2026-11-20", tmp=tmp_path)
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    bad = opsdesk("--db", str(SAMPLE), "shot", "--out", str(out), "--size", "big", tmp=tmp_path)
    assert bad.returncode == 1 and "is not a size" in bad.stderr


def test_sample_command_is_reproducible(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert opsdesk("sample", "--out", str(a)).returncode == 0
    assert opsdesk("sample", "--out", str(b)).returncode == 0
    assert digest(a) == digest(b)
    # The committed sample holds the same data (its header may name another SQLite version).
    assert dump(a) == dump(SAMPLE), "run `make sample` after changing what the sample holds"


def dump(path: Path) -> list[str]:
    import sqlite3

    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()
