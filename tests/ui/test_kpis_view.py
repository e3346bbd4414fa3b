"""The KPI view driven like a person: cards and colours, chart items at the right dates,
typing and pasting values with undo, staff seeing only their KPIs, lazy pyqtgraph."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidgetItem

from opsdesk.model import kpi_math as km
from opsdesk.ui.kpis.cards import STATUS_COLORS
from opsdesk.ui.main_window import MainWindow

D = dt.date


def _kpis(ctx):
    if ctx.plan_id is None:
        ctx.plan_id = ctx.services.plans.list()[0].id
    return {k.key: k.id for k in ctx.services.kpis.list(ctx.plan_id)}


def _open(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("kpis")
    qtbot.waitUntil(lambda: view.panel is not None)
    return window, view


@pytest.fixture
def filled(ctx):
    """September values: sales on pace, ROI inside its range, marketing share far above it."""
    k = _kpis(ctx)
    days = [D(2026, 9, 1) + dt.timedelta(days=i) for i in range(20)]
    ctx.services.kpis.enter(ctx.actor, ctx.plan_id, [(k["sales"], d, 7_000) for d in days]
                            + [(k["roi"], d, 4.2) for d in days]
                            + [(k["marketing_share"], d, 30.0) for d in days]
                            + [(k["gross_margin"], d, 47.0) for d in days])
    return ctx


def test_opening_the_app_does_not_import_pyqtgraph(db_path, tmp_path):
    code = f"""
import json, os, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from opsdesk.services import Services
from opsdesk.store import open_store
from opsdesk.ui.context import AppContext
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.settings import Settings
from PySide6.QtCore import QSettings
sv = Services(open_store({str(db_path)!r}))
actor = sv.people.authenticate("manager", "secret")
ctx = AppContext(store=sv.store, services=sv, actor=actor, lang="en",
                 settings=Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat)))
w = MainWindow(ctx)
w.show()
for _ in range(5):
    app.processEvents()
before = "pyqtgraph" in sys.modules
w.show_view("kpis")
for _ in range(5):
    app.processEvents()
print(json.dumps([before, "pyqtgraph" in sys.modules]), flush=True)
os._exit(0)  # skip the interpreter's teardown of Qt objects
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=120, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [False, True]


def test_cards_show_actual_target_and_colour_by_direction(qtbot, filled):
    window, view = _open(qtbot, filled)
    cards = {c.kpi_id: c for c in view.cards if c.isVisibleTo(view)}
    k = _kpis(filled)
    sales = cards[k["sales"]]
    # 140,000 by 20 Sept against 200,000 for September: 70 %, on pace (20/30 × 200k = 133k)
    assert "¥140,000" in sales.actual.text() and "70%" in sales.attainment.text()
    assert "¥200,000" in sales.target.text()
    assert sales.status == km.ON_TRACK and sales.color() == STATUS_COLORS["on_track"]
    assert cards[k["roi"]].status == km.ON_TRACK and "3.00–5.00" in cards[k["roi"]].target.text()
    assert cards[k["marketing_share"]].status == km.OFF_TRACK  # a range: 15/30 = 50 %
    assert cards[k["marketing_share"]].color() == STATUS_COLORS["off_track"]
    assert cards[k["gross_margin"]].status == km.AT_RISK  # 47 of ≥ 50: 94 %
    assert cards[k["conversion"]].status == km.NO_DATA  # a target, no value yet
    assert "no values yet" in cards[k["conversion"]].status_text
    assert "at least 1.00%" in cards[k["conversion"]].target.text()
    assert "on track" in cards[k["roi"]].state.toolTip()
    assert "1 Sept – 31 Dec" in view.summary.sales.text() and "¥140,000" in view.summary.sales.text()
    assert view.summary.sales_bar.value() == round(140_000 / 3_000_000 * 1000)


