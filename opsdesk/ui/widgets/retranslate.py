"""Widgets that set their text in ``retranslate_ui()``, again on every language switch."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mix in before the Qt class: calls ``self.retranslate_ui()`` on
    ``QEvent.LanguageChange`` (sent to every widget when a translator is installed)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
