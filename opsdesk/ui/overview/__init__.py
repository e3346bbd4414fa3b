"""The Overview: the plan at a glance. Exports ``OverviewView``."""

from opsdesk.ui.overview.view import OverviewView

__all__ = ["OverviewView"]
