"""The Tasks view's model and row cache on made-up rows: every sort order against a plain
reference, filters, the tree shape worked out on demand, and the flat table view."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView, QTreeView

from opsdesk.services.task_rows import TaskListRow
from opsdesk.ui.main_window import MainWindow
from opsdesk.ui.tasks.model import TaskTreeModel
from opsdesk.ui.tasks.state import COL, COLUMNS, Filters, RowCache, apply_filters

TODAY = "2026-09-20"
PHASES = [(1, "筹备", "Prepare", 0), (2, "上线", "Launch", 1), (None, None, None, None)]
ROLES = [(3, "客服", "Service", "#43a047"), (4, "美工", "Design", "#1e88e5"),
         (None, None, None, None)]
PEOPLE = [(10, "Zoe"), (11, "adam"), (12, "Bob"), (None, None)]
STATUSES = ["todo", "doing", "blocked", "done", "cancelled"]


def make_rows(n: int = 300, seed: int = 7) -> list[TaskListRow]:
    """Rows shaped like ``task_rows`` returns them: some subtasks, missing dates, people."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        task_id = 1000 + i
        parent = None
        if i > 10 and rng.random() < 0.2:
            parent_row = rows[rng.randrange(i)]
            parent = parent_row.id
            phase = PHASES[[p[0] for p in PHASES].index(parent_row.phase_id)]
        else:
            phase = rng.choice(PHASES)
        role = rng.choice(ROLES)
        person = rng.choice(PEOPLE)
        day = rng.randrange(1, 29)
        due = None if rng.random() < 0.1 else f"2026-09-{day:02d}"
        start = None if due is None or rng.random() < 0.3 else f"2026-09-{max(1, day - 3):02d}"
        status = rng.choice(STATUSES)
        done_at = f"2026-09-{day:02d} 10:00:00" if status == "done" else None
        rows.append(TaskListRow(
            id=task_id, parent_id=parent, phase_id=phase[0],
            title=rng.choice(["Order check", "客服培训", "banner", "Banner", "直播预告"]) + f" {i % 17}",
            phase_zh=phase[1], phase_en=phase[2], phase_pos=phase[3], role_id=role[0],
            role_zh=role[1], role_en=role[2], role_color=role[3], assignee_id=person[0],
            assignee_name=person[1], start=start, due=due, status=status,
            priority=rng.choice(["urgent", "high", "normal", "low"]),
            is_milestone=rng.random() < 0.1, done_at=done_at,
            done_by_name="Zoe" if done_at else None, position=rng.randrange(5), version=1,
            done_by=10 if done_at else None))
    rng.shuffle(rows)
    return rows


def reference_key(column: str, lang: str):
    """The sort keys as plainly as they can be said (what the fast keys must agree with)."""
    zh = lang.startswith("zh")
    open_ = ("todo", "doing", "blocked")
    return {
        "title": lambda r: r.title,
        "phase": lambda r: r.phase_pos if r.phase_pos is not None else 1 << 30,
        "role": lambda r: (r.role_zh if zh else r.role_en) or "\uffff",
        "assignee": lambda r: r.assignee_name or "\uffff",
        "start": lambda r: r.start or "9999",
        "due": lambda r: ("0" + r.due) if (r.due is not None and r.due < TODAY
                                            and r.status in open_) else "1" + (r.due or "9999"),
        "status": lambda r: ["blocked", "doing", "todo", "done", "cancelled"].index(r.status),
        "priority": lambda r: ["urgent", "high", "normal", "low"].index(r.priority),
        "milestone": lambda r: not r.is_milestone,
        "done": lambda r: r.done_at or "9999",
    }[column]


def natural_key(r: TaskListRow):
    return (r.phase_pos if r.phase_pos is not None else 1 << 30, r.due or "9999",
            r.position, r.id)


def test_natural_order_is_phase_due_position_id():
    rows = make_rows()
    cache = RowCache(rows)
    assert [rows[p] for p in cache.base] == sorted(rows, key=natural_key)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_order_matches_the_reference(column, descending, lang):
    rows = make_rows()
    cache = RowCache(rows)
    natural = sorted(rows, key=natural_key)
    expected = sorted(natural, key=reference_key(column, lang), reverse=descending)
    got = [rows[p] for p in cache.order(column, descending, TODAY, lang)]
    assert [r.id for r in got] == [r.id for r in expected]


def test_sorted_orders_kept_are_bounded():
    cache = RowCache(make_rows())
    for column in COLUMNS:
        for descending in (False, True):
            cache.order(column, descending, TODAY, "en")
    assert 0 < len(cache.orders) <= 6
    again = cache.order("status", True, TODAY, "en")
    assert cache.order("status", True, TODAY, "en") is again  # the latest is reused


