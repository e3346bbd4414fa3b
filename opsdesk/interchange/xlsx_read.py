"""Reading an XLSX sheet's rows whatever its ``<dimension>`` says, within named limits.

openpyxl's read-only mode sizes a sheet by its ``<dimension ref=…>`` element and stops at the
row it names, so a workbook whose dimension understates it lost rows without a word;
:func:`sheet_values` forgets the dimension and reads every row there is.

The 50 MB limit on the file (``tables.MAX_MB``) is on the compressed workbook, and XML
compresses 10–100 times: a 39 MB file held 3 million rows. So before openpyxl reads anything,
:func:`check_unpacked` refuses a workbook whose parts unpack to more than
:data:`MAX_UNPACKED_MB` (Python's zipfile never inflates a part beyond the size its
directory declares, so the declared sizes bound the work), and before a sheet is read whole,
:func:`sheet_values` scans its XML (one streaming pass, no cells built) and refuses more than
:data:`MAX_ROWS` rows or cells beyond column :data:`MAX_COLUMNS`. A year of per-product daily
rows from a shop backend is about 100k–500k rows of a dozen or two columns, well within.
"""

from __future__ import annotations

import re
import zipfile
import zlib
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


def sheet_values(ws, name: str) -> list[list]:
    """Every row of the read-only openpyxl sheet ``ws`` as a list of values (``""`` for an
    empty cell), each as wide as the sheet, whatever its ``<dimension>`` says; refuses
    (``ValidationError``) a sheet beyond :data:`MAX_ROWS` rows or :data:`MAX_COLUMNS`
    columns before reading it whole."""
    try:
        return _read(ws, name)
    except _DAMAGED:
        raise ValidationError(DAMAGED_SHEET, field="file", file=name, sheet=ws.title) from None


def _read(ws, name: str) -> list[list]:
    source = getattr(ws, "_get_source", None)  # openpyxl's own reader of the sheet's XML
    if source is not None:
        with source() as xml:
            rows, columns = scan_sheet(xml)
        _check_shape(name, ws.title, rows, columns)
    ws.reset_dimensions()
    values: list[list] = []
    for n, row in enumerate(ws.iter_rows(values_only=True), 1):
        if n > MAX_ROWS:  # the scan missed it (no scan): still never more than the limit
            _check_shape(name, ws.title, n, len(row))
        end = len(row)
        while end and (row[end - 1] is None or row[end - 1] == ""):
            end -= 1
        if end > MAX_COLUMNS:
            _check_shape(name, ws.title, n, end)
        values.append(["" if c is None else c for c in row[:end]])
    width = max(map(len, values), default=0)
    for row in values:  # every row as wide as the sheet, as with a right <dimension>
        row.extend([""] * (width - len(row)))
    return values


def _check_shape(name: str, sheet: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise ValidationError(TOO_BIG_SHEET, field="file", file=name, sheet=sheet,
                              rows=f"{rows:,}", columns=f"{columns:,}", **_limits())
