"""Database passwords kept out of files: URLs without passwords, the system keyring. No Qt.

Settings remember a server URL without its password. A password is found, when a URL comes
without one, in the operating system's keyring (only when the user asked to remember it,
through the ``keyring`` library, under :data:`SERVICE` with the URL without password as the
key), else by libpq in ``~/.pgpass`` (psycopg does that by itself), else the user is asked.
A missing or broken keyring (no backend on a headless box) is never an error: nothing is
remembered and nothing is found.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

log = logging.getLogger(__name__)

SERVICE = "OpsDesk"  # the keyring's service name; the user name is the URL without password


def _url(target: str | Path):
    """The parsed SQLAlchemy URL of a server target, else None (a file path)."""
    if not isinstance(target, str) or "://" not in target:
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(target)
    except (ArgumentError, ValueError):
        return None


def is_server(target: str | Path) -> bool:
    """Whether ``target`` is a URL of a database server (not an SQLite file)."""
    url = _url(target)
    return url is not None and url.get_backend_name() != "sqlite"


def without_password(target: str | Path) -> str | Path:
    """``target`` with any password removed (a path, or a URL without one, unchanged)."""
    url = _url(target)
    if url is None or url.password is None:
        return target
    # (URL.set(password=None) leaves the password in: set() skips None values)
    return url._replace(password=None).render_as_string(hide_password=False)


def password_of(target: str | Path) -> str | None:
    url = _url(target)
    return None if url is None or url.password is None else str(url.password)


def with_password(target: str, password: str) -> str:
    """The URL ``target`` with ``password`` put in (for opening it; never to be stored)."""
    url = _url(target)
    if url is None:
        return target
    return url.set(password=password).render_as_string(hide_password=False)


def user_and_host(target: str) -> tuple[str, str]:
    """The login and the server (host, port and database) of a URL, for asking a password."""
    url = _url(target)
    if url is None:
        return "", str(target)
    where = url.host or "localhost"
    if url.port:
        where += f":{url.port}"
    if url.database:
        where += f"/{url.database}"
    return url.username or "", where


def _keyring():
    """The ``keyring`` module when a usable backend is there, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or a backend failing to import
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring):
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


def recall(target: str) -> str | None:
    """The password remembered for the server URL ``target``, or None."""
    keyring = _keyring()
    key = without_password(target)
    if keyring is None or not is_server(target):
        return None
    try:
        return keyring.get_password(SERVICE, str(key))
    except Exception as exc:  # a locked or broken keyring: as if nothing was remembered
        log.info("keyring: cannot read a password: %s", type(exc).__name__)
        return None


def remember(target: str, password: str) -> bool:
    """Keep ``password`` for the server URL ``target`` in the keyring; False if there is no
    usable keyring (then nothing is kept anywhere)."""
    keyring = _keyring()
    if keyring is None or not is_server(target) or not password:
        return False
    try:
        keyring.set_password(SERVICE, str(without_password(target)), password)
    except Exception as exc:
        log.info("keyring: cannot store a password: %s", type(exc).__name__)
        return False
    return True


def forget(target: str) -> None:
    """Remove the remembered password of ``target`` (a wrong one), if any."""
    keyring = _keyring()
    if keyring is None or not is_server(target):
        return
    with contextlib.suppress(Exception):  # none was remembered, or the keyring refuses
        keyring.delete_password(SERVICE, str(without_password(target)))


def needs_password(exc: BaseException) -> bool:
    """Whether a failed open of a server was for a missing or wrong password."""
    from opsdesk.errors import OpsDeskError

    text = exc.message if isinstance(exc, OpsDeskError) else str(exc)
    text = text.lower()
    return ("no password supplied" in text or "password authentication failed" in text
            or "authentication failed" in text)
