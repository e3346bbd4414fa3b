"""Signing in from the command line, and ``opsdesk passwd``. No Qt.

A password comes from ``OPSDESK_PASSWORD`` or, when stdin is a terminal, is asked with
``getpass``; a new one (``passwd``, the first manager of ``init``) from
``OPSDESK_NEW_PASSWORD`` (for ``init`` also ``OPSDESK_PASSWORD``) or asked twice.
"""

from __future__ import annotations

import getpass
import os
import sys

from opsdesk.errors import QT_TRANSLATE_NOOP, AuthError, ValidationError

SAY_WHO = QT_TRANSLATE_NOOP("Errors", "Say who you are with --user LOGIN.")
SET_IT_FIRST = QT_TRANSLATE_NOOP(
    "Errors", "{login} is a manager without a password; set one first with "
    "`opsdesk passwd --user {login}` (or by signing in to the app).")
NO_TERMINAL = QT_TRANSLATE_NOOP(
    "Errors", "No password given: put it in the {variable} environment variable, or run "
    "this in a terminal to be asked for it.")
NOT_THE_SAME = QT_TRANSLATE_NOOP("Errors", "The two passwords are not the same; nothing was changed.")


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def ask_password(login: str) -> str | None:
    """The password of ``login``: OPSDESK_PASSWORD, else asked on a terminal, else None."""
    given = os.environ.get("OPSDESK_PASSWORD")
    if given:
        return given
    if _interactive():
        return getpass.getpass(f"Password for {login}: ")
    return None


def new_password(prompt: str, variables: tuple[str, ...] = ("OPSDESK_NEW_PASSWORD",)) -> str:
    """A password to set: from the first of ``variables`` that is set, else asked twice on a
    terminal; empty is refused."""
    from opsdesk.services.people import check_password

    for name in variables:
        given = os.environ.get(name)
        if given:  # set and not empty ("" counts as not given)
            return check_password(given)
    if not _interactive():
        raise ValidationError(NO_TERMINAL, field="password", variable=variables[0])
    first = check_password(getpass.getpass(f"{prompt}: "))
    if getpass.getpass(f"{prompt} (again): ") != first:
        raise ValidationError(NOT_THE_SAME, field="password")
    return first


def sign_in(services, login: str | None):
    """The ``--user`` signed in (with the password if they have one). A manager without a
    password is refused with how to set one."""
    from opsdesk.services.people import PasswordNotSet

    if not login:
        raise ValidationError(SAY_WHO, field="user")
    try:
        return sign_in_raw(services.people, login)
    except PasswordNotSet as exc:
        raise AuthError(SET_IT_FIRST, login=exc.login) from None


def cmd_passwd(args) -> int:
    """Set the ``--user``'s own password (they sign in with the old one if they have one);
    a manager without a password sets their first one."""
    from opsdesk.services.people import PasswordNotSet

    if not args.user:
        raise ValidationError(SAY_WHO, field="user")
    from opsdesk.cli import _services

    services = _services(args)
    people = services.people
    try:
        actor = sign_in_raw(people, args.user)
    except PasswordNotSet as exc:
        people.set_first_password(exc.login, new_password(f"New password for {exc.login}"))
        print(f"password set for {exc.login}")
        return 0
    people.set_password(actor, actor.user_id, new_password(f"New password for {actor.login}"))
    print(f"password changed for {actor.login}")
    return 0


def sign_in_raw(people, login: str):
    """Sign in with OPSDESK_PASSWORD; without it, a password is asked on a terminal only
    of someone who has one. ``PasswordNotSet`` goes to the caller."""
    from opsdesk.services.people import PASSWORD_NEEDED

    given = os.environ.get("OPSDESK_PASSWORD") or None
    try:
        return people.authenticate(login, given)
    except AuthError as exc:
        if given is None and exc.template == PASSWORD_NEEDED and _interactive():
            return people.authenticate(login, getpass.getpass(f"Password for {login}: "))
        raise
