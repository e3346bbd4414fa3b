"""Translated names of stored values (statuses, priorities) and of core error messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from opsdesk.errors import OpsDeskError, format_message


def status_name(status: str) -> str:
    names = {
        "todo": QCoreApplication.translate("Labels", "To do"),
        "doing": QCoreApplication.translate("Labels", "In progress"),
        "done": QCoreApplication.translate("Labels", "Done"),
        "blocked": QCoreApplication.translate("Labels", "Blocked"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
    }
    return names.get(status, status)


def priority_name(priority: str) -> str:
    names = {
        "low": QCoreApplication.translate("Labels", "Low"),
        "normal": QCoreApplication.translate("Labels", "Normal"),
        "high": QCoreApplication.translate("Labels", "High"),
        "urgent": QCoreApplication.translate("Labels", "Urgent"),
    }
    return names.get(priority, priority)


def error_text(exc: OpsDeskError) -> str:
    """The error's message in the interface language (core templates are marked for lupdate)."""
    template = QCoreApplication.translate("Errors", exc.template)
    params = {k: QCoreApplication.translate("Errors", v) if isinstance(v, str) else v
              for k, v in exc.params.items()}
    return format_message(template, params)
