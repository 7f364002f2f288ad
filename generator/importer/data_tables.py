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

from ..kinds.datasets import catalog, columns_of
from ..kinds.datasets.tables import Column, parse_cell
from . import cells as rc
from .document import Doc, Issue
from .layout import Block, Table, Text, squash
from .reader import Line
from .words import words

_MONTH = re.compile(
    r"(มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)"
    r"\s*(?:พ\.\s?ศ\.\s?)?((?:25|๒๕)[0-9๐-๙]{2})"
)


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
            if row.total:
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
