"""KPI figures: dashboard first paint and chart switch (20 KPIs × 3 years), 100k-row import and re-import."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.generate import sign_in

TARGETS = {
    "kpi_dashboard_first_paint_ms": (300.0, "KPI view built, cards filled and painted, db already open (20 KPIs × 3 y)"),
    "kpi_dashboard_with_chart_ms": (None, "the same plus the chart under the cards (imports pyqtgraph on the first)"),
    "kpi_chart_switch_ms": (50.0, "switch the chart to another KPI or period and repaint (median)"),
    "kpi_import_100k_rows_s": (3.0, "check + import a 100k-row CSV (100 KPIs × 1000 days), all new"),
    "kpi_reimport_100k_rows_s": (3.0, "re-import the same file: finds nothing to change, writes nothing"),
    "kpi_import_shop_export_100k_rows_s": (3.0, "read, check, combine and import a 100k-row per-product GBK CSV with title rows (1,000 products × 100 days → 100 days)"),
    "kpi_import_xls_10k_rows_s": (1.0, "read, check, combine and import a 10k-row .xls shop export (100 products × 100 days)"),
}
EXTRA_KPIS = 10  # the generator's plans have 10 KPIs; the bench's copy gets 10 more


def _copy(gen, tmp: Path, name: str) -> Path:
    out = tmp / name
    shutil.copyfile(gen.path, out)
    return out


def _add_kpis(services, actor, plan_id: int, count: int, days: int, start: dt.date,
              with_values: bool) -> list:
    """``count`` more KPIs cloned from the template's (targets too), optionally with values."""
    from benchmarks.generate import kpi_series

    base = services.kpis.list(plan_id)
    rng = random.Random(7)
    made = []
    for i in range(count):
        src = base[i % len(base)]
        c = services.kpis.create(actor, plan_id, key=f"{src.key}_{i}", name_zh=f"{src.name_zh}{i}",
                                 name_en=f"{src.name_en} {i}", unit=src.unit, direction=src.direction,
                                 aggregation=src.aggregation, owner_role_id=src.owner_role_id,
                                 decimals=src.decimals)
        (kpi_id,) = c.ids
        targets = services.kpis.targets(src.id)
        services.kpis.set_targets(actor, kpi_id, [dict(period_start=t.period_start, period_end=t.period_end,
                                                       low=t.low, high=t.high, label=t.label) for t in targets])
        if with_values:
            services.kpis.record(actor, kpi_id, kpi_series(rng, src, targets, start, days), source="import")
        made.append(kpi_id)
    return made


def _ui_figures(path: Path, gen, log) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from opsdesk.services import Services
    from opsdesk.store import open_store
    from opsdesk.ui.context import AppContext
    from opsdesk.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    import opsdesk.ui.main_window  # noqa: F401 - the view opens inside a running app
    store = open_store(path)
    services = Services(store)
    actor = sign_in(services.people, gen.manager_login)
    as_of = dt.date.fromisoformat(gen.as_of)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "b.ini"), QSettings.Format.IniFormat))
        ctx = AppContext(store=store, services=services, actor=actor, settings=settings, lang="zh_CN",
                         plan_id=gen.plan_id, fixed_today=as_of)
        paints, with_chart = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            from opsdesk.ui.kpis.view import KpisView

            view = KpisView(ctx, None)
            view.resize(1400, 900)
            view.refresh()
            view.show()
            view.repaint()
            paints.append((time.perf_counter() - t0) * 1000)
            view.build_chart()
            view.panel.chart.repaint()
            with_chart.append((time.perf_counter() - t0) * 1000)
            view.close()
            view.deleteLater()
            app.processEvents()
        log(f"  dashboard first paint: cold {paints[0]:.0f} ms, then {statistics.median(paints[1:]):.0f} ms; "
            f"with the chart: cold {with_chart[0]:.0f} ms")
        view = KpisView(ctx, None)
        view.resize(1400, 900)
        view.refresh()
        view.show()
        view.build_chart()
        panel = view.panel
        switches = []
        kpis = [k.id for k in view.kpis]
        log(f"  {len(kpis)} KPIs on the dashboard")
        for mode in ("periods", "cumulative", "daily"):
            for kpi_id in kpis:
                t0 = time.perf_counter()
                panel.show_kpi(kpi_id, mode=mode)
                panel.chart.repaint()
                switches.append((time.perf_counter() - t0) * 1000)
        for period in ("week", "month"):
            t0 = time.perf_counter()
            panel.show_kpi(kpis[0], mode="periods", period=period)
            panel.chart.repaint()
            switches.append((time.perf_counter() - t0) * 1000)
        view.close()
        log(f"  chart switch: median {statistics.median(switches):.1f} ms, max {max(switches):.1f} ms")
    store.close()
    return {"kpi_dashboard_first_paint_ms": round(paints[0], 1),
            "kpi_dashboard_with_chart_ms": round(with_chart[0], 1),
            "kpi_chart_switch_ms": round(statistics.median(switches), 1)}


