"""Procurement checks: prices against budget and reference price, and the annual
report's counts and amounts against the contract list of the same year."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any


def price_checks(record: dict[str, Any], row: int, has: set[str], note: Callable[..., None]) -> None:
    """An agreed price above the budget or the reference price is flagged (the law caps it)."""
    agreed = record.get("agreed_price")
    if agreed is None:
        return
    for limit_key in ("budget", "reference_price"):
        limit = record.get(limit_key)
        if limit is not None and limit_key in has and agreed > limit:
            note(row, "agreed_price", "dataset_over_price", value=agreed, limit=limit, limit_of=limit_key)


def report_against_contracts(report: Any, contracts: Any, note: Callable[..., None]) -> None:
    """Each method's count and amount in the annual report should equal the contract list's."""
    counts: dict[str, int] = {}
    amounts: dict[str, Decimal] = {}
    for record in contracts.table.rows:
        counts[record["method"]] = counts.get(record["method"], 0) + 1
        amounts[record["method"]] = amounts.get(record["method"], Decimal(0)) + record["agreed_price"]
    for record, row in zip(report.table.rows, report.table.row_numbers, strict=True):
        method = record["method"]
        if record["count"] != counts.get(method, 0):
            note(row, "count", "dataset_report_mismatch", value=record["count"], expected=counts.get(method, 0))
        if record["amount"] != amounts.get(method, Decimal(0)):
            note(row, "amount", "dataset_report_mismatch", value=record["amount"],
                 expected=amounts.get(method, Decimal(0)))