def test_chart_items_sit_at_the_right_dates(qtbot, filled):
    from opsdesk.ui.kpis.chart import DAY, x_of

    window, view = _open(qtbot, filled)
    k = _kpis(filled)
    # click the sales card: the chart follows
    card = next(c for c in view.cards if c.kpi_id == k["sales"])
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    chart = view.panel.chart
    assert chart.data.kpi.key == "sales"
    # periods: one bar for September at mid-month, height 140,000
    bars = chart.bars.opts
    assert list(bars["height"]) == [140_000]
    assert bars["x"][0] == pytest.approx((x_of(D(2026, 9, 1)) + x_of(D(2026, 10, 1))) / 2)
    xs, ys = chart.target.getData()
    assert xs[0] == x_of(D(2026, 9, 1)) and xs[1] == x_of(D(2026, 10, 1)) and ys[0] == 200_000
    # phases: shaded from their first day to the day after their last, not movable
    phases, milestones = filled.services.kpis.marks(filled.plan_id)
    regions = [r for r in chart.regions if r.isVisible()]
    assert [r.getRegion() for r in regions] == [
        (x_of(p.start), x_of(p.end) + DAY) for p in phases]
    assert not regions[0].movable
    assert [lbl.textItem.toPlainText() for lbl in chart.region_labels[:len(phases)]] == \
        [p.name_en for p in phases]
    lines = [m for m in chart.milestones if m.isVisible()]
    assert [m.value() for m in lines] == [x_of(m.start) for m in milestones]
    assert chart.today.value() == x_of(D(2026, 9, 20))
    # ROI is a range: a band from 3 to 5 instead of a line
    view.panel.show_kpi(k["roi"])
    assert chart.band.isVisible() and not chart.target.isVisible()
    assert set(chart.band_low.getData()[1]) == {3.0} and set(chart.band_high.getData()[1]) == {5.0}
    # cumulative: running sum against the running target (200k over 30 days)
    view.panel.show_kpi(k["sales"], mode="cumulative")
    xs, ys = chart.actual.getData()
    assert ys[-1] == 140_000 and xs[0] == x_of(D(2026, 9, 1))
    assert chart.target.getData()[1][:2] == pytest.approx([200_000 / 30, 400_000 / 30])
    # daily with the 7-day average
    view.panel.show_kpi(k["roi"], mode="daily")
    assert chart.average.isVisible() and np.allclose(chart.average.getData()[1], 4.2)
    text = chart.show_values_at(x_of(D(2026, 9, 5)))
    assert text.startswith("5 Sept 2026") and "4.20" in text and chart.cross.isVisible()
    names = [label.text for _sample, label in chart.legend.items]
    assert "7-day average" in names and "Target range" in names
    assert [ax for ax in chart.axis.tickStrings([x_of(D(2026, 9, 1))], 1, 30 * DAY)] == ["Sep"]
    chart.axis.lang = "zh_CN"
    assert chart.axis.tickStrings([x_of(D(2026, 9, 1)), x_of(D(2027, 1, 1))], 1, 30 * DAY) == \
        ["9月", "2027年1月"]


def test_small_multiples_and_export(qtbot, filled, tmp_path):
    window, view = _open(qtbot, filled)
    view.tabs.setCurrentIndex(1)
    charts = [c for _t, c in view.multiples.charts if c.isVisibleTo(view.multiples)]
    assert len(charts) == len(view.kpis) == len(filled.services.kpis.list(filled.plan_id))
    assert [c.data.kpi.key for c in charts][:2] == ["sales", "roi"]
    for name in ("chart.png", "chart.svg"):
        view.panel.chart.export(str(tmp_path / name))
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (tmp_path / "chart.svg").read_bytes()[:500]


