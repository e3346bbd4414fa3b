"""Interchange figures: Planner import (10k, 100k tasks), XLSX/CSV export (100k), weekly report."""

from __future__ import annotations

import datetime as dt
import gc
import shutil
import tempfile
import time
from pathlib import Path

TARGETS = {
    "import_planner_10k_s": (2.0, "parse + import a 10k-task .planner file"),
    "import_planner_100k_s": (15.0, "parse + import a 100k-task .planner file"),
    "export_xlsx_100k_s": (10.0, "export 100k tasks to XLSX"),
    "export_csv_100k_s": (2.0, "export 100k tasks to CSV"),
    "weekly_report_s": (3.0, "the sample's weekly report to PDF"),
}
DATA = Path(__file__).resolve().parent / "data"
ROOT = DATA.parent.parent


def _planner_file(gen, n: int) -> Path:
    """A .planner file of the generated plan (made once, cached beside the db)."""
    from opsdesk.interchange.planner import write_planner
    from opsdesk.services.exports import ExportService
    from opsdesk.store import open_store

    out = DATA / f"{Path(gen.path).stem}.planner"
    if not out.exists():
        store = open_store(gen.path, readonly=True)
        try:
            out.write_bytes(write_planner(ExportService(store).plan_doc(gen.plan_id)))
        finally:
            store.close()
    return out


def _time_import(file: Path, tmp: Path) -> float:
    from opsdesk.interchange.planner import parse_planner
    from opsdesk.services import Actor
    from opsdesk.services.imports import ImportService
    from opsdesk.store import open_store

    store = open_store(tmp / f"import-{file.stem}.db", create=True)
    try:
        started = time.perf_counter()
        doc = parse_planner(file.read_bytes(), file.name)
        ImportService(store).import_plan(Actor.system(), doc, file=file.name)
        return time.perf_counter() - started
    finally:
        store.close()


def run(plans, log) -> dict[str, float]:
    from opsdesk.services.exports import ExportService
    from opsdesk.store import open_store

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="opsdesk-bench-") as tmp:
        tmp = Path(tmp)
        for n, name in ((10_000, "import_planner_10k_s"), (100_000, "import_planner_100k_s")):
            file = _planner_file(plans[n], n)
            results[name] = round(_time_import(file, tmp), 2)
            log(f"  {name}: {results[name]} s ({file.stat().st_size / 1e6:.1f} MB file)")
        big = tmp / "big.db"
        shutil.copy(plans[100_000].path, big)
        store = open_store(big)
        try:
            ex = ExportService(store)
            for name, export, file in (("export_xlsx_100k_s", ex.tasks_xlsx, tmp / "t.xlsx"),
                                       ("export_csv_100k_s", ex.tasks_csv, tmp / "t.csv")):
                gc.collect()  # each figure starts from a clean heap
                started = time.perf_counter()
                rows = export(plans[100_000].plan_id, file)
                results[name] = round(time.perf_counter() - started, 2)
                log(f"  {name}: {results[name]} s ({rows} rows, {file.stat().st_size / 1e6:.1f} MB)")
        finally:
            store.close()
        sample = tmp / "sample.db"
        shutil.copy(ROOT / "opsdesk.db.sample", sample)
        results["weekly_report_s"] = round(_time_report(sample, tmp / "report.pdf"), 2)
    return results


def _time_report(db: Path, out: Path) -> float:
    from opsdesk.services import Services
    from opsdesk.store import open_store
    from opsdesk.ui.report.weekly import write_weekly_report

    store = open_store(db)
    try:
        started = time.perf_counter()
        write_weekly_report(Services(store), 1, dt.date(2026, 11, 16), out, "zh_CN")
        return time.perf_counter() - started
    finally:
        store.close()
