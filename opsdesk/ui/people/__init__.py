"""People and roles (manager only). Exports ``PeopleView``."""

from opsdesk.ui.people.view import PeopleView

__all__ = ["PeopleView"]