def _import_figures(path: Path, gen, tmp: Path, log) -> dict[str, float]:
    from sqlalchemy import text

    from opsdesk.services import Services
    from opsdesk.services import kpi_import as ki
    from opsdesk.store import open_store

    store = open_store(path)
    services = Services(store)
    actor = sign_in(services.people, gen.manager_login)
    launch = dt.date.fromisoformat(gen.launch)
    kpi_ids = _add_kpis(services, actor, gen.plan_id, 100, 0, launch, with_values=False)
    keys = {k.id: k.key for k in services.kpis.list(gen.plan_id)}
    rng = random.Random(11)
    csv_path = tmp / "kpis_100k.csv"
    with open(csv_path, "w", encoding="gbk", newline="") as f:
        f.write("日期,指标,数值\n")
        for i in range(1000):
            day = (launch + dt.timedelta(days=i)).strftime("%Y/%-m/%-d")
            for kpi_id in kpi_ids:
                f.write(f'{day},{keys[kpi_id]},"{rng.randint(1, 20000):,}"\n')
    mapping = ki.Mapping.parse(["date=日期", "kpi=指标", "value=数值"])

    def count() -> tuple[int, int]:
        with store.engine.connect() as c:
            return (c.execute(text("SELECT count(*) FROM kpi_values")).scalar_one(),
                    c.execute(text("SELECT count(*) FROM changes")).scalar_one())

    t0 = time.perf_counter()
    prep, _ = ki.import_file(services, actor, gen.plan_id, csv_path, mapping)
    first = time.perf_counter() - t0
    assert prep.rows == 100_000 and prep.new == 100_000 and prep.ok, (prep.rows, prep.new, prep.problems[:3])
    before = count()
    t0 = time.perf_counter()
    prep, changes = ki.import_file(services, actor, gen.plan_id, csv_path, mapping)
    again = time.perf_counter() - t0
    assert prep.unchanged == 100_000 and not changes.kpis and count() == before, "re-import changed something"
    log(f"  import 100k rows (GBK CSV): {first:.2f} s; re-import: {again:.2f} s, nothing changed")
    store.close()
    return {"kpi_import_100k_rows_s": round(first, 2), "kpi_reimport_100k_rows_s": round(again, 2)}


SHOP_HEADER = ["统计日期", "商品ID", "商品名称", "访客数", "浏览量", "支付买家数", "支付金额",
               "支付转化率", "客单价", "退款金额"]
SHOP_TITLE = ["【生意参谋】商品效果", "统计时间：{first} ~ {last}", "店铺：示例旗舰店", ""]


