"""Draw OpsDesk's icon (a checked task on a calendar page) into resources/icons/.

``python packaging/make_icon.py`` writes opsdesk.png (256 px, the window icon) and
opsdesk.ico (256 px, the Windows executable and installer). The files are committed;
run this again only to change the drawing. On a Mac, make opsdesk.icns from the PNG with
``iconutil`` (not done here: no Mac was available).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int):
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1e6fd9"))
    p.drawRoundedRect(QRectF(16 * s, 24 * s, 224 * s, 216 * s), 36 * s, 36 * s)
    p.setBrush(QColor("white"))
    p.drawRoundedRect(QRectF(40 * s, 72 * s, 176 * s, 144 * s), 16 * s, 16 * s)
    p.setBrush(QColor("#1e6fd9"))
    for x in (72, 168):  # the calendar's rings
        p.drawRoundedRect(QRectF((x - 10) * s, 8 * s, 20 * s, 48 * s), 10 * s, 10 * s)
    tick = QPainterPath(QPointF(78 * s, 146 * s))
    tick.lineTo(QPointF(114 * s, 182 * s))
    tick.lineTo(QPointF(180 * s, 108 * s))
    pen = QPen(QColor("#2e9d4f"), 26 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)
    p.end()
    return img


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - image writers need the application
    OUT.mkdir(parents=True, exist_ok=True)
    if not draw(256).save(str(OUT / "opsdesk.png")):
        raise SystemExit("could not write opsdesk.png")
    if not draw(256).save(str(OUT / "opsdesk.ico")):  # Qt's ICO writer (imageformats/qico)
        raise SystemExit("could not write opsdesk.ico")
    print(f"wrote {OUT / 'opsdesk.png'} and {OUT / 'opsdesk.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
