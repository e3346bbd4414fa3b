"""A bulk edit patches the Tasks model with one dataChanged per parent (not one per row),
and a scattered selection is read back without an index per row (issue #19: a 1,000-row
bulk assign blocked the GUI for seconds on per-row signals)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QItemSelectionModel

from opsdesk.ui.tasks.model import N_COLUMNS, TaskTreeModel

TODAY = dt.date(2026, 9, 20)


def _model(ctx, grouped: bool) -> TaskTreeModel:
    plan_id = ctx.services.plans.list()[0].id
    model = TaskTreeModel("en", TODAY)
    model.set_rows(ctx.services.tasks.plan_rows(plan_id))
    model.set_grouped(grouped)
    return model


def test_update_of_many_rows_emits_one_signal_per_parent(ctx):
    for grouped in (True, False):
        model = _model(ctx, grouped)
        rows = [model.row_by_id(i) for i in model.visible_task_ids()][:40]
        changed = [dataclasses.replace(r, title=r.title + " ✓") if dataclasses.is_dataclass(r)
                   else r._replace(title=r.title + " ✓") for r in rows]
        signals: list = []
        model.dataChanged.connect(lambda a, b, *_, out=signals: out.append((a, b)))
        assert model.update_rows(changed)
        parents = {model.index_of(r.id).parent() for r in rows}
        assert 1 <= len(signals) <= len(parents) < len(rows)
        for top_left, bottom_right in signals:  # each span covers its rows, every column
            assert top_left.parent() == bottom_right.parent()
            assert top_left.column() == 0 and bottom_right.column() == N_COLUMNS - 1
        covered = {(a.parent(), row) for a, b in signals for row in range(a.row(), b.row() + 1)}
        for r in rows:
            index = model.index_of(r.id)
            assert (index.parent(), index.row()) in covered
            assert model.data(index).endswith(" ✓")


def test_scattered_selection_reads_back_every_selected_task(qtbot, ctx):
    from opsdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    view = window.show_view("tasks")
    view.tree.expandAll()
    ids = view.model.visible_task_ids()[::3][:25]
    view.select_ids(ids)
    assert sorted(view.selected_ids()) == sorted(ids)
    # a contiguous block selected as one range reads back the same way
    first, last = view.model.index_of(ids[0]), view.model.index_of(ids[0])
    view.tree.selectionModel().select(
        first, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert view.selected_ids() == [ids[0]] and last.isValid()