def _shop_rows(launch: dt.date, products: int, days: int, rng: random.Random) -> list[list]:
    rows = []
    for i in range(days):
        day = (launch + dt.timedelta(days=i)).isoformat()
        for p in range(products):
            uv = rng.randint(5, 400)
            buyers = rng.randint(0, max(1, uv // 30))
            sales = round(buyers * rng.uniform(80, 400), 2)
            conv = f"{buyers / uv * 100:.2f}%"
            rows.append([day, str(100000 + p), f"商品{p}", uv, uv * 2, buyers, sales, conv,
                         round(sales / buyers, 2) if buyers else 0, 0])
    return rows


def _shop_figures(path: Path, gen, tmp: Path, log) -> dict[str, float]:
    """The shop exports as they come: title rows, per-product rows, a 合计 row."""
    from opsdesk.services import Services
    from opsdesk.services import kpi_import as ki
    from opsdesk.store import open_store

    out: dict[str, float] = {}
    store = open_store(path)
    services = Services(store)
    actor = sign_in(services.people, gen.manager_login)
    launch = dt.date.fromisoformat(gen.launch)
    rng = random.Random(5)
    rows = _shop_rows(launch, 1000, 100, rng)
    last = launch + dt.timedelta(days=99)
    csv_path = tmp / "shop_100k.csv"
    with open(csv_path, "w", encoding="gbk", newline="") as f:
        for line in SHOP_TITLE:
            f.write(line.format(first=launch, last=last) + "\n")
        f.write(",".join(SHOP_HEADER) + "\n")
        for r in rows:
            f.write(",".join(map(str, r)) + "\n")
        f.write("合计,,," + ",".join("" for _ in SHOP_HEADER[3:]) + "\n")
    t0, c0 = time.perf_counter(), time.process_time()
    prep, _ = ki.import_file(services, actor, gen.plan_id, csv_path)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert prep.ok and prep.days == 100 and prep.rows == 100_001, (prep.days, prep.problems[:3])
    log(f"  shop export 100k rows (GBK CSV, title rows) → {prep.days} days: {took:.2f} s "
        f"(CPU {cpu:.2f} s)")
    out["kpi_import_shop_export_100k_rows_s"] = round(took, 2)
    try:
        import xlwt
    except ImportError:
        log("  .xls: xlwt (a dev dependency) is not installed; not measured")
    else:
        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("商品效果")
        for r, line in enumerate(SHOP_TITLE):
            sheet.write(r, 0, line.format(first=launch, last=last))
        for c, h in enumerate(SHOP_HEADER):
            sheet.write(len(SHOP_TITLE), c, h)
        for r, row in enumerate(_shop_rows(launch, 100, 100, rng), len(SHOP_TITLE) + 1):
            for c, v in enumerate(row):
                sheet.write(r, c, v)
        xls_path = tmp / "shop_10k.xls"
        book.save(str(xls_path))
        t0, c0 = time.perf_counter(), time.process_time()
        prep, _ = ki.import_file(services, actor, gen.plan_id, xls_path)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        assert prep.ok and prep.days == 100 and prep.rows == 10_000, (prep.days, prep.problems[:3])
        log(f"  shop export 10k rows (.xls) → {prep.days} days: {took:.2f} s (CPU {cpu:.2f} s)")
        out["kpi_import_xls_10k_rows_s"] = round(took, 2)
    store.close()
    return out


def run(plans, log) -> dict[str, float]:
    from opsdesk.services import Services
    from opsdesk.store import open_store

    gen = plans[1_000]
    with tempfile.TemporaryDirectory(prefix="opsdesk-kpis-") as tmp_name:
        tmp = Path(tmp_name)
        path = _copy(gen, tmp, "kpis.db")
        store = open_store(path)
        services = Services(store)
        actor = sign_in(services.people, gen.manager_login)
        _add_kpis(services, actor, gen.plan_id, EXTRA_KPIS, gen.kpi_days,
                  dt.date.fromisoformat(gen.launch), with_values=True)
        store.close()
        results = _ui_figures(path, gen, log)
        results.update(_import_figures(_copy(gen, tmp, "import.db"), gen, tmp, log))
        results.update(_shop_figures(_copy(gen, tmp, "shop.db"), gen, tmp, log))
    return results
