"""Make cell values safe for spreadsheets (CSV/XLSX formula injection)."""

from __future__ import annotations

from typing import Any

# A cell starting with one of these is read as a formula (or DDE) by Excel, WPS and
# LibreOffice; full-width forms are included because IMEs type them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def safe_cell(value: Any) -> Any:
    """Return ``value`` for a spreadsheet cell with any formula neutralised.

    Numbers, dates, booleans and None pass through unchanged (a negative number is a
    number, not a formula). A string that would start a formula gets a leading
    apostrophe, which spreadsheets show as text and do not evaluate.
    """
    if isinstance(value, str):
        stripped = value.lstrip(" ")
        if stripped.startswith(FORMULA_STARTS) or value.startswith(FORMULA_STARTS):
            return "'" + value
    return value


def safe_row(values: list[Any] | tuple[Any, ...]) -> list[Any]:
    return [safe_cell(v) for v in values]
