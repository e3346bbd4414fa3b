"""Reading a spreadsheet export (CSV in UTF-8/GBK/GB18030, or XLSX) into a header and rows.

Shared by the KPI import and the task import; every problem names the file, line and column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from opsdesk.errors import QT_TRANSLATE_NOOP, ValidationError
from opsdesk.services.kpi_parse import detect_encoding, line_and_column

MAX_MB = 50
TOO_BIG = QT_TRANSLATE_NOOP("Errors", "{file}: the file is {size} MB; files up to {limit} MB can be imported.")
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP("Errors", "{file}: the text is neither UTF-8 nor GBK/GB18030; save it as UTF-8 and try again.")
BAD_ENCODING = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}, column {column}: the text is not {encoding}; try GBK or GB18030.")
NOT_A_SHEET = QT_TRANSLATE_NOOP("Errors", "{file}: not a readable CSV or Excel (.xlsx) file.")
EMPTY = QT_TRANSLATE_NOOP("Errors", "{file}: the file has no rows.")


@dataclass(frozen=True)
class Table:
    """A file's header and rows as text (XLSX cells may be numbers or dates)."""

    path: str
    headers: list[str]
    rows: list[list]
    encoding: str = ""
    header_line: int = 1

    @property
    def name(self) -> str:
        return Path(self.path).name



def read_table(path: str | Path, encoding: str | None = None, max_mb: int = MAX_MB) -> Table:
    """Read a CSV (encoding detected unless given) or an XLSX file's first sheet."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise ValidationError(TOO_BIG, field="file", file=path.name, size=round(size / 2**20),
                              limit=max_mb)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    data = path.read_bytes()
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
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        raise ValidationError(EMPTY, field="file", file=path.name)
    return Table(str(path), [h.strip() for h in rows[0]], rows[1:], encoding)


def _read_xlsx(path: Path) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError(NOT_A_SHEET, field="file", file=path.name) from None
    try:
        rows = [["" if c is None else c for c in r] for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()
    while rows and not any(str(c).strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        raise ValidationError(EMPTY, field="file", file=path.name)
    return Table(str(path), [str(h).strip() for h in rows[0]], rows[1:], "xlsx")
