"""Budget checks: the annual spending report's planned amounts must be the plan's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def report_against_plan(report: Any, plan: Any, note: Callable[..., None]) -> None:
    """A category whose planned amount differs from the published plan (or is not in it) is flagged."""
    planned = {r["category"]: r["planned"] for r in plan.table.rows}
    for record, row in zip(report.table.rows, report.table.row_numbers, strict=True):
        expected = planned.get(record["category"])
        if expected is None or record["planned"] != expected:
            note(row, "planned", "dataset_plan_mismatch", value=record["planned"], expected=expected or "-")
