"""Typed errors raised by the core, each with a translatable message.

The core does not import Qt, so messages are English templates marked with
``QT_TRANSLATE_NOOP("Errors", ...)`` for ``pyside6-lupdate``; the UI translates the
template with ``QCoreApplication.translate("Errors", template)`` and then fills in
``params``. The CLI prints the English text.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate knows
    return text


class OpsDeskError(Exception):
    """Base of every error a user may see; ``template`` is English with ``{name}`` fields."""

    template: str = QT_TRANSLATE_NOOP("Errors", "Something went wrong.")

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        if template is not None:
            self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return format_message(self.template, self.params)


def format_message(template: str, params: dict[str, Any]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class ValidationError(OpsDeskError):
    """Bad input; ``field`` names the field it is about (for showing it next to the field)."""

    template = QT_TRANSLATE_NOOP("Errors", "The input is not valid.")

    def __init__(self, template: str | None = None, /, field: str | None = None, **params: Any):
        self.field = field
        super().__init__(template, **params)


class PermissionDenied(OpsDeskError):
    template = QT_TRANSLATE_NOOP("Errors", "You are not allowed to do this.")


class NotFound(OpsDeskError):
    template = QT_TRANSLATE_NOOP("Errors", "The record no longer exists.")


class ConflictError(OpsDeskError):
    """Someone else changed the record since it was read (optimistic concurrency)."""

    template = QT_TRANSLATE_NOOP(
        "Errors", "Someone else changed this task since you opened it. Reload it or overwrite their change."
    )


class Cancelled(OpsDeskError):
    """A long action (import, export) was cancelled by the person; nothing was changed."""

    template = QT_TRANSLATE_NOOP("Errors", "Cancelled; nothing was changed.")


class AuthError(OpsDeskError):
    template = QT_TRANSLATE_NOOP("Errors", "Sign-in failed.")


class StorageError(OpsDeskError):
    """Anything about the database file or server."""

    template = QT_TRANSLATE_NOOP("Errors", "The database could not be used.")


class DatabaseMissing(StorageError):
    template = QT_TRANSLATE_NOOP("Errors", "There is no database at {path}.")


class DatabaseEmpty(StorageError):
    """The file is there but holds nothing (0 bytes): never filled in without being asked."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is empty: it holds no OpsDesk database. Choose another file or make a new plan there.",
    )


class NotAnOpsDeskDatabase(StorageError):
    template = QT_TRANSLATE_NOOP("Errors", "{path} is not an OpsDesk database.")


class CorruptDatabase(StorageError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path} is damaged and cannot be opened; restore a backup. The file was not changed."
    )


class NewerSchema(StorageError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} was written by a newer version of OpsDesk; it is open read-only. Update OpsDesk to change it.",
    )


class DatabaseLocked(StorageError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The database is busy: another program is writing to it. Try again in a moment."
    )


class ReadOnlyDatabase(StorageError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The database is open read-only; changes cannot be saved."
    )


class MigrationFailed(StorageError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "Updating the database to this version failed; it was left as it was. ({detail})"
    )


class BackupError(StorageError):
    template = QT_TRANSLATE_NOOP("Errors", "The backup failed: {detail}")


class FileWriteError(OpsDeskError):
    """An export or report could not be written; ``file`` is the target the person chose
    (never a temporary name), ``reason`` the system's words for why."""

    template = QT_TRANSLATE_NOOP("Errors", "{file} could not be written: {reason}")

    @classmethod
    def from_os(cls, target, exc: OSError) -> FileWriteError:
        return cls(file=str(target), reason=exc.strerror or str(exc))
