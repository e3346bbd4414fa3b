"""The global exception hook and the missing-Chinese-font notice."""

from __future__ import annotations

from argparse import Namespace

from PySide6.QtWidgets import QMessageBox

from opsdesk import app as app_module
from opsdesk.errors import PermissionDenied
from opsdesk.ui import crash


def test_the_log_file_is_found_and_made_when_first_written(tmp_path, monkeypatch):
    """Setting up logging (at every start) neither makes the log folder nor imports
    platformdirs; the first record does both, and a folder that cannot be made sends the
    record to stderr instead of losing it or raising."""
    import subprocess
    import sys

    code = ("import sys; from opsdesk.ui import crash; crash.setup_logging(); "
            "import os; print(int(os.path.exists(sys.argv[1])), int('platformdirs' in sys.modules)); "
            "crash.log.error('first record'); [h.flush() for h in crash.log.handlers]; "
            "print(int(os.path.exists(sys.argv[1])))")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_STATE_HOME": str(tmp_path / "state")}
    env.pop("OPSDESK_LOG_DIR", None)  # (the per-user folder, as platformdirs finds it)
    folder = tmp_path / "state" / "OpsDesk" / "log"
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True,
                         env=env, check=True).stdout.split()
    assert out == ["0", "0", "1"]
    assert "first record" in (folder / "opsdesk.log").read_text(encoding="utf-8")

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    env["OPSDESK_LOG_DIR"] = str(blocker / "logs")
    done = subprocess.run([sys.executable, "-c", code, str(blocker / "logs")], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0 and "first record" in done.stderr and "Traceback" not in done.stderr


def test_unexpected_error_is_logged_and_explained(qapp, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    crash.setup_logging()
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        crash.excepthook(type(exc), exc, exc.__traceback__)
    for handler in crash.log.handlers:
        handler.flush()
    box = shown[-1]
    assert box.objectName() == "crashBox"
    assert "Your data is safe" in box.text()
    assert str(crash.log_file()) in box.informativeText()
    assert "ZeroDivisionError: boom" in box.detailedText()
    assert crash.log_file().is_relative_to(tmp_path)
    assert "ZeroDivisionError: boom" in crash.log_file().read_text(encoding="utf-8")


def test_user_error_that_escapes_shows_its_message_only(qapp, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box))
    exc = PermissionDenied()
    crash.excepthook(type(exc), exc, None)
    assert shown[-1].objectName() == "errorBox"
    assert shown[-1].text() == "You are not allowed to do this."
    assert not shown[-1].detailedText()


def test_missing_chinese_font_is_said_once(qapp, monkeypatch):
    warnings = []
    monkeypatch.setattr(app_module, "has_cjk_font", lambda: False)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    instance = app_module.OpsDeskApp(Namespace(db=None, lang="en", user=None))
    instance.warn_missing_cjk_font()
    instance.warn_missing_cjk_font()
    assert len(warnings) == 1 and "fonts-noto-cjk" in warnings[0]
    again = app_module.OpsDeskApp(Namespace(db=None, lang="en", user=None))
    again.warn_missing_cjk_font()
    assert len(warnings) == 1


def test_a_chinese_font_is_installed(qapp):
    """CI installs fonts-noto-cjk; without it every Chinese screenshot shows boxes."""
    assert app_module.has_cjk_font()

