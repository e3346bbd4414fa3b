"""My work: the signed-in person's to-do list and the routine editor. Exports ``MyWorkView``."""

from opsdesk.ui.mywork.view import MyWorkView

__all__ = ["MyWorkView"]
