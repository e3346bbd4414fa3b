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
        "skipped": QCoreApplication.translate("Labels", "Skipped"),
    }
    return names.get(status, status)


def link_kind_name(kind: str) -> str:
    """A link kind's short name (FS, SS, FF, SF: "完成-开始"… in Chinese)."""
    names = {
        "FS": QCoreApplication.translate("LinkKinds", "FS", "finish-to-start link"),
        "SS": QCoreApplication.translate("LinkKinds", "SS", "start-to-start link"),
        "FF": QCoreApplication.translate("LinkKinds", "FF", "finish-to-finish link"),
        "SF": QCoreApplication.translate("LinkKinds", "SF", "start-to-finish link"),
    }
    return names.get(kind, kind)


def link_kind_help(kind: str) -> str:
    """What a link kind means, in a sentence (a tooltip)."""
    names = {
        "FS": QCoreApplication.translate("LinkKinds", "Finish to start: this task starts when the other finishes"),
        "SS": QCoreApplication.translate("LinkKinds", "Start to start: this task starts when the other starts"),
        "FF": QCoreApplication.translate("LinkKinds", "Finish to finish: this task finishes when the other finishes"),
        "SF": QCoreApplication.translate("LinkKinds", "Start to finish: this task finishes when the other starts"),
    }
    return names.get(kind, kind)


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
