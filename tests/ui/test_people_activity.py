"""People and roles (manager only, last-manager guard) and the Activity log with the right people."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from PySide6.QtCore import QDate, Qt

from opsdesk.ui.fmt import short_date
from opsdesk.ui.main_window import MainWindow


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _record_errors(monkeypatch) -> list[str]:
    """Refusals are explained in a message box; record their text instead of showing it."""
    from opsdesk.ui import undo
    from opsdesk.ui.labels import error_text

    seen: list[str] = []
    monkeypatch.setattr(undo, "show_error", lambda _parent, exc, title=None: seen.append(error_text(exc)))
    return seen


def test_people_view_is_for_managers_only(qtbot, ctx):
    window = _window(qtbot, ctx)
    assert "people" in [s.key for s in window.specs]
    window.set_actor(ctx.services.people.authenticate("kefu"))
    assert "people" not in [s.key for s in window.specs]


def test_add_edit_deactivate_and_password(qtbot, ctx):
    window = _window(qtbot, ctx)
    view = window.show_view("people")
    people = ctx.services.people
    role = next(r for r in people.roles() if r.key == "warehouse")
    view.create_person("钱仓管", "cangguan", role.id, False, None)
    new = next(u for u in people.users() if u.login == "cangguan")
    assert new.name == "钱仓管" and not new.has_password
    assert any(view.people.item(r, 1).text() == "cangguan" for r in range(view.people.rowCount()))
    view.select_user(new.id)
    view.update_person(view.selected_user(), name="钱仓", role=role.id, is_manager=False)
    assert next(u for u in people.users() if u.id == new.id).name == "钱仓"
    window.undo_stack.undo()
    assert next(u for u in people.users() if u.id == new.id).name == "钱仓管"
    view.select_user(new.id)
    view.set_password(password="s3cret")
    assert people.needs_password("cangguan")
    view.select_user(new.id)
    view.set_password(clear=True)
    assert not people.needs_password("cangguan")
    view.select_user(new.id)
    qtbot.mouseClick(view.buttons["active"], Qt.MouseButton.LeftButton)
    assert "cangguan" not in {u.login for u in people.users()}
    window.undo_stack.undo()
    assert "cangguan" in {u.login for u in people.users()}
    role_before = role.color
    view.update_role(role, color="#123456")
    assert next(r for r in people.roles() if r.id == role.id).color == "#123456"
    window.undo_stack.undo()
    assert next(r for r in people.roles() if r.id == role.id).color == role_before


def test_the_last_manager_cannot_be_demoted_or_deactivated(qtbot, ctx, monkeypatch):
    window = _window(qtbot, ctx)
    view = window.show_view("people")
    me = next(u for u in ctx.services.people.users() if u.is_manager)
    view.select_user(me.id)
    seen = _record_errors(monkeypatch)
    assert view.buttons["active"].isEnabled()
    qtbot.mouseClick(view.buttons["active"], Qt.MouseButton.LeftButton)
    assert seen and "last active manager" in seen[0]
    assert next(u for u in ctx.services.people.users() if u.id == me.id).active
    seen.clear()
    view.update_person(me, name=me.name, role=me.role_id, is_manager=False)
    assert seen and "last active manager" in seen[0]
    assert next(u for u in ctx.services.people.users() if u.id == me.id).is_manager
    assert window.undo_stack.count() == 0  # refused actions never reach the undo stack


def test_activity_shows_each_action_with_the_right_person(qtbot, ctx):
    window = _window(qtbot, ctx)
    kefu = ctx.services.people.authenticate("kefu")
    task = next(t for t in ctx.services.tasks.list(ctx.plan_id) if t.assignee_id == kefu.user_id)
    view = window.show_view("activity")
    window.apply(ctx.services.tasks.tick_off(kefu, task.id))
    window.apply(ctx.services.tasks.comment(ctx.actor, task.id, "好的"))
    window.apply(ctx.services.tasks.update(ctx.actor, task.id, due=task.due + dt.timedelta(days=2)))
    qtbot.waitUntil(lambda: not view.refresher.busy)  # (read off the GUI thread)
    texts = [view.model.texts(r) for r in range(3)]
    assert texts[0][1] == "王经理" and texts[0][2].startswith("moved due")
    moved = f"{short_date(task.due, 'en')} → {short_date(task.due + dt.timedelta(days=2), 'en')}"
    assert moved in texts[0][2] and task.title in texts[0][2]
    assert texts[1][1] == "王经理" and texts[1][2] == f"commented on “{task.title}”"
    assert texts[2][1] == "李客服" and texts[2][2] == f"ticked off “{task.title}”"
    # filter by person, kind, text and date
    view.person.setCurrentIndex(view.person.findData(kefu.user_id))
    assert {view.model.texts(r)[1] for r in range(view.model.rowCount())} == {"李客服"}
    view.person.setCurrentIndex(0)
    view.kind.setCurrentIndex(view.kind.findText("Comments"))
    assert all(view.model.rows[r].change.entity == "comment" for r in range(view.model.rowCount()))
    view.kind.setCurrentIndex(0)
    view.text.setText(task.title)
    qtbot.waitUntil(lambda: view.model.rowCount() and all(
        r.title == task.title for r in view.model.rows))
    view.since.setDate(QDate(2030, 1, 1))
    assert view.model.rowCount() == 0
    view.since.setDate(QDate(2000, 1, 1))
    view.text.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() > 3)
    # double-click jumps to the task
    opened: list[int] = []
    view.sig_open_task.connect(opened.append)
    index = view.model.index(0, 2)
    view.table.scrollTo(index)
    centre = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened == [task.id]


def test_staff_see_activity_but_not_people(qtbot, ctx):
    staff = dataclasses.replace(ctx, actor=ctx.services.people.authenticate("kefu"))
    window = _window(qtbot, staff)
    assert "activity" in [s.key for s in window.specs]
    window.show_view("activity")


def _says(text: str, expected: str) -> bool:
    """``text`` is ``expected`` with each "(s)" as "s", "" or "(s)" (plural forms or not yet
    translated: the lead fills in the English forms of the .ts)."""
    pattern = re.escape(expected).replace(re.escape("(s)"), r"(?:s|\(s\))?")
    return re.fullmatch(pattern, text) is not None


RAW = ("bulk_", "task restore", "ids:", "days:", "tasks:", "comments:", "links:", "[")


def _double_click(qtbot, view, row: int) -> None:
    index = view.model.index(row, 2)
    view.table.scrollTo(index)
    centre = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_activity_describes_bulk_edits_undos_and_restores_in_words(qtbot, ctx):
    window = _window(qtbot, ctx)
    sv, me = ctx.services, ctx.actor
    kefu = sv.people.authenticate("kefu")
    tasks = [t for t in sv.tasks.list(ctx.plan_id) if t.status == "todo" and t.due][:2]
    ids = [t.id for t in tasks]
    view = window.show_view("activity")
    window.apply(sv.tasks.bulk_update(me, ids, assignee_id=kefu.user_id))
    shifted = sv.tasks.bulk_shift(me, ids, 3)
    window.apply(shifted)
    window.apply(sv.tasks.bulk_update(me, ids, status="done"))
    window.apply(sv.tasks.bulk_shift(me, ids, -1))
    window.apply(sv.history.revert(me, sv.tasks.bulk_shift(me, ids, 2).change_id))
    sv.tasks.comment(me, ids[0], "note")
    deleted = sv.tasks.delete(me, ids[0])
    window.apply(deleted)
    window.apply(sv.history.revert(me, deleted.change_id))
    qtbot.waitUntil(lambda: not view.refresher.busy)  # (read off the GUI thread)
    texts = [view.model.texts(r) for r in range(9)]
    what = [t[2] for t in texts]
    title = tasks[0].title
    assert _says(what[0], f"undid a change of “{title}”")
    assert _says(what[1], f"deleted “{title}” with 1 comment(s), 1 link(s)")
    assert _says(what[3], "undid a change of 2 task(s)")
    assert _says(what[4], "moved 2 task(s) 2 day(s) later")
    assert _says(what[5], "moved 2 task(s) 1 day(s) earlier")
    assert _says(what[6], "set 2 task(s) to Done")
    assert _says(what[7], "moved 2 task(s) 3 day(s) later")
    assert _says(what[8], "assigned 2 task(s) to 李客服")
    assert "assignee:" in texts[8][3] and texts[8][3].endswith("→ 李客服")
    assert not [t for t in texts if any(raw in t[2] + t[3] for raw in RAW)], texts
    # the kind filters and the task filter see bulk entries; double-click opens a task
    view.kind.setCurrentIndex(view.kind.findText("Ticked off"))
    assert view.model.rows[0].change.action == "bulk_update"
    view.kind.setCurrentIndex(view.kind.findText("Tasks edited"))
    assert [r.change.action for r in view.model.rows[:6]] == [
        "undo", "undo", "bulk_shift", "bulk_shift", "bulk_shift", "bulk_update"]
    opened: list[int] = []
    view.sig_open_task.connect(opened.append)
    _double_click(qtbot, view, 1)
    assert opened == [ids[0]]
    view.kind.setCurrentIndex(0)
    view.show_for_task(ids[1])
    assert {r.change.action for r in view.model.rows} >= {"bulk_update", "bulk_shift", "undo"}
    _double_click(qtbot, view, 0)
    assert opened == [ids[0], ids[1]]


def test_activity_says_deactivated_and_only_what_changed(qtbot, ctx):
    window = _window(qtbot, ctx)
    sv = ctx.services
    view = window.show_view("activity")
    person = next(u for u in sv.people.users() if u.login == "meigong")
    window.apply(sv.people.update_user(ctx.actor, person.id, name=person.name, role=person.role_id,
                                       is_manager=False, active=False))
    qtbot.waitUntil(lambda: view.model.texts(0)[2] == f"deactivated {person.name}")
    assert view.model.texts(0)[3] == "active: yes → no"
    window.apply(sv.people.update_user(ctx.actor, person.id, active=True))
    qtbot.waitUntil(lambda: view.model.texts(0)[2] == f"reactivated {person.name}")
