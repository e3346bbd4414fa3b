"""China's working calendar on the Timeline: holidays shaded with their name on hover, make-up
working days (调休) marked, and the working-days option for moves and durations."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from opsdesk.model import workdays
from opsdesk.services.timeline import NO_DAY
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.timeline.calendar_days import shading_for
from opsdesk.ui.timeline.interaction import Hit, hit_test
from opsdesk.ui.timeline.painter import DAY_SHADES, blend

OCT1 = dt.date(2026, 10, 1)


def _timeline_at(qtbot, ctx, day: dt.date):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("timeline")
    qtbot.waitUntil(lambda: view.canvas.layout_ is not None)
    view.canvas.zoom_level("day")
    view.canvas.go_to((day - dt.timedelta(days=5)).toordinal())
    QApplication.processEvents()
    return window, view


def _column_colour(img, x: int, top: int, bottom: int):
    """The most common colour of a one-pixel column: the background, under the odd bar."""
    return Counter(img.pixelColor(x, y).name() for y in range(top, bottom, 3)).most_common(1)[0][0]


def test_national_day_is_shaded_named_on_hover_and_make_up_days_marked(qtbot, ctx):
    window, view = _timeline_at(qtbot, ctx, OCT1)
    canvas = view.canvas
    f = canvas.frame()
    first, last = f.visible_days()
    shaded = dict(shading_for(first, last, f.scale.ppd))
    assert first <= OCT1.toordinal() and dt.date(2026, 10, 11).toordinal() <= last
    for i in range(7):  # 1–7 October 2026
        assert shaded[(OCT1 + dt.timedelta(days=i)).toordinal()] == "holiday"
    assert shaded[dt.date(2026, 10, 10).toordinal()] == "makeup"  # a Saturday worked
    assert shaded[dt.date(2026, 10, 11).toordinal()] == "weekend"
    assert dt.date(2026, 10, 9).toordinal() not in shaded  # an ordinary Friday

    # what is painted: the holiday's column in the holiday colour over its phase
    img = canvas.viewport().grab().toImage()
    dpr = img.devicePixelRatio()
    top, bottom = int(f.header * dpr) + 2, int(f.height * dpr) - 2
    day = OCT1.toordinal()
    phase = next(ph for ph in canvas.data.phases if ph.start <= day <= ph.end)
    x = int((f.view_x(day) + f.scale.ppd / 2) * dpr)
    hex_, alpha = DAY_SHADES["holiday"]
    assert _column_colour(img, x, top, bottom) == blend(hex_, alpha, blend(phase.color, 45)).name()
    x_work = int((f.view_x(dt.date(2026, 10, 9).toordinal()) + f.scale.ppd / 2) * dpr)
    assert _column_colour(img, x_work, top, bottom) == blend(phase.color, 45).name()

    # hovering the day (in the date header, or on empty background) names the holiday
    tip = canvas.tooltip(hit_test(f, QPointF(f.view_x(day) + 3, f.header - 4)))
    assert "National Day" in tip and "public holiday" in tip
    makeup = canvas.tooltip(hit_test(f, QPointF(f.view_x(dt.date(2026, 10, 10).toordinal()) + 3,
                                                f.header - 4)))
    assert "Make-up working day" in makeup and "National Day" in makeup
    assert canvas.tooltip(hit_test(f, QPointF(f.view_x(day - 1) + 3, f.header - 4))) == ""
    # the legend names the three kinds; the plan lies inside the calendar's years
    legend = view.legend.label.text()
    assert "Public holiday" in legend and "调休" in legend and "⚠" not in legend


def test_a_plan_beyond_the_calendar_says_so_once_and_shades_only_weekends(qtbot, ctx):
    _, last = workdays.covered_years()
    later = dt.date(last + 2, 10, 1)
    sv = ctx.services
    plan_id = sv.plans.list()[0].id
    sv.plans.shift(ctx.actor, plan_id, (later - dt.date(2026, 10, 1)).days)
    window, view = _timeline_at(qtbot, ctx, later)
    f = view.canvas.frame()
    first, last_day = f.visible_days()
    kinds = set(dict(shading_for(first, last_day, f.scale.ppd)).values())
    assert kinds == {"weekend"}
    assert "⚠" in view.legend.label.text()
    assert str(last) in view.legend.label.toolTip()
    assert view.canvas.tooltip(hit_test(f, QPointF(f.view_x(later.toordinal()) + 3,
                                                   f.header - 4))) == ""


def test_working_days_option_moves_over_the_holiday_and_is_remembered(qtbot, ctx, monkeypatch):
    window, view = _timeline_at(qtbot, ctx, OCT1)
    monkeypatch.setattr(view.edits, "ask_successors", lambda title, n: "no")
    canvas, sv = view.canvas, ctx.services
    data = canvas.data
    view.legend.working.setChecked(True)
    assert ctx.settings.working_days() and canvas.working_days
    task = next(i for i in range(len(data)) if data.start[i] != NO_DAY
                and data.due[i] != NO_DAY and not data.milestone[i] and int(data.status[i]) != 2
                and workdays.is_workday(dt.date.fromordinal(int(data.start[i]))))
    tid = int(data.id[task])
    before = sv.tasks.get(tid)
    # a drag of 10 calendar days becomes that many working days
    target = before.start + dt.timedelta(days=10)
    n = workdays.workdays_between(before.start, target)
    view.edits.move(task, 10)
    after = sv.tasks.get(tid)
    assert after.start == workdays.add_workdays(before.start, n)
    assert after.due == workdays.add_workdays(before.due, n)
    assert "working day" in window.undo_stack.undoText()
    row = int(canvas.layout_.task_row[task])
    tip = canvas.tooltip(Hit("task", row, task, "body"))
    work = workdays.workday_count(after.start, after.due)
    assert f"{work} working day" in tip
    window.undo_stack.undo()
    assert (sv.tasks.get(tid).start, sv.tasks.get(tid).due) == (before.start, before.due)


def test_the_date_header_colours_holidays_and_a_worked_saturday_as_a_working_day():
    import datetime as dt

    from opsdesk.ui.timeline import header

    national_day = dt.date(2025, 10, 1).toordinal()
    makeup_saturday = dt.date(2025, 10, 11).toordinal()  # worked for National Day (调休)
    plain_sunday = dt.date(2025, 10, 19).toordinal()
    tuesday = dt.date(2025, 10, 21).toordinal()
    assert header.day_pen(national_day) == header.HOLIDAY_TEXT
    assert header.day_pen(makeup_saturday) == header.TEXT
    assert header.day_pen(plain_sunday) == header.MUTED
    assert header.day_pen(tuesday) == header.TEXT
