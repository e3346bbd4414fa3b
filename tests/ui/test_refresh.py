"""Refresh by what changed (#19): the shown view patches, hidden views are only marked stale
and catch up when shown, summary views read off the GUI thread, another process's change
arrives marked as such."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from opsdesk.services import Changes, Services
from opsdesk.services.changes import REMOTE
from opsdesk.services.timeline import STATUS_CODE
from opsdesk.store import open_store
from opsdesk.ui.main_window import MainWindow

BUILT = ("overview", "mywork", "tasks", "timeline", "team", "kpis", "activity", "people")


class Calls:
    """Counts the calls of some service methods, and on which thread each ran."""

    def __init__(self, monkeypatch, services, *names: str) -> None:
        self.log: list[tuple[str, bool]] = []
        for name in names:
            service, method = name.split(".")
            obj = type(getattr(services, service))  # (some services are made on each use)
            original = getattr(obj, method)

            def spy(*args, _name=name, _original=original, **kwargs):
                self.log.append((_name, threading.current_thread() is threading.main_thread()))
                return _original(*args, **kwargs)

            monkeypatch.setattr(obj, method, spy)

    def count(self, name: str) -> int:
        return sum(1 for n, _main in self.log if n == name)

    def on_gui_thread(self, name: str) -> int:
        return sum(1 for n, main in self.log if n == name and main)

    def clear(self) -> None:
        self.log.clear()


SPIED = ("overview.overview", "team.team", "timeline.load", "timeline.tasks", "tasks.plan_rows",
         "kpis.dashboard", "people.users")
DONE = STATUS_CODE["done"]


@pytest.fixture
def window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    for key in BUILT:  # every view built once
        view = window.show_view(key)
        qtbot.waitUntil(lambda v=view: not getattr(v, "loading", False))
    return window


def _settled(qtbot, window) -> None:
    from opsdesk.ui import background

    qtbot.waitUntil(lambda: not background.RUNNING)


def _open_task(ctx):
    return next(t for t in ctx.services.tasks.list(ctx.plan_id)
                if t.status == "todo" and t.due is not None)


def _tick(window, ctx, task_id: int) -> Changes:
    return window.run("tick", lambda: ctx.services.tasks.tick_off(ctx.actor, task_id))


def test_a_write_marks_hidden_views_stale_and_they_read_only_when_shown(qtbot, ctx, window,
                                                                         monkeypatch):
    mywork = window.show_view("mywork")
    _settled(qtbot, window)
    calls = Calls(monkeypatch, ctx.services, *SPIED)
    task = _open_task(ctx)
    _tick(window, ctx, task.id)
    _settled(qtbot, window)
    assert set(window.stale) == set(BUILT) - {"mywork"}
    assert task.id in window.stale["tasks"].ids
    for name in SPIED:
        assert calls.count(name) == 0, name  # no hidden view read anything
    assert mywork.isVisible()

    # shown, each catches up with what changed while it was hidden
    overview = window.show_view("overview")
    assert "overview" not in window.stale
    data = ctx.services.overview.overview(ctx.plan_id, ctx.today())
    qtbot.waitUntil(lambda: overview.tiles["done"].value.text()
                    == f"{data.counts['done']} / {data.total}")
    assert calls.count("team.team") == 0  # still hidden, still not read

    tasks = window.show_view("tasks")
    assert tasks.model.row_by_id(task.id).status == "done"
    timeline = window.show_view("timeline")
    i = timeline.task_index(task.id)
    assert timeline.canvas.data.status[i] == DONE
    assert calls.count("timeline.load") == 0  # patched, not read again
    assert calls.count("timeline.tasks") == 1


def test_the_shown_view_patches_a_tick_off_without_a_full_reload(qtbot, ctx, window,
                                                                 monkeypatch):
    tasks = window.show_view("tasks")
    _settled(qtbot, window)
    reloads: list[int] = []
    monkeypatch.setattr(tasks, "refresh", lambda: reloads.append(1))
    calls = Calls(monkeypatch, ctx.services, *SPIED)
    task = _open_task(ctx)
    index = tasks.model.index_of(task.id)
    assert tasks.model.setData(index, Qt.CheckState.Checked.value,
                               Qt.ItemDataRole.CheckStateRole)  # the checkbox's path
    _settled(qtbot, window)
    assert ctx.services.tasks.get(task.id).status == "done"
    assert tasks.model.row_by_id(task.id).status == "done"
    assert reloads == []
    assert calls.count("tasks.plan_rows") == 1  # the one row, read by id
    assert calls.count("overview.overview") == calls.count("team.team") == 0
    assert calls.count("timeline.load") == calls.count("timeline.tasks") == 0

    # My work: the click patches its row
    mywork = window.show_view("mywork")
    monkeypatch.setattr(mywork, "refresh", lambda: reloads.append(2))
    row = next((r for r, (_g, t) in enumerate(mywork.model.rows)
                if t is not None and not t.done and mywork.can_toggle(t)), None)
    assert row is not None
    mywork.toggle_row(row)
    assert mywork.model.task_at(row).done and reloads == []

    # the timeline: a bar it holds is patched in place
    timeline = window.show_view("timeline")
    monkeypatch.setattr(timeline, "reload", lambda: reloads.append(3))
    other = _open_task(ctx)
    _tick(window, ctx, other.id)
    assert reloads == []
    assert timeline.canvas.data.status[timeline.task_index(other.id)] == DONE


def test_summary_views_read_off_the_gui_thread_once_per_burst(qtbot, ctx, window, monkeypatch):
    import opsdesk.ui.activity.view as activity_view

    calls = Calls(monkeypatch, ctx.services, "overview.overview", "team.team")
    threads: list[bool] = []
    query = activity_view.query_activity
    monkeypatch.setattr(activity_view, "query_activity", lambda *a, **k: (
        threads.append(threading.current_thread() is threading.main_thread()), query(*a, **k))[1])
    todo = [t for t in ctx.services.tasks.list(ctx.plan_id) if t.status == "todo"][:8]

    overview = window.show_view("overview")
    _settled(qtbot, window)
    reads = overview.refresher.reads
    for t in todo[:3]:  # a burst: one read runs, the last one waits, the middle one is dropped
        _tick(window, ctx, t.id)
    _settled(qtbot, window)
    assert overview.refresher.reads - reads == 2
    assert calls.count("overview.overview") == 2 and calls.on_gui_thread("overview.overview") == 0
    data = ctx.services.overview.overview(ctx.plan_id, ctx.today())
    assert overview.tiles["done"].value.text() == f"{data.counts['done']} / {data.total}"

    team = window.show_view("team")
    _settled(qtbot, window)
    kefu = ctx.services.people.authenticate("kefu")
    before = team.load_of(kefu.user_id).open
    given = next(t for t in todo[3:] if t.assignee_id != kefu.user_id)
    window.run("assign", lambda: ctx.services.tasks.update(ctx.actor, given.id,
                                                           assignee_id=kefu.user_id))
    qtbot.waitUntil(lambda: team.load_of(kefu.user_id).open == before + 1)
    assert calls.count("team.team") >= 1 and calls.on_gui_thread("team.team") == 0

    activity = window.show_view("activity")
    _settled(qtbot, window)
    _tick(window, ctx, todo[-1].id)
    qtbot.waitUntil(lambda: todo[-1].title in activity.model.texts(0)[2])
    assert "ticked off" in activity.model.texts(0)[2]
    assert threads and not any(threads)  # read off the GUI thread


def test_a_change_the_timeline_cannot_patch_is_read_off_the_gui_thread(qtbot, ctx, window,
                                                                       monkeypatch):
    timeline = window.show_view("timeline")
    _settled(qtbot, window)
    calls = Calls(monkeypatch, ctx.services, "timeline.load")
    window.run("create", lambda: ctx.services.tasks.create(ctx.actor, ctx.plan_id,
                                                           title="新任务"))
    assert "新任务" not in timeline.canvas.data.title  # not yet: read in the background
    qtbot.waitUntil(lambda: "新任务" in timeline.canvas.data.title)
    assert calls.count("timeline.load") == 1 and calls.on_gui_thread("timeline.load") == 0
    assert timeline.canvas.layout_.task_row.size == len(timeline.canvas.data)


def test_another_process_change_reaches_the_shown_view_marked_remote(qtbot, ctx, db_path,
                                                                     window):
    tasks = window.show_view("tasks")
    _settled(qtbot, window)
    seen: list[Changes] = []
    window.changes_applied.connect(seen.append)
    task = _open_task(ctx)
    other = open_store(db_path)
    try:
        services = Services(other)
        manager = services.people.authenticate("manager", "secret")
        services.tasks.update(manager, task.id, title="改自另一个窗口")
    finally:
        other.close()
    qtbot.waitUntil(lambda: tasks.model.row_by_id(task.id).title == "改自另一个窗口",
                    timeout=5000)
    assert seen and seen[-1].remote and seen[-1].initiator == REMOTE
    assert task.id in seen[-1].ids
    assert "timeline" in window.stale  # hidden: only marked
    timeline = window.show_view("timeline")
    assert timeline.canvas.data.title[timeline.task_index(task.id)] == "改自另一个窗口"


def test_changes_name_their_initiator(ctx, window):
    seen: list[Changes] = []
    window.changes_applied.connect(seen.append)
    task = _open_task(ctx)
    changes = _tick(window, ctx, task.id)
    assert changes.initiator is None  # the service's own value
    assert seen[-1].initiator is window and not seen[-1].remote
    assert seen[-1] == changes  # the initiator is not part of what changed
    merged = seen[-1] | Changes(tasks=True, ids=frozenset({1}), initiator=window)
    assert merged.initiator is window and merged.ids == changes.ids | {1}
    assert (seen[-1] | Changes(initiator=REMOTE)).initiator is None  # two: not one initiator


def test_refresh_reloads_the_shown_view_and_the_others_when_shown(qtbot, ctx, window,
                                                                  monkeypatch):
    window.show_view("overview")
    team = window.view("team")
    reloads: list[str] = []
    original = team.refresh
    monkeypatch.setattr(team, "refresh", lambda: (reloads.append("team"), original()))
    window.act_refresh.trigger()
    assert window.stale["team"] is None and reloads == []
    window.show_view("team")
    assert reloads == ["team"] and "team" not in window.stale


def test_a_bulk_edit_in_the_tasks_view_is_patched_from_a_read_off_the_gui_thread(
        qtbot, ctx, window, monkeypatch):
    import opsdesk.ui.tasks.view as tasks_view

    monkeypatch.setattr(tasks_view, "PATCH_NOW", 5)  # (the small plan has few tasks)
    tasks = window.show_view("tasks")
    _settled(qtbot, window)
    reloads: list[int] = []
    monkeypatch.setattr(tasks, "refresh", lambda: reloads.append(1))
    kefu = ctx.services.people.authenticate("kefu")
    ids = [r.id for r in tasks.model.rows if r.assignee_id != kefu.user_id][:20]
    assert len(ids) > tasks_view.PATCH_NOW
    tasks.select_ids(ids)
    assert sorted(tasks.selected_ids()) == sorted(ids)
    calls = Calls(monkeypatch, ctx.services, "tasks.plan_rows")
    tasks.assign_selected(kefu.user_id)  # (the Assign menu's action)
    qtbot.waitUntil(lambda: all(tasks.model.row_by_id(i).assignee_id == kefu.user_id
                                for i in ids))
    assert calls.count("tasks.plan_rows") == 1 and calls.on_gui_thread("tasks.plan_rows") == 0
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not any(tasks.model.row_by_id(i).assignee_id == kefu.user_id
                                    for i in ids))
    assert calls.on_gui_thread("tasks.plan_rows") == 0 and reloads == []


def test_a_big_bulk_assign_runs_off_the_gui_thread_and_undoes(qtbot, ctx, window, monkeypatch):
    """At BACKGROUND_AT tasks or more the bulk edit's service call runs on the background
    runner (issue #19: a 1,000-task assign froze the window); its result lands on the undo
    stack as one step, and a conflict is still asked about."""
    from opsdesk.ui.dialogs.conflict import ConflictChoice
    from opsdesk.ui.tasks import editing, prompts

    monkeypatch.setattr(editing, "BACKGROUND_AT", 5)  # (the small plan has few tasks)
    tasks = window.show_view("tasks")
    _settled(qtbot, window)
    kefu = ctx.services.people.authenticate("kefu")
    ids = [r.id for r in tasks.model.rows if r.assignee_id != kefu.user_id][:12]
    tasks.select_ids(ids)
    calls = Calls(monkeypatch, ctx.services, "tasks.bulk_update")
    steps = window.undo_stack.count()
    tasks.assign_selected(kefu.user_id)
    # (the rows may show it first: the change watcher can see the background commit
    # before the job's result reaches the GUI thread and is put on the stack)
    qtbot.waitUntil(lambda: window.undo_stack.count() == steps + 1 and not window.undo.busy)
    assert all(tasks.model.row_by_id(i).assignee_id == kefu.user_id for i in ids)
    assert calls.count("tasks.bulk_update") == 1 and calls.on_gui_thread("tasks.bulk_update") == 0
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not any(tasks.model.row_by_id(i).assignee_id == kefu.user_id
                                    for i in ids))
    # someone changes one of them meanwhile: the version check refuses, the person is asked
    asked: list[str | None] = []
    monkeypatch.setattr(prompts, "ask_conflict",
                        lambda parent, what=None, *a: asked.append(what) or ConflictChoice.OVERWRITE)
    _settled(qtbot, window)
    tasks.select_ids(ids)
    rows = tasks.selected_rows()
    ctx.services.tasks.update(ctx.actor, ids[0], title="changed meanwhile")  # (the view's rows are older)
    monkeypatch.setattr(tasks, "selected_rows", lambda: rows)
    tasks.assign_selected(kefu.user_id)
    qtbot.waitUntil(lambda: bool(asked) and all(
        ctx.services.tasks.get(i).assignee_id == kefu.user_id for i in ids))
    qtbot.waitUntil(lambda: not window.undo.busy)  # (the overwrite's result is recorded)
    assert ctx.services.tasks.get(ids[0]).title == "changed meanwhile"


def test_a_big_plan_first_shows_on_the_timeline_without_blocking(qtbot, ctx, monkeypatch):
    """Above LOAD_AT_ONCE tasks the Timeline reads and lays out the plan off the GUI thread
    when it is first shown, saying it is loading meanwhile (issue #17)."""
    import opsdesk.ui.timeline.view as timeline_view

    monkeypatch.setattr(timeline_view, "LOAD_AT_ONCE", 5)  # (the small plan has few tasks)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    calls = Calls(monkeypatch, ctx.services, "timeline.load")
    timeline = window.show_view("timeline")
    assert timeline.loading and timeline.canvas.data is None
    timeline.canvas.grab()  # (paints "Loading the plan…", not a stale plan)
    qtbot.waitUntil(lambda: not timeline.loading and timeline.canvas.data is not None)
    assert calls.count("timeline.load") == 1 and calls.on_gui_thread("timeline.load") == 0
    assert len(timeline.canvas.data) == len(ctx.services.tasks.plan_rows(ctx.plan_id))
