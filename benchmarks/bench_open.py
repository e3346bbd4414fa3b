"""Open → data shown, measured from outside the process (issue #17), and the 100k views.

**Open to data shown** (``open_to_data_ratio_<n>``, ``open_to_data_s_300k``): each run spawns
``python main.py --db <copy> --user manager`` with ``OPSDESK_BENCH_SHOT=<file>`` (see
``opsdesk/app.py`` ``_FrameShot``): once the Overview is painted with the plan's data, the
app writes the window's pixels as the platform holds them (the presented frame, grabbed
through ``QScreen.grabWindow``, not a render of the widgets) to that file, prints
``opsdesk:shot`` and runs on. The benchmark then watches the process's CPU time in
``/proc`` until it stays still for ``QUIET_S``: the figure is from just before ``Popen`` to
the last CPU tick before that quiet (what a person waits for: the window with the data, the
process done with its start-up). A bare PySide6 ``QMainWindow`` (``bare_qt.py``, same shot,
same quiet rule) runs interleaved with it in the same loop; each ratio is median ÷ median.

Every frame is checked: the untimed warm-up run also writes the empty shell's first frame,
and each timed frame must differ from that shell in the Overview's area (tiles, phases,
lists drawn), be close to the warm-up's data frame (same figures on screen), and have
enough ink to be a filled Overview; a frame that fails aborts the part.

**GNOME Planner** (``planner_open_s_10k``, only where ``planner`` is installed): the 10k
plan exported to ``.planner`` (bench_interchange's cached file: the same plan OpsDesk
opens), ``planner <file>`` spawned on an ``Xvfb`` display; spawn → its CPU quiet for
``PLANNER_QUIET_S``, median of ``PLANNER_RUNS``. A run where Planner ends by itself (it
crashes on some files) gives null: it never showed the plan; so does a warm-up whose window
never takes the plan's name as its title (Planner's screen is not otherwise checked).

**In the real window, 100k plan** (a child process, bench_real_window's ``GapMeter``):
``first_switch_tasks_block_ms_100k`` / ``first_switch_timeline_block_ms_100k`` (the
longest GUI-thread block from the first switch until the view has loaded everything),
``first_switch_tasks_ready_ms_100k`` (switch → every row in the model and repainted), and
``rss_all_views_mb_100k`` (VmRSS after Tasks, Timeline, KPIs and a few edits).

**CLI** (``cli_tasks_list_10k_s``): ``python -m opsdesk --db <10k> tasks list`` spawn →
exit, median of ``CLI_RUNS``.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import startup
from benchmarks.generate import MANAGER_PASSWORD

TARGETS = {
    "open_to_data_ratio_1k": (2.0, "Open → Overview with data on screen → process quiet, ÷ bare PySide6 window, same run (1k plan)"),
    "open_to_data_ratio_10k": (2.0, "…the same ratio on the 10k plan"),
    "open_to_data_ratio_100k": (2.0, "…the same ratio on the 100k plan"),
    "open_to_data_s_300k": (1.2, "Open → data on screen → quiet, seconds (300k plan)"),
    "planner_open_s_10k": (None, "GNOME Planner opening the same 10k plan (.planner), spawn → quiet, seconds"),
    "first_switch_tasks_block_ms_100k": (150.0, "Real window: first switch to Tasks, longest GUI-thread block (100k plan)"),
    "first_switch_tasks_ready_ms_100k": (600.0, "…switch → every row loaded and repainted"),
    "first_switch_timeline_block_ms_100k": (150.0, "Real window: first switch to the Timeline, longest GUI-thread block (100k plan)"),
    "rss_all_views_mb_100k": (250.0, "Real window: RSS after Tasks, Timeline, KPIs and a few edits (100k plan)"),
    "cli_tasks_list_10k_s": (0.3, "`opsdesk tasks list` on the 10k plan, spawn → exit, seconds"),
}
RUNS = 5
QUIET_S = 0.3
"""The process's CPU time must stay still this long to count it as quiet."""
POLL_S = 0.003
PLANNER_RUNS = 3
PLANNER_QUIET_S = 1.0
CLI_RUNS = 5
BIG = 300_000
BIG_GENERATE_MAX_S = 120.0
"""Generate the 300k plan in ``make bench`` only if the 100k one was made faster than a third
of this (3× the tasks); else ``open_to_data_s_300k`` is null (``python -m
benchmarks.generate 300000`` makes it once, and later runs use the cached file)."""
SHOT = "opsdesk:shot"
CLK_TCK = os.sysconf("SC_CLK_TCK")
LAST_CPU_S = 0.0
"""The CPU time (user + system) the last ``run_until_quiet`` process used until it was quiet."""
LAST_EXIT: int | None = None
"""The exit status of the last ``run_until_quiet`` process if it ended by itself (a crash)."""


