"""Writes in the real main window on the 100k plan, with every view built (issue #19).

Runs in a child process: a copy of the generated 100k plan is opened in the real
``MainWindow`` for the manager (every view listed), and each view is shown once (built and
loaded, background loads finished). Then, each action started from the event loop:

- tick-off: a click on a task's checkbox in My work (its own click path: delegate →
  ``window.run`` → ``changes_applied`` → the view shown patches, the others are marked
  stale); ``real_tickoff_ms_p50_100k`` is the click until the row is repainted (median of
  ``TICKS``), ``real_tickoff_gui_block_ms_max_100k`` the longest time the event loop was not
  serviced over all those clicks, from the click until every background read is done;
- bulk assign of 1,000 tasks in the Tasks view (selected, then its Assign menu's action)
  and its undo through ``window.undo_stack.undo()``: the longest event-loop gap each;
- the timeline shown, a task created (a change it cannot patch): the longest gap until the
  timeline shows the new task (read and laid out off the GUI thread).

The event loop's gaps are measured with a 1 ms precise timer: its largest interval between
two ticks is the longest the GUI thread was blocked (a handler or slot running). Between
actions the loop runs until no background work is left.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.harness import view_context

TARGETS = {
    "real_tickoff_ms_p50_100k": (30.0, "Real window, every view built: My work checkbox click → row repainted, median (100k plan)"),
    "real_tickoff_gui_block_ms_max_100k": (100.0, "…the longest GUI-thread block over those tick-offs, until every read is done"),
    "real_bulk_assign_1000_gui_block_ms_100k": (300.0, "Real window: bulk-assign 1,000 tasks in the Tasks view, longest GUI-thread block"),
    "real_bulk_undo_1000_gui_block_ms_100k": (300.0, "…its undo (window.undo_stack.undo()), longest GUI-thread block"),
    "real_timeline_refresh_gui_block_ms_100k": (50.0, "Real window: Timeline shown, a change it cannot patch (new task), longest GUI-thread block"),
}
TICKS = 24
WARMUP = 3
BULK = 1000
SETTLE_TICKS = 30
"""Timer ticks (≈ ms) the event loop must stay idle, after an action is done, to count it over."""


class GapMeter:
    """The longest interval between two ticks of a 1 ms precise timer while an action runs."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEventLoop, Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.loop = QEventLoop()
        self.done: Callable[[], bool] = lambda: True
        self.last = 0.0
        self.gap = 0.0
        self.idle = 0
        self.started = False
        self.deadline = 0.0

    def measure(self, action: Callable[[], None], done: Callable[[], bool],
                timeout_s: float = 120.0) -> float:
        """Run ``action`` from the event loop; return the longest gap (ms) until ``done()``
        holds and no background work is left."""
        from PySide6.QtCore import QTimer

        self.done, self.gap, self.idle, self.started = done, 0.0, 0, False
        self.deadline = time.perf_counter() + timeout_s

        def start() -> None:
            self.started = True
            action()

        self.last = time.perf_counter()
        self.timer.start()
        QTimer.singleShot(0, start)
        self.loop.exec()
        self.timer.stop()
        if time.perf_counter() > self.deadline:
            raise RuntimeError("the action did not settle in time")
        return self.gap * 1000

    def _tick(self) -> None:
        from opsdesk.ui import background

        now = time.perf_counter()
        self.gap = max(self.gap, now - self.last)
        self.last = now
        if not self.started:
            return
        if not background.RUNNING and self.done():
            self.idle += 1
            if self.idle >= SETTLE_TICKS:
                self.loop.quit()
        else:
            self.idle = 0
        if now > self.deadline:
            self.loop.quit()


def settle(meter: GapMeter, done: Callable[[], bool] = lambda: True) -> None:
    meter.measure(lambda: None, done)


