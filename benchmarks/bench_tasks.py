"""Tasks view timings on the 100k-task plan, in a child process (its own memory):

- first paint: ``TasksView`` built, ``refresh()`` (the first page by due date, one query),
  shown and repainted; the rest loads off the GUI thread (``tasks_view_full_load_ms_100k``:
  until every row is in the model, grouped, expanded and repainted).
- filter: one keystroke's worth of text filter (the debounce timer is bypassed), median of
  several words, each followed by a repaint; sort: ``sortByColumn`` on each column, median.
  Measured grouped by phase (the default) and again as a flat list (``tasks_flat_*``, shown in a
  QTableView: only the rows on screen are laid out), each repainting the view shown.
- bulk assign: ``TaskService.bulk_update`` of 1,000 tasks (one transaction) and its undo
  ``bulk_restore``, through the view's own ops (what the menu runs), median of 3.
- RSS: VmRSS of the process with the whole 100k plan loaded in the view.
"""

from __future__ import annotations

import json
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
    "tasks_view_first_paint_ms_100k": (300.0, "Tasks view: model ready + first paint after the db is open (100k plan)"),
    "tasks_view_full_load_ms_100k": (None, "Tasks view: every row loaded (background thread) and shown (100k plan)"),
    "tasks_filter_ms_100k": (50.0, "Tasks view: a filter keystroke incl. repaint, median (100k plan)"),
    "tasks_sort_ms_100k": (150.0, "Tasks view: sort by a column incl. repaint, median (100k plan)"),
    "bulk_assign_1000_ms": (500.0, "Bulk-assign 1,000 tasks: one service call, one transaction"),
    "bulk_assign_undo_1000_ms": (500.0, "Undo of that bulk-assign: HistoryService.revert"),
    "tasks_flat_filter_ms_100k": (50.0, "Tasks view, flat list: a filter keystroke, median (100k plan)"),
    "tasks_flat_sort_ms_100k": (150.0, "Tasks view, flat list: a sort, median (100k plan)"),
    "tasks_view_rss_mb_100k": (300.0, "Resident memory with the 100k plan open in the Tasks view"),
}




def child(db: str, plan_id: int, as_of: str, login: str) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from opsdesk.ui.tasks.ops import TaskOps
    from opsdesk.ui.tasks.state import Filters
    from opsdesk.ui.tasks.view import TasksView

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        ctx = view_context(db, plan_id, as_of, login, Path(tmp))
        store, services = ctx.store, ctx.services
        t0 = time.perf_counter()
        view = TasksView(ctx, None)
        view.resize(1400, 900)
        view.refresh()
        view.show()
        view.tree.viewport().repaint()
        first = (time.perf_counter() - t0) * 1000
        while view.loading:
            app.processEvents()
            time.sleep(0.002)
        view.tree.viewport().repaint()
        full = (time.perf_counter() - t0) * 1000
        rows = len(view.model.rows)
        model = view.model

        def measure() -> tuple[list[float], list[float]]:
            vp = view.tree.viewport()  # the tree grouped, the table flat
            filters = []
            for text in ("客", "订单", "9", "促销", "a", "检查", "2024", "回访"):
                t0 = time.perf_counter()
                model.set_filters(Filters(text=text))  # modelReset runs the view's refresh too
                vp.repaint()
                filters.append((time.perf_counter() - t0) * 1000)
            model.set_filters(Filters())
            sorts = []
            for col in (5, 0, 3, 4, 6, 7, 2, 9):
                t0 = time.perf_counter()
                view.tree.sortByColumn(col, Qt.SortOrder.AscendingOrder)
                vp.repaint()
                sorts.append((time.perf_counter() - t0) * 1000)
            return filters, sorts
        filters, sorts = measure()  # grouped by phase (the default; a big plan opens folded)
        rss = rss_mb()
        view.act_group.trigger()  # flat: 100k top-level rows in a QTableView
        flat_filters, flat_sorts = measure()
        ops = TaskOps(services, ctx.actor, plan_id)
        people = [u.id for u in services.people.users() if not u.is_manager]
        assigns, undos = [], []
        open_rows = [r for r in model.rows if r.status != "done"]
        for i in range(3):
            chosen = open_rows[i * 1000:(i + 1) * 1000]
            ids = [r.id for r in chosen]
            do = ops.bulk_update(ids, {r.id: r.version for r in chosen},
                                 assignee_id=people[i % len(people)])
            t0 = time.perf_counter()
            changes = do()
            assigns.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            services.history.revert(ctx.actor, changes.change_id)  # the undo: the services'
            undos.append((time.perf_counter() - t0) * 1000)
        store.close()
    return {"tasks_view_first_paint_ms_100k": round(first, 1),
            "tasks_view_full_load_ms_100k": round(full, 1),
            "tasks_filter_ms_100k": round(statistics.median(filters), 1),
            "tasks_sort_ms_100k": round(statistics.median(sorts), 1),
            "bulk_assign_1000_ms": round(statistics.median(assigns), 1),
            "bulk_assign_undo_1000_ms": round(statistics.median(undos), 1),
            "tasks_view_rss_mb_100k": round(rss, 1),
            "tasks_flat_filter_ms_100k": round(statistics.median(flat_filters), 1),
            "tasks_flat_sort_ms_100k": round(statistics.median(flat_sorts), 1),
            "_rows": rows, "_filters": [round(f) for f in filters], "_sorts": [round(s) for s in sorts]}


def run(plans, log) -> dict[str, float]:
    gen = plans[100_000]
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        db = Path(tmp) / "plan.db"
        shutil.copyfile(gen.path, db)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        out = subprocess.run([sys.executable, "-m", "benchmarks.bench_tasks", str(db),
                              str(gen.plan_id), gen.as_of, gen.manager_login],
                             capture_output=True, text=True, env=env, timeout=600,
                             cwd=Path(__file__).resolve().parent.parent)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    rows, filters, sorts = result.pop("_rows"), result.pop("_filters"), result.pop("_sorts")
    log(f"  tasks view, 100k plan: {rows} rows; first paint "
        f"{result['tasks_view_first_paint_ms_100k']:.0f} ms, all loaded "
        f"{result['tasks_view_full_load_ms_100k']:.0f} ms; filters {filters} ms; sorts {sorts} ms")
    return result


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])))