class FrameError(RuntimeError):
    pass


# ---- the process from outside

def _cpu_ticks(pid: int) -> int | None:
    """utime + stime of ``pid`` and its descendants (None once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        total = int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return None
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", "rb") as f:
                for child in f.read().split():
                    total += _cpu_ticks(int(child)) or 0
    except OSError:
        pass
    return total


def run_until_quiet(cmd: Sequence[str], env: dict[str, str], marker: str | None = SHOT,
                    quiet_s: float = QUIET_S, timeout: float = startup.RUN_TIMEOUT_S,
                    cwd: Path = startup.ROOT) -> tuple[float, float | None]:
    """(seconds from spawn to the last CPU tick before ``quiet_s`` of stillness, seconds to
    ``marker`` on stdout); the quiet is only looked for once ``marker`` was read. The
    process is killed afterwards."""
    global LAST_CPU_S, LAST_EXIT
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=err, env=env, cwd=cwd,
                                text=True)
        seen: list[float] = []

        def read() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                if marker is not None and line.strip() == marker and not seen:
                    seen.append(time.perf_counter() - started)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        last_ticks, last_change = -1, started
        try:
            while True:
                now = time.perf_counter()
                if now - started > timeout:
                    raise startup.StartupError(f"{' '.join(cmd)}: no quiet within {timeout} s")
                ticks = _cpu_ticks(proc.pid)
                if ticks is None or proc.poll() is not None:
                    break
                if ticks != last_ticks:
                    last_ticks, last_change = ticks, now
                elif (marker is None or seen) and now - last_change >= quiet_s:
                    break
                time.sleep(POLL_S)
        finally:
            exited = proc.poll()  # (None: still running, killed here)
            if exited is None:
                proc.kill()
            proc.wait()
            reader.join(timeout=5)
        LAST_EXIT = exited
        if marker is not None and not seen:
            err.seek(0)
            tail = err.read().decode(errors="replace").strip().splitlines()[-15:]
            raise startup.StartupError(f"{' '.join(cmd)} exited with {proc.returncode} before "
                                       f"printing {marker!r}:\n" + "\n".join(tail))
        end = last_change - started
        LAST_CPU_S = max(last_ticks, 0) / CLK_TCK
        return (max(end, seen[0]) if seen else end), (seen[0] if seen else None)


# ---- the frames

def _pixels(path: Path) -> tuple[int, int, bytes]:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise FrameError(f"{path.name}: no frame was written")
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return image.width(), image.height(), bytes(image.constBits())


def _overview_area(w: int, h: int) -> tuple[int, int, int, int]:
    """The window's right part below the toolbar (the navigation list is on the left)."""
    return w // 5, h // 8, w - 8, h - 40


def _ink(frame: tuple[int, int, bytes], step: int = 3) -> float:
    """Share of the Overview area's (sampled) pixels that are not its background."""
    w, h, data = frame
    x0, y0, x1, y1 = _overview_area(w, h)
    counts: dict[bytes, int] = {}
    n = 0
    for y in range(y0, y1, step):
        row = y * w * 4
        for x in range(x0, x1, step):
            px = data[row + 4 * x:row + 4 * x + 3]
            counts[px] = counts.get(px, 0) + 1
            n += 1
    return 1 - max(counts.values()) / n if n else 0.0


