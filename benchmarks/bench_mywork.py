"""My work on the 100k plan, in the real main window (the Overview it opens on, then My work
shown): tick-off from click to repainted row (median), and first load. ``bench_real_window``
times the same click with every view built."""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.harness import view_context

TARGETS = {
    "mywork_tickoff_ms_p50": (30.0, "My work in the real window: click a row's checkbox → service write → row repainted (median, 100k plan)"),
    "mywork_first_paint_ms_100k": (None, "My work of a member of staff built, filled and painted in the real window (100k plan)"),
}
TICKS = 40
WARMUP = 3


def run(plans, log) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from opsdesk.ui.main_window import MainWindow
    from opsdesk.ui.mywork.delegate import MyWorkDelegate

    gen = plans[100_000]
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        db = Path(tmp) / "plan.db"
        shutil.copyfile(gen.path, db)
        login = gen.staff_logins[0]
        ctx = view_context(db, gen.plan_id, gen.as_of, login, Path(tmp))
        store = ctx.store
        window = MainWindow(ctx)  # the real one: its own dispatch, undo stack, change sync
        window.resize(1200, 900)
        window.show()
        app.processEvents()
        t0 = time.perf_counter()
        view = window.show_view("mywork")
        view.repaint()
        first = (time.perf_counter() - t0) * 1000
        rows = len(view.model.rows)
        times = []
        for i in range(TICKS + WARMUP):
            row = next((r for r, (_g, t) in enumerate(view.model.rows)
                        if t is not None and not t.done and view.can_toggle(t)), None)
            if row is None:
                break
            index = view.model.index(row)
            view.list.scrollTo(index)
            app.processEvents()
            centre = MyWorkDelegate.box_rect(view.list.visualRect(index)).center()
            started = time.perf_counter()
            QTest.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, QPoint(centre))
            view.list.viewport().repaint(view.list.visualRect(index))
            elapsed = (time.perf_counter() - started) * 1000
            if not view.model.task_at(row).done:
                raise RuntimeError("the tick-off did not reach the row")
            if i >= WARMUP:
                times.append(elapsed)
        window.close()
        store.close()
    log(f"  {login}: {rows} rows in My work, first paint {first:.0f} ms; tick-off median "
        f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms over {len(times)} clicks")
    return {"mywork_tickoff_ms_p50": round(statistics.median(times), 2),
            "mywork_first_paint_ms_100k": round(first, 1)}