def test_text_filter_searches_title_and_person_without_case():
    rows = make_rows()
    cache = RowCache(rows)
    def ids(text):
        return {rows[p].id for p in apply_filters(cache, cache.base, Filters(text=text), TODAY)}
    assert ids("BANNER") == {r.id for r in rows if "banner" in r.title.lower()}
    assert ids("ada") == {r.id for r in rows if r.assignee_name == "adam"}
    assert ids("banner zoe") == {r.id for r in rows if "banner" in r.title.lower()
                                 and r.assignee_name == "Zoe"}
    assert ids("客服") == {r.id for r in rows if "客服" in r.title}
    # an edited row is searched with its new text
    p = cache.base[0]
    cache.replace(p, rows[p]._replace(title="Unique Word"))
    assert ids("unique") == {rows[p].id}


def _walk(model: TaskTreeModel, parent: QModelIndex | None = None):
    parent = parent if parent is not None else QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        assert model.parent(index) == parent
        yield index
        yield from _walk(model, index)


def test_grouped_tree_shape_and_lookups(qtmodeltester):
    rows = make_rows()
    model = TaskTreeModel("en")
    model.today = TODAY
    model.set_rows(rows)
    qtmodeltester.check(model)
    by_id = {r.id: r for r in rows}
    seen = []
    for index in _walk(model):
        row = model.row_at(index)
        if row is None:
            continue
        seen.append(row.id)
        parent = model.row_at(model.parent(index))
        if row.parent_id is None:
            assert parent is None and model.group_at(model.parent(index)) is not None
        else:
            assert parent.id == row.parent_id
        assert model.index_of(row.id) == index
    assert sorted(seen) == sorted(by_id) and seen == model.visible_task_ids()
    # a filter keeps the parents of matching subtasks, for context
    sub = next(r for r in rows if r.parent_id is not None)
    model.set_filters(Filters(text=sub.title.lower()))
    qtmodeltester.check(model)
    shown = set(model.visible_task_ids())
    assert sub.id in shown and sub.parent_id in shown
    model.sort(COL["due"], Qt.SortOrder.DescendingOrder)
    model.set_grouped(False)
    qtmodeltester.check(model)
    assert model.rowCount() == model.visible_count == len(model.visible_task_ids())
    assert all(not model.hasChildren(model.index(r, 0)) for r in range(model.rowCount()))


def test_a_sort_asked_twice_rebuilds_once():
    model = TaskTreeModel("en")
    model.set_rows(make_rows())
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.sort(COL["title"], Qt.SortOrder.AscendingOrder)
    model.sort(COL["title"], Qt.SortOrder.AscendingOrder)  # what sortByColumn() does
    assert len(resets) == 1
    row = model.rows[model._shown[0]]
    model.update_rows([row._replace(title="zzz last")])
    model.sort(COL["title"], Qt.SortOrder.AscendingOrder)  # rows changed: sorted again
    assert len(resets) == 2
    assert model.rows[model._shown[-1]].id == row.id or model.grouped


def _same(a, b) -> bool:
    from PySide6.QtGui import QIcon

    if isinstance(a, QIcon) and isinstance(b, QIcon):
        return a.cacheKey() == b.cacheKey()
    return a == b


def test_paint_roles_in_one_call_match_data():
    model = TaskTreeModel("en")
    model.today = TODAY
    model.set_rows(make_rows())
    model.set_grouped(False)
    roles = [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole,
             Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
             Qt.ItemDataRole.BackgroundRole]
    from PySide6.QtCore import QModelRoleData

    for row in range(0, model.rowCount(), 7):
        for col in range(len(COLUMNS)):
            index = model.index(row, col)
            for role in roles:
                item = QModelRoleData(role)
                item.setData("stale")  # a delegate reuses its span from cell to cell
                model.multiData(index, item)
                assert _same(item.data(), model.data(index, role)), (row, col, role)