def _differs(a: tuple[int, int, bytes], b: tuple[int, int, bytes], step: int = 3) -> float:
    """Share of the Overview area's (sampled) pixels that differ between two frames."""
    (w, h, da), (w2, h2, db) = a, b
    if (w, h) != (w2, h2):
        return 1.0
    x0, y0, x1, y1 = _overview_area(w, h)
    n = diff = 0
    for y in range(y0, y1, step):
        row = y * w * 4
        for x in range(x0, x1, step):
            i = row + 4 * x
            n += 1
            diff += da[i:i + 3] != db[i:i + 3]
    return diff / n if n else 1.0


def check_frame(shot: Path, shell: tuple | None, reference: tuple | None) -> None:
    """The frame shows the Overview with data: not the empty shell, ink enough, the same as
    the warm-up's data frame."""
    frame = _pixels(shot)
    ink = _ink(frame)
    if ink < 0.04:
        raise FrameError(f"{shot.name}: the Overview area is almost blank ({ink:.1%} ink)")
    if shell is not None and _differs(frame, shell) < 0.03:
        raise FrameError(f"{shot.name}: the frame is still the empty shell")
    if reference is not None and (d := _differs(frame, reference)) > 0.02:
        raise FrameError(f"{shot.name}: {d:.1%} of the Overview differs from the warm-up's "
                         "frame with data")


# ---- open → data shown

def _open_env(home: Path, today: str | None, shot: Path, password: str | None = None
              ) -> dict[str, str]:
    env = startup.child_env(home, today)
    env.pop("OPSDESK_BENCH_EXIT_AFTER_PAINT", None)  # the app runs on after the frame
    env["OPSDESK_BENCH_SHOT"] = str(shot)
    if password:  # the manager (the Overview is their first view) signs in with it
        env["OPSDESK_PASSWORD"] = password
    return env


def open_to_data(db_file: Path, login: str, password: str, today: str | None, runs: int = RUNS,
                 log: Callable[[str], None] | None = None, label: str = "",
                 with_bare: bool = True) -> dict[str, float]:
    """Medians (s) of the app (and of the bare window) from spawn to data shown and quiet."""
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        home = Path(tmp)
        db = home / db_file.name
        startup.copy_db(db_file, db)
        cheap_password_hash(db, login, password)
        app, bare = startup.app_cmd(db, login), startup.bare_cmd()
        shot = home / "frame.bmp"

        # warm-up (caches, byte-code), untimed: the shell's first frame, then the data frame
        shell_env = _open_env(home, today, home / "shell.bmp", password)
        run_until_quiet(bare, _open_env(home, today, home / "bare.bmp"))
        shell = _shell_frame(app, shell_env, home / "shell.bmp")
        run_until_quiet(app, _open_env(home, today, shot, password))
        check_frame(shot, shell, None)
        reference = _pixels(shot)

        apps, bares, shots, app_cpu, bare_cpu = [], [], [], [], []
        for i in range(runs):
            if with_bare:
                bares.append(run_until_quiet(bare, _open_env(home, today, home / "bare.bmp"))[0])
                bare_cpu.append(LAST_CPU_S)
            shot.unlink(missing_ok=True)
            end, frame_at = run_until_quiet(app, _open_env(home, today, shot, password))
            app_cpu.append(LAST_CPU_S)
            check_frame(shot, shell, reference)
            apps.append(end)
            shots.append(frame_at or end)
            if log:
                log(f"  {label} run {i + 1}/{runs}: "
                    + (f"bare {bares[-1]:.3f} s (cpu {bare_cpu[-1]:.2f}), " if with_bare else "")
                    + f"app data frame {shots[-1]:.3f} s, quiet {end:.3f} s "
                      f"(cpu {app_cpu[-1]:.2f})")
    out = {"app_s": statistics.median(apps), "frame_s": statistics.median(shots),
           "app_cpu_s": statistics.median(app_cpu)}
    if with_bare:
        out["bare_s"] = statistics.median(bares)
        out["bare_cpu_s"] = statistics.median(bare_cpu)
    return out


