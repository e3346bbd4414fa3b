"""Commands that only read (``tasks list``, ``check``, ``export``, ``report``, ``shot``)
leave the database file byte for byte as it was, and nothing beside it: on a rollback-journal
(DELETE) file, on a WAL file, and on a WAL file another process has open and is writing
(issue #12, item 2). Each command runs as a real process, as a person would run it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "opsdesk.db.sample"

COMMANDS = {
    "tasks-list": ["tasks", "list", "--json"],
    "check": ["check"],
    "export-csv": ["export", "--format", "csv", "--out", "{out}/tasks.csv"],
    "report": ["report", "--week", "2026-W47", "--out", "{out}/week.pdf"],
    "shot": ["shot", "--view", "tasks", "--size", "640x400", "--today", "2026-11-20",
             "--lang", "en", "--out", "{out}/tasks.png"],
}


def run(*args: str, tmp: Path, password: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OPSDESK_LOG_DIR": str(tmp / "logs"),
           "OPSDESK_DATA_DIR": str(tmp / "data"), "OPSDESK_PASSWORD": password}
    result = subprocess.run([sys.executable, "-m", "opsdesk", *args], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=180)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def folder_state(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every file in the folder with its sha256 (``skip``: names whose content may change)."""
    return {p.name: "" if p.name in skip else hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir())}


def journal_mode(path: Path, mode: str) -> Path:
    con = sqlite3.connect(path)
    try:
        assert con.execute(f"PRAGMA journal_mode = {mode}").fetchone()[0] == mode.lower()
    finally:
        con.close()
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(f"{path}{suffix}").exists()
    with path.open("rb") as fh:
        header = fh.read(20)
    assert header[18:20] == (b"\x02\x02" if mode == "WAL" else b"\x01\x01")
    return path


@pytest.fixture(params=["sample", "fixture"])
def source(request, seeded_copy, tmp_path) -> tuple[str, Path]:
    """A copy of opsdesk.db.sample, or a file made by the test fixtures, alone in a folder."""
    folder = tmp_path / "db"
    folder.mkdir()
    if request.param == "sample":
        path = folder / "opsdesk.db"
        shutil.copyfile(SAMPLE, path)
    else:
        path = seeded_copy("seed.db").rename(folder / "seed.db")
    return request.param, path


class Holder:
    """Another process with the database open in WAL mode and an uncheckpointed write in
    its -wal, until ``close``."""

    SCRIPT = (
        "import sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('PRAGMA journal_mode = WAL')\n"
        "con.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "con.execute('BEGIN IMMEDIATE')\n"
        "con.execute('UPDATE alembic_version SET version_num = version_num')\n"
        "con.execute('COMMIT')\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "con.close()\n"
    )

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", self.SCRIPT, str(path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "ready"
        assert Path(f"{path}-wal").stat().st_size > 0

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("mode", ["DELETE", "WAL", "WAL-in-use"])
def test_read_only_command_leaves_the_file_as_it_was(source, tmp_path, mode, command):
    _kind, path = source
    journal_mode(path, "DELETE" if mode == "DELETE" else "WAL")
    out = tmp_path / "out"
    out.mkdir()
    args = [a.format(out=out) for a in COMMANDS[command]]
    holder = Holder(path) if mode == "WAL-in-use" else None
    try:
        # the -shm is shared memory: readers leave their marks in it; its content may change
        before = folder_state(path.parent, skip=(f"{path.name}-shm",))
        r = run("--db", str(path), *args, tmp=tmp_path)
        assert r.returncode == 0, r.stderr
        assert folder_state(path.parent, skip=(f"{path.name}-shm",)) == before
    finally:
        if holder is not None:
            holder.close()
    if command == "check":
        assert ": ok (schema" in r.stdout
    elif command.startswith("tasks"):
        assert r.stdout.strip()
    else:
        assert any(out.iterdir())


