"""Widgets that set their text in ``retranslate_ui()``, again on every language switch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _MixinBase = QWidget  # (the checker sees the mixin as the widget it is mixed into)
else:
    _MixinBase = object


class Retranslating(_MixinBase):
    """Mix in before the Qt class: calls ``self.retranslate_ui()`` on
    ``QEvent.LanguageChange`` (sent to every widget when a translator is installed)."""

    if TYPE_CHECKING:
        def retranslate_ui(self) -> None: ...

        # ``View.tr(…, "", n)`` on the class, as module functions call it for lupdate (PySide6
        # allows it; the stub types ``tr`` as an instance method only)
        @classmethod
        def tr(cls, sourceText: str, /, disambiguation: str | None = ...,
               n: int = ...) -> str: ...

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            refit_combos(self)
        super().changeEvent(event)


def refit_combos(widget: QWidget) -> None:
    """Combo boxes size themselves to their items once, when first shown: after a live
    language switch they would keep the other language's width ("Everyc", "Phas"). Asking
    again makes them measure their new texts (issue #16)."""
    from PySide6.QtWidgets import QComboBox

    for combo in widget.findChildren(QComboBox):
        policy = combo.sizeAdjustPolicy()
        if policy == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setSizeAdjustPolicy(policy)  # (the new size stays until the next switch)
