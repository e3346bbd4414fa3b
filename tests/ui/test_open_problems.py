"""When a file will not open (issue #12, item 5): a damaged file always offers "Restore a
backup…" with a chooser starting in backups/ (or the file's folder), the restore needs a
manager of the backup; an empty file says it is empty and offers a new plan in it."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from opsdesk.errors import CorruptDatabase, DatabaseEmpty, MigrationFailed, NotAnOpsDeskDatabase
from opsdesk.store import backup as bk
from opsdesk.store import open_store
from opsdesk.ui.dialogs.restore_sign_in import RestoreSignInDialog
from opsdesk.ui.open_problems import add_way_buttons, backup_start, restore_damaged, ways_on


def _damage(path: Path) -> bytes:
    data = path.read_bytes()[:20000]  # truncated: "damaged"
    path.write_bytes(data)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(CorruptDatabase):
        open_store(path)
    return data


@pytest.fixture
def damaged(tmp_path, db_path) -> tuple[Path, Path]:
    """A damaged database in a folder of its own, and an intact backup of it kept elsewhere."""
    backup = bk.backup_file(db_path, tmp_path / "elsewhere" / "plan-copy.db")
    folder = tmp_path / "shop"
    folder.mkdir()
    path = folder / "plan.db"
    path.write_bytes(db_path.read_bytes())
    _damage(path)
    return path, backup


def _with_backups_folder(path: Path, backup: Path) -> Path:
    kept = bk.backup_dir_for(path) / f"{path.stem}-20261101-090000-auto.db"
    kept.parent.mkdir()
    kept.write_bytes(backup.read_bytes())
    return kept


@pytest.mark.parametrize("with_backups", [False, True], ids=["no-backups-folder", "backups"])
def test_a_damaged_file_always_offers_a_restore(damaged, with_backups):
    path, backup = damaged
    kept = _with_backups_folder(path, backup) if with_backups else None
    for exc in (CorruptDatabase(path=str(path)), NotAnOpsDeskDatabase(path=str(path))):
        assert ways_on(exc, path) == ("restore",)
    assert ways_on(MigrationFailed(detail="x"), path) == ("readonly", "retry", "restore")
    assert ways_on(CorruptDatabase(path="x"), "postgresql+psycopg://u@h/d") == ()
    # the chooser starts on the newest backup in backups/, else in the file's own folder
    assert backup_start(path) == (kept if with_backups else path.parent)
    (path.parent / "backups").mkdir(exist_ok=True)
    if not with_backups:  # an empty backups/ folder: the chooser starts in it
        assert backup_start(path) == path.parent / "backups"


def _answer_dialogs(answers: list) -> QTimer:
    """Answer the modal dialogs as they come up, in order: each answer is called with the
    active modal widget (the caller stops the returned timer)."""
    seen: list[int] = []
    timer = QTimer()

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or not answers or (seen and seen[-1] == id(widget)):
            return
        seen.append(id(widget))
        answers.pop(0)(widget)

    timer.timeout.connect(poll)
    timer.start(20)
    return timer


@pytest.mark.parametrize("with_backups", [False, True], ids=["no-backups-folder", "backups"])
def test_restore_a_backup_over_a_damaged_file(qtbot, damaged, monkeypatch, with_backups):
    path, backup = damaged
    kept = _with_backups_folder(path, backup) if with_backups else None
    asked = []

    def chooser(parent, caption, directory, filter_):
        asked.append(directory)
        return str(kept or backup), filter_.split(";;")[0]

    monkeypatch.setattr("opsdesk.ui.widgets.file_dialog.get_open_file_name", chooser)
    texts = []

    def sign_in_wrong(dialog):
        assert isinstance(dialog, RestoreSignInDialog)
        dialog.login.setText("manager")
        dialog.password.setText("wrong")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        texts.append(dialog.error.text())
        assert dialog.isVisible()  # stays to be corrected; nothing was changed
        dialog.login.setText("kefu")  # staff: not allowed to restore
        dialog.password.clear()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        texts.append(dialog.error.text())
        dialog.login.setText("manager")
        dialog.password.setText("secret")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def done(box):
        texts.append(box.text())
        box.accept()

    damaged_bytes = path.read_bytes()
    timer = _answer_dialogs([sign_in_wrong, done])
    try:
        aside = restore_damaged(None, path)
    finally:
        timer.stop()
    assert asked == [str(kept if with_backups else path.parent)]
    assert "not correct" in texts[0] and "manager" in texts[1]
    assert aside is not None and aside.read_bytes() == damaged_bytes
    assert str(aside) in texts[2]
    store = open_store(path)  # the backup is in place and opens
    store.close()


def test_restore_cancelled_changes_nothing(qtbot, damaged, monkeypatch):
    path, backup = damaged
    monkeypatch.setattr("opsdesk.ui.widgets.file_dialog.get_open_file_name",
                        lambda *a: (str(backup), ""))
    before = sorted(p.name for p in path.parent.iterdir()), path.read_bytes()
    timer = _answer_dialogs([lambda dialog: dialog.reject()])
    try:
        assert restore_damaged(None, path) is None
    finally:
        timer.stop()
    assert (sorted(p.name for p in path.parent.iterdir()), path.read_bytes()) == before
    monkeypatch.setattr("opsdesk.ui.widgets.file_dialog.get_open_file_name", lambda *a: ("", ""))
    assert restore_damaged(None, path) is None  # no file chosen


def test_an_empty_file_says_so_and_offers_a_new_plan_in_it(qtbot, tmp_path, monkeypatch):
    from opsdesk.app import OpsDeskApp
    from opsdesk.ui.dialogs.new_plan import NewPlanDialog

    path = tmp_path / "shop" / "empty.db"
    path.parent.mkdir()
    path.write_bytes(b"")
    with pytest.raises(DatabaseEmpty) as info:
        open_store(path)
    assert ways_on(info.value, path) == ("new_here",)
    app = OpsDeskApp(Namespace(db=str(path), lang="en", user=None))
    answers = ["new_here", "new_here"]
    asked = []

    def ask(message):
        asked.append((message, app._extra_ways))
        return answers.pop(0) if answers else "quit"

    monkeypatch.setattr(app, "_ask_way_on", ask)
    shown = []
    fill = iter([False, True])  # cancelled once, then filled in

    def run(dialog):
        shown.append(dialog.path.text())
        if not next(fill):
            return 0
        dialog.manager_name.setText("Wang")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewPlanDialog, "exec", run)
    from opsdesk.services.people import PeopleService

    create_user = PeopleService.create_user

    def with_password(self, actor, name, login, role, is_manager=False, **kw):
        if is_manager and not kw.get("password"):  # the dialog's password field is not
            kw["password"] = "secret"  # what this test is about
        return create_user(self, actor, name, login, role, is_manager=is_manager, **kw)

    monkeypatch.setattr(PeopleService, "create_user", with_password)
    store = app.open_database(path)
    try:
        assert store is not None and store.path == path.absolute()
    finally:
        store.close()
    message, ways = asked[0]
    assert message == (f"{path} is empty: it holds no OpsDesk database. Choose another file or "
                       "make a new plan there.")
    assert ways == ("new_here",)
    assert shown == [str(path.absolute())] * 2  # the dialog makes the plan in that file
    assert path.stat().st_size > 0


def test_an_empty_file_is_left_empty_when_the_person_quits(qtbot, tmp_path, monkeypatch):
    from opsdesk.app import OpsDeskApp

    path = tmp_path / "shop" / "empty.db"
    path.parent.mkdir()
    path.write_bytes(b"")
    app = OpsDeskApp(Namespace(db=str(path), lang="en", user=None))
    monkeypatch.setattr(app, "_ask_way_on", lambda message: "quit")
    assert app.open_database(path) is None
    assert path.stat().st_size == 0 and [p.name for p in path.parent.iterdir()] == ["empty.db"]


def test_the_open_problem_buttons(qtbot):
    box = QMessageBox()
    qtbot.addWidget(box)
    buttons = add_way_buttons(box, ("retry", "restore", "new_here"))
    assert [b.text() for b in buttons.values()] == ["Try again", "Restore a backup…",
                                                    "Make a new plan in this file…"]