@pytest.mark.parametrize("mode", ["DELETE", "WAL", "WAL-in-use"])
def test_tasks_list_reads_plainly_and_leaves_the_file_as_it_was(source, tmp_path, mode,
                                                                 monkeypatch):
    """``tasks list`` on a file at the schema head reads through plain ``sqlite3`` (#17:
    SQLAlchemy is never imported), prints what the full store prints (``sqlite:///`` URLs
    take the full store) and leaves the file and its folder as they were."""
    _kind, path = source
    journal_mode(path, "DELETE" if mode == "DELETE" else "WAL")
    holder = Holder(path) if mode == "WAL-in-use" else None
    try:
        before = folder_state(path.parent, skip=(f"{path.name}-shm",))
        with monkeypatch.context() as m:
            m.setenv("PYTHONPROFILEIMPORTTIME", "1")  # every import, on stderr
            runs = [run("--db", str(path), "tasks", "list", *args, tmp=tmp_path)
                    for args in ([], ["--json"])]
        for r in runs:
            assert r.returncode == 0 and r.stdout.count("\n") > 20, r.stderr[-500:]
            imported = {line.rsplit("|", 1)[-1].strip() for line in r.stderr.splitlines()
                        if line.startswith("import time:")}
            assert "opsdesk.store.plain" in imported
            assert not {m for m in imported if m.startswith("sqlalchemy") or m in {
                f"opsdesk.model.{x}" for x in ("audit", "base", "kpi", "people", "plan", "task")}}
        assert folder_state(path.parent, skip=(f"{path.name}-shm",)) == before
        full = run("--db", f"sqlite:///{path}", "tasks", "list", "--json", tmp=tmp_path)
        assert full.returncode == 0 and full.stdout == runs[1].stdout
        assert folder_state(path.parent, skip=(f"{path.name}-shm",)) == before
    finally:
        if holder is not None:
            holder.close()


def test_read_only_sign_in_checks_the_password_and_writes_nothing(tmp_path):
    """``tasks list --mine`` signs in; on a read-only database a wrong password is refused
    as ever, but nothing is recorded in the file."""
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "opsdesk.db"
    shutil.copyfile(SAMPLE, path)
    journal_mode(path, "WAL")
    before = folder_state(folder)
    for password, code in (("wrong", 1), ("opsdesk", 0)):
        r = run("--db", str(path), "tasks", "list", "--mine", "--user", "manager", tmp=tmp_path,
                password=password)
        assert r.returncode == code, r.stderr
        assert code == 0 or "not correct" in r.stderr
    assert folder_state(folder) == before


def test_an_older_file_is_read_through_an_upgraded_copy(seeded_copy, tmp_path):
    """A file of an older schema revision is read as the app would show it, and left
    as it was (not upgraded in place, no backup made beside it)."""
    from opsdesk.store import migrate

    folder = tmp_path / "db"
    folder.mkdir()
    path = seeded_copy("old.db").rename(folder / "old.db")
    older = migrate.KNOWN_REVISIONS[0]
    assert older != migrate.HEAD_REVISION
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), older)
    engine.dispose()
    journal_mode(path, "WAL")
    before = folder_state(folder)
    from opsdesk.store.reading import open_for_reading, stored_revision

    store = open_for_reading(path)
    try:
        assert store.readonly and stored_revision(store) == migrate.HEAD_REVISION
        assert store.path != path
        copy_folder = store.path.parent
    finally:
        store.close()
    del store
    import gc

    gc.collect()
    assert not copy_folder.exists()
    r = run("--db", str(path), "check", tmp=tmp_path)
    assert r.returncode == 0 and f"schema {older};" in r.stdout, r.stdout + r.stderr
    r = run("--db", str(path), "tasks", "list", "--json", tmp=tmp_path)
    assert r.returncode == 0 and len(json.loads(r.stdout)) > 40, r.stderr
    assert folder_state(folder) == before


def test_empty_file_is_reported_as_empty_and_left_empty(tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "empty.db"
    path.write_bytes(b"")
    for command in (["tasks", "list"], ["check"], ["tasks", "done", "1", "--user", "x"],
                    ["export", "--format", "csv", "--out", str(tmp_path / "x.csv")]):
        r = run("--db", str(path), *command, tmp=tmp_path)
        assert r.returncode == 1
        assert r.stderr.strip() == (f"opsdesk: {path} is empty: it holds no OpsDesk database. "
                                    "Choose another file or make a new plan there.")
    assert [p.name for p in folder.iterdir()] == ["empty.db"] and path.stat().st_size == 0
