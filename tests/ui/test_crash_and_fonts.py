"""The global exception hook and the missing-Chinese-font notice."""

from __future__ import annotations

from argparse import Namespace

from PySide6.QtWidgets import QMessageBox

from opsdesk import app as app_module
from opsdesk.errors import PermissionDenied
from opsdesk.ui import crash


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
