"""Activity: the change log. Exports ``ActivityView``."""

from opsdesk.ui.activity.view import ActivityView

__all__ = ["ActivityView"]
