"""Checks of the data itself. They never stop the build: each finding is a
note for staff at build time and for readers on the page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...catalog import message
from ...thai import fiscal_year_range
from .budget import report_against_plan
from .complaints import total_checks
from .procurement import price_checks, report_against_contracts
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


def _noter(table: Table, notes: list[Note], shown_path: str) -> Any:
    by_key = {c.key: c for c in table.columns}

    def note(row: int, key: str, msg: str, **params: Any) -> None:
        column = by_key[key]
        if "limit_of" in params:
            params |= {"limit_th": by_key[params["limit_of"]].th, "limit_en": params.pop("limit_of")}
        # Amounts read as 1,250,000.00 in both the console and the page.
        shown = {k: f"{v:,.2f}" if isinstance(v, Decimal) else v for k, v in params.items()}
        text = message(msg, row=row, th=column.th, key=key, **shown)
        notes.append(Note(shown_path, row, f"{column.th} / {key}", text["th"], text["en"]))

    return note


def check_year(datasets: dict[str, Any], shown: dict[str, str]) -> None:
    """Checks across the datasets of one year (notes go to the dataset they concern)."""
    report, contracts = datasets.get("procurement_report"), datasets.get("contracts")
    if report and contracts:
        report_against_contracts(report, contracts, _noter(report.table, report.notes, shown[report.name]))
    spending, plan = datasets.get("spending_report"), datasets.get("spending_plan")
    if spending and plan:
        report_against_plan(spending, plan, _noter(spending.table, spending.notes, shown[spending.name]))


def check_table(table: Table, spec: dict[str, Any], year: int, shown_path: str) -> list[Note]:
    notes: list[Note] = []
    start, end = fiscal_year_range(year)
    by_key = {c.key: c for c in table.columns}

    note = _noter(table, notes, shown_path)
    total = spec.get("total")
    in_year = spec.get("in_year", ())
    # Text columns have no check of their own; most cells are text.
    checked = [c for c in table.columns if c.type in ("id13", "money", "int") or c.key in in_year]
    for record, row in zip(table.rows, table.row_numbers, strict=True):
        for column in checked:
            value = record.get(column.key)
            if value is None:
                continue
            if column.type == "id13" and not id13_valid(value):
                note(row, column.key, "dataset_bad_id", value=value)
            elif column.type in ("money", "int") and value < 0:
                note(row, column.key, "dataset_negative", value=value)
            elif column.key in in_year and not start <= value <= end:
                note(row, column.key, "dataset_outside_year", value=value.isoformat(), year=year)
        price_checks(record, row, set(by_key), note)
        if total:
            total_checks(record, row, total, note)
    return notes
