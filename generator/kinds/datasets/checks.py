"""Checks of the data itself. They never stop the build: each finding is a
note for staff at build time and for readers on the page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...catalog import message
from ...thai import fiscal_year_range
from .tables import Table


@dataclass(frozen=True)
class Note:
    path: str
    row: int
    column: str
    th: str
    en: str

    def format(self) -> str:
        return f"{self.path}:{self.row}: {self.column}\n  {self.th}\n  {self.en}"


def id13_valid(value: str) -> bool:
    """Thai citizen and tax ids: 13 digits, the last a mod-11 checksum of the first twelve."""
    if len(value) != 13 or not value.isdigit():
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(value[:12]))
    return (11 - total % 11) % 10 == int(value[12])


def check_table(table: Table, spec: dict[str, Any], year: int, shown_path: str) -> list[Note]:
    notes: list[Note] = []
    start, end = fiscal_year_range(year)
    by_key = {c.key: c for c in table.columns}

    def note(row: int, key: str, msg: str, **params: Any) -> None:
        column = by_key[key]
        text = message(msg, row=row, th=column.th, key=key, **params)
        notes.append(Note(shown_path, row, f"{column.th} / {key}", text["th"], text["en"]))

    total = spec.get("total")
    for record, row in zip(table.rows, table.row_numbers, strict=True):
        for column in table.columns:
            value = record.get(column.key)
            if value is None:
                continue
            if column.type == "id13" and not id13_valid(value):
                note(row, column.key, "dataset_bad_id", value=value)
            elif column.type in ("money", "int") and value < 0:
                note(row, column.key, "dataset_negative", value=value)
            elif column.key in spec.get("in_year", ()) and not start <= value <= end:
                note(row, column.key, "dataset_outside_year", value=value.isoformat(), year=year)
        agreed = record.get("agreed_price")
        if agreed is not None:
            for limit_key in ("budget", "reference_price"):
                limit = record.get(limit_key)
                if limit is not None and limit_key in by_key and agreed > limit:
                    note(row, "agreed_price", "dataset_over_price", value=agreed, limit=limit,
                         limit_th=by_key[limit_key].th, limit_en=limit_key)
        if total:
            parts = [record.get(p) or 0 for p in total["parts"]]
            whole = record.get(total["of"])
            if whole is not None and Decimal(sum(parts)) != Decimal(whole):
                note(row, total["of"], "dataset_total_mismatch", value=whole,
                     parts=" + ".join(str(p) for p in parts))
    return notes