def cheap_password_hash(db: Path, login: str, password: str) -> None:
    """The copy's ``login`` gets an argon2id hash of the same password with the cheapest
    parameters: the sign-in still checks it (the same code), but the open is not timed on
    argon2's deliberate cost (64 MiB × 3 passes, about 0.1 s on a quiet core; a person pays
    it after typing the password, not while the window opens). ``argon2_verify_s`` in the
    log gives that cost on this machine."""
    import sqlite3

    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(password)
    con = sqlite3.connect(db)
    try:
        with con:
            con.execute("UPDATE users SET password_hash = ? WHERE login = ?", (cheap, login))
    finally:
        con.close()


def argon2_verify_s() -> float:
    from argon2 import PasswordHasher

    hasher = PasswordHasher()
    stored = hasher.hash("bench")
    t0 = time.perf_counter()
    hasher.verify(stored, "bench")
    return time.perf_counter() - t0


def _shell_frame(app: Sequence[str], env: dict[str, str], path: Path) -> tuple[int, int, bytes]:
    """The app's first frame, before the database opens (``OPSDESK_BENCH_SHELL_SHOT``)."""
    env = dict(env)
    env["OPSDESK_BENCH_SHELL_SHOT"] = str(path)
    env["OPSDESK_BENCH_SHOT"] = str(path.with_name("shell-data.bmp"))
    run_until_quiet(app, env)
    return _pixels(path)


# ---- GNOME Planner

