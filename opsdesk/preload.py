"""Start-up work, begun before Qt is even imported (no Qt here).

The desktop app paints its window first; meanwhile one thread checks the database file
(SQLite works without the GIL) and another imports SQLAlchemy and the services, so both are
ready when the window asks for the data. They are plain ``threading`` threads, not the UI's
background runner (``opsdesk.ui.background``): they start before Qt exists.

Until the first view shows its data the cyclic garbage collector is paused: start-up makes
hundreds of thousands of long-lived objects (Qt bindings, SQLAlchemy's and the models'
classes), and the full collections they would trigger only walk objects that live as long
as the process. When the data is shown, ``resume_gc`` moves everything made so far into the
permanent generation (``gc.freeze``), so later collections skip it too, and turns the
collector back on. (The technique of Instagram's Django fleet and of CPython's own docs for
``gc.freeze``: https://docs.python.org/3/library/gc.html#gc.freeze.)
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

_started = False
_gc_paused = False
GLOBAL_OPTIONS = {"--db", "--lang", "--user"}


def gui_db_argument(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(starts the GUI, the --db value) for a command line like ``--db x --user y``."""
    db, i = None, 0
    while i < len(argv):
        arg = argv[i]
        name, _, value = arg.partition("=")
        if name in GLOBAL_OPTIONS:
            if not value:
                i += 1
                value = argv[i] if i < len(argv) else ""
            if name == "--db":
                db = value
        elif not arg.startswith("-"):
            return False, db  # a subcommand: no GUI
        i += 1
    return True, db


def start(db: str | None, login: str | None = None) -> None:
    """Begin checking ``db`` and importing the core; safe to call more than once.

    With ``login`` (``--user``) on an SQLite file, the first screen is read plainly instead
    (``services/first_screen.py``) and SQLAlchemy is not imported now: the window opens the
    full store when it is first used (``ui/first_screen.py``). If the plain read cannot be
    used, the import starts as soon as that is known."""
    global _started, _first
    if _started:
        return
    _started = True
    if db and "://" not in db:
        from opsdesk.paths import resolve_db
        from opsdesk.store.inspect import prefetch

        path = resolve_db(db)
        if str(path) != _checked:
            prefetch(path)
        if login and not os.environ.get("OPSDESK_BENCH_SHELL_SHOT"):
            _first = FirstScreenStart(path, login, os.environ.get("OPSDESK_PASSWORD"))
            _first.future.add_done_callback(
                lambda f: None if _usable(f.result()) else load_core_in_background(db))
            return
    load_core_in_background(db)


def load_core_in_background(db: str | None) -> None:
    """Import SQLAlchemy and what opening a database and the first screen need, on a plain
    thread, in the order they need it (the real import on the GUI thread reports errors)."""

    def load() -> None:
        try:
            import opsdesk.store.engine  # noqa: F401
            if not db or "://" not in db:
                import sqlalchemy.dialects.sqlite  # noqa: F401
            import opsdesk.services.overview  # noqa: F401 - the manager's first view
            import opsdesk.services.people  # noqa: F401 - sign-in
        except Exception:  # noqa: BLE001 - the real import on the GUI thread will report it
            pass

    threading.Thread(target=load, name="opsdesk-preload", daemon=True).start()


def _usable(first) -> bool:
    """A plain first screen the window can show: a manager's Overview, staff's My work."""
    return first is not None and (first.actor.is_manager or first.my_work is not None)


CHOICE_TIMEOUT_S = 10.0
RESULT_TIMEOUT_S = 10.0


class FirstScreenStart:
    """The plain first-screen read begun before Qt loads: the plan it shows is chosen once
    the window's settings are read (``choose``), today is ``OPSDESK_TODAY`` or the date."""

    def __init__(self, path, login: str, password: str | None) -> None:
        from pathlib import Path

        self.path = Path(path).expanduser().absolute()
        self.login = login
        from concurrent.futures import Future  # (not at import: the CLI imports this module)

        self.plan_choice: Future = Future()
        self.future: Future = Future()
        # (the reading modules load on the thread too: their Python runs while the GUI
        # thread is in Qt's C++, which lets go of the interpreter lock)
        threading.Thread(target=self._read, args=(password,), name="opsdesk-first-screen",
                         daemon=True).start()

    def _read(self, password: str | None) -> None:
        try:
            from opsdesk.services.first_screen import read_first_screen

            first = read_first_screen(self.path, self.login, password, self._choose,
                                      fixed_today)
        except Exception:  # noqa: BLE001 - (the full path opens the file and explains)
            first = None
        self.future.set_result(first)

    def _choose(self, plans) -> int | None:
        try:
            return self.plan_choice.result(timeout=CHOICE_TIMEOUT_S)
        except TimeoutError:
            return None

    def choose(self, plan_id: int | None) -> None:
        if not self.plan_choice.done():
            self.plan_choice.set_result(plan_id)

    def result(self, timeout: float = RESULT_TIMEOUT_S):
        """The plain first screen if the window can show it (see ``_usable``), else None."""
        self.choose(None)  # (nothing chosen by now: the first plan)
        try:
            first = self.future.result(timeout=timeout)
        except TimeoutError:
            return None
        return first if _usable(first) else None


_first: FirstScreenStart | None = None


def first_screen() -> FirstScreenStart | None:
    """The plain first-screen read begun by ``start`` (taken once)."""
    global _first
    first, _first = _first, None
    return first


def fixed_today():
    """``OPSDESK_TODAY=YYYY-MM-DD`` pins "today" (demos, screenshots, tests); else today."""
    import datetime as dt

    value = os.environ.get("OPSDESK_TODAY")
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return dt.date.today()


