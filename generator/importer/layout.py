"""Recognize the layout: which rows are headers, where tables start and end,
which rows continue the row above, and what kind of document each part is.

Everything is decided from the header row's wording and the shape of the
rows, never from a particular document, so unseen documents of the same kinds
(other column orders, other header wording, Arabic or Thai digits, blank rows,
tables split over pages) read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import cells as rich_cells
from .reader import Line
from .words import any_of, roles, word, words

MEASURE_ROLES = roles("measure_roles")
ITA_ROLES = roles("ita_roles")
OIT_WORDS = tuple(words()["oit_words"])
_SPACE = re.compile(r"\s+")
_PAGE_MARK = re.compile(rf"^[-–(\s]*(?:{any_of('page')}\s*)?[0-9๐-๙]{{1,3}}\s*/?\s*[-–)\s]*$")
_RULE = re.compile(r"^[-_=.…–—\s]+$")
# A page-turn marker: "/๒", "…/๓", "๒/๕", "(ต่อ)", "ต่อหน้า ๒".
_TURN = re.compile(
    rf"^(?:[.…]*\s*/\s*[0-9๐-๙]{{1,3}}|[0-9๐-๙]{{1,3}}\s*/\s*[0-9๐-๙]{{1,3}}"
    rf"|(?:{any_of('page_turn')})[\s0-9๐-๙./…]*)$"
)
_SECTION = re.compile(r"^([0-9๐-๙]{1,2})\s*\.(?![0-9๐-๙])\s*(.*)$")
MEMO_START = word("memo_start")


def squash(text: str) -> str:
    return _SPACE.sub("", rich_cells.plain(text)).lower()


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


def recognize_header(cells: list[str]) -> Header | None:
    """A header row, recognized by its wording; None for a data row."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(len(squash(c)) > 80 for c in filled):
        return None
    from .data_tables import match

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


@dataclass
class Skipped:
    line: Line
    why: str


Block = Table | Text


def decoration(line: Line) -> str | None:
    """Page numbers and ruled lines from the printed page, which carry no content."""
    text = line.text
    if not text:
        return None
    if _RULE.match(text):
        return "rule"
    if not line.is_row and _PAGE_MARK.match(text) and (any(ch in text for ch in "-–/()") or word("page") in text):
        return "page"
    if not line.is_row and _TURN.match(text):
        return "page"
    return None


def segment(lines: list[Line], skipped: list[Skipped]) -> list[Block]:
    """Group lines into text and tables; repeated headers and continuation rows fold in."""
    out: list[Block] = []
    table: Table | None = None
    pending: list[Line] = []  # text seen inside an open table, kept until we know where it goes
    after_header = False

    def close() -> None:
        nonlocal table
        if table is not None and table.header is None and len(table.rows) == 1 and table.rows[0].group is None:
            # One stray row with a tab and no header is a paragraph, not a table.
            out[out.index(table)] = Text(table.first)
        table = None
        out.extend(Text(x) for x in pending)
        pending.clear()

    for line in lines:
        if line.blank:
            continue
        why = decoration(line)
        if why:
            skipped.append(Skipped(line, why))
            continue
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
    data_rows = [r for r in table.rows if r.group is None]
    if not line.cells[0].strip() and data_rows:
        # A continuation row: its cells add to the row above (a sentence cut by a page break joins inline).
        last = data_rows[-1]
        last.values = [rich_cells.join(a, b, after_header) for a, b in zip(last.values, values, strict=True)]
        return
    if line.cells[0].strip() and not any(c.strip() for c in line.cells[1:]):
        table.rows.append(Row(line, [], group=" ".join(rich_cells.paragraphs(line.cells[0]))))
        return
    table.rows.append(Row(line, values))


def split_documents(blocks: list[Block]) -> list[list[Block]]:
    """A file may hold several documents: a memo starts at its own heading line."""
    parts: list[list[Block]] = [[]]
    for block in blocks:
        if isinstance(block, Text) and squash(block.line.text) == MEMO_START:
            parts.append([])
        parts[-1].append(block)
    return [p for p in parts if p]


def kind_of(part: list[Block]) -> str:
    """memo, announcement, ita_analysis, measures, progress_report, results_report, or oit_criteria."""
    texts = [b.line.text for b in part if isinstance(b, Text)]
    tables = [b for b in part if isinstance(b, Table)]
    if texts and squash(texts[0]) == MEMO_START:
        return "memo"
    kinds = {t.kind for t in tables}
    if "measure" in kinds:
        roles = {r for t in tables if t.kind == "measure" for r in t.header.roles if r}  # type: ignore[union-attr]
        heading = squash(" ".join(texts[:4]))
        if roles & {"output", "outcome"} or any(squash(w) in heading for w in words()["results_title"]):
            return "results_report"
        if "actions" in roles or any(squash(w) in heading for w in words()["progress_title"]):
            return "progress_report"
        return "measures"
    if "ita" in kinds:
        return "ita_analysis"
    if "dataset" in kinds:
        return "dataset"
    if texts and squash(texts[0]).startswith(word("announcement_start")):
        return "announcement"
    if "oit" in kinds:
        return "oit_criteria"
    if _ita_prose(texts):
        return "ita_analysis"
    if tables:
        return "page"
    return "announcement"


def _ita_prose(texts: list[str]) -> bool:
    """An ITA result written as sentences: an ITA heading, a score and a level in the text."""
    from .document import _LEVEL, _SCORE

    heading = squash(" ".join(texts[:3]))
    body = " ".join(texts)
    return any(squash(w) in heading for w in words()["ita_title"]) and bool(_SCORE.search(body) and _LEVEL.search(body))


def split_by_table_kind(part: list[Block]) -> list[list[Block]]:
    """One extracted file may hold an ITA analysis and then the measures drawn from it:
    each run of tables of one kind is its own document, with the text just before it."""
    groups: list[list[Block]] = [[]]
    kind: str | None = None
    for block in part:
        if isinstance(block, Table) and block.kind in ("measure", "ita", "dataset"):
            # Tables of two datasets are two documents (two files).
            this = block.kind + ":" + (block.header.dataset[0] if block.header and block.header.dataset else "")
            if kind is not None and this != kind:
                tail: list[Block] = []
                while groups[-1] and isinstance(groups[-1][-1], Text):
                    tail.insert(0, groups[-1].pop())
                groups.append(tail)
            kind = this
        groups[-1].append(block)
    return [g for g in groups if g]


def source_lines(part: list[Block]) -> list[Line]:
    """Every line of a part in file order, tables read back as lines (cells joined)."""
    found: dict[int, Line] = {}
    for block in part:
        for line in [block.line] if isinstance(block, Text) else block.lines:
            found.setdefault(line.number, line)
    return [found[n] for n in sorted(found)]
