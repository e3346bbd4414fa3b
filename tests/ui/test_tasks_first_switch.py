"""The first switch to Tasks on a plan bigger than its first page (#17): the first page shows
at once with a sign that the rest is loading; the rest is read off the GUI thread into a
``TaskTable`` (columns, not a tuple per task), the same rows as the plain read; a created
task is added in place instead of reading the whole plan again; and ``heap.trim`` lets go of
what imports and loads left behind."""

from __future__ import annotations

import linecache
import random
import tracemalloc
from array import array

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView
from sqlalchemy import update

from opsdesk.model import Task
from opsdesk.services import task_rows
from opsdesk.services.task_rows import TaskListRow, TaskTable
from opsdesk.ui import background, heap
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.tasks import state
from opsdesk.ui.tasks import view as tasks_view
from opsdesk.ui.tasks.state import COL


@pytest.fixture
def big(ctx, monkeypatch):
    """The template plan, its first page 5 rows (the rest loads in the background)."""
    monkeypatch.setattr(tasks_view, "FIRST_PAGE", 5)
    ctx.plan_id = ctx.services.plans.list()[0].id
    return ctx


def _switch(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, window.show_view("tasks")


def _plain_rows(ctx) -> list[TaskListRow]:
    """The rows as the joined query reads them (what the table must give back)."""
    with ctx.store.read() as s:
        stmt = task_rows._statement(ctx.plan_id).order_by(Task.id)
        return task_rows._norm(s, s.connection().execute(stmt).all())


def test_the_first_page_shows_at_once_and_says_the_rest_is_loading(qtbot, big):
    plain = _plain_rows(big)
    first_ids = [r.id for r in sorted(plain, key=lambda r: (r.due or "9999", r.id))[:5]]
    window, view = _switch(qtbot, big)
    # the switch returned with the first page in the model and the rest being read
    assert view.loading and sorted(r.id for r in view.model.rows) == sorted(first_ids)
    assert view.busy.isVisible() and "Loading" in view.count.text()
    assert background.RUNNING
    with qtbot.waitSignal(view.sig_loaded, timeout=10_000):
        pass
    assert not view.loading and not view.busy.isVisible()
    assert list(view.model.rows) == plain
    assert view.count.text() == f"{len(plain)} tasks"


def test_the_whole_plan_is_held_in_columns_made_into_rows_when_asked(qtbot, big):
    window, view = _switch(qtbot, big)
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    table = view.model.cache.table
    assert isinstance(table, TaskTable)
    for name in TaskTable.INTS:
        assert isinstance(getattr(table, name), array), name
    view.tree_view.expandAll()
    view.tree.viewport().repaint()
    made = view.model.rows._made
    assert 0 < len(made) <= state.MADE_KEPT
    assert all(view.model.rows[p] == table.row(p) for p in made)
    # equal texts are one object each (dates, statuses), names come from the lookups
    dues = [d for d in table.due if d is not None]
    assert len({id(d) for d in dues}) == len(set(dues))


@pytest.mark.parametrize("values", [{"title": "a\x1fb, c"}, {"position": -1},
                                    {"position": 1 << 33}])
def test_a_task_that_does_not_fit_the_quick_read_reads_through_the_portable_read(big, values):
    plain = _plain_rows(big)
    with big.store.write() as s:
        s.execute(update(Task).where(Task.id == plain[3].id).values(**values))
    with big.store.read() as s:
        assert task_rows._sqlite_table(s, big.plan_id) is None
        table = task_rows.plan_table(s, big.plan_id)
    expected = [r._replace(**values) if r.id == plain[3].id else r for r in plain]
    assert list(table) == expected
    assert table.pos(plain[3].id) == 3 and table.pos(10**9) is None


def test_a_created_task_is_added_in_place_with_its_new_phase_group(qtbot, big):
    window, view = _switch(qtbot, big)
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    reads = []
    real = big.services.tasks.plan_table
    big.services.tasks.plan_table = lambda plan_id: reads.append(plan_id) or real(plan_id)
    actor, tasks = big.actor, big.services.tasks
    assert not view.model.index_of_phase(None).isValid()  # (every task has a phase)
    changes = window.run("new", lambda: tasks.create(actor, big.plan_id, title="无阶段任务"))
    assert changes is not None
    new_id = max(changes.ids)
    parent = next(r for r in view.model.rows if r.parent_id is None and r.phase_id is not None)
    changes = window.run("sub", lambda: tasks.create(actor, big.plan_id, title="子任务",
                                                     parent_id=parent.id,
                                                     phase_id=parent.phase_id))
    assert changes is not None
    sub_id = max(changes.ids)
    assert not view.loading and reads == []  # added, not read again
    assert view.model.index_of_phase(None).isValid()  # the "No phase" group appeared
    assert view.model.row_by_id(new_id).title == "无阶段任务"
    index = view.model.index_of(sub_id)
    assert index.isValid() and view.model.row_at(index.parent()).id == parent.id
    shown = view.model.visible_task_ids()
    assert new_id in shown and sub_id in shown
    assert list(view.model.rows) == _plain_rows(big)  # the same as a fresh read
    # and the natural order is the one a fresh load makes
    fresh = state.RowCache(real(big.plan_id))
    assert view.model.cache.base == fresh.base
    assert list(view.model.cache.owner_of) == list(fresh.owner_of)


def test_a_table_and_its_cache_cost_far_less_than_a_tuple_per_task():
    rng = random.Random(3)
    n = 20_000
    titles = [f"客服回访 第{i % 500}期" for i in range(500)]
    rows = [TaskListRow(
        id=i + 1, parent_id=None, phase_id=1 + i % 3, title=titles[i % 500], phase_zh="筹备",
        phase_en="Prepare", phase_pos=i % 3, role_id=1 + i % 6, role_zh="客服", role_en="CS",
        role_color="#43a047", assignee_id=10 + i % 50, assignee_name=f"user {i % 50}",
        start=None, due=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", status="todo",
        priority="normal", is_milestone=rng.random() < 0.05, done_at=None, done_by_name=None,
        position=i, version=1, done_by=None) for i in range(n)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        cache = state.RowCache(TaskTable.from_rows(rows))
        per_task = (tracemalloc.get_traced_memory()[0] - before) / n
    finally:
        tracemalloc.stop()
    assert len(cache.rows) == n and cache.rows[-1] == rows[-1]
    # about 180 bytes: 8 integer columns, 6 pointers, the order and owners; a TaskListRow
    # per task alone was 240 (23 fields), and its map by id and owners came on top (430+)
    assert per_task < 250, per_task


def test_heap_trim_lets_go_of_the_source_lines_imports_cached():
    linecache.getlines(state.__file__)
    assert state.__file__ in linecache.cache
    heap.trim()
    assert state.__file__ not in linecache.cache


def test_the_quick_reads_integers_widen_to_the_same_values():
    values = [0, 1, 255, 256, 65535, 1 << 31, (1 << 32) - 1, 123456789]
    wide = task_rows._widened(array("I", values))
    assert wide.typecode == "q" and list(wide) == values
    assert list(task_rows._widened(array("I"))) == []


class _Paints(QObject):
    """Counts the paint events a widget gets."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.mark.parametrize("grouped", [True, False])
def test_the_first_switch_paints_the_rows_once(qtbot, ctx, grouped):
    """Showing a page just built left its polish, layout and children's repaints posted,
    and the columns fitted or stretched while it was laid out repainted the whole list from
    Qt's zero timer: a switch painted at once (``repaint()``, as the benchmark does) was
    followed by two more paints of every row (40–50 ms each at 100k). Now the frame painted
    at once is the only one until something changes; a column resized later still
    repaints, and the scroll bars still follow the columns."""
    ctx.settings.set_tasks_grouped(grouped)
    ctx.plan_id = ctx.services.plans.list()[0].id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)  # (idle, as a person's window is before they switch)
    out = {}

    def switch() -> None:  # from the event loop, as a click on the navigation
        tasks = out["view"] = window.show_view("tasks")
        out["paints"] = paints = _Paints(tasks.tree.viewport())
        tasks.tree.viewport().repaint()
        out["at_once"] = paints.count
    QTimer.singleShot(0, switch)
    qtbot.waitUntil(lambda: "at_once" in out)
    tasks, paints = out["view"], out["paints"]
    assert tasks.model.grouped == grouped and tasks.model.rowCount() > 0
    assert out["at_once"] == 1
    qtbot.wait(300)  # the event loop: posted events, zero timers, the window's update
    assert paints.count == 1
    header = tasks.tree.header() if grouped else tasks.tree.horizontalHeader()
    header.resizeSection(COL["status"], header.sectionSize(COL["status"]) + 30)
    qtbot.waitUntil(lambda: paints.count == 2)  # a column resized still repaints
    header.setSectionResizeMode(COL["title"], QHeaderView.ResizeMode.Interactive)
    header.resizeSection(COL["title"], 3000)
    qtbot.waitUntil(lambda: tasks.tree.horizontalScrollBar().maximum() > 0)


def test_the_tasks_first_reads_are_compiled_while_the_app_is_idle(qtbot, ctx, monkeypatch):
    """``when_idle`` reads, off the GUI thread, what the Tasks view reads first: SQLAlchemy
    keeps each statement compiled per engine, so the first switch compiles none (it
    compiled four on the GUI thread: ~20 ms at start-up)."""
    from opsdesk import preload

    monkeypatch.setattr(preload, "PREFETCH_AFTER_MS", 0)
    ctx.plan_id = ctx.services.plans.list()[0].id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    compiled = ctx.store.engine._compiled_cache
    before = len(compiled)
    window.when_idle()
    qtbot.waitUntil(lambda: len(compiled) > before and not background.RUNNING, timeout=10_000)
    warmed = len(compiled)
    window.show_view("tasks")
    assert len(compiled) == warmed  # every statement of the first page: already compiled
