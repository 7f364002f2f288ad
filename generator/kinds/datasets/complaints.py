"""Complaint statistics: each row's total must equal completed plus in progress."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any


def total_checks(record: dict[str, Any], row: int, total: dict[str, Any], note: Callable[..., None]) -> None:
    parts = [record.get(p) or 0 for p in total["parts"]]
    whole = record.get(total["of"])
    if whole is not None and Decimal(sum(parts)) != Decimal(whole):
        note(row, total["of"], "dataset_total_mismatch", value=whole, parts=" + ".join(str(p) for p in parts))


def none_received(rows: list[dict[str, Any]], total: dict[str, Any]) -> bool:
    """True when the year had no complaints at all: the page must then say so in words."""
    return sum(r[total["of"]] or 0 for r in rows) == 0
