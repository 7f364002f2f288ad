"""Read a dataset file (CSV with or without BOM, .xlsx, or YAML rows) into typed rows.

Cells are parsed strictly: a number may carry thousands separators or Thai
digits but nothing else; a wrong cell is an error naming file, row and column.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pythainlp.util import thai_digit_to_arabic_digit

from ...errors import ContentError, error
from ...thai import parse_date

_NUMBER = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


@dataclass
class Column:
    key: str
    th: str
    type: str
    required: bool


@dataclass
class Table:
    """Typed rows with the spreadsheet row number each came from."""

    path: Path
    columns: list[Column]
    rows: list[dict[str, Any]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)

    def newest_date(self) -> dt.date | None:
        """The newest date in any cell: only date columns hold dates."""
        keys = [c.key for c in self.columns if c.type == "date"]
        return max((r[k] for r in self.rows for k in keys if r[k] is not None), default=None)


def raw_rows(path: Path) -> list[list[Any]]:
    """All rows of the file's first sheet as cell values (header included)."""
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return [list(r) for r in csv.reader(handle)]
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    raise ValueError(path.suffix)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_number(text: str) -> Decimal:
    cleaned = thai_digit_to_arabic_digit(text).strip()
    if not _NUMBER.match(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:
        raise ValueError(text) from None


def parse_cell(column: Column, value: Any, text: str | None = None) -> Any:
    """The typed value of one cell (`text`: its cell_text, when already known); raises ValueError."""
    text = cell_text(value) if text is None else text
    if column.type in ("money", "int"):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = Decimal(str(value))
        else:
            number = parse_number(text)
        if column.type == "int":
            if number != number.to_integral_value():
                raise ValueError(text)
            return int(number)
        return number
    if column.type == "date":
        return parse_date(value if isinstance(value, (dt.date, dt.datetime)) else text)
    if column.type == "url" and not re.match(r"^https?://\S+$", text):
        raise ValueError(text)
    if column.type == "id13":
        return thai_digit_to_arabic_digit(text).replace("-", "").replace(" ", "")
    return text


def read_table(
    path: Path, columns: list[Column], rows: list[list[Any]], first_row: int = 1
) -> tuple[Table, list[ContentError]]:
    """Map the header row (Thai names, or English keys) to columns and type every cell."""
    errors: list[ContentError] = []
    table = Table(path, columns)
    rows = [r for r in rows if any(cell_text(c) for c in r)] if rows else []
    if not rows:
        return table, [error(path, None, "", "dataset_empty")]
    by_name = {c.th: c for c in columns} | {c.key.lower(): c for c in columns}
    header = rows[0]
    mapping: list[Column | None] = []
    for name in header:
        text = " ".join(cell_text(name).split())
        column = by_name.get(text) or by_name.get(text.lower())
        if column is None and text:
            errors.append(error(path, first_row, text, "dataset_unknown_column", row=first_row, column=text,
                                allowed=", ".join(c.th for c in columns),
                                allowed_en=", ".join(c.key for c in columns)))
        mapping.append(column)
    present = {c.key for c in mapping if c}
    for column in columns:
        if column.required and column.key not in present:
            errors.append(error(path, first_row, f"{column.th} / {column.key}", "dataset_missing_column",
                                th=column.th, key=column.key))
    if errors:
        return table, errors
    keys = [c.key for c in columns]
    cells = [(i, c, f"{c.th} / {c.key}") for i, c in enumerate(mapping) if c is not None]
    for offset, raw in enumerate(rows[1:], start=1):
        number = first_row + offset
        record: dict[str, Any] = dict.fromkeys(keys)
        for i, column, where in cells:
            value = raw[i] if i < len(raw) else None
            text = value.strip() if type(value) is str else cell_text(value)  # CSV cells are text
            if not text:
                if column.required:  # an empty cell, or a row shorter than the header
                    errors.append(error(path, number, where, "dataset_required_cell",
                                        row=number, th=column.th, key=column.key, value=""))
                continue
            if column.type == "text":
                record[column.key] = text
                continue
            try:
                record[column.key] = parse_cell(column, value, text)
            except ValueError:
                key = {"date": "dataset_bad_date", "url": "dataset_bad_url"}.get(column.type, "dataset_bad_number")
                errors.append(error(path, number, where, key, row=number, th=column.th, key=column.key, value=text))
        table.rows.append(record)
        table.row_numbers.append(number)
    return table, errors
