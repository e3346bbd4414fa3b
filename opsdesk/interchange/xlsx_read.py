"""Reading spreadsheet workbooks (.xlsx, .xls, .ods) whatever their ``<dimension>`` says,
within named limits, with python-calamine (one fast, maintained reader for all three).

openpyxl's read-only mode sized a sheet by its ``<dimension ref=…>`` element and stopped at
the row it names, and it cannot read ``.xls`` or ``.ods`` at all; calamine (Rust) reads every
cell there is, about ten times faster. :func:`read_workbook` gives each sheet's rows as plain
values (``""`` for an empty cell, whole numbers as ``int``, date cells as dates), every row as
wide as its sheet, the sheet's first row first (leading empty rows kept, so row numbers are
the sheet's own).

The 50 MB limit on the file (``tables.MAX_MB``) is on the compressed workbook, and XML
compresses 10–100 times: a 39 MB file held 3 million rows. So before calamine reads
anything, :func:`check_unpacked` refuses a zipped workbook (.xlsx, .ods) whose parts unpack
to more than :data:`MAX_UNPACKED_MB` (Python's zipfile never inflates a part beyond the size
its directory declares, so the declared sizes bound the work), and before an .xlsx sheet is
read, its XML is scanned (:func:`scan_sheet`: one streaming pass, no cells built) and a sheet
beyond :data:`MAX_ROWS` rows or :data:`MAX_COLUMNS` columns is refused. An .xls file is not
compressed (the 50 MB bounds it); its sheets, like an .ods file's, are measured by calamine
before any Python value is made. A year of per-product daily rows from a shop backend is
about 100k–500k rows of a dozen or two columns, well within.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from openpyxl.utils import column_index_from_string

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError

MAX_UNPACKED_MB = 400  # all parts of a workbook, unpacked
MAX_ROWS = 1_000_000  # per sheet
MAX_COLUMNS = 1_000  # per sheet (Excel allows 16,384; shop exports use a few dozen)

TOO_BIG_UNPACKED = QT_TRANSLATE_NOOP(
    "Errors", "{file}: the workbook unpacks to {size} MB; OpsDesk reads at most {max_mb} MB "
    "and {max_rows} rows per sheet.")
TOO_BIG_SHEET = QT_TRANSLATE_NOOP(
    "Errors", "{file}: the sheet “{sheet}” has {rows} rows and {columns} columns; OpsDesk "
    "reads at most {max_rows} rows and {max_columns} columns per sheet.")
DAMAGED_SHEET = QT_TRANSLATE_NOOP(
    "Errors", "{file}: the sheet “{sheet}” is damaged and cannot be read.")
NOT_A_WORKBOOK = QT_TRANSLATE_NOOP(
    "Errors", "{file}: not a readable Excel (.xlsx, .xls) or OpenDocument (.ods) workbook.")
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")  # what read_workbook reads
# What a damaged part of a workbook raises while it is read.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, SyntaxError)

_CHUNK = 1 << 20
_CARRY = 4096  # unparsed bytes kept between chunks: more than any <row …> or <c …> tag
_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")
_ROW_NUMBER = re.compile(rb"<(?:\w+:)?row\s[^>]*?\br=\"(\d+)\"")
_CELL_COLUMN = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,3})\d")


def _mb(size: int) -> int:
    return max(1, round(size / 2**20))


def _limits() -> dict[str, str]:
    return {"max_mb": f"{MAX_UNPACKED_MB:,}", "max_rows": f"{MAX_ROWS:,}",
            "max_columns": f"{MAX_COLUMNS:,}"}


def check_unpacked(source: str | Path | IO[bytes], name: str) -> None:
    """Refuse (``ValidationError``) a workbook whose parts unpack to more than the limit.
    Raises ``zipfile.BadZipFile`` for what is not a zip file at all."""
    with zipfile.ZipFile(source) as archive:
        size = sum(info.file_size for info in archive.infolist())
    if size > MAX_UNPACKED_MB * 2**20:
        raise ValidationError(TOO_BIG_UNPACKED, field="file", file=name, size=f"{_mb(size):,}",
                              **_limits())


def scan_sheet(xml: IO[bytes]) -> tuple[int, int]:
    """(rows, columns) a sheet's XML holds, read in one streaming pass without building
    cells: the last row number (or the number of rows, when they are not numbered) and the
    rightmost column any cell names."""
    rows = tags = width = 0
    carry = b""
    while chunk := xml.read(_CHUNK):
        data = carry + chunk
        cut = data.rfind(b">") + 1
        body, carry = data[:cut], data[cut:][-_CARRY:]
        tags += len(_ROW_TAG.findall(body))
        numbers = _ROW_NUMBER.findall(body)
        if numbers:
            rows = max(rows, max(map(int, numbers)))
        columns = set(_CELL_COLUMN.findall(body))
        if columns:
            widest = max(columns, key=lambda c: (len(c), c))
            width = max(width, column_index_from_string(widest.decode()))
    return max(rows, tags), width


@dataclass(frozen=True)
class Sheet:
    """One sheet's name and rows (the sheet's row 1 first)."""

    title: str
    rows: list[list]


def read_workbook(data: bytes, name: str) -> list[Sheet]:
    """Every worksheet of the workbook in ``data`` (.xlsx, .xlsm, .xls or .ods: the format
    is told from the bytes), within the limits. ``name`` (the file's) is for messages.
    Raises ``ValidationError``: not a workbook, beyond the limits, a damaged sheet."""
    import python_calamine as pc

    zipped = data[:4] == b"PK\x03\x04"
    parts: set[str] = set()
    if zipped:
        try:
            check_unpacked(io.BytesIO(data), name)
            with _archive(data) as archive:
                parts = set(archive.namelist())
        except _DAMAGED:
            raise ValidationError(NOT_A_WORKBOOK, field="file", file=name) from None
    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (pc.CalamineError, *_DAMAGED, ValueError):
        raise ValidationError(NOT_A_WORKBOOK, field="file", file=name) from None
    sheets: list[Sheet] = []
    try:
        xml_parts = _sheet_parts(data) if "xl/workbook.xml" in parts else {}
        for meta in wb.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            part = xml_parts.get(meta.name)
            if part is not None:  # .xlsx: measured from its XML before calamine reads it
                with _archive(data) as archive, archive.open(part) as xml:
                    _check_shape(name, meta.name, *scan_sheet(xml))
            try:
                sheet = wb.get_sheet_by_name(meta.name)
            except (pc.CalamineError, *_DAMAGED, ValueError):
                raise ValidationError(DAMAGED_SHEET, field="file", file=name,
                                      sheet=meta.name) from None
            sheets.append(Sheet(meta.name, sheet_values(sheet, name)))
    finally:
        wb.close()
    return sheets


def sheet_values(ws, name: str) -> list[list]:
    """Every row of the calamine sheet ``ws`` (a ``CalamineSheet``) as a list of values
    (``""`` for an empty cell), each as wide as the sheet; refuses (``ValidationError``) a
    sheet beyond :data:`MAX_ROWS` rows or :data:`MAX_COLUMNS` columns before any Python
    value is made."""
    import python_calamine as pc

    _check_shape(name, ws.name, *_extent(ws))
    try:
        return _plain(ws.to_python(skip_empty_area=False))
    except (pc.CalamineError, *_DAMAGED):
        raise ValidationError(DAMAGED_SHEET, field="file", file=name, sheet=ws.name) from None


def _archive(data: bytes) -> zipfile.ZipFile:
    """The zipped workbook in memory (the caller read the file through store/files.py)."""
    source = io.BytesIO(data)
    return zipfile.ZipFile(source)


def _extent(sheet) -> tuple[int, int]:
    """(rows, columns) of a calamine sheet counted from A1."""
    end = sheet.end
    if end is None:
        return 0, 0
    return end[0] + 1, end[1] + 1


_SHEET_REL = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"')
_SHEET_REL_REV = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"[^>]*?\bname="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"')
_REL_REV = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"')


def _sheet_parts(data: bytes) -> dict[str, str]:
    """Sheet name → the zip part of its XML in an .xlsx workbook (what is not found is
    measured by calamine instead)."""
    from html import unescape

    out: dict[str, str] = {}
    try:
        with _archive(data) as archive:
            book = archive.read("xl/workbook.xml")
            rels = archive.read("xl/_rels/workbook.xml.rels")
            names = set(archive.namelist())
    except (KeyError, *_DAMAGED):
        return out
    targets = {rid: target for rid, target in _REL.findall(rels)}
    targets.update({rid: target for target, rid in _REL_REV.findall(rels)})
    pairs = _SHEET_REL.findall(book) + [(n, r) for r, n in _SHEET_REL_REV.findall(book)]
    for sheet_name, rid in pairs:
        target = targets.get(rid, b"").decode()
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if part in names:
            out[unescape(sheet_name.decode())] = part
    return out


def _plain(rows: list[list]) -> list[list]:
    """calamine's cells as the importers take them: whole numbers as ``int`` (an id, a
    count), a date-time at midnight stays a ``date``; trailing empty rows dropped and every
    row as wide as the widest."""
    out = [[int(c) if c.__class__ is float and c.is_integer() and -2**53 < c < 2**53 else c
            for c in row] for row in rows]
    while out and not any(c != "" for c in out[-1]):
        out.pop()
    width = 0
    for row in out:
        end = len(row)
        while end and row[end - 1] == "":
            end -= 1
        width = max(width, end)
    return [row[:width] if len(row) >= width else row + [""] * (width - len(row))
            for row in out]


def _check_shape(name: str, sheet: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise ValidationError(TOO_BIG_SHEET, field="file", file=name, sheet=sheet,
                              rows=f"{rows:,}", columns=f"{columns:,}", **_limits())
