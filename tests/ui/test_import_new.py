"""File ▸ Open of a plan from another tool: preview, a new database beside the file, and the
window on the imported plan, signed in as its new manager (#15)."""

from __future__ import annotations

from argparse import Namespace

import pytest
from PySide6.QtWidgets import QMessageBox

from opsdesk.app import OpsDeskApp
from opsdesk.services import Services
from opsdesk.store import open_store
from opsdesk.ui.dialogs import import_new
from opsdesk.ui.dialogs.import_new import ImportNewDialog
from tests.unit.test_gan_import import GAN


@pytest.fixture
def gan(tmp_path):
    path = tmp_path / "shop.gan"
    path.write_bytes(GAN)
    return path


def fill(dialog: ImportNewDialog, password: str = "first-pw1", again: str | None = None) -> None:
    dialog.manager_name.setText("王经理")
    dialog.manager_id.setText("wang")
    dialog.password.setText(password)
    dialog.password_again.setText(password if again is None else again)


def test_preview_then_a_new_database_beside_the_file(qtbot, gan, tmp_path):
    dialog = ImportNewDialog(gan)
    qtbot.addWidget(dialog)
    assert dialog.load()
    text = dialog.summary.text()
    assert "Preparation, Launch" in text and "4 link" in text and "left out" in text
    assert dialog.target.text() == str(tmp_path / "shop.db")
    assert dialog.launch.date().toString("yyyy-MM-dd") == "2026-08-03"
    fill(dialog, again="other-pw1")
    dialog.accept()
    assert "not the same" in dialog.error.text() and not (tmp_path / "shop.db").exists()
    fill(dialog)
    dialog.accept()
    assert dialog.result() == ImportNewDialog.DialogCode.Accepted
    assert dialog.created == tmp_path / "shop.db" and dialog.plan_id is not None
    store = open_store(dialog.created)
    try:
        services = Services(store)
        actor = services.people.authenticate("wang", "first-pw1")
        assert actor.is_manager
        titles = {t.title for t in services.tasks.list(dialog.plan_id)}
        assert {"Choose products", "Opening sale"} <= titles
    finally:
        store.close()


def test_an_existing_target_is_refused(qtbot, gan, tmp_path):
    (tmp_path / "shop.db").write_bytes(b"mine")
    dialog = ImportNewDialog(gan)
    qtbot.addWidget(dialog)
    assert dialog.target.text() == str(tmp_path / "shop-2.db")  # a free name is offered
    dialog.target.setText(str(tmp_path / "shop.db"))
    assert dialog.load()
    fill(dialog)
    dialog.accept()
    assert "already exists" in dialog.error.text()
    assert (tmp_path / "shop.db").read_bytes() == b"mine"


def test_a_broken_file_is_explained(qtbot, tmp_path):
    bad = tmp_path / "bad.gan"
    bad.write_bytes(b"<project><tasks><task id='1' name='x' start='2026-02-30'")
    dialog = ImportNewDialog(bad)
    qtbot.addWidget(dialog)
    assert not dialog.load() and "bad.gan" in dialog.problem


def test_file_open_of_a_plan_shows_the_imported_plan(qapp, qtbot, gan, tmp_path, monkeypatch):
    app = OpsDeskApp(Namespace(db=None, lang="en", user=None))

    def exec_(dialog):
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(import_new.ImportNewDialog, "exec", exec_)
    app.open_other(str(gan))
    assert app.window is not None
    qtbot.addWidget(app.window)
    assert app.ctx.actor.login == "wang"  # signed in as the new manager, no second prompt
    assert app.ctx.store.display_name == str(tmp_path / "shop.db")
    assert app.window.plan_picker.currentText().startswith("Tea shop")
    app.ctx.store.close()


def test_file_open_of_a_broken_plan_says_why(qapp, tmp_path, monkeypatch):
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<Project><Tasks>")
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: said.append(a[2]))
    app = OpsDeskApp(Namespace(db=None, lang="en", user=None))
    app.open_other(str(bad))
    assert said and "bad.xml" in said[0] and app.ctx is None
    assert not list(tmp_path.glob("*.db*"))  # no database was made


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_screenshot(qtbot, gan, lang):
    from opsdesk.ui.i18n import translators

    translators().install(lang)
    dialog = ImportNewDialog(gan)
    qtbot.addWidget(dialog)
    assert dialog.load()
    dialog.resize(1280, 800)
    dialog.show()
    assert dialog.grab().save(f"/tmp/import_new_{lang}.png")


def test_reimport_without_ids_offers_to_update(qtbot, ctx, tmp_path):
    from opsdesk.ui.dialogs import interchange
    from opsdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    tasks = [t for t in ctx.services.tasks.list(ctx.plan_id) if t.due is not None][:2]
    f = tmp_path / "again.csv"
    f.write_text("任务,截止,优先级\n" + "".join(f"{t.title},{t.due.isoformat()},紧急\n"
                                           for t in tasks), encoding="utf-8")
    before = len(ctx.services.tasks.list(ctx.plan_id))
    dialog = interchange.ImportTasksDialog(ctx, window, str(f))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=10000)
    assert "2 row" in dialog.summary.text() and "match tasks of the plan" in dialog.summary.text()
    assert "added twice" in dialog.summary.text() and not dialog.update_matches.isHidden()
    dialog.update_matches.setChecked(True)  # checks again, now updating them
    qtbot.waitUntil(lambda: dialog.prepared is not None and dialog.prepared.matched_applied,
                    timeout=10000)
    assert "0 new tasks, 2 changed" in dialog.summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: ctx.services.tasks.get(tasks[0].id).priority == "urgent",
                    timeout=10000)
    assert len(ctx.services.tasks.list(ctx.plan_id)) == before


def test_file_import_reads_a_gan_file(qtbot, ctx, gan):
    from opsdesk.ui.dialogs import interchange
    from opsdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = interchange.ImportPlanDialog(ctx, window, str(gan))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10000)
    assert "Preparation, Launch" in dialog.summary.text()
    assert "left out" in dialog.summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.changes is not None, timeout=10000)
    assert window.plan_picker.currentText() == "Tea shop"
