"""Reading a spreadsheet export (CSV in UTF-8/GBK/GB18030, or a .xlsx/.xls/.ods workbook
read with python-calamine, see ``interchange/xlsx_read.py``) into a header and rows.

Shared by the KPI import and the task import; every problem names the file, line and column.
Rows keep the line (CSV) or row number (XLSX) they start on, so problems name the real place
even after blank leading rows or a quoted cell that spans lines. The header is the first
non-empty row, unless a later one among the first few names known columns (a group row
above the header, as merged cells give, or a shop export's title lines), or the row the
caller names (``header_row``, the line number). A workbook's later sheets whose header is the
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
NOT_A_SHEET = QT_TRANSLATE_NOOP("Errors", "{file}: not a readable CSV, Excel (.xlsx, .xls) or OpenDocument (.ods) file.")
NO_SUCH_ROW = QT_TRANSLATE_NOOP("Errors", "{file}: line {line} is empty or beyond the end of the file; pick the line that holds the column names.")
EMPTY = QT_TRANSLATE_NOOP("Errors", "{file}: the file has no rows.")
HEADER_SEARCH = 10  # non-empty rows looked at for a header naming known columns
TOP_ROWS = 15  # rows kept from the top of a file, to pick its header row from
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an .xls (Excel 97–2003) file's first bytes
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
    header_found: bool = True  # named known columns, or picked; False: the first row, a guess
    looked_at: tuple[int, ...] = ()  # the lines looked at for the header
    top: tuple[tuple[int, tuple], ...] = ()  # (line, cells) of the first sheet's top rows

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
    return _find_header(rows, known)[0]


def _find_header(rows: list, known: set[str]) -> tuple[int | None, bool, list[int]]:
    """(index of the header row, whether it names known columns, indexes looked at)."""
    first = None
    looked: list[int] = []
    for i, row in enumerate(rows):
        if not any(str(c).strip() for c in row):
            continue
        if first is None:
            first = i
        looked.append(i)
        if sum(1 for c in row if _key(c) in known) >= 2:
            return i, True, looked
        if len(looked) >= HEADER_SEARCH:
            break
    return first, False, looked


def _pick_header(rows: list, lines: list[int], known: set[str], header_row: int | None,
                 name: str) -> tuple[int | None, bool, tuple[int, ...]]:
    """The header row's index: at line ``header_row`` when given, else found."""
    if header_row is None:
        start, found, looked = _find_header(rows, known)
        return start, found, tuple(lines[i] for i in looked)
    for i, line in enumerate(lines):
        if line == header_row and any(str(c).strip() for c in rows[i]):
            return i, True, (line,)
    raise ValidationError(NO_SUCH_ROW, field="file", file=name, line=header_row)


def _top(rows: list, lines: list[int]) -> tuple[tuple[int, tuple], ...]:
    return tuple((lines[i], tuple(rows[i])) for i in range(min(TOP_ROWS, len(rows))))


def read_table(path: str | Path, encoding: str | None = None, max_mb: int = MAX_MB,
               known: Iterable[str] | None = None, header_row: int | None = None) -> Table:
    """Read a CSV (encoding detected unless given) or a workbook's sheets (.xlsx, .xls,
    .ods, told by the file's first bytes, whatever its name). ``known``: column names that
    mark the header row (default: the task list's columns); ``header_row``: the line (CSV)
    or sheet row number of the header, instead of looking for it."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise ValidationError(TOO_BIG, field="file", file=path.name, size=round(size / 2**20),
                              limit=max_mb)
    known = _known_headers() if known is None else {_key(k) for k in known}
    from opsdesk.store import files

    data = files.read_user_bytes(path)  # refuses the open database and its -wal/-shm
    if data[:4] == b"PK\x03\x04" or data[:8] == _OLE or (
            path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods")):
        return _read_workbook(path, data, known, header_row)
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
    start, found, looked = _pick_header(rows, lines, known, header_row, path.name)
    if start is None:
        raise ValidationError(EMPTY, field="file", file=path.name)
    return Table(str(path), [h.strip() for h in rows[start]], rows[start + 1:], encoding,
                 header_line=lines[start], lines=lines[start + 1:], header_found=found,
                 looked_at=looked, top=_top(rows, lines))


def _read_workbook(path: Path, data: bytes, known: set[str], header_row: int | None) -> Table:
    from opsdesk.interchange import xlsx_read

    try:
        workbook = xlsx_read.read_workbook(data, path.name)  # within the limits
    except ValidationError as exc:
        if exc.template == xlsx_read.NOT_A_WORKBOOK:
            raise ValidationError(NOT_A_SHEET, field="file", file=path.name) from None
        raise
    headers: list[str] | None = None
    header_line = 1
    found = True
    looked: tuple[int, ...] = ()
    top: tuple[tuple[int, tuple], ...] = ()
    rows: list[list] = []
    lines: list[int] = []
    sheets: list[tuple[int, str]] = []
    skipped: list[str] = []
    for sheet in workbook:
        cells = sheet.rows
        numbers = list(range(1, len(cells) + 1))
        if headers is None:
            start, found, looked = _pick_header(cells, numbers, known, header_row, path.name)
        else:
            start = _header_at(cells, known)
        if start is None:
            continue  # an empty sheet
        head = [str(h).strip() for h in cells[start]]
        if headers is None:
            headers, header_line = head, start + 1
            top = _top(cells, numbers)
        elif _trimmed(head) != _trimmed(headers):
            skipped.append(sheet.title)
            continue
        sheets.append((len(rows), sheet.title))
        rows.extend(cells[start + 1:])
        lines.extend(range(start + 2, len(cells) + 1))
    if headers is None:
        raise ValidationError(EMPTY, field="file", file=path.name)
    return Table(str(path), headers, rows, path.suffix.lower().lstrip(".") or "xlsx",
                 header_line=header_line, lines=lines,
                 sheets=sheets if len(sheets) > 1 else [], skipped_sheets=skipped,
                 header_found=found, looked_at=looked, top=top)


def _trimmed(headers: list[str]) -> list[str]:
    while headers and not headers[-1]:
        headers = headers[:-1]
    return headers
