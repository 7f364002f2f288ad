"""Tables of the open datasets (สขร. ๑, contracts, complaints, budget, HR plan) become
`years/<BE>/data/<dataset>.csv` with the catalog's Thai column names.

A table is a dataset's only when every one of its header cells finds a column of
that dataset (words in import_words.yml `dataset_columns`) and every required
number or date column is there: a table with a column of its own stays a table
on a free page, so no column is ever left out. Total rows are recognized and
checked, not written as data; a required text column the source lacks gets the
placeholder with a warning.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..kinds.datasets import catalog, columns_of
from ..kinds.datasets.tables import Column, parse_cell
from . import cells as rc
from .document import Doc, Issue
from .layout import Block, Table, Text, squash
from .reader import Line
from .words import words

# Columns the heading may give for the whole table ("ในรอบเดือน กุมภาพันธ์ ๒๕๖๘").
_FROM_HEADING = {("procurement_monthly", "month")}
_MONTH = re.compile(
    r"(มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)"
    r"\s*(?:พ\.\s?ศ\.\s?)?((?:25|๒๕)[0-9๐-๙]{2})"
)


def _keys(name: str, cells: list[str]) -> list[str | None] | None:
    """Each header cell's column key in dataset `name` ("order" for a row number), or None
    when some cell has no column there."""
    wording: dict[str, list[str]] = words()["dataset_columns"].get(name, {})
    by_th = {squash(c.th): c.key for c in columns_of(name)}
    order_words = {squash(w) for w in words()["order_words"]}
    out: list[str | None] = []
    for cell in cells:
        text = squash(cell)
        if not text:
            out.append(None)
            continue
        if text in order_words:
            out.append("order")
            continue
        key = by_th.get(text)
        if key is None:
            key = next(
                (k for k, found in wording.items() if k not in out and any(squash(w) in text for w in found)), None
            )
        if key is None or key in out:
            return None
        out.append(key)
    return out


def match(cells: list[str]) -> tuple[list[str], list[str | None]] | None:
    """The datasets (best first) whose columns take every header cell, and the cells' keys."""
    found: list[tuple[int, int, str, list[str | None]]] = []
    for position, name in enumerate(words()["dataset_columns"]):
        keys = _keys(name, cells)
        if keys is None:
            continue
        present = {k for k in keys if k and k != "order"}
        required = {c.key for c in columns_of(name) if c.required and c.type not in ("text", "id13")}
        if len(present) < 2 or (required - present - {k for n, k in _FROM_HEADING if n == name}):
            continue
        found.append((len(present), position, name, keys))
    if not found:
        return None
    found.sort(key=lambda f: (-f[0], -f[1]))
    best = found[0][0]
    names = [f[2] for f in found if f[0] == best]
    return names, next(f[3] for f in found if f[2] == names[0])


def choose(names: list[str], heading: str) -> str:
    """Among datasets with the same columns, the one the heading names (else the first)."""
    titles: dict[str, list[str]] = words()["dataset_titles"]
    text = squash(heading)
    for name in names:
        if any(squash(w) in text for w in titles.get(name, [])):
            return name
    return names[0]


def map_dataset(part: list[Block], placeholder: str) -> Doc:
    """One dataset document: its rows under the catalog's Thai column names."""
    tables = [b for b in part if isinstance(b, Table)]
    lines = [b.line for b in part if isinstance(b, Text)]
    heading = " ".join(x.text for x in lines)
    first = lines[0] if lines else tables[0].first
    header = tables[0].header
    assert header is not None and header.dataset
    name = choose(header.dataset, heading)
    doc = Doc("dataset", {"name": name}, first)
    columns = columns_of(name)
    month = _MONTH.search(heading)
    rows: list[dict[str, str]] = []
    for table in tables:
        keys = table.header.roles if table.header else []
        month_of_rows = f"{month.group(1)} {month.group(2)}" if month else None
        for row in table.rows:
            if row.group is not None:
                hit = _MONTH.search(row.group)
                if hit and name == "procurement_monthly":
                    month_of_rows = f"{hit.group(1)} {hit.group(2)}"
                else:
                    doc.unplaced(row.line, row.group)
                continue
            record = {k: rc.flat(v).strip() for k, v in zip(keys, row.values, strict=True) if k and k != "order"}
            if not any(record.values()):
                continue
            if _is_total(row.values):
                _check_total(doc, row.line, record, rows, columns)
                continue
            if month_of_rows and not record.get("month") and name == "procurement_monthly":
                record["month"] = month_of_rows
            rows.append(record)
    present = {k for r in rows for k, v in r.items() if v}
    for column in columns:
        if column.required and column.key not in present:
            doc.issues.append(Issue(first, "import_dataset_placeholder", {"column": column.th, "value": placeholder}))
    out = []
    for record in rows:
        cells = []
        for column in columns:
            value = record.get(column.key, "")
            if not value and column.required:
                value = placeholder if column.type in ("text", "id13") else value
            cells.append(value)
        out.append(cells)
    doc.data["header"] = [c.th for c in columns]
    doc.data["rows"] = out
    for line in lines:
        doc.issues.append(Issue(line, "import_dataset_heading", {"text": line.text[:80], "dataset": name}))
    return doc


def _is_total(values: list[Any]) -> bool:
    texts = [rc.flat(v).strip() for v in values if rc.flat(v).strip()]
    return bool(texts) and any(squash(texts[0]).startswith(squash(w)) for w in words()["total_row"])


def _check_total(
    doc: Doc, line: Line, total: dict[str, str], rows: list[dict[str, str]], columns: list[Column]
) -> None:
    """A total row is checked against the rows above it; the site adds the rows up itself."""
    for column in columns:
        if column.type not in ("money", "int") or not total.get(column.key):
            continue
        try:
            stated = parse_cell(column, total[column.key])
            summed = sum((parse_cell(column, r[column.key]) for r in rows if r.get(column.key)), Decimal(0))
        except ValueError:
            continue
        if Decimal(stated) != Decimal(summed):
            doc.issues.append(
                Issue(line, "import_total_mismatch", {"column": column.th, "stated": total[column.key], "sum": summed})
            )
    doc.issues.append(Issue(line, "import_total_row", {"text": line.text[:80]}))


def dataset_names() -> list[str]:
    return list(catalog())