def planner_open(planner_file: Path, log: Callable[[str], None] | None = None) -> float | None:
    """GNOME Planner opening ``planner_file``: spawn → its CPU quiet for ``PLANNER_QUIET_S``,
    median of ``PLANNER_RUNS`` after an untimed warm-up, on a private ``Xvfb`` display unless
    ``DISPLAY`` is set. None (said in ``log``) where Planner or a display server is missing,
    or where it does not show the plan: it ends by itself (a crash), gets no quiet within
    300 s, or (warm-up, where ``xwininfo`` is installed) never shows a window titled with the
    plan's name, which Planner sets once the file is read (it then builds its views: the
    quiet)."""
    import xml.etree.ElementTree as ET

    def say(line: str) -> None:
        if log:
            log(line)

    exe = shutil.which("planner")
    if exe is None:
        return None
    try:
        name = next(ET.iterparse(planner_file, events=("start",)))[1].get("name") or ""
    except (OSError, ET.ParseError, StopIteration) as exc:
        say(f"  GNOME Planner: {planner_file.name} cannot be read ({exc}): null")
        return None
    title = f'"{name} - Planner"' if name and '"' not in name else None  # (as xwininfo shows it)
    lister = shutil.which("xwininfo")
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env["GSETTINGS_BACKEND"] = "memory"  # (no dconf over D-Bus here; nothing of the person's)
    xvfb = None
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        env["HOME"] = tmp  # (its own settings and recent files, not the person's)
        try:
            if not env.get("DISPLAY"):
                server = shutil.which("Xvfb")
                if server is None:
                    say("  GNOME Planner needs a display and Xvfb is not installed: null")
                    return None
                read, write = os.pipe()  # Xvfb picks a free display and writes its number
                xvfb = subprocess.Popen([server, "-displayfd", str(write), "-screen", "0",
                                         "1280x800x24", "-nolisten", "tcp"], pass_fds=(write,),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                os.close(write)
                with os.fdopen(read) as f:
                    number = f.readline().strip()
                if not number.isdigit():
                    say("  Xvfb did not start: planner_open is null")
                    return None
                env["DISPLAY"] = f":{number}"
            def watch(lister: str, title: str, seen: list[bool], stop: threading.Event) -> None:
                while not stop.is_set() and not seen:
                    out = subprocess.run([lister, "-root", "-tree"], env=env, text=True,
                                         capture_output=True, errors="replace").stdout
                    if title in out:
                        seen.append(True)
                    stop.wait(0.25)

            for i in range(PLANNER_RUNS + 1):  # (the first: a warm-up, its window checked)
                seen: list[bool] = []
                stop = threading.Event()
                watcher = None
                if i == 0 and lister and title:
                    watcher = threading.Thread(target=watch, args=(lister, title, seen, stop),
                                               daemon=True)
                    watcher.start()
                try:
                    took = run_until_quiet([exe, str(planner_file)], env, marker=None,
                                           quiet_s=PLANNER_QUIET_S, timeout=300)[0]
                finally:
                    stop.set()
                    if watcher is not None:
                        watcher.join(timeout=10)
                if LAST_EXIT is not None:  # it ended by itself: it did not show the plan
                    say(f"  GNOME Planner ended with status {LAST_EXIT} after {took:.2f} s "
                        f"on {planner_file.name} (a crash, not an open): null")
                    return None
                if watcher is not None and not seen:
                    say(f"  GNOME Planner showed no window titled {title} on "
                        f"{planner_file.name} before it was quiet: null")
                    return None
                if i == 0 and watcher is None:
                    say("  (xwininfo is not installed: Planner's window title is not checked)")
                if i:
                    times.append(took)
                    say(f"  GNOME Planner run {i}/{PLANNER_RUNS}: {times[-1]:.2f} s "
                        f"({LAST_CPU_S:.2f} s CPU)")
        except startup.StartupError as exc:
            say(f"  GNOME Planner on {planner_file.name}: {exc}: null")
            return None
        finally:
            if xvfb is not None:
                xvfb.kill()
                xvfb.wait()
    median = round(statistics.median(times), 2)
    say(f"  GNOME Planner on {planner_file.name}: {median} s (median of {PLANNER_RUNS}), "
        f"load {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return median


# ---- the CLI

def cli_tasks_list(db_file: Path, runs: int = CLI_RUNS) -> float:
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        home = Path(tmp)
        db = home / db_file.name
        startup.copy_db(db_file, db)
        env = startup.child_env(home)
        env.pop("OPSDESK_BENCH_EXIT_AFTER_PAINT", None)
        cmd = [sys.executable, "-m", "opsdesk", "--db", str(db), "tasks", "list"]
        times = []
        for i in range(runs + 1):
            t0 = time.perf_counter()
            out = subprocess.run(cmd, env=env, cwd=startup.ROOT, capture_output=True, timeout=120)
            took = time.perf_counter() - t0
            if out.returncode != 0 or out.stdout.count(b"\n") < 1000:
                raise RuntimeError(f"opsdesk tasks list failed: {out.stderr.decode()[-300:]}")
            if i:
                times.append(took)
    return round(statistics.median(times), 3)


# ---- the real window at 100k (child process)

def child(db: str, plan_id: int, as_of: str, login: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from opsdesk import preload

    preload.limit_malloc_arenas()  # (as the app's start does, before any thread)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_real_window import GapMeter, settle
    from benchmarks.harness import rss_mb, view_context
    from opsdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        ctx = view_context(db, plan_id, as_of, login, Path(tmp))
        services, actor = ctx.services, ctx.actor
        window = MainWindow(ctx)
        window.resize(1280, 800)
        window.show()
        meter = GapMeter()
        settle(meter)
        out["_rss_open_mb"] = round(rss_mb(), 1)

        window.when_idle()  # as the app does once the first data is shown (app.py)
        settle(meter, lambda: all(m in sys.modules for m in preload.PREFETCH))

        ready: list[float] = []

        def switch_tasks() -> None:
            t0 = time.perf_counter()
            view = window.show_view("tasks")
            view.tree.viewport().repaint()

            def poll() -> None:
                if view.loading:
                    QTimer.singleShot(1, poll)
                else:
                    view.tree.viewport().repaint()
                    ready.append((time.perf_counter() - t0) * 1000)
            poll()

        out["first_switch_tasks_block_ms_100k"] = round(
            meter.measure(switch_tasks, lambda: bool(ready)), 1)
        out["first_switch_tasks_ready_ms_100k"] = round(ready[0], 1)
        tasks = window.built["tasks"]
        out["_tasks_rows"] = len(tasks.model.rows)

        def switch_timeline() -> None:
            window.show_view("timeline")

        def timeline_loaded() -> bool:
            view = window.built.get("timeline")
            return view is not None and not view.refresher.busy and \
                getattr(view.canvas, "data", None) is not None

        out["first_switch_timeline_block_ms_100k"] = round(
            meter.measure(switch_timeline, timeline_loaded), 1)
        if "kpis" in [s.key for s in window.specs]:
            meter.measure(lambda: window.show_view("kpis"),
                          lambda: not getattr(window.built["kpis"], "loading", False))
        # a few edits, each through the window's own path (one change, the views patched)
        window.show_view("tasks")
        settle(meter, lambda: not tasks.loading)
        open_ids = [r.id for r in tasks.model.rows if r.status != "done"][:5]
        for task_id in open_ids[:3]:
            meter.measure(lambda task_id=task_id: window.run(
                "tick", lambda: services.tasks.tick_off(actor, task_id)), lambda: True)
        meter.measure(lambda: window.run("create", lambda: services.tasks.create(
            actor, plan_id, title="bench: one more task")), lambda: True)
        settle(meter)
        out["rss_all_views_mb_100k"] = round(rss_mb(), 1)
        window.close()
        ctx.store.close()
    app.processEvents()
    return out


def _real_window(gen) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        db = Path(tmp) / "plan.db"
        shutil.copyfile(gen.path, db)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   PYTHONPYCACHEPREFIX=str(startup.PYCACHE))  # byte-code cached, as installed
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        out = subprocess.run([sys.executable, "-m", "benchmarks.bench_open", str(db),
                              str(gen.plan_id), gen.as_of, gen.manager_login],
                             capture_output=True, text=True, env=env, timeout=1200,
                             cwd=startup.ROOT)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---- the part

def _big_plan(plans, log) -> object | None:
    from benchmarks import generate

    key = generate.cache_key(BIG)
    if (generate.DATA_DIR / f"{key}.db").exists():
        return generate.cached(BIG, log=log)
    took = plans[100_000].seconds
    if took * BIG / 100_000 > BIG_GENERATE_MAX_S:
        log(f"  no 300k plan: generating one would take about {took * 3:.0f} s "
            f"(the 100k one took {took:.0f} s); `python -m benchmarks.generate 300000` makes it")
        return None
    return generate.cached(BIG, log=log)


def run(plans, log) -> dict[str, float | None]:
    results: dict[str, float | None] = {}
    log(f"  machine load (1, 5, 15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
        f"on {os.cpu_count()} cores")
    log(f"  (the manager's real argon2 check costs {argon2_verify_s():.3f} s here: not in "
        "the open figures, see cheap_password_hash)")
    for n, key in ((1_000, "1k"), (10_000, "10k"), (100_000, "100k")):
        gen = plans[n]
        got = open_to_data(Path(gen.path), gen.manager_login, MANAGER_PASSWORD, gen.as_of,
                           log=log, label=f"open {key}")
        results[f"open_to_data_ratio_{key}"] = round(got["app_s"] / got["bare_s"], 2)
        log(f"  open {key}: app {got['app_s']:.3f} s (data frame {got['frame_s']:.3f} s), "
            f"bare {got['bare_s']:.3f} s → ratio {results[f'open_to_data_ratio_{key}']}")
    big = _big_plan(plans, log)
    if big is not None:
        got = open_to_data(Path(big.path), big.manager_login, MANAGER_PASSWORD, big.as_of,
                           log=log, label="open 300k", with_bare=False, runs=3)
        results["open_to_data_s_300k"] = round(got["app_s"], 3)
    else:
        results["open_to_data_s_300k"] = None

    from benchmarks.bench_interchange import _planner_file

    if shutil.which("planner"):
        results["planner_open_s_10k"] = planner_open(_planner_file(plans[10_000], 10_000), log)
    else:
        log("  GNOME Planner is not installed: planner_open_s_10k is null")
        results["planner_open_s_10k"] = None

    results["cli_tasks_list_10k_s"] = cli_tasks_list(Path(plans[10_000].path))
    log(f"  opsdesk tasks list, 10k: {results['cli_tasks_list_10k_s']:.3f} s")

    real = _real_window(plans[100_000])
    log(f"  real window, 100k: rss at open {real.pop('_rss_open_mb')} MB, "
        f"{real.pop('_tasks_rows')} task rows; {real}")
    results.update(real)
    return results


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])))