def child(db: str, plan_id: int, as_of: str, login: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from opsdesk.ui.main_window import MainWindow
    from opsdesk.ui.mywork.delegate import MyWorkDelegate

    app = QApplication.instance() or QApplication([])
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        ctx = view_context(db, plan_id, as_of, login, Path(tmp), lang="en")
        services, actor = ctx.services, ctx.actor
        window = MainWindow(ctx)
        window.resize(1400, 900)
        window.show()
        meter = GapMeter()
        built = []
        for spec in window.specs:  # every view built and loaded once
            t0 = time.perf_counter()
            window.show_view(spec.key)
            settle(meter, lambda key=spec.key: not getattr(window.built[key], "loading", False))
            built.append(f"{spec.key} {1000 * (time.perf_counter() - t0):.0f} ms")
        out["_built"] = ", ".join(built)
        t0 = time.perf_counter()
        gc.collect()  # (one full collection: how long any of them blocks the GUI thread)
        out["_gc_full_ms"] = round((time.perf_counter() - t0) * 1000, 1)

        # ---- tick-off in My work, its real click path
        mywork = window.show_view("mywork")
        settle(meter)
        times, blocks = [], []
        for i in range(TICKS + WARMUP):
            row = next((r for r, (_g, t) in enumerate(mywork.model.rows)
                        if t is not None and not t.done and mywork.can_toggle(t)
                        and not t.missed), None)  # (a routine's missed days: a menu, not a tick)
            if row is None:
                raise RuntimeError("My work has no task left to tick off")
            task_id = mywork.model.task_at(row).id
            index = mywork.model.index(row)
            mywork.list.scrollTo(index)
            settle(meter)
            clicked: list[float] = []

            def click(index=index, clicked=clicked) -> None:
                centre = MyWorkDelegate.box_rect(mywork.list.visualRect(index)).center()
                started = time.perf_counter()
                QTest.mouseClick(mywork.list.viewport(), Qt.MouseButton.LeftButton,
                                 Qt.KeyboardModifier.NoModifier, QPoint(centre))
                mywork.list.viewport().repaint(mywork.list.visualRect(index))
                clicked.append((time.perf_counter() - started) * 1000)

            def ticked(task_id=task_id) -> bool:
                row = mywork.model.row_of.get(task_id)
                return row is not None and mywork.model.task_at(row).done

            block = meter.measure(click, ticked)
            if services.tasks.get(task_id).status != "done" or not ticked():
                raise RuntimeError("the tick-off did not reach the database and the row")
            if i >= WARMUP:
                times.append(clicked[0])
                blocks.append(block)
        out["real_tickoff_ms_p50_100k"] = round(statistics.median(times), 2)
        out["real_tickoff_gui_block_ms_max_100k"] = round(max(blocks), 1)
        out["_tick_blocks_p50"] = round(statistics.median(blocks), 1)
        stale = sorted(window.stale)

        # ---- bulk assign of 1,000 tasks in the Tasks view, then its undo
        tasks = window.show_view("tasks")
        settle(meter, lambda: not tasks.loading)
        target = next(u for u in services.people.users() if not u.is_manager)
        ids = [r.id for r in tasks.model.rows if r.assignee_id != target.id
               and r.status != "done"][:BULK]
        before = {r.id: r.assignee_id for r in tasks.model.rows if r.id in set(ids)}
        tasks.select_ids(ids)
        settle(meter)
        if len(tasks.selected_ids()) != BULK:
            raise RuntimeError(f"{len(tasks.selected_ids())} tasks selected, not {BULK}")
        tasks.assign_menu.aboutToShow.emit()  # (the menu lists the people when it opens)
        action = next(a for a in tasks.assign_menu.actions() if a.text() == target.name)

        def assigned() -> bool:
            return all(tasks.model.row_by_id(i).assignee_id == target.id for i in ids)

        out["real_bulk_assign_1000_gui_block_ms_100k"] = round(
            meter.measure(action.trigger, assigned), 1)
        if window.undo_stack.count() == 0 or not assigned():
            raise RuntimeError("the bulk assign did not reach the Tasks view")

        def undone() -> bool:
            return all(tasks.model.row_by_id(i).assignee_id == before[i] for i in ids)

        out["real_bulk_undo_1000_gui_block_ms_100k"] = round(
            meter.measure(window.undo_stack.undo, undone), 1)
        if not undone():
            raise RuntimeError("the undo did not reach the Tasks view")

        # ---- the timeline after a change it cannot patch (a new task)
        timeline = window.show_view("timeline")
        settle(meter, lambda: not timeline.refresher.busy)
        title = "bench: a task the timeline does not hold"

        def create() -> None:
            window.run("create", lambda: services.tasks.create(actor, plan_id, title=title))

        def shown() -> bool:
            data = timeline.canvas.data
            return not timeline.refresher.busy and data is not None and title in data.title[-5:]

        out["real_timeline_refresh_gui_block_ms_100k"] = round(meter.measure(create, shown), 1)
        out["_stale"] = ", ".join(stale)
        window.close()
        ctx.store.close()
    app.processEvents()
    return out


def run(plans, log) -> dict[str, float | None]:
    gen = plans[100_000]
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        db = Path(tmp) / "plan.db"
        shutil.copyfile(gen.path, db)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        out = subprocess.run([sys.executable, "-m", "benchmarks.bench_real_window", str(db),
                              str(gen.plan_id), gen.as_of, gen.manager_login],
                             capture_output=True, text=True, env=env, timeout=1200,
                             cwd=Path(__file__).resolve().parent.parent)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    log(f"  views built: {result.pop('_built')}; a full garbage collection "
        f"{result.pop('_gc_full_ms'):.0f} ms")
    log(f"  tick-off in My work: median {result['real_tickoff_ms_p50_100k']:.1f} ms, GUI block "
        f"median {result.pop('_tick_blocks_p50'):.0f} / max "
        f"{result['real_tickoff_gui_block_ms_max_100k']:.0f} ms (stale meanwhile: "
        f"{result.pop('_stale')})")
    log(f"  bulk assign {BULK}: GUI block {result['real_bulk_assign_1000_gui_block_ms_100k']:.0f} ms, "
        f"undo {result['real_bulk_undo_1000_gui_block_ms_100k']:.0f} ms; timeline after a new "
        f"task {result['real_timeline_refresh_gui_block_ms_100k']:.0f} ms")
    return result


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])))
