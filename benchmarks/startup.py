"""Start-up timings: process spawn → the ``opsdesk:first-paint`` line on stdout.

Every run is a fresh process (``python main.py --db … --user …`` with
``OPSDESK_BENCH_EXIT_AFTER_PAINT=1``), timed from just before ``Popen`` to the moment the
marker line is read; the process's shutdown is not counted. Caches are warm: one untimed
run of each command comes first, and byte-code is cached as in an installed app (see
``child_env``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

MARKER = "opsdesk:first-paint"  # the main window's first paint
DATA_MARKER = "opsdesk:data-ready"  # the overview painted with the plan's data
ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"
BARE = Path(__file__).resolve().with_name("bare_qt.py")
PYCACHE = Path(__file__).resolve().parent / "data" / "pycache"
RUN_TIMEOUT_S = 120.0
LANG = "zh_CN"  # the app's main audience; fixed so that runs do not depend on the locale


class StartupError(RuntimeError):
    pass


def child_env(home: Path, today: str | None = None) -> dict[str, str]:
    """The environment of a timed process.

    - ``XDG_CONFIG_HOME``, ``OPSDESK_DATA_DIR`` and ``OPSDESK_LOG_DIR`` point into ``home`` so
      that the benchmark neither reads nor changes the person's own settings (QSettings) or
      files. The settings are pre-seeded with "CJK font warning shown", so a machine without
      a Chinese font cannot block a run on a modal message box.
    - Byte-code is cached (in ``benchmarks/data/pycache``, keeping the source tree clean) even
      when ``PYTHONDONTWRITEBYTECODE`` is set, as it is for an installed app: compiling every
      module on each start is not what a person waits for.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["OPSDESK_BENCH_EXIT_AFTER_PAINT"] = "1"
    config = home / "config"
    conf = config / "OpsDesk" / "OpsDesk.conf"
    if not conf.exists():
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_text("[general]\ncjk_font_warned=true\n", encoding="utf-8")
    env["XDG_CONFIG_HOME"] = str(config)
    env["OPSDESK_DATA_DIR"] = str(home / "data")
    env["OPSDESK_LOG_DIR"] = str(home / "log")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    for name in ("OPSDESK_DB", "OPSDESK_TODAY"):
        env.pop(name, None)
    if today:
        env["OPSDESK_TODAY"] = today
    return env


def time_to_marker(cmd: Sequence[str], env: dict[str, str], cwd: Path = ROOT,
                   timeout: float = RUN_TIMEOUT_S, marker: str = MARKER) -> float:
    """Seconds from spawning ``cmd`` to reading ``marker`` on its stdout."""
    return time_to_markers(cmd, env, (marker,), cwd, timeout)[marker]


def time_to_markers(cmd: Sequence[str], env: dict[str, str], markers: Sequence[str],
                    cwd: Path = ROOT, timeout: float = RUN_TIMEOUT_S) -> dict[str, float]:
    """Seconds from spawning ``cmd`` to reading each of ``markers`` on its stdout."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=err, env=env,
                                cwd=cwd, text=True)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        seen: dict[str, float] = {}
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.strip() in markers:
                    seen[line.strip()] = time.perf_counter() - started
                    if len(seen) == len(markers):
                        break
            proc.stdout.read()  # let it finish writing, then exit
            proc.wait(timeout=timeout)
        finally:
            killer.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if len(seen) < len(markers):
            err.seek(0)
            tail = err.read().decode(errors="replace").strip().splitlines()[-15:]
            raise StartupError(f"{' '.join(cmd)} exited with {proc.returncode} before printing "
                               f"{markers!r}:\n" + "\n".join(tail))
        return seen


def copy_db(src: Path, dst: Path) -> None:
    """Copy a database file; through SQLite's backup API when a ``-wal`` file says that
    someone has it open, so the copy is a consistent snapshot."""
    if not Path(f"{src}-wal").exists():
        shutil.copyfile(src, dst)
        return
    source = sqlite3.connect(f"{src.as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def signin_login(db: Path) -> str:
    """A login that signs in without a password (a manager if there is one)."""
    con = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT login FROM users WHERE active AND password_hash IS NULL "
                          "ORDER BY is_manager DESC, id LIMIT 1").fetchone()
    finally:
        con.close()
    if row is None:
        raise StartupError(f"{db} has no person who signs in without a password")
    return str(row[0])


def app_cmd(db: Path, login: str) -> list[str]:
    return [sys.executable, str(MAIN), "--db", str(db), "--user", login, "--lang", LANG]


def bare_cmd() -> list[str]:
    return [sys.executable, str(BARE)]


def cold_start(sample: Path, login: str | None = None, runs: int = 5,
               today: str | None = None, log: Callable[[str], None] | None = None,
               ) -> dict[str, float]:
    """``cold_start_s`` (first paint), ``cold_start_data_s`` (the overview painted with its
    data), ``bare_qt_start_s`` and the first-paint ratio: medians of interleaved runs."""
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        home = Path(tmp)
        db = home / "sample.db"
        copy_db(sample, db)
        login = login or signin_login(db)
        env = child_env(home, today)
        app, bare = app_cmd(db, login), bare_cmd()
        time_to_marker(bare, env)  # warm-up: OS caches, byte-code, font cache
        time_to_marker(app, env)
        app_times, data_times, bare_times = [], [], []
        for i in range(runs):
            bare_times.append(time_to_marker(bare, env))
            seen = time_to_markers(app, env, (MARKER, DATA_MARKER))
            app_times.append(seen[MARKER])
            data_times.append(seen[DATA_MARKER])
            if log:
                log(f"  start-up run {i + 1}/{runs}: bare {bare_times[-1]:.3f} s, "
                    f"app {app_times[-1]:.3f} s (data {data_times[-1]:.3f} s)")
    app_s, bare_s = statistics.median(app_times), statistics.median(bare_times)
    return {"cold_start_s": round(app_s, 3), "bare_qt_start_s": round(bare_s, 3),
            "cold_start_ratio": round(app_s / bare_s, 2),
            "cold_start_data_s": round(statistics.median(data_times), 3)}


def open_first_paint(db_file: Path, login: str, today: str | None, runs: int = 3,
                     log: Callable[[str], None] | None = None) -> float:
    """Median seconds from spawn to the overview of (a copy of) ``db_file`` painted with data."""
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        home = Path(tmp)
        db = home / db_file.name
        copy_db(db_file, db)
        env = child_env(home, today)
        cmd = app_cmd(db, login)
        time_to_marker(cmd, env, marker=DATA_MARKER)  # warm-up
        times = []
        for i in range(runs):
            times.append(time_to_marker(cmd, env, marker=DATA_MARKER))
            if log:
                log(f"  open run {i + 1}/{runs}: {times[-1]:.3f} s")
    return round(statistics.median(times), 3)
