"""Sign-in: pick a person; a password only where one is set."""

from opsdesk.ui.login.dialog import LoginDialog

__all__ = ["LoginDialog"]