def test_entry_grid_typing_paste_and_undo(qtbot, ctx):
    window, view = _open(qtbot, ctx)
    view.tabs.setCurrentIndex(2)
    grid = view.entry
    k = _kpis(ctx)
    col = next(i for i, kpi in enumerate(grid.kpis) if kpi.key == "sales")
    assert grid.days[0] == D(2026, 9, 20)
    # type 1.5万 into today's sales cell
    item = grid.table.item(0, col)
    grid.table.setCurrentItem(item)
    with qtbot.waitSignal(window.changes_applied):
        item.setText("1.5万")
    assert ctx.services.kpis.values(k["sales"]) == [(D(2026, 9, 20), 15_000)]
    assert grid.table.item(0, col).text() == "15,000"
    # a word is refused, nothing is written
    grid.table.item(1, col).setText("很多")
    assert "is not a number" in grid.message.text()
    assert ctx.services.kpis.values(k["sales"]) == [(D(2026, 9, 20), 15_000)]
    # paste a block copied from a spreadsheet: two days × two KPIs, one undo step
    grid.table.setCurrentCell(1, col)
    QGuiApplication.clipboard().setText("20W\t3.5\n1,200\t4\n")
    qtbot.keyClick(grid.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    roi = grid.kpis[col + 1]
    assert dict(ctx.services.kpis.values(k["sales"])) == {
        D(2026, 9, 20): 15_000, D(2026, 9, 19): 200_000, D(2026, 9, 18): 1_200}
    assert dict(ctx.services.kpis.values(roi.id)) == {D(2026, 9, 19): 3.5, D(2026, 9, 18): 4}
    assert window.undo_stack.count() == 2, [window.undo_stack.text(i) for i in range(window.undo_stack.count())]
    window.undo_stack.undo()
    assert ctx.services.kpis.values(k["sales"]) == [(D(2026, 9, 20), 15_000)]
    assert ctx.services.kpis.values(roi.id) == []
    window.undo_stack.undo()
    assert ctx.services.kpis.values(k["sales"]) == []
    window.undo_stack.redo()
    assert ctx.services.kpis.values(k["sales"]) == [(D(2026, 9, 20), 15_000)]


def test_staff_see_only_their_kpis(qtbot, ctx):
    ctx.actor = ctx.services.people.authenticate("kefu")
    window, view = _open(qtbot, ctx)
    assert len([c for c in view.cards if c.isVisibleTo(view)]) == len(view.kpis)  # everyone sees it
    view.tabs.setCurrentIndex(2)
    assert {k.key for k in view.entry.kpis} == {"repurchase", "positive_reviews", "daily_orders"}


def test_manager_edits_definitions_and_targets_with_undo(qtbot, ctx):
    window, view = _open(qtbot, ctx)
    assert view.definitions_button.isVisible()
    dialog = view.open_definitions()
    qtbot.addWidget(dialog)
    k = _kpis(ctx)
    dialog.list.setCurrentRow(list(k).index("gross_margin"))
    assert dialog.name_en.text() == "Gross margin" and dialog.targets.rowCount() == 1
    label = ctx.services.kpis.targets(k["gross_margin"])[0].label  # the template's
    dialog.direction.setCurrentIndex(dialog.direction.findData("range"))
    dialog.decimals.setValue(2)
    with qtbot.waitSignal(window.changes_applied):
        dialog.save_button.click()
    info = next(x for x in ctx.services.kpis.list(ctx.plan_id) if x.key == "gross_margin")
    assert (info.direction, info.decimals) == ("range", 2)
    # targets: a high bound and a second, custom range
    dialog.targets.setItem(0, 3, QTableWidgetItem("60"))
    dialog.add_target.click()
    for c, text in enumerate(["2027/1/1", "2027年1月31日", "55", "", "一月"]):
        dialog.targets.setItem(1, c, QTableWidgetItem(text))
    dialog.save_targets.click()
    assert [(t.period_start, t.period_end, t.low, t.high, t.label)
            for t in ctx.services.kpis.targets(k["gross_margin"])] == [
        (D(2026, 9, 1), D(2026, 12, 31), 50, 60, label), (D(2027, 1, 1), D(2027, 1, 31), 55, None, "一月")]
    window.undo_stack.undo()
    assert [(t.low, t.high) for t in ctx.services.kpis.targets(k["gross_margin"])] == [(50, None)]
    window.undo_stack.undo()
    info = next(x for x in ctx.services.kpis.list(ctx.plan_id) if x.key == "gross_margin")
    assert (info.direction, info.decimals) == ("higher", 1)
    # a new KPI shows up on the dashboard; undo removes it
    with qtbot.waitSignal(window.changes_applied):
        dialog.new_button.click()
    assert len([c for c in view.cards if c.isVisibleTo(view)]) == len(k) + 1
    window.undo_stack.undo()
    assert len([c for c in view.cards if c.isVisibleTo(view)]) == len(k)


def test_staff_do_not_see_definitions(qtbot, ctx):
    ctx.actor = ctx.services.people.authenticate("meigong")
    window, view = _open(qtbot, ctx)
    # the designer owns no KPI: no Import…, and the grid says why it is empty
    assert not view.definitions_button.isVisible() and not view.import_button.isVisible()
    view.tabs.setCurrentIndex(2)
    assert view.entry.kpis == [] and "own no KPI" in view.entry.message.text()
    assert not view.entry.table.isVisible() and view.entry.message.isVisible()


def test_language_switch_relabels_cards_and_axis(qtbot, filled):
    from opsdesk.ui.i18n import translators as all_translators
    from opsdesk.ui.kpis.chart import DAY, x_of

    window, view = _open(qtbot, filled)
    view.tabs.setCurrentIndex(1)
    translators = all_translators()
    assert translators.install("zh_CN")
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    window.refresh_all()
    sales = next(c for c in view.cards if c.kpi_id == _kpis(filled)["sales"])
    assert "销售额" in sales.name.text()
    assert view.panel.chart.axis.tickStrings([x_of(D(2026, 10, 1))], 1, 30 * DAY) == ["10月"]
    assert view.panel.kpi_combo.currentText() == "销售额"
    assert "年" in view.subtitle.text()
    translators.install("en")
    window.set_language("en")
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File")
    window.refresh_all()
    assert "Sales" in sales.name.text()
