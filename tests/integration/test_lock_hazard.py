"""Issue #12: saved work silently lost after something in the process opened the database
file outside SQLite (a file dialog, a header read, a hash).

POSIX locks belong to the process: one stray open+close of the database file drops every
lock SQLite holds on it, another OpsDesk process then takes itself for the last one and
deletes ``-wal``/``-shm`` on exit, and our edits went into a deleted file. The store now
(1) never opens a live database file outside SQLite (``opsdesk/store/files.py``) and
(2) notices when its journal is no longer the file on disk: it reconnects on checkout, and
a write caught in between is refused with a clear message instead of being lost.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from opsdesk.services import Services
from opsdesk.store import engine as store_engine
from opsdesk.store import files, open_store
from opsdesk.store.watch import ChangeWatcher
from tests.ui.test_file_dialog import sqlite_locks

ROOT = Path(__file__).resolve().parents[2]
OPSDESK = ROOT / "opsdesk"

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks"),
              pytest.mark.sqlite_only]  # SQLite's files, locks and journal


OTHER_PROCESS = """
import sys
from opsdesk.services import Services
from opsdesk.store import open_store
services = Services(open_store(sys.argv[1]))
services.tasks.tick_off(services.people.actor_for(int(sys.argv[3])), int(sys.argv[2]))
services.store.close()
"""


def _other_process_ticks_off(db: Path, task_id: int, user_id: int) -> None:
    """Process B (another OpsDesk window, the CLI): one write through the services, exit."""
    result = subprocess.run([sys.executable, "-c", OTHER_PROCESS, str(db), str(task_id),
                             str(user_id)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr


def _fresh(db: Path, sql: str, *params) -> list[tuple]:
    """What another process reading the file now sees."""
    script = ("import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "print(json.dumps(c.execute(sys.argv[2], json.loads(sys.argv[3])).fetchall()))")
    import json

    out = subprocess.run([sys.executable, "-c", script, str(db), sql, json.dumps(params)],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    return [tuple(r) for r in json.loads(out)]


def _stray_open(path: Path) -> None:
    """What the old code did while connected (a header read, a file dialog sniffing the
    type, a hash): open the database file through another descriptor and close it."""
    fd = os.open(path, os.O_RDONLY)
    os.read(fd, 100)
    os.close(fd)


def _scenario(db: Path, world, tmp_path: Path) -> tuple[Services, ChangeWatcher, int, int]:
    """A has the store open and watches it; the stray open drops its locks; B ticks off a
    task from the command line and exits, deleting -wal/-shm from under A."""
    store = open_store(db)
    services = Services(store)
    watcher = ChangeWatcher(store)
    ids = sorted(world.tasks.values())
    task_b, task_a = ids[0], ids[1]
    assert services.tasks.get(task_b).done_at is None
    assert sqlite_locks(db) == "held"
    _stray_open(db)
    assert sqlite_locks(db) == "free"  # the hazard: A no longer protects its journal
    _other_process_ticks_off(db, task_b, world.users["manager"])
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    return services, watcher, task_a, task_b


def test_edits_after_another_process_deleted_the_journal_are_saved(seeded_copy, world, tmp_path):
    db = seeded_copy("shared.db")
    services, watcher, task_a, task_b = _scenario(db, world, tmp_path)
    try:
        # A's edit: reconnected on checkout, it lands in the file others read
        services.tasks.update(world.manager, task_a, title="edited by A")
        assert _fresh(db, "SELECT title FROM tasks WHERE id = ?", task_a) == [("edited by A",)]
        # …and A sees B's tick-off again (reads and the change watcher both reconnected)
        assert services.tasks.get(task_b).done_at is not None
        seen = watcher.poll()
        assert seen is not None and task_b in seen.ids
        # another process writes again: A still sees it, and A's close loses nothing
        _other_process_ticks_off(db, task_a, world.users["manager"])
        assert services.tasks.get(task_a).done_at is not None
    finally:
        watcher.close()
        services.store.close()
    rows = dict(_fresh(db, "SELECT id, title FROM tasks WHERE id IN (?, ?) AND done_at IS NOT NULL",
                       task_a, task_b))
    assert rows.get(task_a) == "edited by A" and task_b in rows
    assert _fresh(db, "PRAGMA integrity_check") == [("ok",)]


def test_without_the_check_the_edit_is_lost(seeded_copy, world, tmp_path, monkeypatch):
    """The same steps with the journal check switched off: what happened before the fix
    (and proof that the scenario above really reproduces the hazard)."""
    monkeypatch.setattr(store_engine, "_CHECK_JOURNAL", False)
    db = seeded_copy("shared.db")
    services, watcher, task_a, task_b = _scenario(db, world, tmp_path)
    task_c = sorted(world.tasks.values())[2]
    try:
        services.tasks.update(world.manager, task_a, title="edited by A")  # "saved"…
        # …into the deleted journal: no other process sees it
        assert _fresh(db, "SELECT title FROM tasks WHERE id = ?", task_a) != [("edited by A",)]
        _other_process_ticks_off(db, task_c, world.users["manager"])
    finally:
        watcher.close()
        services.store.close()
    # and after A quits, A's edit or the other process's tick-off is gone for good
    a_kept = _fresh(db, "SELECT title FROM tasks WHERE id = ?", task_a) == [("edited by A",)]
    c_kept = _fresh(db, "SELECT done_at IS NOT NULL FROM tasks WHERE id = ?", task_c) == [(1,)]
    assert not (a_kept and c_kept)


def test_a_write_caught_by_the_deletion_is_refused_then_the_next_one_lands(store, world,
                                                                           monkeypatch):
    """The journal vanishes between checkout and COMMIT: nothing is written into the
    deleted file; the person is told, and the next attempt (reconnected) is saved."""
    task = sorted(world.tasks.values())[0]
    services = Services(store)
    real = files.side_identity
    calls = {"n": 0}

    def vanishing(path):
        calls["n"] += 1
        return None if calls["n"] == 3 else real(path)  # checkout, BEGIN: fine; COMMIT: gone

    monkeypatch.setattr(files, "side_identity", vanishing)
    with pytest.raises(store_engine.JournalReplaced) as caught:
        services.tasks.update(world.manager, task, title="first try")
    assert "your change was not saved" in caught.value.message
    assert "please make the change again" in caught.value.message
    assert services.tasks.get(task).title != "first try"
    services.tasks.update(world.manager, task, title="second try")
    assert _fresh(store.path, "SELECT title FROM tasks WHERE id = ?", task) == [("second try",)]


# ---- the guard: nothing in the process opens a live database file outside SQLite

def test_user_files_that_are_the_live_database_are_refused(store, tmp_path):
    db = store.path
    with store.read() as s:
        s.execute(text("SELECT 1")).all()
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal"),
                 db.parent / ".." / db.parent.name / db.name):
        with pytest.raises(files.LiveDatabaseFile) as caught:
            files.open_user_file(path, "rb")
        assert "is the OpsDesk database that is open; choose another file" in caught.value.message
    link = tmp_path / "elsewhere.db"
    os.link(db, link)  # another name for the same file
    assert files.is_live(link)
    assert not files.is_live(tmp_path / "other.csv")
    assert sqlite_locks(db) == "held"
    store.close()
    assert not files.is_live(db)
    assert files.read_header(db, 16) == b"SQLite format 3\x00"


def test_readers_writers_and_backups_refuse_the_live_database(store, world, tmp_path):
    from opsdesk.services.exports import ExportService
    from opsdesk.store import backup as bk

    db = store.path
    services = Services(store)
    for out in (db, Path(f"{db}-wal")):
        with pytest.raises(files.LiveDatabaseFile):
            ExportService(store).tasks_csv(world.plan_id, out)
    with pytest.raises(files.LiveDatabaseFile):
        bk.backup_store(store, Path(f"{db}-shm"))
    with pytest.raises(files.LiveDatabaseFile):
        bk.validate_backup(Path(f"{db}-wal"))
    from opsdesk.services.tables import read_table

    for path in (db, Path(f"{db}-wal")):
        with pytest.raises(files.LiveDatabaseFile):
            read_table(path)
    assert sqlite_locks(db) == "held"
    assert services.tasks.get(sorted(world.tasks.values())[0]) is not None


def test_inspecting_a_database_this_process_has_open_keeps_its_locks(store):
    """``open_store`` on a file already open here (File ▸ Open of the same database, a
    second window) used to read its header through another descriptor."""
    from opsdesk.store.inspect import inspect_sqlite_file

    with store.read() as s:
        s.execute(text("SELECT 1")).all()
    assert inspect_sqlite_file(store.path) is not None
    second = open_store(store.path)
    try:
        assert sqlite_locks(store.path) == "held"
    finally:
        second.close()
    assert files.is_live(store.path)  # still open by the first store
    assert sqlite_locks(store.path) == "held"


# What may touch files by path outside store/files.py, and why. Everything else that opens,
# reads, writes, copies, hashes or replaces a file must go through opsdesk.store.files.
ALLOWED = {
    ("opsdesk/app.py", "style.read_text("): "the packaged style sheet",
    ("opsdesk/cli.py", "open(os.devnull"): "the null device",
    ("opsdesk/cli.py", 'path.open("a"'): "the log file in the log folder",
    ("opsdesk/interchange/xlsx_read.py", "zipfile.ZipFile(source)"):
        "services/tables.py refuses a live file first",
    ("opsdesk/interchange/xlsx_rows.py", "zipfile.ZipFile("):
        "an in-memory skeleton and the .part services/exports.py checked",
    ("opsdesk/store/engine.py", "os.open(path, os.O_WRONLY | os.O_CREAT"):
        "creates the new empty database before any connection",
    ("opsdesk/store/netfs.py", "open(mounts_file"): "/proc/mounts",
    ("opsdesk/ui/import_tax.py", 'open(path, "rb")'): "Python modules' sources",
    ("opsdesk/ui/settings.py", "hashlib.sha1(db.encode())"): "a hash of a name, not a file",
    ("opsdesk/ui/report/weekly.py", "QPdfWriter(str(out))"): "the .part the caller checked",
    ("opsdesk/ui/timeline/export.py", "QPdfWriter(str(path))"): "the .part the caller checked",
}
RAW_FILE_ACCESS = re.compile(
    r"(?<![\w.`])open\(|\.open\(\s*['\"]|read_bytes\(|write_bytes\(|read_text\(|write_text\("
    r"|shutil\.|hashlib\.|os\.open\(|os\.replace\(|os\.rename\(|\.replace\(\s*out\b|\.rename\("
    r"|load_workbook\(|ZipFile\(|QFile\(|QSaveFile\(|QPdfWriter\(|\.save\(str\(|grab\(\)\.save\("
    r"|setFileName\(|setOutputFileName\(|mmap\.|copyfile\(")


def test_no_raw_file_access_outside_the_guard():
    stray = []
    for module in sorted(OPSDESK.rglob("*.py")):
        rel = module.relative_to(ROOT).as_posix()
        if rel == "opsdesk/store/files.py":
            continue
        for n, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0]
            if not RAW_FILE_ACCESS.search(code) or "files." in code:
                continue
            if any(rel == path and snippet in code for path, snippet in ALLOWED):
                continue
            stray.append(f"{rel}:{n}: {line.strip()}")
    assert not stray, ("open files a person names through opsdesk.store.files "
                       "(or list the use in ALLOWED with the reason):\n" + "\n".join(stray))
