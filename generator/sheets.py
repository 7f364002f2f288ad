"""Spreadsheets that staff save from older Excel (.xls) or LibreOffice (.ods), read with python-calamine."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def calamine_rows(path: Path) -> list[list[Any]]:
    """All rows of the first sheet as cell values (header included), empty cells as None, as
    openpyxl gives them for .xlsx: text, numbers, dates and datetimes."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    finally:
        book.close()
    return [[None if cell == "" else cell for cell in row] for row in rows]
