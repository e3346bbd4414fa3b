"""Reading numbers, dates and text the way shop backends and people write them (pure functions)."""

from __future__ import annotations

import datetime as dt
import re

_UNITS = {"万": 1e4, "w": 1e4, "亿": 1e8, "k": 1e3, "千": 1e3}
_STRIP = str.maketrans("", "", ",，  _¥￥$'")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋％", "0123456789.-+%")
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),
)
ENCODINGS = ("utf-8-sig", "utf-8", "gbk", "gb18030")


def parse_number(text: str | float | int) -> float:
    """``1,234.5``, ``12.5%`` (→ 12.5), ``20W``/``20万`` (→ 200000), ``1.5万``, ``¥3,000``.

    Raises ``ValueError`` for anything else (including empty text, NaN and infinities)."""
    if isinstance(text, bool):
        raise ValueError(text)
    if isinstance(text, int | float):
        value = float(text)
    else:
        try:
            value = float(text)  # the common cases first, fast
        except ValueError:
            try:
                value = float(text[:-1] if text[-1:] == "%" else text.replace(",", ""))
            except ValueError:
                value = _parse_text(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def _parse_text(text: str) -> float:
    s = text.strip().translate(_FULLWIDTH).translate(_STRIP)
    try:
        return float(s)
    except ValueError:
        if s.endswith("%"):
            s = s[:-1]
        factor = 1.0
        if s and s[-1].lower() in _UNITS:
            factor = _UNITS[s[-1].lower()]
            s = s[:-1]
        if not s or s.lower() in ("nan", "inf", "-inf", "infinity"):
            raise ValueError(text) from None
        return float(s) * factor


def parse_day(text: str | dt.date | dt.datetime) -> dt.date:
    """``2026-09-01``, ``2026/9/1``, ``2026.9.1``, ``20260901``, ``2026年9月1日``.

    Raises ``ValueError`` for other forms and for days that do not exist (2026-02-30)."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    s = str(text).strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.match(s)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    raise ValueError(text)


def detect_encoding(data: bytes) -> str:
    """UTF-8 with BOM, UTF-8, GBK or GB18030, in that order; ``ValueError`` if none fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    for encoding in ("utf-8", "gbk", "gb18030"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    raise ValueError("encoding")


def line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of a byte offset (for a decoding error)."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", errors="replace")) + 1


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (spreadsheet column names)."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out
