"""Team: the heat grid has week dates over it and a legend; staff start on their own row."""

from __future__ import annotations

import dataclasses

from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.team.heat import HeatHeader, HeatLegend, heat_color


def _team(qtbot, ctx, login=None):
    if login is not None:
        ctx = dataclasses.replace(ctx, actor=ctx.services.people.authenticate(login))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window, window.show_view("team")


def test_staff_see_their_own_tasks_first(qtbot, ctx):
    _window, view = _team(qtbot, ctx, "kefu")
    kefu = view.ctx.actor
    assert view.selected_person()[0] == kefu.user_id
    shown = {view.tasks.item(i).text() for i in range(view.tasks.count())}
    mine = {t.title for t in ctx.services.tasks.list(ctx.services.plans.list()[0].id)
            if t.assignee_id == kefu.user_id and t.status != "done"}
    assert mine and all(any(title in s for s in shown) for title in mine)


def test_the_heat_grid_has_week_dates_and_a_legend(qtbot, ctx):
    _window, view = _team(qtbot, ctx)
    header = view.tree.header()
    assert isinstance(header, HeatHeader) and header.first_week == view.data.first_week
    assert header.weeks == view.data.weeks > 4 and header.title
    assert header.height() >= 2 * header.fontMetrics().height()  # the title and the dates
    legend = view.legend
    assert isinstance(legend, HeatLegend) and all(legend.texts)
    assert legend.width() >= legend.sizeHint().width()  # nothing cut off
    assert heat_color(0, 5).name() != heat_color(1, 5).name()  # none due ≠ a little due
    grab = view.grab()
    assert not grab.isNull()
