"""Text in a role's colour that stays readable: WCAG's contrast ratio, and the role's colour
darkened until it reaches 4.5:1 against the background (issue #16: the Planning role's
yellow #fdd835 as text on white could not be read)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor

MIN_CONTRAST = 4.5
"""WCAG 2 AA for normal text."""


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@lru_cache(maxsize=256)
def _readable(hex_: str, background: str) -> str:
    c, bg = QColor(hex_), QColor(background)
    h, s, lightness, a = c.hslHue(), c.hslSaturation(), c.lightness(), c.alpha()
    while contrast(c, bg) < MIN_CONTRAST and lightness > 0:
        lightness = max(0, lightness - 8)  # same hue and saturation, darker
        c = QColor.fromHsl(h, s, lightness, a)
    return c.name()


def readable_text(color: str | QColor, background: str = "#ffffff") -> QColor:
    """``color`` (a role's colour) as a text colour with at least ``MIN_CONTRAST`` against
    ``background``: unchanged when it already has it, else darkened."""
    name = color.name() if isinstance(color, QColor) else QColor(color).name()
    return QColor(_readable(name, QColor(background).name()))
