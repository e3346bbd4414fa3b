"""Printable reports (the manager's weekly report)."""
