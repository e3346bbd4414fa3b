"""OpsDesk: a desktop tracker for teams that launch and run online shops."""

__version__ = "0.1.0"
