"""The smaller things of issue #16: the window title names plan and person, recent
databases are absolute paths, the Plan box is live with two plans, the task dialog starts
on Title with translated link kinds."""

from __future__ import annotations

import os

from opsdesk.services import Actor
from opsdesk.services.changes import Changes
from opsdesk.templates.loader import load_template
from opsdesk.ui import labels
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.settings import Settings
from opsdesk.ui.tasks import prompts

from .conftest import LAUNCH


def _window(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_title_names_the_plan_and_the_person(qtbot, ctx):
    window = _window(qtbot, ctx)
    plan = ctx.services.plans.list()[0].name
    assert window.windowTitle() == f"{plan} — {ctx.actor.name} — OpsDesk"
    staff = ctx.services.people.authenticate("kefu")
    window.set_actor(staff)
    assert window.windowTitle() == f"{plan} — {staff.name} — OpsDesk"


def test_a_second_plan_makes_the_plan_box_live(qtbot, ctx):
    window = _window(qtbot, ctx)
    assert not window.plan_picker.isEnabled()  # one plan: nothing to choose
    ctx.services.plans.create_from_template(Actor.system(), load_template("ecommerce-launch"),
                                            LAUNCH)  # (as another PC would)
    with qtbot.waitSignal(window.changes_applied):
        window.apply(Changes(plans=True))
    assert window.plan_picker.isEnabled() and window.plan_picker.count() == 2


def test_recent_databases_are_remembered_as_absolute_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    settings.remember_db("run/opsdesk.db")
    settings.remember_db("postgresql+psycopg://app@server/opsdesk")
    recent = settings.recent_dbs()
    assert str(tmp_path / "run" / "opsdesk.db") in recent and all(
        r.startswith("postgresql") or os.path.isabs(r) for r in recent)


def test_the_task_dialog_starts_on_title_with_translated_link_kinds(qtbot, ctx, monkeypatch):
    shown = []
    monkeypatch.setattr(prompts, "exec_dialog", lambda d: (d.show(), shown.append(d)))
    window = _window(qtbot, ctx)
    view = window.show_view("tasks")
    view.new_task()
    dialog = shown[0]
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.title)
    kinds = [dialog.link_kind.itemText(i) for i in range(dialog.link_kind.count())]
    assert kinds == [labels.link_kind_name(dialog.link_kind.itemData(i))
                     for i in range(dialog.link_kind.count())]
    dialog.reject()
