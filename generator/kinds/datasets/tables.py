"""Read a dataset file (CSV with or without BOM, .xlsx, .xls, .ods, or YAML rows) into typed rows.

Cells are parsed strictly: a number may carry thousands separators or Thai
digits but nothing else; a wrong cell is an error naming file, row and column.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pythainlp.util import thai_digit_to_arabic_digit

from ...errors import ContentError, error
from ...thai import parse_date
from ...yamlio import decode_text

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

    def newest_date(self, keys: list[str] | None = None) -> dt.date | None:
        """The newest date in columns `keys`, or in any cell (only date columns hold dates)."""
        keys = keys or [c.key for c in self.columns if c.type == "date"]
        return max((r[k] for r in self.rows for k in keys if r[k] is not None), default=None)


def raw_rows(path: Path) -> list[list[Any]]:
    """All rows of the file's first sheet as cell values (header included)."""
    if path.suffix == ".csv":
        text = decode_text(path.read_bytes(), thai_windows=True)
        return list(csv.reader(io.StringIO(text, newline="")))  # rows are lists already
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    if path.suffix in (".xls", ".ods"):
        from ...sheets import calamine_rows

        return calamine_rows(path)
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


MAX_NUMBER = Decimal(10) ** 15  # baht or counts; the national budget is 3.5 million million


def parse_number(text: str) -> Decimal:
    # ASCII text has no Thai digit to convert (isascii is a flag check): most cells of a sheet
    cleaned = text if text.isascii() else thai_digit_to_arabic_digit(text).removesuffix("บาท").strip()
    if len(cleaned) > 40 or not _NUMBER.match(cleaned):
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
        if not number.is_finite() or abs(number) >= MAX_NUMBER:  # a typo, or a 5,000-digit paste
            raise ValueError(text)
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


def _has_text(row: list[Any]) -> bool:
    try:
        return bool("".join(row).strip())  # a CSV row: all text
    except TypeError:
        return any(cell_text(c) for c in row)


def read_table(
    path: Path, columns: list[Column], rows: list[list[Any]], numbers: list[int] | None = None
) -> tuple[Table, list[ContentError]]:
    """Map the header row (Thai names, or English keys) to columns and type every cell.

    `numbers`: the row (or YAML line) each of `rows` starts on; 1, 2, 3, … by default.
    Blank rows are skipped but still counted, so every message names the row staff see."""
    errors: list[ContentError] = []
    table = Table(path, columns)
    numbers = numbers or list(range(1, len(rows) + 1))
    kept = [(n, r) for n, r in zip(numbers, rows, strict=True) if _has_text(r)]
    if not kept:
        return table, [error(path, None, "", "dataset_empty")]
    by_name = {c.th: c for c in columns} | {c.key.lower(): c for c in columns}
    header_row, header = kept[0]
    mapping: list[Column | None] = []
    for name in header:
        text = " ".join(cell_text(name).split())
        column = by_name.get(text) or by_name.get(text.lower())
        if column is not None and column in mapping:  # given twice: which one is meant?
            errors.append(error(path, header_row, text, "dataset_duplicate_column", row=header_row, column=text))
        if column is None and text:
            errors.append(error(path, header_row, text, "dataset_unknown_column", row=header_row, column=text,
                                allowed=", ".join(c.th for c in columns),
                                allowed_en=", ".join(c.key for c in columns)))
        mapping.append(column)
    present = {c.key for c in mapping if c}
    for column in columns:
        if column.required and column.key not in present:
            errors.append(error(path, header_row, f"{column.th} / {column.key}", "dataset_missing_column",
                                th=column.th, key=column.key))
    if errors:
        return table, errors
    body = [r for _, r in kept[1:]]
    table.row_numbers = [n for n, _ in kept[1:]]
    typed: dict[str, list[Any]] = {}
    for i, column in enumerate(mapping):
        if column is not None:  # column by column: a contract list has thousands of cells
            typed[column.key] = _read_column(path, column, [r[i] if i < len(r) else None for r in body],
                                             table.row_numbers, errors)
    empty = [None] * len(body)
    keys = [c.key for c in columns]
    by_row = zip(*(typed.get(k, empty) for k in keys), strict=True)
    table.rows = [dict(zip(keys, cells, strict=True)) for cells in by_row]
    errors.sort(key=lambda e: e.line or 0)  # row by row, as staff read the sheet
    return table, errors


def _read_column(path: Path, column: Column, values: list[Any], numbers: list[int],
                 errors: list[ContentError]) -> list[Any]:
    """The typed cells of one column; a wrong or missing cell is an error naming its row."""
    texts = [v.strip() if type(v) is str else cell_text(v) for v in values]  # CSV cells are text
    where = f"{column.th} / {column.key}"
    if column.required:  # an empty cell, or a row shorter than the header
        errors.extend(error(path, n, where, "dataset_required_cell", row=n, th=column.th, key=column.key, value="")
                      for n, t in zip(numbers, texts, strict=True) if not t)
    if column.type == "text":
        return [t or None for t in texts]
    out: list[Any] = []
    for value, text, number in zip(values, texts, numbers, strict=True):
        try:
            out.append(parse_cell(column, value, text) if text else None)
        except ValueError:
            out.append(None)
            key = {"date": "dataset_bad_date", "url": "dataset_bad_url"}.get(column.type, "dataset_bad_number")
            errors.append(error(path, number, where, key, row=number, th=column.th, key=column.key, value=text))
    return out
