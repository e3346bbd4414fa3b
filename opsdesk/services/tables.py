"""Reading a spreadsheet export (CSV in UTF-8/GBK/GB18030, or XLSX) into a header and rows.

Shared by the KPI import and the task import; every problem names the file, line and column.
Rows keep the line (CSV) or row number (XLSX) they start on, so problems name the real place
even after blank leading rows or a quoted cell that spans lines. The header is the first
non-empty row, unless a later one among the first few names known columns (a group row
above the header, as merged cells give). An XLSX file's later sheets whose header is the
first sheet's are read as more rows of the same table (a per-phase export); other sheets are
listed in ``skipped_sheets``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError
from opsdesk.services.kpi_parse import detect_encoding, line_and_column, parse_day

MAX_MB = 50
TOO_BIG = QT_TRANSLATE_NOOP("Errors", "{file}: the file is {size} MB; files up to {limit} MB can be imported.")
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP("Errors", "{file}: the text is neither UTF-8 nor GBK/GB18030; save it as UTF-8 and try again.")
BAD_ENCODING = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: the text is not {encoding}; try GBK or GB18030.")
NOT_A_SHEET = QT_TRANSLATE_NOOP("Errors", "{file}: not a readable CSV or Excel (.xlsx) file.")
EMPTY = QT_TRANSLATE_NOOP("Errors", "{file}: the file has no rows.")
HEADER_SEARCH = 10  # non-empty rows looked at for a header naming known columns
# Excel serial day numbers taken as dates: 1954-10-03 … 2119-01-10.
SERIAL_DAYS = (20000, 80000)
_SERIAL = re.compile(r"^\d{5}(?:\.\d*)?$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 61 = 1900-03-01 (Excel counts a 29 Feb 1900)


@dataclass(frozen=True)
class Table:
    """A file's header and rows as text (XLSX cells may be numbers or dates).

    ``lines[i]`` is the line (CSV) or row number (XLSX) row ``i`` starts on; ``sheets`` lists
    (first row index, sheet name) when rows come from more than one sheet."""

    path: str
    headers: list[str]
    rows: list[list]
    encoding: str = ""
    header_line: int = 1
    lines: list[int] | None = None
    sheets: list[tuple[int, str]] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return Path(self.path).name

    def line(self, index: int) -> int:
        """The line or sheet row number of ``rows[index]``."""
        if self.lines is not None and index < len(self.lines):
            return self.lines[index]
        return self.header_line + 1 + index

    def where(self, index: int) -> str:
        """The file name, with the sheet's when the rows come from several sheets."""
        if not self.sheets:
            return self.name
        sheet = self.sheets[0][1]
        for first, title in self.sheets:
            if first > index:
                break
            sheet = title
        return f"{self.name} [{sheet}]"


def parse_sheet_day(value) -> dt.date:
    """A day as :func:`parse_day` reads it, or an Excel serial day number (a number, or text
    of one, between 20000 and 80000: the 1900 date system). Raises ``ValueError``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        serial = value
    elif isinstance(value, str) and _SERIAL.match(value.strip()):
        serial = float(value.strip())
    else:
        return parse_day(value)
    if not SERIAL_DAYS[0] <= serial < SERIAL_DAYS[1]:
        raise ValueError(value)
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def _known_headers() -> set[str]:
    from opsdesk.services.exports import COLUMNS

    return {_key(name) for key, names in COLUMNS.items() for name in (key, *names)}


def _key(text) -> str:
    return re.sub(r"\s+", "", str(text or "")).lower()


def _header_at(rows: list, known: set[str]) -> int | None:
    """Index of the header row: the first of the first few non-empty rows with two or more
    cells naming known columns, else the first non-empty row; None if all are empty."""
    first = None
    seen = 0
    for i, row in enumerate(rows):
        if not any(str(c).strip() for c in row):
            continue
        if first is None:
            first = i
        if sum(1 for c in row if _key(c) in known) >= 2:
            return i
        seen += 1
        if seen >= HEADER_SEARCH:
            break
    return first


def read_table(path: str | Path, encoding: str | None = None, max_mb: int = MAX_MB,
               known: Iterable[str] | None = None) -> Table:
    """Read a CSV (encoding detected unless given) or an XLSX file's sheets. ``known``:
    column names that mark the header row (default: the task list's columns)."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise ValidationError(TOO_BIG, field="file", file=path.name, size=round(size / 2**20),
                              limit=max_mb)
    known = _known_headers() if known is None else {_key(k) for k in known}
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, known)
    from opsdesk.store import files

    data = files.read_user_bytes(path)  # refuses the open database and its -wal/-shm
    if encoding is None:
        try:
            encoding = detect_encoding(data)
        except ValueError:
            raise ValidationError(UNKNOWN_ENCODING, field="file", file=path.name) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = line_and_column(data, exc.start)
        raise ValidationError(BAD_ENCODING, field="file", file=path.name, line=line, column=column,
                              encoding=encoding.upper()) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, lines = [], []
    last = 0
    for row in reader:  # a quoted cell may span lines: each row starts after the last one
        rows.append(row)
        lines.append(last + 1)
        last = reader.line_num
    start = _header_at(rows, known)
    if start is None:
        raise ValidationError(EMPTY, field="file", file=path.name)
    return Table(str(path), [h.strip() for h in rows[start]], rows[start + 1:], encoding,
                 header_line=lines[start], lines=lines[start + 1:])


def _read_xlsx(path: Path, known: set[str]) -> Table:
    import zipfile

    from openpyxl import load_workbook

    from opsdesk.interchange import xlsx_read
    from opsdesk.store import files

    try:
        files.refuse_live(path)  # the open database (or its -wal/-shm) is never read
        xlsx_read.check_unpacked(path, path.name)  # limits checked before openpyxl reads
        wb = load_workbook(files.refuse_live(path), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError(NOT_A_SHEET, field="file", file=path.name) from None
    headers: list[str] | None = None
    header_line = 1
    rows: list[list] = []
    lines: list[int] = []
    sheets: list[tuple[int, str]] = []
    skipped: list[str] = []
    try:
        for ws in wb.worksheets:
            cells = xlsx_read.sheet_values(ws, path.name)  # every row, within the limits
            start = _header_at(cells, known)
            if start is None:
                continue  # an empty sheet
            head = [str(h).strip() for h in cells[start]]
            if headers is None:
                headers, header_line = head, start + 1
            elif _trimmed(head) != _trimmed(headers):
                skipped.append(ws.title)
                continue
            sheets.append((len(rows), ws.title))
            rows.extend(cells[start + 1:])
            lines.extend(range(start + 2, len(cells) + 1))
    finally:
        wb.close()
    if headers is None:
        raise ValidationError(EMPTY, field="file", file=path.name)
    return Table(str(path), headers, rows, "xlsx", header_line=header_line, lines=lines,
                 sheets=sheets if len(sheets) > 1 else [], skipped_sheets=skipped)


def _trimmed(headers: list[str]) -> list[str]:
    while headers and not headers[-1]:
        headers = headers[:-1]
    return headers
