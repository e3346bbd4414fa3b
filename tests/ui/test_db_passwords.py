"""Server passwords stay out of the settings file: URLs are remembered without them; a
password comes from the keyring (when the user asked to remember it), ~/.pgpass, or the user."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path
from types import SimpleNamespace

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit

from opsdesk import secrets
from opsdesk.app import OpsDeskApp
from opsdesk.errors import StorageError
from opsdesk.store.engine import SERVER_UNREACHABLE
from opsdesk.ui.settings import Settings

SECRET = "S3cret-pw!"
URL = f"postgresql+psycopg://opsdesk_app:{SECRET}@dbserver:5433/opsdesk"
PLAIN = "postgresql+psycopg://opsdesk_app@dbserver:5433/opsdesk"


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.data.get((service, username))

    def set_password(self, service, username, password):
        self.data[(service, username)] = password

    def delete_password(self, service, username):
        if self.data.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


class FakeServer:
    """``opsdesk.store.open_store`` for a server that wants ``password`` (libpq's messages)."""

    def __init__(self, password: str = SECRET) -> None:
        self.password = password
        self.opened: list[str] = []

    def __call__(self, target, readonly=False, **_kw):
        self.opened.append(str(target))
        given = secrets.password_of(str(target))
        if given is None:
            raise StorageError(SERVER_UNREACHABLE, detail='connection to server at "dbserver", '
                               'port 5433 failed: fe_sendauth: no password supplied')
        if given != self.password:
            raise StorageError(SERVER_UNREACHABLE, detail='connection to server failed: FATAL:  '
                               'password authentication failed for user "opsdesk_app"')
        return SimpleNamespace(readonly=False, readonly_reason=None,
                               display_name=PLAIN.replace("@", ":***@"), close=lambda: None)


@pytest.fixture
def app(qapp, monkeypatch):
    instance = OpsDeskApp(Namespace(db=None, lang="en", user=None))
    instance.asked, instance.offered, instance.ways = [], [], []
    monkeypatch.setattr(instance, "_ask_way_on",
                        lambda message: instance.ways.append(message) or "quit")
    monkeypatch.setattr(instance, "_offer_to_remember",
                        lambda target: instance.offered.append(target) or True)
    monkeypatch.setattr(instance, "_ask_password",
                        lambda target, wrong: instance.asked.append((target, wrong)) or None)
    return instance


@pytest.fixture
def server(monkeypatch):
    fake = FakeServer()
    monkeypatch.setattr("opsdesk.store.open_store", fake)
    return fake


def _settings_text(settings: Settings) -> str:
    settings.sync()
    return Path(QSettings().fileName()).read_text(encoding="utf-8")


def test_a_url_with_a_password_is_remembered_without_it(app, server, memory_keyring):
    assert app.open_database(URL) is not None
    assert app.settings.last_db() == PLAIN
    assert app.settings.recent_dbs() == [PLAIN]
    app.settings.set_last_login(URL, "ops")
    text = _settings_text(app.settings)
    assert SECRET not in text and "dbserver" in text
    assert app.settings.last_login(PLAIN) == "ops"  # the same key with or without it


def test_passwords_stored_by_an_older_opsdesk_are_removed_on_start(qapp):
    old = QSettings()
    old.setValue("db/last", URL)
    old.setValue("db/recent", [URL, "/home/a/shop.db", PLAIN])
    old.sync()
    assert SECRET in Path(old.fileName()).read_text(encoding="utf-8")
    settings = Settings()
    assert SECRET not in _settings_text(settings)
    assert settings.last_db() == PLAIN
    assert settings.recent_dbs() == [PLAIN, "/home/a/shop.db"]


def test_a_password_given_once_is_offered_to_the_keyring_and_used_next_time(
        app, server, memory_keyring):
    app.open_database(URL)
    assert app.offered == [URL]
    assert memory_keyring.data == {("OpsDesk", PLAIN): SECRET}
    # the next start: the remembered URL has no password; the keyring gives it
    app.offered.clear()
    assert app.open_database(app.settings.last_db()) is not None
    assert secrets.password_of(server.opened[-1]) == SECRET
    assert app.asked == [] and app.offered == []  # nothing asked, nothing offered again


def test_a_refused_offer_keeps_the_password_nowhere(app, server, memory_keyring, monkeypatch):
    monkeypatch.setattr(app, "_offer_to_remember", lambda target: False)
    assert app.open_database(URL) is not None
    assert memory_keyring.data == {}
    assert SECRET not in _settings_text(app.settings)


def test_without_a_remembered_password_the_user_is_asked(app, server, memory_keyring,
                                                         monkeypatch):
    monkeypatch.setattr(app, "_ask_password",
                        lambda target, wrong: app.asked.append((target, wrong)) or (SECRET, True))
    assert app.open_database(PLAIN) is not None
    # first without a password (libpq looked in ~/.pgpass), then with the one typed
    assert [secrets.password_of(u) for u in server.opened] == [None, SECRET]
    assert app.asked == [(PLAIN, False)]
    assert app.offered == []  # the dialog's own "remember" box answered that
    assert memory_keyring.data == {("OpsDesk", PLAIN): SECRET}
    assert SECRET not in _settings_text(app.settings)


def test_a_wrong_remembered_password_asks_again(app, server, memory_keyring, monkeypatch):
    memory_keyring.data[("OpsDesk", PLAIN)] = "old-password"
    monkeypatch.setattr(app, "_ask_password",
                        lambda target, wrong: app.asked.append((target, wrong)) or (SECRET, True))
    assert app.open_database(PLAIN) is not None
    assert app.asked == [(PLAIN, True)]
    assert memory_keyring.data == {("OpsDesk", PLAIN): SECRET}


def test_a_cancelled_password_explains_and_offers_a_way_on(app, server, memory_keyring):
    assert app.open_database(PLAIN) is None
    assert app.asked == [(PLAIN, False)]
    assert len(app.ways) == 1 and "no password supplied" in app.ways[0]
    assert memory_keyring.data == {}


def test_without_a_keyring_nothing_is_remembered_and_nothing_breaks(app, server, no_keyring):
    assert not secrets.keyring_available()
    assert app.open_database(URL) is not None
    assert secrets.remember(URL, SECRET) is False
    assert secrets.recall(PLAIN) is None
    secrets.forget(PLAIN)
    assert SECRET not in _settings_text(app.settings)


def test_a_broken_keyring_is_as_good_as_none(memory_keyring, monkeypatch):
    def broken(*_args):
        raise RuntimeError("the keyring is locked")

    monkeypatch.setattr(memory_keyring, "get_password", broken)
    monkeypatch.setattr(memory_keyring, "set_password", broken)
    assert secrets.recall(URL) is None
    assert secrets.remember(URL, SECRET) is False


def test_the_password_dialog_hides_the_password_and_offers_the_keyring(qtbot, memory_keyring):
    from opsdesk.ui.dialogs.server_password import ServerPasswordDialog

    dialog = ServerPasswordDialog(PLAIN)
    qtbot.addWidget(dialog)
    assert "opsdesk_app" in dialog.label.text() and "dbserver:5433/opsdesk" in dialog.label.text()
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.remember
    dialog.remember_box.setChecked(True)
    assert dialog.remember and dialog.no_keyring.isHidden()


def test_the_password_dialog_says_when_there_is_no_keyring(qtbot, no_keyring):
    from opsdesk.ui.dialogs.server_password import ServerPasswordDialog

    dialog = ServerPasswordDialog(PLAIN, wrong=True)
    qtbot.addWidget(dialog)
    dialog.remember_box.setChecked(True)
    assert not dialog.remember
    assert dialog.remember_box.isHidden() and not dialog.no_keyring.isHidden()
    assert "refused the password" in dialog.label.text()
