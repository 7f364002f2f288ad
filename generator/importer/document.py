"""What every mapped document shares: the Doc with its notes and warnings, heading
lines, the organization, years, and text lines as rich blocks.

Text that fits no field goes into the document's import_notes (shown on the
page) and is reported; nothing read from the source is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import cells as rc
from .layout import Block, Table, Text
from .origin import DISTRICT, ORG, PROVINCE
from .reader import Line
from .words import any_of, word, words

_TOOL = re.compile(r"\((IIT|EIT|OIT)\)")
_LEAD_NUMBER = re.compile(r"^([0-9๐-๙]{1,2})\s*[.)]\s*")
_ITEM = re.compile(r"^[-•*]?\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+)+\.?|[0-9๐-๙]{1,2}[.)])\s*(\S.*)$")
_SECTION = re.compile(r"^([0-9๐-๙]{1,2})\s*\.(?![0-9๐-๙])\s*(\S.*)$")
_BOLD_HEAD = re.compile(r"^\*\*(.+?)\*\*\s*(.*)$")
_SIGNED_BY = re.compile(rf"^\(\s*{any_of('signed')}\s*\)$|^{any_of('signed')}[\s.…]*$")
_NAME = re.compile(r"^\((.+)\)$")
_DATE_AT = r"\s*".join(re.escape(w) for w in word("date_at").split())
_DATE_LINE = re.compile(rf"^((?:{any_of('date_lines')})\s*{_DATE_AT})\s*(.+)$")
MEMO = words()["memo_fields"]
MEMO_FIELDS = tuple(MEMO.values())


@dataclass
class Issue:
    line: Line
    key: str
    params: dict[str, Any]


@dataclass
class Doc:
    kind: str
    data: dict[str, Any]
    first: Line
    issues: list[Issue] = field(default_factory=list)
    notes: list[Any] = field(default_factory=list)
    # The source gives no date: the import fills in the first day of the document's fiscal year.
    missing_date: bool = False

    def unplaced(self, line: Line, value: Any) -> None:
        if value is None or value == "" or value == []:
            return
        self.notes.append(value)
        self.issues.append(Issue(line, "import_unplaced", {"text": rc.flat(value)[:80]}))

    def placeholder(self, line: Line, what: str, value: Any) -> Any:
        self.issues.append(Issue(line, "import_placeholder", {"what": what, "value": value}))
        return value

    def finish(self) -> None:
        if self.notes:
            blocks: list[Any] = []
            for note in self.notes:
                blocks.extend(note if isinstance(note, list) else [note])
            self.data["import_notes"] = blocks


def to_number(text: str) -> float:
    return float(text.translate(rc.THAI_DIGITS))


def texts(part: list[Block]) -> list[Line]:
    return [b.line for b in part if isinstance(b, Text)]


def heading(lines: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """Title lines, organization lines and the rest, from a document's leading text."""
    for index, line in enumerate(lines[:6]):
        if ORG.search(line.text) and len(line.text) < 120:
            org = [line]
            nxt = lines[index + 1] if index + 1 < len(lines) else None
            if nxt and len(nxt.text) < 80 and (DISTRICT.search(nxt.text) or PROVINCE.search(nxt.text)):
                org.append(nxt)
            title = lines[:index] or []
            return title, org, lines[index + len(org) :]
    if lines and len(lines[0].text) < 150:
        return lines[:1], [], lines[1:]
    return [], [], lines


def paragraph_blocks(lines: list[Line]) -> list[Any]:
    """Text lines as rich blocks: lists nested as the document nests them, numbers as written,
    wrapped lines joined to the line they carry on."""
    paras: list[str] = []
    numbered: list[bool] = []
    turned: list[bool] = []
    for line in lines:
        for index, para in enumerate(rc.paragraphs(line.text) or [line.text]):
            paras.append(para)
            numbered.append(line.numbered)
            turned.append(line.turned and index == 0)
    return rc.nest_paragraphs(paras, gaps=True, numbered=numbered, turned=turned)


def one(blocks: list[Any]) -> Any:
    if not blocks:
        return None
    return blocks[0] if len(blocks) == 1 else blocks


def _split_text(part: list[Block]) -> tuple[list[Line], list[Line]]:
    """Text before the first table, and text after the last one."""
    first = next((i for i, b in enumerate(part) if isinstance(b, Table)), len(part))
    last = max((i for i, b in enumerate(part) if isinstance(b, Table)), default=len(part))
    leading = [b.line for b in part[:first] if isinstance(b, Text)]
    trailing = [b.line for b in part[last + 1 :] if isinstance(b, Text)] if last < len(part) else []
    between = [b.line for b in part[first:last] if isinstance(b, Text)]
    return leading + between, trailing


def _table_block(table: Table) -> dict[str, Any]:
    columns = [" ".join(rc.paragraphs(c)) for c in table.header.cells] if table.header else [""] * table.width
    rows: list[Any] = []
    for row in table.rows:
        if row.group is not None:
            rows.append({"group": row.group})
        else:
            rows.append([v if v is not None else "" for v in row.values])
    return {"table": {"columns": columns, "rows": rows}}
