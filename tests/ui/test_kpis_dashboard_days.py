"""Issue #14, items 4–8: the dashboard on the 1st and 2nd of a month and mid-month, floors and
ranges in their own terms, numbers as users write them (no "e+" in any view or the weekly
PDF), readable charts (labels that do not overlap, status colours, a legend off the data,
the period in the hover label, nothing left behind), a plan without KPIs, the entry grid."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget

from opsdesk.errors import PermissionDenied
from opsdesk.model import kpi_math as km
from opsdesk.ui.main_window import MainWindow

D = dt.date


def _kpis(ctx):
    if ctx.plan_id is None:
        ctx.plan_id = ctx.services.plans.list()[0].id
    return {k.key: k.id for k in ctx.services.kpis.list(ctx.plan_id)}


def _open(qtbot, ctx, size=(1280, 800)):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("kpis")
    qtbot.waitUntil(lambda: view.panel is not None)
    return window, view


@pytest.fixture
def november(ctx):
    """November filled in: sales 20,000 a day (600,000 of the 900,000 month), ROI above its
    range, marketing share above its range, orders and visitors far above a traffic step."""
    k = _kpis(ctx)
    days = [D(2026, 11, 1) + dt.timedelta(days=i) for i in range(30)]
    ctx.services.kpis.enter(ctx.actor, ctx.plan_id, [
        *((k["sales"], d, 20_000) for d in days), *((k["roi"], d, 5.6) for d in days),
        *((k["marketing_share"], d, 30.0) for d in days),
        *((k["daily_orders"], d, 120) for d in days), *((k["daily_visitors"], d, 10_762) for d in days),
        *((k["conversion"], d, 0.9) for d in days)])
    return ctx


def _cards(view):
    return {c.kpi_id: c for c in view.cards if c.isVisibleTo(view)}


@pytest.mark.parametrize("day", [1, 2])
def test_the_first_days_of_a_month_show_the_target_pace_and_last_month(qtbot, november, day):
    november.fixed_today = D(2026, 12, day)
    window, view = _open(qtbot, november)
    k = _kpis(november)
    cards = _cards(view)
    sales = cards[k["sales"]]
    assert sales.status == km.NO_DATA and "no values yet" in sales.status_text and "no values yet" in sales.attainment.text()
    assert "¥1,500,000" in sales.target.text()  # December's month target
    assert f"day {day} of 31" in sales.pace.text()
    assert "Nov: ¥600,000 (67%)" in sales.pace.text()  # November against its 900,000
    visitors = cards[k["daily_visitors"]]  # November's traffic step 300–1,000 a day
    assert "Nov: 10,762 (above)" in visitors.pace.text()
    assert "Nov: 120 (met)" in cards[k["daily_orders"]].pace.text()  # at least 30 a day
    # never "no target" beside a target
    for c in view.data.cards:
        widget = cards[c.kpi.id]
        if c.has_target:
            assert "no target" not in widget.status_text + widget.attainment.text() + widget.target.text(), c.kpi.key
    summary = view.summary.completion.text()
    assert "No KPI has a target" not in summary and "No values yet this month" in summary
    assert "Nov 2026" in summary


def test_mid_month_floors_and_ranges_say_met_inside_above_not_percent(qtbot, november):
    november.fixed_today = D(2026, 11, 18)
    window, view = _open(qtbot, november)
    k = _kpis(november)
    cards = _cards(view)
    sales = cards[k["sales"]]  # a goal: 360,000 of 900,000 by the 18th, judged by pace
    assert "40%" in sales.attainment.text() and "day 18 of 30" in sales.pace.text()
    orders = cards[k["daily_orders"]]  # at least 30 orders a day: 120 meets it by 90
    assert "met" in orders.attainment.text() and "%" not in orders.attainment.text()
    assert orders.status == km.ON_TRACK and "90 above the minimum" in orders.toolTip()
    visitors = cards[k["daily_visitors"]]  # step 4: 300–1,000 a day; 10,762 is above, and good
    assert "above" in visitors.attainment.text() and "%" not in visitors.attainment.text()
    assert visitors.status == km.ON_TRACK and "above the range: good" in visitors.toolTip()
    roi = cards[k["roi"]]  # ROI 5.6 above 3–5 is no failure
    assert roi.status == km.ON_TRACK and "above" in roi.attainment.text()
    share = cards[k["marketing_share"]]  # a cost share above its range is
    assert share.status == km.OFF_TRACK and "too high" in share.toolTip()
    conversion = cards[k["conversion"]]  # a floor of 1 %: 0.9 % is 0.10 short
    assert "not met" in conversion.attainment.text() and "0.10% short" in conversion.toolTip()
    assert not any(re.search(r"\d{4,}%", c.attainment.text()) for c in cards.values())


def _texts(widget) -> list[str]:
    out = [lb.text() for lb in widget.findChildren(QLabel)]
    for table in widget.findChildren(QTableWidget):
        for r, c in itertools.product(range(table.rowCount()), range(table.columnCount())):
            if table.item(r, c) is not None:
                out.append(table.item(r, c).text())
    return out


def _chart_texts(chart) -> list[str]:
    out = []
    axis = chart.value_axis
    lo, hi = axis.range
    for spacing, values in axis.tickValues(lo, hi, 400):
        out += axis.tickStrings(values, 1, spacing)
    if chart.legend is not None:
        out += [label.text for _sample, label in chart.legend.items]
    out += [lb.textItem.toPlainText() for lb in chart.label_items()]
    xs = chart._points[0]
    if len(xs):
        out.append(chart.show_values_at(xs[-1]))
    return out


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_scientific_notation_in_any_kpi_view_or_the_weekly_pdf(qtbot, november, tmp_path, lang):
    from opsdesk.ui.i18n import translators
    from opsdesk.ui.report.weekly import build_document, write_weekly_report

    ctx = november
    k = _kpis(ctx)
    ctx.services.kpis.enter(ctx.actor, ctx.plan_id, [(k["sales"], D(2026, 11, 30), 1_300_000)])
    translators().install(lang)
    ctx.lang = lang
    ctx.fixed_today = D(2026, 11, 30)
    window, view = _open(qtbot, ctx)
    texts = _texts(view)
    for key in k:  # every KPI (the small multiples below show each by month too) …
        view.panel.show_kpi(k[key], mode="periods")
        texts += _chart_texts(view.panel.chart)
    for mode in ("cumulative", "daily"):  # … and the other modes of the biggest numbers
        view.panel.show_kpi(k["sales"], mode=mode)
        texts += _chart_texts(view.panel.chart)
    view.tabs.setCurrentIndex(1)
    for _title, chart in view.multiples.charts:
        texts += _chart_texts(chart)
    view.tabs.setCurrentIndex(2)
    texts += _texts(view.entry)
    dialog = view.open_definitions()
    qtbot.addWidget(dialog)
    for row in range(dialog.list.count()):
        dialog.list.setCurrentRow(row)
        texts += _texts(dialog)
    monday = D(2026, 11, 30)
    pdf = tmp_path / "weekly.pdf"
    write_weekly_report(ctx.services, ctx.plan_id, monday, pdf, lang, D(2026, 11, 30))
    if shutil.which("pdftotext"):
        texts.append(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout)
    texts.append(build_document(ctx.services, ctx.plan_id, monday, lang, D(2026, 11, 30)).toPlainText())
    blob = "\n".join(texts)
    assert re.search(r"\de[+-]\d", blob) is None, re.search(r".{30}\de[+-]\d.{10}", blob)
    assert "3e+06" not in blob and "1.5e+06" not in blob
    assert "1,500,000" in blob and "3,000,000" in blob  # the targets, to edit in the definitions
    goal = "¥300万" if lang == "zh_CN" else "¥3,000,000"
    assert goal in view.summary.sales.text()  # the half-year goal as users write it


def test_chart_labels_do_not_overlap_bars_by_status_neutral_bands_legend_off_the_data(qtbot, november):
    from opsdesk.ui.kpis.chart import x_of

    november.fixed_today = D(2026, 11, 18)
    k = _kpis(november)
    for size in ((1280, 800), (1920, 1080), (1000, 700)):
        window, view = _open(qtbot, november, size)
        chart = view.panel.chart
        view.panel.show_kpi(k["sales"], mode="periods")
        qtbot.waitUntil(lambda chart=chart: bool(chart.label_items()))
        rects = chart.label_rects()
        names = [lb.textItem.toPlainText() for lb in chart.label_items()]
        if size[1] >= 800:
            assert any(n.startswith("◆") for n in names), (size, names)  # milestones are labelled …
        for m, lb in zip(chart._miles, chart.milestone_labels, strict=False):
            first, last = chart._spans[0][0], chart._spans[-1][1]
            if not lb.isVisible() and first <= m.start <= last:  # … or named by the hover label
                assert f"◆ {m.name('en')}" in chart.show_values_at(x_of(m.start)), m
        chart.clear_hover()
        for (a, na), (b, nb) in itertools.combinations(zip(rects, names, strict=True), 2):
            assert not a.intersects(b), (size, na, nb)  # … and no label covers another
        box = chart.getPlotItem().getViewBox().sceneBoundingRect()
        for r in rects:
            assert box.contains(r), size  # inside the plot, not cut at its edge
        # the legend sits under the plot: it covers no data
        def legend_rect(chart=chart):
            return chart.legend.mapRectToScene(chart.legend.boundingRect())

        qtbot.waitUntil(lambda box=box: legend_rect().top() >= box.bottom())
        assert not legend_rect().intersects(box) and legend_rect().height() > 0
        window.close()
    # bars take their status colour; the legend names the statuses
    from opsdesk.ui.kpis.chart import BAND, BAR_COLORS

    states = chart.bar_states
    assert states[:2] == [km.ON_TRACK, km.ON_TRACK] or km.ON_TRACK in states
    brushes = chart.bars.opts["brushes"]
    assert [b.color() if hasattr(b, "color") else b for b in brushes] == [BAR_COLORS[s] for s in states]
    assert len({BAR_COLORS[s].name() for s in states}) >= 1
    legend_names = [label.text for _sample, label in chart.legend.items]
    assert "on track" in legend_names and "Actual per period" not in legend_names
    # a target range is a neutral band: blue-grey, not red
    view.panel.show_kpi(k["roi"], mode="periods")
    color = chart.band.brush().color()
    assert color == BAND and color.red() < color.blue()


def test_hover_names_the_period_with_the_formatted_value_and_leaves_nothing_behind(qtbot, november):
    from opsdesk.ui.kpis.chart import x_of

    november.fixed_today = D(2026, 11, 18)
    k = _kpis(november)
    window, view = _open(qtbot, november)
    chart = view.panel.chart
    view.panel.show_kpi(k["sales"], mode="periods")
    text = chart.show_values_at(x_of(D(2026, 11, 15)))
    assert text.splitlines()[0] == "Nov 2026" and "¥600,000" in text  # 30 days × 20,000
    assert "on track" in text or "at risk" in text or "off track" in text
    view.panel.show_kpi(k["sales"], mode="periods", period="week")
    text = chart.show_values_at(x_of(D(2026, 11, 4)))
    assert text.splitlines()[0] == "2 Nov – 8 Nov"
    chart.lang = chart.axis.lang = "zh_CN"
    view.panel.show_kpi(k["sales"], mode="periods", period="month")
    text = chart.show_values_at(x_of(D(2026, 11, 15)))
    assert text.splitlines()[0] == "2026年11月" and "¥60万" in text
    assert chart.readout.isVisible() and chart.cross.isVisible()
    view.tabs.setCurrentIndex(2)  # "Enter values": the hover label goes with the chart
    assert not chart.readout.isVisible() and not chart.cross.isVisible()
    view.tabs.setCurrentIndex(0)
    assert not chart.readout.isVisible()


def test_a_plan_without_kpis_offers_the_template_kpis_in_one_undo_step(qtbot, ctx):
    for kpi_id in _kpis(ctx).values():
        ctx.services.kpis.delete(ctx.actor, kpi_id)
    window, view = _open(qtbot, ctx)
    assert view.empty.isVisibleTo(view) and "no KPIs yet" in view.empty_text.text()
    assert view.add_template_button.isVisibleTo(view) and not view.panel.isVisibleTo(view)
    assert not view.summary.isVisibleTo(view)
    with qtbot.waitSignal(window.changes_applied):
        view.add_template_button.click()
    keys = _kpis(ctx)
    assert "sales" in keys and "daily_orders" in keys
    assert ctx.services.kpis.targets(keys["sales"])[0].period_start == D(2026, 9, 1)
    assert not view.empty.isVisibleTo(view) and view.panel.isVisibleTo(view)
    assert len([c for c in view.cards if c.isVisibleTo(view)]) == len(keys)
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert _kpis(ctx) == {} and view.empty.isVisibleTo(view)
    # twice adds nothing twice
    window.undo_stack.redo()
    from opsdesk.templates import load_template

    changes = ctx.services.kpis.add_from_template(ctx.actor, ctx.plan_id, load_template("ecommerce-launch"))
    assert not changes.kpis and _kpis(ctx) == keys


def test_only_a_manager_adds_kpis_from_the_template(qtbot, ctx):
    from opsdesk.templates import load_template

    for kpi_id in _kpis(ctx).values():
        ctx.services.kpis.delete(ctx.actor, kpi_id)
    kefu = ctx.services.people.authenticate("kefu")
    with pytest.raises(PermissionDenied):
        ctx.services.kpis.add_from_template(kefu, ctx.plan_id, load_template("ecommerce-launch"))
    ctx.actor = kefu
    window, view = _open(qtbot, ctx)
    assert view.empty.isVisibleTo(view) and not view.add_template_button.isVisibleTo(view)
    assert "manager" in view.empty_text.text()


@pytest.mark.parametrize(("lang", "shown"), [("en", "20 Sept 2026"), ("zh_CN", "2026年9月20日")])
def test_entry_grid_dates_and_columns_like_the_rest_of_the_app(qtbot, ctx, lang, shown):
    from opsdesk.ui import fmt

    ctx.actor = ctx.services.people.authenticate("kefu")  # owns three KPIs
    ctx.lang = lang
    window, view = _open(qtbot, ctx)
    view.tabs.setCurrentIndex(2)
    grid = view.entry
    assert grid.last_day.text() == shown
    assert grid.table.verticalHeaderItem(1).text() == fmt.short_date(D(2026, 9, 19), lang)
    metrics = grid.table.horizontalHeader().fontMetrics()
    assert len(grid.kpis) >= 3
    for c, k in enumerate(grid.kpis):
        assert grid.table.columnWidth(c) >= metrics.horizontalAdvance(k.name(lang)) + 12
    assert view.import_button.isVisible() and grid.message.text() == ""


def test_definitions_say_what_a_target_means_and_show_targets_as_written(qtbot, ctx):
    window, view = _open(qtbot, ctx)
    dialog = view.open_definitions()
    qtbot.addWidget(dialog)
    keys = [k.key for k in dialog.kpis]
    dialog.list.setCurrentRow(keys.index("roi"))
    assert "above the range is good" in dialog.meaning.text()
    dialog.list.setCurrentRow(keys.index("marketing_share"))
    assert "too high" in dialog.meaning.text()
    dialog.list.setCurrentRow(keys.index("sales"))
    assert "pace" in dialog.meaning.text()
    cells = [dialog.targets.item(r, 2).text() for r in range(dialog.targets.rowCount())]
    assert "1,500,000" in cells and "3,000,000" in cells and not any("e+" in c for c in cells)


def test_the_dashboard_shows_budget_used_and_left_this_month(qtbot, ctx):
    spending = getattr(ctx.services, "spending", None)
    if spending is None:
        pytest.skip("no spending service")
    _kpis(ctx)
    spending.set_budgets(ctx.actor, ctx.plan_id, [(D(2026, 9, 1), "staff", 20_000),
                                                  (D(2026, 9, 1), "ads", 6_000)])
    spending.enter(ctx.actor, ctx.plan_id, [(D(2026, 9, 1), True, "staff", 12_000, ""),
                                            (D(2026, 9, 3), False, "ztc", 7_500, "")])
    window, view = _open(qtbot, ctx)
    qtbot.waitUntil(lambda: view.summary.budget.isVisible())
    text = view.summary.budget.text()
    assert "Sept 2026" in text
    assert "Staff: ¥12,000 of ¥20,000 used, ¥8,000 left" in text
    assert "Ads: ¥7,500 of ¥6,000 used, ¥1,500 over" in text
