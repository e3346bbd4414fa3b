"""The fonts for Chinese text, per system (the interface, printed lists and the weekly PDF).

Windows: Microsoft YaHei (UI), on every Windows since Vista, then a Noto CJK installed by
hand. macOS: PingFang SC, then Hiragino Sans GB. Linux: Noto Sans CJK SC (Debian's
``fonts-noto-cjk``), then WenQuanYi. Whatever is first on this system wins; without any of
them, the first family Qt lists for Simplified Chinese.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED_CJK = {
    "win32": ["Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC",
              "DengXian", "SimHei"],
    "darwin": ["PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC",
               "Heiti SC", "STHeiti"],
    "linux": ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
              "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback"],
}


def preferred_cjk(platform: str = sys.platform) -> list[str]:
    return PREFERRED_CJK.get(platform, PREFERRED_CJK["linux"])


def cjk_family(platform: str = sys.platform) -> str | None:
    """The Chinese font family to use here, or None when no font can show Chinese."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        return None
    for wanted in preferred_cjk(platform):
        for family in families:  # "Noto Sans CJK SC" may be listed as "Noto Sans CJK SC [GOOG]"
            if family == wanted or family.startswith(wanted + " ["):
                return family
    return families[0]


def cjk_font(point_size: float = 10.0) -> QFont:
    """A font that shows Chinese (the system default when none does)."""
    family = cjk_family()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(point_size)
    return font


def add_cjk_fallback(font: QFont, platform: str = sys.platform) -> QFont:
    """``font`` with this system's Chinese font as its fallback (Qt's own fallback on
    Windows picks SimSun, a bitmap-era serif, for Chinese in a Latin UI font)."""
    family = cjk_family(platform)
    if family and family not in font.families():
        font.setFamilies([*(font.families() or [font.family()]), family])
    return font


LATIN_FOR_PDF = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial"]
"""Latin text fonts for PDFs, before the Chinese one (see ``pdf_font``)."""


def pdf_font(point_size: float = 10.0, platform: str = sys.platform) -> QFont:
    """The font for PDFs (weekly report, printed lists): on Linux a Latin font first with the
    Chinese one behind it. Qt's PDF writer gives Latin runs set in Noto Sans CJK glyphs with no
    text behind them: the PDF shows the digits, but searching, copying and pdftotext lose every
    digit of an English report. Windows' Microsoft YaHei and macOS' PingFang do not have this."""
    font = cjk_font(point_size)
    if platform in ("win32", "darwin"):
        return font
    have = set(QFontDatabase.families())
    latin = next((f for f in LATIN_FOR_PDF if f in have), None)
    if latin is not None:
        font.setFamilies([latin, *(font.families() or [font.family()])])
    return font