def start_from_argv(argv: Sequence[str]) -> None:
    """Called first thing by ``main.py``: for the GUI, pause the collector, shorten the
    thread switch interval (``STARTUP_SWITCH_INTERVAL_S``) and begin the file's integrity
    check (``PRAGMA quick_check``: SQLite's own work, without the
    interpreter lock, 0.3–0.7 s on a 100–300k-task file, so it overlaps Qt's import); a
    subcommand (the CLI) runs as usual. The rest of the preloading begins once Qt is imported
    (``app.run_gui``): begun earlier, Python work there slowed both the first paint and the
    data (the threads share one interpreter lock while Qt loads)."""
    global _gc_paused, _checked, _switch_interval
    gui, db = gui_db_argument(argv)
    if gui and gc.isenabled():
        gc.disable()
        _gc_paused = True
    if gui and _switch_interval is None:
        _switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(STARTUP_SWITCH_INTERVAL_S)
    if gui:
        limit_malloc_arenas()  # (before the first thread starts)
        warm_fonts()
    if gui and db and "://" not in db:
        from opsdesk.paths import resolve_db
        from opsdesk.store.inspect import prefetch

        _checked = str(resolve_db(db))
        prefetch(_checked)


_checked: str | None = None
"""The file whose check ``start_from_argv`` began (``start`` does not begin it again)."""

MALLOC_ARENAS = 1
M_ARENA_MAX = -8  # (glibc's malloc.h)


FONTCONFIG = "libfontconfig.so.1"
_fonts_warmed = threading.Event()
"""Set once fontconfig has read its configuration and fonts (``warm_fonts``)."""


def warm_fonts() -> threading.Thread | None:
    """Have fontconfig read its configuration and font caches (``FcInit``) on a thread of its
    own while Qt loads (Linux): the first text the window lays out otherwise waits for it on
    the GUI thread (~5 ms). ``ctypes`` lets go of the interpreter lock during the call, and Qt,
    which calls ``FcInit`` itself, finds the work done. None where there is no fontconfig."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        init = ctypes.CDLL(FONTCONFIG).FcInit
    except (OSError, AttributeError):
        return None

    def run() -> None:
        if init():
            _fonts_warmed.set()

    thread = threading.Thread(target=run, name="opsdesk-fonts", daemon=True)
    thread.start()
    return thread


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Have glibc's allocator share ``arenas`` heaps among all threads (its default: a heap of
    its own for each new thread, up to 8 per core). Every load of a big plan runs on a
    worker thread; a worker that got a heap of its own kept up to 12 MB of a 100k-task load's
    freed memory there, so the desktop app's memory after opening its views differed by that
    much from run to run (#17). The threads take turns at the interpreter lock anyway; the
    allocator's lock costs nothing measurable. Called before the first thread starts; does
    nothing where the C library is not glibc. (What ``MALLOC_ARENA_MAX`` in the environment
    does, from inside the process.)"""
    mallopt = glibc("mallopt")
    return mallopt is not None and bool(mallopt(M_ARENA_MAX, arenas))


def glibc(name: str) -> Callable[..., int] | None:
    """The C library's function ``name`` from the symbols the process already has (Linux;
    without ``ctypes.util.find_library``, which runs ldconfig), None where there is none
    (another system, or musl, which has no ``mallopt`` or ``malloc_trim``)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        return getattr(ctypes.CDLL(None), name)
    except (OSError, AttributeError):
        return None


STARTUP_SWITCH_INTERVAL_S = 0.0002
"""The interpreter's thread switch interval until the first data is shown (CPython's default
is 5 ms). The first screen's reader (``FirstScreenStart``) lets go of the interpreter lock
for every SQLite call and row, and each time waits to get it back from the GUI thread,
which is building the window in Python meanwhile: at 5 ms a wait, its few dozen calls made
the Overview of a 100k-task plan wait ~40 ms for its figures after the window was ready.
At 0.2 ms they are back at once; ``resume_gc`` restores the interval (#17)."""
_switch_interval: float | None = None
"""The switch interval before start-up changed it (None: not changed)."""


def starting() -> bool:
    """The app is starting: the collector waits until the first data is shown."""
    return _gc_paused


def resume_gc() -> None:
    """The first data is shown: freeze what start-up made and collect as usual again (and
    let go of the module sources PySide's import hook had ``linecache`` keep: ``heap.py``);
    the thread switch interval is the interpreter's own again."""
    global _gc_paused, _switch_interval
    if _switch_interval is not None:
        sys.setswitchinterval(_switch_interval)
        _switch_interval = None
    if _gc_paused:
        _gc_paused = False
        import linecache

        linecache.clearcache()
        gc.freeze()
        gc.enable()


PREFETCH = ("opsdesk.ui.tasks.view", "opsdesk.ui.timeline.view", "opsdesk.ui.qt_types")
"""The views' modules imported once the app is idle after the first data is shown, so that
the first switch to Tasks or the Timeline does not wait for its imports (#17), and the
Python types PySide makes for the widgets C++ made (``ui/qt_types.py``)."""
PREFETCH_AFTER_MS = 1500


def prefetch_views(schedule, modules: Sequence[str] = PREFETCH) -> None:
    """Import ``modules`` one at a time on the GUI thread (a view's module may make Qt
    objects), each from ``schedule(ms, fn)`` (``QTimer.singleShot``) so that input is served
    between them; a module that fails is left for the view's own import to report."""
    import contextlib
    import importlib
    import sys

    pending = [m for m in modules if m not in sys.modules]

    def step() -> None:
        if not pending:
            return
        with contextlib.suppress(Exception):  # (the view's own import reports it)
            importlib.import_module(pending.pop(0))
        schedule(0, step)

    schedule(PREFETCH_AFTER_MS, step)

