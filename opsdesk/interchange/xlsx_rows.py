"""Big XLSX sheets fast: openpyxl lays out the workbook, the body rows are streamed in.

openpyxl's write-only mode costs about 20 µs a cell whatever is appended (a cell object,
value checks and an XML element for every value, with lxml or without), so 100k tasks ×
14 columns took about 20 s. Here openpyxl still writes everything that needs care — styles,
the frozen header, column widths, the auto-filter, the header row, the workbook parts and
content types — and :func:`save` only adds the body rows to each sheet's ``<sheetData>``,
about 2 µs a cell with the compression:

- text is an inline string (as openpyxl's write-only mode writes it), XML-escaped, with
  the characters XML 1.0 cannot hold dropped (openpyxl refuses them and the whole file),
  and cut at Excel's 32,767 characters;
- ``int``, finite ``float`` and ``bool`` are numbers and booleans; a ``date`` is a serial
  number with the ``yyyy-mm-dd`` style openpyxl registered (:func:`date_style`), so
  spreadsheets show, sort and filter real dates; a ``datetime`` (naive, local time) is one
  with the ``yyyy-mm-dd hh:mm`` style;
- ``None`` and ``""`` leave the cell out; the sheet gets a ``<dimension>`` covering the rows.

XlsxWriter (constant-memory mode) was measured too: about 10 s for the same 100k rows, and
one more dependency with a style model of its own; openpyxl stays the one XLSX library.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Callable, Sequence
from itertools import count
from pathlib import Path
from typing import IO

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.datetime import to_excel

MAX_TEXT = 32767  # characters in one Excel cell
# What XML text cannot hold as it is: markup characters, CR (a parser reads it as LF),
# and C0 controls, lone surrogates and U+FFFE/U+FFFF, which XML 1.0 forbids altogether.
_NEEDS_WORK = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ROWS_PER_WRITE = 2000
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def date_style(ws, number_format: str = "yyyy-mm-dd") -> int:
    """The style id (``s=``) of a ``yyyy-mm-dd`` date cell (or another number format) in
    ``ws``'s workbook."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws)
    cell.number_format = number_format
    return cell.style_id


def text_xml(value: str) -> str:
    """``<t>`` element of an inline string."""
    value = value[:MAX_TEXT]
    if _NEEDS_WORK.search(value):
        value = _NEEDS_WORK.sub(lambda m: _ENTITIES.get(m.group(), ""), value)
    if value[:1].isspace() or value[-1:].isspace():
        return f'<t xml:space="preserve">{value}</t>'
    return f"<t>{value}</t>"


class RowWriter:
    """Turns rows of plain values into ``<row>`` elements."""

    def __init__(self, date_style_id: int, datetime_style_id: int | None = None):
        self.date_style = date_style_id
        self.datetime_style = datetime_style_id
        self.letters: list[str] = []
        self.serials: dict[dt.date, str] = {}

    def row(self, r: int, values: Sequence) -> str:
        if len(self.letters) < len(values):
            self.letters = [get_column_letter(i) for i in range(1, len(values) + 1)]
        n = str(r)
        cells = []
        for col, v in zip(self.letters, values, strict=False):
            if v is None or v == "":
                continue
            kind = type(v)
            if kind is str:
                cells.append(f'<c r="{col}{n}" t="inlineStr"><is>{text_xml(v)}</is></c>')
            elif kind is int or (kind is float and math.isfinite(v)):
                cells.append(f'<c r="{col}{n}"><v>{v!r}</v></c>')
            elif kind is dt.date:
                serial = self.serials.get(v)
                if serial is None:
                    serial = self.serials[v] = str(int(to_excel(v)))
                cells.append(f'<c r="{col}{n}" s="{self.date_style}"><v>{serial}</v></c>')
            elif kind is bool:
                cells.append(f'<c r="{col}{n}" t="b"><v>{int(v)}</v></c>')
            elif kind is dt.datetime and self.datetime_style is not None and v.tzinfo is None:
                cells.append(f'<c r="{col}{n}" s="{self.datetime_style}">'
                             f'<v>{round(to_excel(v), 8)!r}</v></c>')
            else:
                raise TypeError(f"cannot write {v!r} ({kind.__name__}) in a sheet cell")
        return f'<row r="{n}">{"".join(cells)}</row>'


def save(wb, out: Path | IO[bytes], bodies: dict, tick: Callable[[int], None] | None = None
         ) -> None:
    """Save the write-only workbook ``wb`` to ``out`` with ``bodies[ws]`` (a list of rows of
    plain values) as the rows of sheet ``ws`` after its first, the header ``ws.append``
    wrote. ``tick(rows_done)`` is called every 2,000 rows and after each sheet; it may raise
    to stop, leaving ``out`` incomplete (so write to a temporary name)."""
    first = next(iter(bodies))
    writer = RowWriter(date_style(first), date_style(first, DATETIME_FORMAT))
    skeleton = io.BytesIO()
    wb.save(skeleton)  # also names each sheet's part (ws.path)
    parts = {ws.path.lstrip("/"): rows for ws, rows in bodies.items()}
    done = 0
    with zipfile.ZipFile(skeleton) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            rows = parts.pop(info.filename, None)
            if rows is None:
                dst.writestr(info, src.read(info))
                continue
            head, tail = _around_rows(src.read(info), rows)
            with dst.open(info.filename, "w") as fh:
                fh.write(head)
                for first in range(0, len(rows), _ROWS_PER_WRITE):
                    batch = rows[first:first + _ROWS_PER_WRITE]
                    fh.write("".join(map(writer.row, count(first + 2), batch)).encode())
                    done += len(batch)
                    if tick is not None:
                        tick(done)
                fh.write(tail)
    if parts:
        raise ValueError(f"sheets not in the workbook: {sorted(parts)}")


def _around_rows(sheet: bytes, rows: Sequence[Sequence]) -> tuple[bytes, bytes]:
    """The sheet's XML before and after where the body rows go (the end of
    ``<sheetData>``), with a ``<dimension>`` that covers them: readers size rows by it."""
    head, end, tail = sheet.partition(b"</sheetData>")
    views = head.find(b"<sheetViews")
    if not end or views < 0:
        raise ValueError("not a worksheet as openpyxl writes it")
    header = [column_index_from_string(c.decode()) for c in re.findall(rb'<c r="([A-Z]+)1"', head)]
    width = max([len(r) for r in rows] + header + [1])
    dimension = f'<dimension ref="A1:{get_column_letter(width)}{len(rows) + 1}"/>'.encode()
    return head[:views] + dimension + head[views:], end + tail
