"""Team: workload per role and person, and reassigning. Exports ``TeamView``."""

from opsdesk.ui.team.view import TeamView

__all__ = ["TeamView"]