def test_flat_list_is_a_table_and_keeps_the_selection(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("tasks")
    if not view.model.grouped:
        view.act_group.trigger()
    assert isinstance(view.tree, QTreeView) and view.views.currentWidget() is view.tree
    task = next(r for r in view.model.rows if r.parent_id is not None)
    view.tree.selectionModel().setCurrentIndex(
        view.model.index_of(task.id),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.act_group.trigger()  # flat
    assert isinstance(view.tree, QTableView) and view.views.currentWidget() is view.tree
    assert view.selected_ids() == [task.id]
    assert view.model.row_at(view.tree.currentIndex()).id == task.id
    view.tree.sortByColumn(COL["title"], Qt.SortOrder.DescendingOrder)
    titles = [view.model.row_by_id(i).title for i in view.model.visible_task_ids()]
    assert titles == sorted(titles, reverse=True)
    view.act_group.trigger()  # grouped again: the tree shows the same sort
    assert view.tree.header().sortIndicatorSection() == COL["title"]
    assert view.selected_ids() == [task.id]
    assert ctx.settings.tasks_grouped()


def test_a_big_plan_keeps_the_phase_opened_through_sort_and_filter(qtbot, ctx, monkeypatch):
    from opsdesk.ui.tasks import view as view_module

    monkeypatch.setattr(view_module, "EXPAND_ALL_BELOW", 0)  # as with 100k tasks: folded
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("tasks")
    if not view.model.grouped:
        view.act_group.trigger()
    tree, model = view.tree, view.model
    view.refresh()
    groups = [model.index(r, 0) for r in range(model.rowCount())]
    for group in groups:  # (it opened at the first open task: that phase is expanded)
        tree.collapse(group)
    assert len(groups) >= 2 and not any(tree.isExpanded(g) for g in groups)
    phase = model.groups[model.group_at(groups[1]) - 1][0]
    tree.expand(groups[1])
    tree.sortByColumn(COL["due"], Qt.SortOrder.DescendingOrder)
    word = next(r.title for r in model.rows if r.phase_id == phase)[:2]
    view.filter_bar.text.insert(word)
    assert 0 < model.visible_count < len(model.rows)

    def opened() -> list:
        return [model.groups[model.group_at(model.index(r, 0)) - 1][0]
                for r in range(model.rowCount()) if tree.isExpanded(model.index(r, 0))]
    # a filter shows what it found: every group holding a match is open (issue #16)
    assert len(opened()) == model.rowCount() >= 1 and phase in opened()
    view.filter_bar.clear()  # …and folds back to what the person had opened
    assert opened() == [phase]
    view.filter_bar.text.insert(word)
    tree.collapse(model.index_of_phase(phase))  # closed by the person while filtering
    view.filter_bar.clear()
    assert opened() == []


def test_a_filter_with_one_match_in_a_big_plan_shows_that_match(qtbot, ctx, monkeypatch):
    from opsdesk.ui.tasks import view as view_module

    monkeypatch.setattr(view_module, "EXPAND_ALL_BELOW", 0)  # as with 10k tasks: folded
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("tasks")
    if not view.model.grouped:
        view.act_group.trigger()
    target = view.model.rows[-1]
    view.filter_bar.text.insert(target.title)
    index = view.model.index_of(target.id)
    assert index.isValid() and view.tree.visualRect(index).isValid()  # laid out, not folded
    ancestor = index.parent()
    while ancestor.isValid():
        assert view.tree.isExpanded(ancestor)
        ancestor = ancestor.parent()


def test_typing_more_filters_what_passed_before_and_gives_the_same():
    assert Filters(text="banner").narrows(Filters(text="ban"))
    assert Filters(text="ban zoe").narrows(Filters(text="zo"))
    assert not Filters(text="ban").narrows(Filters(text="banner"))
    assert not Filters(text="banner", role_id=3).narrows(Filters(text="ban"))
    rows = make_rows()
    model = TaskTreeModel("en")
    model.today = TODAY
    model.set_rows(rows)
    model.set_grouped(False)
    fresh = TaskTreeModel("en")
    fresh.today = TODAY
    fresh.set_rows(list(rows))
    fresh.set_grouped(False)
    for text in ("b", "ba", "ban", "bann", "banner", "banner z", "ban", "", "客", "客服"):
        model.set_filters(Filters(text=text))
        fresh.set_filters(Filters())
        fresh.set_filters(Filters(text=text))
        assert model.visible_task_ids() == fresh.visible_task_ids(), text
    # an edit can make a row pass: it is filtered again from everything
    model.set_filters(Filters(text="zzz"))
    assert model.visible_count == 0
    row = rows[0]
    model.update_rows([row._replace(title="zzz top")])
    model.set_filters(Filters(text="zzz t"))
    assert model.visible_task_ids() == [row.id]


def test_a_text_filter_over_every_row_follows_edits_and_new_tasks():
    """Over the whole list the filter walks the titles lined up in the shown order (kept);
    an edited title, a new task and another order are searched as they are now."""
    rows = make_rows()
    model = TaskTreeModel("en")
    model.today = TODAY
    model.set_rows(rows)
    model.set_grouped(False)

    def fresh_ids(text: str) -> list[int]:
        fresh = TaskTreeModel("en")
        fresh.today = TODAY
        fresh.set_rows(list(model.rows))
        fresh.set_grouped(False)
        fresh.sort(model.sort_column, model.sort_order)
        fresh.set_filters(Filters(text=text))
        return fresh.visible_task_ids()

    model.set_filters(Filters(text="ban"))
    assert model.visible_task_ids() == fresh_ids("ban")
    model.set_filters(Filters(text="qqq"))
    assert model.visible_count == 0
    model.update_rows([rows[1]._replace(title="qqq edited")])
    model.set_filters(Filters())
    model.set_filters(Filters(text="qqq"))
    assert model.visible_task_ids() == [rows[1].id] == fresh_ids("qqq")
    new = rows[-1]._replace(id=max(r.id for r in rows) + 1, title="qqq new")
    assert model.update_rows([new])
    model.set_filters(Filters())
    model.set_filters(Filters(text="qqq"))
    assert sorted(model.visible_task_ids()) == sorted([rows[1].id, new.id])
    model.sort(2)  # another order: its own titles
    model.set_filters(Filters())
    model.set_filters(Filters(text="qqq"))
    assert model.visible_task_ids() == fresh_ids("qqq")


@pytest.mark.parametrize("sparse", [1, 16, 10**9])
def test_a_word_found_in_the_titles_one_text_finds_what_each_title_would(sparse, monkeypatch):
    """A rare word is looked for in the lined-up titles' one text (``_titled``), a common
    one title by title (``sparse`` 1: always the text; 10**9: never): the same rows in the
    same order, also for titles with line breaks, a word twice in a title, at a title's
    very end and in the last title; after an edit the text is made again."""
    from opsdesk.ui.tasks import state

    monkeypatch.setattr(state, "SPARSE", sparse)
    rows = make_rows(400, seed=11)
    odd = ["ab\nab cd", "xyz", "", "ab", "zz ab", "换行\n第二行 ab", "ab ab ab", "end ab"]
    rows = [r._replace(title=odd[i % len(odd)] + f" {i}") if i % 3 == 0 else r
            for i, r in enumerate(rows)]
    rows[-1] = rows[-1]._replace(title="the last one ab")
    cache = RowCache(rows)
    for order in (cache.base, list(reversed(cache.base))):
        for word in ("ab", "b", "ab\n", "1", "客服", "banner", "qqq", "d", "ne ab", "z", "第二"):
            want = [p for p in order if word in cache.title_lc[p]]
            assert state._titled(cache, order, word) == want, (word, sparse)
    model = TaskTreeModel("en")
    model.today = TODAY
    model.set_rows(rows)
    model.set_grouped(False)
    model.set_filters(Filters(text="ab"))
    before = model.visible_task_ids()
    model.update_rows([rows[1]._replace(title="now ab too")])  # a title changed: made again
    model.set_filters(Filters())
    model.set_filters(Filters(text="ab"))
    assert rows[1].id not in before
    assert set(model.visible_task_ids()) == set(before) | {rows[1].id}


@pytest.mark.parametrize("grouped", [False, True])
def test_quick_paint_looks_like_the_styled_delegate(qtbot, ctx, grouped):
    """Task cells are painted from laid-out text kept by the delegate: the pixels match
    Qt's own item painting (check boxes, role dots, selection, overdue red, bold
    milestones, greyed done)."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    view = window.show_view("tasks")
    if view.model.grouped != grouped:
        view.act_group.trigger()
    view.tree.sortByColumn(COL["due"], Qt.SortOrder.AscendingOrder)
    open_rows = [r for r in view.model.rows if r.status != "done"]
    view.select_ids([r.id for r in open_rows[:2]])
    view.tree.scrollTo(view.model.index_of(open_rows[0].id))
    images = []
    for quick in (False, True):
        for delegate in view.delegates.values():
            delegate.quick = quick
        images.append(view.tree.viewport().grab().toImage())
    plain, fast = images
    assert plain.size() == fast.size()

    def far(a: int, b: int) -> bool:  # (a shade apart is anti-aliasing at a fraction of a pixel)
        return max(abs((a >> s & 255) - (b >> s & 255)) for s in (0, 8, 16)) > 48
    header = view.tree.header() if grouped else view.tree.horizontalHeader()
    left = header.sectionViewportPosition(COL["milestone"])
    right = left + header.sectionSize(COL["milestone"])
    differ = [(x, y) for y in range(plain.height()) for x in range(plain.width())
              if not left <= x < right and plain.pixel(x, y) != fast.pixel(x, y)
              and far(plain.pixel(x, y), fast.pixel(x, y))]
    assert not differ, differ[:10]

    def ink(image) -> int:  # the centred ◆ lands a fraction of a pixel apart: same ink
        return sum(765 - sum(image.pixel(x, y) >> s & 255 for s in (0, 8, 16))
                   for y in range(image.height()) for x in range(left, right))
    assert abs(ink(plain) - ink(fast)) <= ink(plain) * 0.02


def test_a_phase_group_counts_every_task_in_it_like_the_overview(qtbot, ctx):
    """The group label counts subtasks too: "准备孕育期 (10)" beside 18/18 in the Overview
    told two stories (issue #16)."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    view = window.show_view("tasks")
    if not view.model.grouped:
        view.act_group.trigger()
    model = view.model
    rows = ctx.services.tasks.plan_rows(ctx.plan_id or ctx.services.plans.list()[0].id)
    with_subtasks = 0
    for r in range(model.rowCount()):
        group = model.index(r, 0)
        phase = model.groups[model.group_at(group) - 1][0]
        total = sum(1 for t in rows if t.phase_id == phase)
        assert model.data(group).endswith(f"({total})")
        with_subtasks += model.rowCount(group) < total
    assert with_subtasks  # (some phase holds subtasks: the direct rows alone would differ)


def _looks_by_role(model: TaskTreeModel, index) -> tuple:
    """A cell's look as its roles say it, one ``data()`` call each (what the styled
    delegate paints from): the quick paint's ``cell_look`` must agree."""
    R = Qt.ItemDataRole

    def brush(role):
        value = index.data(role)
        return None if value is None else (value.color().rgba(), value.style())
    check = index.data(R.CheckStateRole)
    icon = index.data(R.DecorationRole)
    return (index.data(R.DisplayRole), brush(R.BackgroundRole), brush(R.ForegroundRole),
            index.data(R.FontRole) is not None,
            None if check is None else Qt.CheckState(check) == Qt.CheckState.Checked,
            None if icon is None else icon.cacheKey())


def _look(model: TaskTreeModel, index) -> tuple:
    text, background, foreground, bold, checked, icon = model.cell_look(index)
    return (text, None if background is None else (background.color().rgba(), background.style()),
            None if foreground is None else (foreground.color().rgba(), foreground.style()),
            bold, checked, None if icon is None else icon.cacheKey())


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_cells_look_is_what_its_roles_say(lang):
    """The quick paint works a row's looks out together (and keeps them): overdue red,
    milestone amber, done grey, the unassigned muted, bold milestones and overdue due
    dates, the tick and the role's dot — each the same as the cell's roles."""
    model = TaskTreeModel(lang)
    model.today = TODAY
    model.set_rows(make_rows(300))
    model.set_grouped(False)
    for row in range(model.rowCount()):
        for col in range(len(COLUMNS)):
            index = model.index(row, col)
            assert _look(model, index) == _looks_by_role(model, index), (row, COLUMNS[col])
    kinds = {(r.status, r.is_milestone, r.due is not None and r.due < TODAY) for r in model.rows}
    assert len(kinds) >= 10  # (every kind of row was compared)


def test_a_cells_look_follows_the_rows_changes():
    """Kept looks are forgotten when the model changes: an edited row, a new filter or
    order, another language."""
    rows = make_rows(60)
    model = TaskTreeModel("en")
    model.today = TODAY
    model.set_rows(rows)
    model.set_grouped(False)
    target = next(r for r in rows if r.status == "todo" and r.due and r.due < TODAY)
    index = model.index_of(target.id)
    assert _look(model, index)[2] is None  # (the title of an overdue task: plain text)
    model.update_rows([target._replace(status="done", title="finished")])
    index = model.index_of(target.id)
    text, _bg, foreground, _bold, checked, _icon = _look(model, index)
    assert (text, checked) == ("finished", True) and foreground is not None
    assert _look(model, index) == _looks_by_role(model, index)
    model.set_filters(Filters(text="finished"))  # another shape: row 0 is that task now
    due = model.index(0, COL["due"])
    assert _look(model, due) == _looks_by_role(model, due)
    english = _look(model, due)[0]
    model.lang = "zh_CN"  # (as the view does when the interface language changes)
    model._dates.clear()
    model.rebuild()
    due = model.index(0, COL["due"])
    assert _look(model, due)[0] != english and "月" in _look(model, due)[0]
    assert _look(model, due) == _looks_by_role(model, due)
