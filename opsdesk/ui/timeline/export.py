"""The timeline on paper and in files: PNG, paginated PDF (QPdfWriter), print with preview."""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from opsdesk.ui.timeline.frame import Frame, Overlay
from opsdesk.ui.timeline.layout import ROW_HEIGHT
from opsdesk.ui.timeline.painter import paint
from opsdesk.ui.timeline.scale import Scale

MAX_IMAGE_SIDE = 16_000
TITLE_H, FOOTER_H = 28, 20
PDF_DPI = 96
MARGIN_DAYS = 3
PAGES_PER_TURN = 8  # pages painted between two turns of the event loop (~50 ms)



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
    from opsdesk.services import files

    # (the stub says bytes; PySide6 6.11 refuses bytes here and takes the format as str)
    return image(f, whole).save(str(files.refuse_live(path)), "PNG")  # type: ignore[call-overload]


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


def page_painter(p: QPainter, device, f: Frame, whole: bool, title: str) -> Iterator[int]:
    """Paint the pages on ``device`` with the active painter ``p``, one page per step:
    yields the number of pages painted so far (the page count is ``page_count``)."""
    page_w, page_h = device.width(), device.height()
    base, rows, per_page = page_plan(f, whole, page_w, page_h)
    pages = max(1, math.ceil(len(rows) / per_page))
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
        yield page + 1


def paint_pages(device, f: Frame, whole: bool, title: str) -> int:
    """Paint on a QPdfWriter or QPrinter, one page after the other; returns the page count."""
    p = QPainter(device)
    pages = 0
    try:
        for pages in page_painter(p, device, f, whole, title):  # noqa: B007
            pass
    finally:
        p.end()
    return pages


def snapshot(f: Frame) -> Frame:
    """A frame of its own for a long export: the view may patch its data meanwhile (someone
    ticks a task off), and hover or selection are not printed."""
    return replace(f, data=copy.deepcopy(f.data), layout=copy.deepcopy(f.layout),
                   overlay=Overlay())


class PdfExport(QObject):
    """The timeline to a PDF file, a few pages per turn of the event loop so that the window
    stays responsive and Cancel works (a whole 100k-task plan is thousands of pages). The
    pages go to ``name.pdf.part`` first: the file is replaced only when every page is
    written, so a cancelled or failed export leaves an earlier file as it was."""

    sig_progress = Signal(int, int)
    """Pages painted, pages in all."""
    sig_done = Signal(int)
    """The page count, once the file is in place."""
    sig_failed = Signal(str)
    """Why the file could not be written."""
    sig_cancelled = Signal()

    def __init__(self, f: Frame, path: str | Path, whole: bool, title: str,
                 pages_per_turn: int = PAGES_PER_TURN, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.part = self.path.with_name(self.path.name + ".part")
        self.frame, self.whole, self.title = snapshot(f), whole, title
        self.pages_per_turn = max(1, pages_per_turn)
        self.total = 0
        self.pages = 0
        self.finished = False
        self._cancel = False
        self._writer: QPdfWriter | None = None
        self._painter: QPainter | None = None
        self._steps: Iterator[int] | None = None

    def start(self) -> None:
        writer = pdf_writer(self.part)
        painter = QPainter()
        if not painter.begin(writer):  # (said on the next turn, as every other outcome)
            message = QCoreApplication.translate(
                "Timeline", "{file} cannot be written: check the folder and its permissions.")
            QTimer.singleShot(0, lambda: self._fail(message.format(file=self.path)))
            return
        self._writer, self._painter = writer, painter
        self.total = page_count(self.frame, self.whole, writer.width(), writer.height())
        self._steps = page_painter(painter, writer, self.frame, self.whole, self.title)
        QTimer.singleShot(0, self._turn)

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> int:
        """Start and wait for the end (tools and tests); returns the page count, 0 when it
        failed or was cancelled."""
        self.start()
        while not self.finished:
            QCoreApplication.processEvents()
        return self.pages

    def _turn(self) -> None:
        if self.finished:
            return
        if self._cancel:
            self._close()
            self.part.unlink(missing_ok=True)
            self.finished = True
            self.sig_cancelled.emit()
            return
        assert self._steps is not None
        for _ in range(self.pages_per_turn):
            page = next(self._steps, None)
            if page is None:
                self._complete()
                return
            self.pages = page
        self.sig_progress.emit(self.pages, self.total)
        QTimer.singleShot(0, self._turn)

    def _complete(self) -> None:
        self._close()
        from opsdesk.services import files

        try:
            files.replace_user_file(self.part, self.path)
        except (OSError, files.LiveDatabaseFile) as exc:
            from opsdesk.ui.labels import error_text

            self.part.unlink(missing_ok=True)
            error = (exc.strerror or exc) if isinstance(exc, OSError) else error_text(exc)
            self._fail(QCoreApplication.translate("Timeline", "{file} cannot be written: {error}")
                       .format(file=self.path, error=error))
            return
        self.finished = True
        self.sig_progress.emit(self.pages, self.total)
        self.sig_done.emit(self.pages)

    def _close(self) -> None:
        if self._painter is not None and self._painter.isActive():
            self._painter.end()
        self._painter = self._writer = None
        self._steps = None

    def _fail(self, message: str) -> None:
        self._close()
        self.part.unlink(missing_ok=True)
        self.pages = 0
        self.finished = True
        self.sig_failed.emit(message)


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
    """Write the PDF and wait for it (see ``PdfExport``); the page count, 0 on failure."""
    return PdfExport(f, path, whole, title).run()


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
