import tests.ui.test_refresh as T
def test_dbg(qtbot, ctx, window, monkeypatch):
    window.show_view("mywork")
    T._settled(qtbot, window)
    task = T._open_task(ctx)
    tl = window.view("timeline")
    i = tl.task_index(task.id)
    print("before", tl.canvas.data.status[i], T.DONE, task.status)
    T._tick(window, ctx, task.id)
    print("after tick", tl.canvas.data.status[i], window.stale.get("timeline"))
