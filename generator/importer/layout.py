"""Recognize the layout: which rows are headers, where tables start and end, and
which rows continue the row above (classify.py then says what kind of document each part is).

Everything is decided from the header row's wording and the shape of the
rows, never from a particular document, so unseen documents of the same kinds
(other column orders, other header wording, Arabic or Thai digits, blank rows,
tables split over pages) read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..kinds.datasets import columns_of
from . import cells as rich_cells
from .furniture import Skipped, decoration, squash, unblank
from .reader import Line
from .words import roles, word, words

MEASURE_ROLES = roles("measure_roles")
ITA_ROLES = roles("ita_roles")
OIT_WORDS = tuple(words()["oit_words"])
_SECTION = re.compile(r"^([0-9๐-๙]{1,2})\s*\.(?![0-9๐-๙])\s*(.*)$")
MEMO_START = word("memo_start")
_TOTAL_WORDS = tuple(words()["total_row"])
_TOTAL_LABEL = 20  # characters: "รวมทั้งสิ้น ๕ โครงการ" is a label, "รวมพลังต่อต้านการทุจริต …" a title


def role_of(header: str, roles: list[tuple[str, tuple[str, ...]]]) -> str | None:
    text = squash(header)
    if text == word("order_exact"):
        return "order"
    for role, found in roles:
        if any(w.lower() in text for w in found):
            return role
    return None


@dataclass
class Header:
    kind: str  # measure, ita, oit, dataset or table
    cells: list[str]
    roles: list[str | None]
    dataset: list[str] | None = None  # the datasets whose columns these are, best first

    @property
    def key(self) -> list[str]:
        return [squash(c) for c in self.cells]


# Columns the heading may give for a whole dataset table ("ในรอบเดือน กุมภาพันธ์ ๒๕๖๘").
_FROM_HEADING = {("procurement_monthly", "month")}


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


def recognize_header(cells: list[str]) -> Header | None:
    """A header row, recognized by its wording; None for a data row."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(len(squash(c)) > 80 for c in filled):
        return None
    dataset = match(cells)
    if dataset:
        return Header("dataset", cells, dataset[1], dataset[0])
    measure = [role_of(c, MEASURE_ROLES) for c in cells]
    known = {r for r in measure if r}
    if len(known) >= 3 and known & {"steps", "responsible", "title", "period"}:
        return Header("measure", cells, measure)
    ita = [role_of(c, ITA_ROLES) for c in cells]
    if ita and ita[0] == "name" and len({r for r in ita if r}) >= 2:
        return Header("ita", cells, ita)
    short = all(len(squash(c)) <= 30 for c in filled)
    if len(cells) <= 3 and short and any(w in squash(c) for c in cells for w in OIT_WORDS):
        return Header("oit", cells, ["item", "details", "notes"][: len(cells)])
    return None


@dataclass
class Row:
    line: Line
    values: list[Any]  # rich text per column
    group: str | None = None  # a row with only its first cell: a heading over the rows below
    total: bool = False  # a total row (รวม, รวมทั้งสิ้น …): never merged into the row above


def is_total(cells: list[str]) -> bool:
    """A row of totals: its first filled cell a short total label, every other filled cell a number."""
    filled = [squash(c) for c in cells if squash(c)]
    if len(filled) < 2 or len(filled[0]) > _TOTAL_LABEL:
        return False
    if not any(filled[0].startswith(squash(w)) for w in _TOTAL_WORDS):
        return False
    return all(re.search("[0-9๐-๙]", c) for c in filled[1:])


@dataclass
class Table:
    header: Header | None
    width: int
    first: Line
    rows: list[Row] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # every source line it was read from, in order

    @property
    def kind(self) -> str:
        return self.header.kind if self.header else "table"


@dataclass
class Text:
    line: Line


Block = Table | Text


def segment(lines: list[Line], skipped: list[Skipped]) -> list[Block]:
    """Group lines into text and tables; repeated headers and continuation rows fold in."""
    out: list[Block] = []
    table: Table | None = None
    pending: list[Line] = []  # text seen inside an open table, kept until we know where it goes
    after_header = False
    turned = False  # a page number or page-turn marker was just passed

    def close() -> None:
        nonlocal table
        if table is not None and table.header is None and len(table.rows) == 1 and table.rows[0].group is None:
            # One stray row with a tab and no header is a paragraph, not a table.
            out[out.index(table)] = Text(table.first)
        table = None
        out.extend(Text(x) for x in pending)
        pending.clear()

    for source in lines:
        line = unblank(source, skipped) if not source.blank else None
        if line is None or line.blank:
            continue
        why = decoration(line)
        if why:
            skipped.append(Skipped(line, why))
            turned = turned or why == "page"
            continue
        if turned:
            line.turned, turned = True, False
        if not line.is_row:
            if table is not None and _is_section(line):
                close()
            if table is not None:
                pending.append(line)
            else:
                out.append(Text(line))
            continue
        header = recognize_header(line.cells)
        if header:
            if table and table.header and table.header.key == header.key:
                _interstitial(table, pending)
                table.lines.append(line)
                skipped.append(Skipped(line, "header"))
                after_header = True  # the same header again: a new printed page
                continue
            close()
            table = Table(header, len(line.cells), line, lines=[line])
            out.append(table)
            after_header = False
            continue
        width = len(line.cells)
        if table is not None and width != table.width:
            close()
        if table is None:
            table = Table(None, width, line)
            out.append(table)
        _interstitial(table, pending)
        table.lines.append(line)
        _add_row(table, line, after_header)
        after_header = False
    close()
    return out


def _is_section(line: Line) -> bool:
    match = _SECTION.match(line.text)
    return bool(match and match.group(2))


def _interstitial(table: Table, pending: list[Line]) -> None:
    """Text between rows of one table heads the rows that follow it."""
    if pending:
        table.rows.append(Row(pending[0], [], group=" ".join(x.text for x in pending)))
        table.lines.extend(pending)
        pending.clear()


def _add_row(table: Table, line: Line, after_header: bool) -> None:
    values = [rich_cells.rich(c) for c in line.cells]
    data_rows = [r for r in table.rows if r.group is None and not r.total]
    if is_total(line.cells):
        table.rows.append(Row(line, values, total=True))
        return
    if not line.cells[0].strip() and data_rows and not table.rows[-1].total:
        # A continuation row: its cells add to the row above (a sentence cut by a page break joins inline).
        last = data_rows[-1]
        last.values = [rich_cells.join(a, b, after_header) for a, b in zip(last.values, values, strict=True)]
        return
    if line.cells[0].strip() and not any(c.strip() for c in line.cells[1:]):
        table.rows.append(Row(line, [], group=" ".join(rich_cells.paragraphs(line.cells[0]))))
        return
    table.rows.append(Row(line, values))


def source_lines(part: list[Block]) -> list[Line]:
    """Every line of a part in file order, tables read back as lines (cells joined)."""
    found: dict[int, Line] = {}
    for block in part:
        for line in [block.line] if isinstance(block, Text) else block.lines:
            found.setdefault(line.number, line)
    return [found[n] for n in sorted(found)]
