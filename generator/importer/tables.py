"""Table documents: measures and the two reports on them (progress, results)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, get_args

from ..kinds.measures import Column
from . import cells as rc
from .document import (
    Doc,
    Issue,
    _split_text,
    _table_block,
    heading,
    one,
    paragraph_blocks,
)
from .fields import actions_of, split_refs
from .layout import Block, Row, Table, Text, squash
from .words import MONTHS

# A measure row as written: its group, then the columns of the measure tables, in order.
MEASURE_ORDER = [c for r in ("group", "refs", *get_args(Column)) for c in ((r, "deadline") if r == "period" else (r,))]
SINGLE_LINE = {"order", "title", "period"}
# The round a report covers: "รอบ ๖ เดือน (ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘)", "รอบ 12 เดือน", or
# its months alone: "ตุลาคม–มีนาคม", "ระหว่างเดือนตุลาคม ๒๕๖๘ ถึงเดือนมีนาคม ๒๕๖๙".
_YEAR = r"(?:\s*(?:พ\.\s?ศ\.)?\s*[0-9๐-๙]{2,4})?"
_MONTH_AT = rf"(?:(?:วันที่\s*)?[0-9๐-๙]{{1,2}}\s*)?(?:เดือน\s*)?(?:{MONTHS}){_YEAR}"
_SPAN = rf"(?:ระหว่าง|ตั้งแต่)?\s*{_MONTH_AT}\s*(?:[-–—]|ถึง|จนถึง)\s*{_MONTH_AT}"
# A deadline alone in a period cell: "ภายในเดือนเมษายน ๒๕๖๙", "ภายในวันที่ ๓๐ เม.ย. ๖๙".
_DEADLINE = re.compile(rf"ภายใน\s*({_MONTH_AT})")
_DAY_WORDS = re.compile(r"^\s*(?:วันที่|เดือน)|(?<=[0-9๐-๙])\s*เดือน")
_AMOUNT = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_PERIOD = re.compile(rf"รอบ\s*(?:[๖6]|๑๒|12)\s*เดือน(?:\s*\([^)]{{3,60}}\))?(?:\s*{_SPAN})?|\(?{_SPAN}\)?")


def map_measures(kind: str, part: list[Block]) -> Doc:
    leading, trailing = _split_text(part)
    title, org, rest = heading(leading)
    doc = Doc(kind, {}, part[0].line if isinstance(part[0], Text) else part[0].first)
    data = doc.data
    if title:
        data["title"] = " ".join(x.text for x in title)
    if org:
        data["subtitle"] = " ".join(x.text for x in org)
    period = _PERIOD.search(" ".join(x.text for x in [*title, *org, *rest[:3]]))
    if period:
        data["period"] = period.group(0).strip()
        # A line that is the period alone is printed as the period, not again in the intro.
        rest = [x for x in rest if squash(x.text) != squash(period.group(0))]
    intro = paragraph_blocks(rest)
    if intro:
        data["intro"] = one(intro)
    columns: list[str] = []
    headers: dict[str, str] = {}
    measures: list[dict[str, Any]] = []
    totals: list[dict[str, Any]] = []
    known = [t for t in part if isinstance(t, Table) and t.kind == "measure"]
    for table in (t for t in part if isinstance(t, Table)):
        header = table.header if table.kind == "measure" else _same_width(known, table)
        if header is None:
            doc.unplaced(table.first, _table_block(table))
            continue
        roles = assign_roles(header.roles)
        for role, text in zip(roles, header.cells, strict=True):
            if role != "extra" and role not in columns:
                columns.append(role)
                headers[role] = " ".join(rc.paragraphs(text))
        group: str | None = None
        since_total: list[Row] = []
        for row in table.rows:
            if row.group is not None:
                group = row.group
                continue
            if row.total:
                totals.append(_total(doc, row, roles, header.cells, (since_total, _data_rows(table))))
                since_total = []
                continue
            since_total.append(row)
            measure = _measure(row.values, roles, header.cells, group)
            if measure:
                measures.append(measure)
    if columns:
        data["columns"] = columns
        data["headers"] = headers
    data["measures"] = measures
    if totals:
        data["totals"] = totals
    closing = paragraph_blocks(trailing)
    if closing:
        data["closing"] = one(closing)
    return doc


def assign_roles(roles: list[str | None]) -> list[str]:
    """Each column its role; a second column of the same role or an unknown one adds to notes."""
    out: list[str] = []
    for role in roles:
        out.append("extra" if role is None or role in out else role)
    return out


def _measure(values: list[Any], roles: list[str], header: list[str], group: str | None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    extras: list[Any] = []
    for role, value, label in zip(roles, values, header, strict=True):
        if value is None:
            continue
        if role == "extra":
            extras.append(f"{' '.join(rc.paragraphs(label))}: {rc.flat(value)}")
        elif role == "period" and deadline_of(rc.flat(value)):
            found["deadline"] = deadline_of(rc.flat(value))
        elif role in SINGLE_LINE:
            found[role] = rc.flat(value)
        elif role == "actions":
            found[role] = actions_of(value)
        elif role == "issue":
            refs, rest = split_refs(value)
            if refs:
                found["refs"] = refs
            if rest is not None:
                found[role] = rest
        else:
            found[role] = value
    if extras:
        found["notes"] = rc.join(found.get("notes"), extras, inline=False)
    if not found:
        return {}
    if group:
        found["group"] = group
    return {k: found[k] for k in MEASURE_ORDER if k in found}


def _same_width(known: list[Table], table: Table) -> Any:
    for other in known:
        if other.width == table.width:
            return other.header
    return None


def deadline_of(text: str) -> str | None:
    """A period cell that is only a deadline ("ภายในเดือนเมษายน ๒๕๖๙", "ภายใน ๓๐ เมษายน ๒๕๖๙"):
    the deadline as staff write it, which the model reads as a month or a date."""
    match = _DEADLINE.fullmatch(text.strip())
    return " ".join(_DAY_WORDS.sub(" ", match.group(1)).split()) if match else None


def _data_rows(table: Table) -> list[Row]:
    return [r for r in table.rows if r.group is None and not r.total]


def _total(
    doc: Doc, row: Row, roles: list[str], header: list[str], above: tuple[list[Row], list[Row]]
) -> dict[str, Any]:
    """A total row kept as a total: its label (the first filled cell) and its other cells by column."""
    at = next(i for i, v in enumerate(row.values) if rc.flat(v).strip())
    values: dict[str, Any] = {}
    for index, (role, value, label) in enumerate(zip(roles, row.values, header, strict=True)):
        if index == at or value is None:
            continue
        if role == "extra":
            value = f"{' '.join(rc.paragraphs(label))}: {rc.flat(value)}"
            role = "notes"
        values[role] = rc.join(values.get(role), value, inline=False)
        _check_sum(doc, row, index, label, above)
    doc.issues.append(Issue(row.line, "import_measure_total", {"text": row.line.text[:80]}))
    total: dict[str, Any] = {"label": rc.flat(row.values[at]).strip()}
    if values:
        total["values"] = {k: values[k] for k in MEASURE_ORDER if k in values}
    return total


def _check_sum(doc: Doc, row: Row, index: int, label: str, above: tuple[list[Row], list[Row]]) -> None:
    """A stated total that is neither the sum of the rows since the last total nor of all rows is reported."""
    stated = _amount(row.values[index])
    if stated is None:
        return
    sums = []
    for rows in above:
        amounts = [_amount(r.values[index]) for r in rows]
        if amounts and all(a is not None for a in amounts):
            sums.append(sum(amounts, Decimal(0)))  # type: ignore[arg-type]
    if sums and stated not in sums:
        column = " ".join(rc.paragraphs(label))
        doc.issues.append(
            Issue(
                row.line,
                "import_total_mismatch",
                {"column": column, "stated": rc.flat(row.values[index]), "sum": sums[-1]},
            )
        )


def _amount(value: Any) -> Decimal | None:
    """The one amount a cell holds ("๑๒,๕๐๐", "12,500.00 บาท"), or None."""
    found = _AMOUNT.findall(rc.flat(value).translate(rc.THAI_DIGITS))
    if len(found) != 1:
        return None
    try:
        return Decimal(found[0].replace(",", ""))
    except InvalidOperation:
        return None
