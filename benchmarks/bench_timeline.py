"""The timeline on the 100k plan: first paint, scroll/zoom frames, drag repaints, memory.

Runs in a child process (so the memory figure is the timeline's alone): opens a copy of the
generated 100k plan, creates the QApplication, then measures
- load: ``services.timeline.load`` (one query into numpy columns; reported, no target);
- first paint: rows laid out (grouping, sorting) + the canvas painted at 1400×900, after load;
- frames: 40 scroll steps (down, across) and 16 Ctrl+wheel zoom steps, each a synchronous
  ``viewport().repaint()`` offscreen, timed one by one (median and p95);
- drag: a bar pressed and moved 40 times, each mouse move with its repaint (median);
- added RSS: VmRSS after all that minus VmRSS before the load (Qt and the store already up).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import rss_mb, view_context

TARGETS = {
    "timeline_first_paint_ms_100k": (200.0, "Timeline: rows laid out and first paint after the data is loaded (100k plan)"),
    "timeline_frame_ms_p50_100k": (16.0, "Timeline: scroll/zoom frame, median (100k plan, 1400×900 offscreen)"),
    "timeline_frame_ms_p95_100k": (33.0, "Timeline: scroll/zoom frame, 95th percentile (100k plan)"),
    "timeline_drag_ms_p50_100k": (16.0, "Timeline: each mouse-move repaint while dragging a bar, median (100k plan)"),
    "timeline_added_rss_mb_100k": (100.0, "Timeline: memory added by loading and showing it (100k plan)"),
    "timeline_load_ms_100k": (None, "Timeline: the service read of all 100k tasks into columns"),
}




def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(0.95 * len(ordered))) - 1]


def child(db: str, plan_id: int, as_of: str, login: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from opsdesk.ui.timeline.painter import task_rect
    from opsdesk.ui.timeline.view import TimelineView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        ctx = view_context(db, plan_id, as_of, login, Path(tmp))
        store, services = ctx.store, ctx.services
        view = TimelineView(ctx, None)
        view.resize(1400, 900)
        view.show()
        app.processEvents()
        canvas = view.canvas
        services.timeline.load(plan_id)  # warm the statement cache and numpy
        base = rss_mb()
        t0 = time.perf_counter()
        data = services.timeline.load(plan_id)
        load = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        canvas.set_data(data)
        canvas.fit()
        canvas.viewport().repaint()
        first = (time.perf_counter() - t0) * 1000
        vp = canvas.viewport()
        h, v = canvas.horizontalScrollBar(), canvas.verticalScrollBar()
        canvas.zoom_level("week")
        canvas.go_to_today()
        steps = []
        for i in range(24):
            steps.append(lambda i=i: v.setValue(v.value() + v.pageStep() * (1 + 37 * i)))
        for _ in range(16):
            steps.append(lambda: h.setValue(h.value() + h.pageStep() // 2))
        for i in range(16):
            factor = 1.25 if (i // 4) % 2 == 0 else 0.8
            steps.append(lambda f=factor: canvas.set_ppd(canvas.scale.ppd * f ** 3, 700))
        frames = []
        for step in steps:
            t0 = time.perf_counter()
            step()
            vp.repaint()
            frames.append((time.perf_counter() - t0) * 1000)
        # drag: a visible bar, 40 mouse moves each repainted
        canvas.zoom_level("day")
        f = canvas.frame()
        bar = None
        for row in f.visible_rows():
            task = int(f.layout.row_task[row])
            rect = task_rect(f, task, row) if task >= 0 else None
            if rect is not None and rect.width() > 20 and f.row_header < rect.center().x() < f.width:
                bar = rect
                break
        if bar is None:
            canvas.go_to(int(f.layout.d0[int(f.layout.row_task[f.visible_rows().start + 1])]))
            f = canvas.frame()
            row = f.visible_rows().start + 1
            bar = task_rect(f, int(f.layout.row_task[row]), row)
        start = bar.center()
        drags = []

        def mouse(kind, pos):
            ev = QMouseEvent(kind, pos, vp.mapToGlobal(pos), Qt.MouseButton.LeftButton,
                             Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(vp, ev)

        mouse(QEvent.Type.MouseButtonPress, start)
        for i in range(40):
            pos = QPointF(start.x() + 6 * (i + 1), start.y())
            t0 = time.perf_counter()
            mouse(QEvent.Type.MouseMove, pos)
            vp.repaint()
            drags.append((time.perf_counter() - t0) * 1000)
        if not canvas.overlay.preview:
            raise RuntimeError("the drag did not start: nothing was timed")
        canvas.gesture = None  # let go without writing
        added = rss_mb() - base
        rows = canvas.layout_.rows
        view.close()
        store.close()
    return {"timeline_first_paint_ms_100k": round(first, 1),
            "timeline_frame_ms_p50_100k": round(statistics.median(frames), 2),
            "timeline_frame_ms_p95_100k": round(p95(frames), 2),
            "timeline_drag_ms_p50_100k": round(statistics.median(drags), 2),
            "timeline_added_rss_mb_100k": round(added, 1),
            "timeline_load_ms_100k": round(load, 1),
            "_rows": rows}


def run(plans, log) -> dict[str, float]:
    gen = plans[100_000]
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        db = Path(tmp) / "plan.db"
        shutil.copyfile(gen.path, db)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        out = subprocess.run([sys.executable, "-m", "benchmarks.bench_timeline", str(db),
                              str(gen.plan_id), gen.as_of, gen.manager_login],
                             capture_output=True, text=True, env=env, timeout=600,
                             cwd=Path(__file__).resolve().parent.parent)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    rows = result.pop("_rows")
    log(f"  100k plan: {rows} rows; load {result['timeline_load_ms_100k']:.0f} ms, first paint "
        f"{result['timeline_first_paint_ms_100k']:.0f} ms, frames p50 "
        f"{result['timeline_frame_ms_p50_100k']:.1f} / p95 {result['timeline_frame_ms_p95_100k']:.1f} ms, "
        f"drag p50 {result['timeline_drag_ms_p50_100k']:.1f} ms, "
        f"+{result['timeline_added_rss_mb_100k']:.0f} MB")
    return result


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])))
