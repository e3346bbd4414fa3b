"""A whole plan's Tasks-view rows read in chunks with their repeating texts shared (#17):
the same rows as the plain read, each equal text one object."""

from __future__ import annotations

from opsdesk.services import task_rows


def test_a_whole_plan_reads_the_same_rows_with_equal_texts_shared(store, plan, monkeypatch):
    monkeypatch.setattr(task_rows, "CHUNK", 7)  # several chunks, the last one short
    with store.read() as s:
        shared = task_rows.plan_rows(s, plan)
        plain = task_rows._norm(s, s.connection().execute(task_rows._statement(plan)).all())
    assert len(shared) > 3 * 7 and sorted(shared) == sorted(plain)
    assert all(type(r) is task_rows.TaskListRow for r in shared)
    if store.engine.dialect.name != "sqlite":  # (the shared read is SQLite's)
        return
    for field in ("status", "priority", "due", "role_zh"):
        values = [getattr(r, field) for r in shared if getattr(r, field) is not None]
        assert len({id(v) for v in values}) == len(set(values)), field
