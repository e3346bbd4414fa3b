"""The timeline on paper and in files: PNG, paginated PDF (QPdfWriter), print with preview."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from opsdesk.ui.timeline.frame import Frame
from opsdesk.ui.timeline.layout import ROW_HEIGHT
from opsdesk.ui.timeline.painter import paint
from opsdesk.ui.timeline.scale import Scale

MAX_IMAGE_SIDE = 16_000
TITLE_H, FOOTER_H = 28, 20
PDF_DPI = 96
MARGIN_DAYS = 3



def _span(f: Frame, whole: bool) -> tuple[int, int]:
    if whole:
        span = f.data.span() or (f.today, f.today)
        return span[0] - MARGIN_DAYS, span[1] + MARGIN_DAYS
    return f.visible_days()


def _rows(f: Frame, whole: bool) -> range:
    return range(0, f.layout.rows) if whole else f.visible_rows()


def image(f: Frame, whole: bool) -> QImage:
    """The whole plan (at the current zoom, capped at 16 000 px a side) or the visible part."""
    if whole:
        first, last = _span(f, whole)
        width = min(MAX_IMAGE_SIDE, f.row_header + int((last - first + 1) * f.scale.ppd))
        height = min(MAX_IMAGE_SIDE, f.header + f.layout.height())
        f = replace(f, width=width, height=height, scale=Scale(first, f.scale.ppd), x0=0.0, y0=0.0)
    img = QImage(f.width, f.height, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor("#ffffff"))
    p = QPainter(img)
    paint(p, f)
    p.end()
    return img


def save_png(f: Frame, path: str | Path, whole: bool) -> bool:
    return image(f, whole).save(str(path), "PNG")


def page_plan(f: Frame, whole: bool, page_w: int, page_h: int) -> tuple[Frame, range, int]:
    """The frame to paint each page with, the rows to print and how many fit on a page."""
    first, last = _span(f, whole)
    ppd = (page_w - f.row_header) / max(1, last - first + 1)
    per_page = max(1, (page_h - TITLE_H - FOOTER_H - f.header) // ROW_HEIGHT)
    base = replace(f, width=page_w, scale=Scale(first, ppd), x0=0.0)
    return base, _rows(f, whole), per_page


def page_count(f: Frame, whole: bool, page_w: int, page_h: int) -> int:
    _, rows, per_page = page_plan(f, whole, page_w, page_h)
    return max(1, math.ceil(len(rows) / per_page))


def paint_pages(device, f: Frame, whole: bool, title: str) -> int:
    """Paint on a QPdfWriter or QPrinter, one page after the other; returns the page count."""
    page_w, page_h = device.width(), device.height()
    base, rows, per_page = page_plan(f, whole, page_w, page_h)
    pages = max(1, math.ceil(len(rows) / per_page))
    p = QPainter(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            start = rows.start + page * per_page
            count = min(per_page, rows.stop - start)
            frame = replace(base, height=base.header + max(count, 0) * ROW_HEIGHT,
                            y0=float(start * ROW_HEIGHT))
            p.save()
            p.setPen(QColor("#263238"))
            p.drawText(QRectF(0, 0, page_w, TITLE_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
            p.translate(0, TITLE_H)
            p.setClipRect(QRectF(0, 0, page_w, frame.height))
            paint(p, frame)
            p.restore()
            p.setPen(QColor("#607d8b"))
            p.drawText(QRectF(0, page_h - FOOTER_H, page_w, FOOTER_H), Qt.AlignmentFlag.AlignCenter,
                       QCoreApplication.translate("Timeline", "Page {page} of {pages}").format(page=page + 1, pages=pages))
    finally:
        p.end()
    return pages


def pdf_writer(path: str | Path) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(10, 10, 10, 10),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle("OpsDesk timeline")
    writer.setCreator("OpsDesk")
    return writer


def save_pdf(f: Frame, path: str | Path, whole: bool, title: str) -> int:
    return paint_pages(pdf_writer(path), f, whole, title)


def print_with_preview(parent, f: Frame, whole: bool, title: str):
    """Open Qt's print preview (QtPrintSupport ships in PySide6-Essentials)."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setResolution(PDF_DPI)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("timelinePrintPreview")
    dialog.paintRequested.connect(lambda pr: paint_pages(pr, f, whole, title))
    return dialog
