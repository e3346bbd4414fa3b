"""The main window and the Overview, driven like a person would."""

from __future__ import annotations

from opsdesk.ui.main_window import MainWindow


def _window(qtbot, ctx, **callbacks):
    window = MainWindow(ctx, **callbacks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_overview_shows_the_plan(qtbot, ctx):
    window = _window(qtbot, ctx)
    data = ctx.services.overview.overview(ctx.plan_id, ctx.today())
    view = window.overview
    assert view.title.text() == data.plan.name
    assert view.tiles["overdue"].value.text() == str(data.overdue_total)
    assert view.tiles["blocked"].value.text() == "1"
    assert view.tiles["done"].value.text() == f"{data.counts['done']} / {data.total}"
    visible_cards = [c for c in view.phase_cards if c.isVisibleTo(view)]
    assert [c.name.text().split("  ·")[0] for c in visible_cards] == \
        ["Preparation", "Launch (soft launch)", "Growth"]
    assert "now" in visible_cards[1].name.text()  # 20 Sep is in the launch phase
    assert view.milestones.topLevelItemCount() == len(data.milestones) > 0
    first = view.milestones.topLevelItem(0)
    assert data.milestones[0].title in first.text(2)
    assert first.text(1) == "5 days"  # Mid-Autumn on 25 Sep, plural from the English .qm
    assert view.overdue.topLevelItemCount() >= 1
    from PySide6.QtCore import Qt

    from opsdesk.ui.views import VIEWS

    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert keys == [v.key for v in VIEWS]  # the manager sees every registered view
    assert keys[0] == "overview"


def test_overview_follows_changes(qtbot, ctx):
    window = _window(qtbot, ctx)
    before = int(window.overview.tiles["overdue"].value.text())
    late = ctx.services.overview.overview(ctx.plan_id, ctx.today()).overdue[0]
    changes = ctx.services.tasks.tick_off(ctx.actor, late.id)
    with qtbot.waitSignal(window.changes_applied):
        window.apply(changes)
    # (read again off the GUI thread)
    qtbot.waitUntil(lambda: int(window.overview.tiles["overdue"].value.text()) == before - 1)


def test_switch_user(qtbot, ctx):
    calls = []
    window = _window(qtbot, ctx, on_switch_user=lambda: calls.append(1))
    assert "王经理" in window.user_label.text() and "manager" in window.user_label.text()
    window.act_switch_user.trigger()
    assert calls == [1]
    window.set_actor(ctx.services.people.authenticate("kefu"))
    assert "李客服" in window.user_label.text()
    assert "manager" not in window.user_label.text()


def test_switch_language(qtbot, ctx):
    from opsdesk.ui.i18n import translators as all_translators

    window = _window(qtbot, ctx)
    translators = all_translators()
    assert translators.install("zh_CN")
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
    window.refresh_all()
    assert window.overview.phases_heading.text() == "阶段"
    assert window.overview.phase_cards[0].name.text().startswith("准备孕育期")
    assert "年" in window.overview.subtitle.text()  # 2026年9月1日
    translators.install("en")
    window.set_language("en")
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File")
    assert window.overview.phases_heading.text() == "Phases"


def test_window_layout_is_remembered(qtbot, ctx):
    window = _window(qtbot, ctx)
    window.resize(720, 520)
    window.close()
    again = _window(qtbot, ctx)
    assert (again.width(), again.height()) == (720, 520)


def test_undo_history_is_made_when_first_shown_and_remembered(qtbot, ctx):
    """Edit ▸ Undo history: the list is made the first time the dock shows (not with the
    window, #17), lists the undo stack, speaks the interface language, and is back open
    with the window next time."""
    from PySide6.QtGui import QUndoCommand
    from PySide6.QtWidgets import QUndoView

    from opsdesk.ui.i18n import translators as all_translators

    window = _window(qtbot, ctx)
    assert window.history_view is None and not window.history_dock.isVisible()
    window.undo_stack.push(QUndoCommand("Rename “Open the shop”"))  # (before it is made)
    window.act_history.trigger()
    qtbot.waitUntil(window.history_dock.isVisible)
    view = window.history_view
    assert isinstance(view, QUndoView) and window.history_dock.widget() is view
    assert view.emptyLabel() == "<nothing done yet>"
    window.undo_stack.push(QUndoCommand("Tick off “Open the shop”"))
    assert view.model().rowCount() == 3  # the empty state, then both steps
    assert [view.model().index(i, 0).data() for i in (1, 2)] == [
        "Rename “Open the shop”", "Tick off “Open the shop”"]
    translators = all_translators()
    try:
        assert translators.install("zh_CN")
        window.set_language("zh_CN")
        qtbot.waitUntil(lambda: view.emptyLabel() == "<尚无操作>")
    finally:
        translators.install("en")
    window.close()
    again = _window(qtbot, ctx)
    qtbot.waitUntil(lambda: again.history_view is not None)
    assert again.history_dock.isVisible() and again.history_dock.widget() is again.history_view
