"""What the printed page adds and the content does not hold: page numbers, ruled lines,
page-turn markers, and dotted blanks left to be filled in by hand. Each is dropped
and listed (Skipped) for the import report, never silently."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from . import cells as rich_cells
from .reader import Line
from .words import any_of, word, words

_SPACE = re.compile(r"\s+")
_PAGE_MARK = re.compile(rf"^[-–(\s]*(?:{any_of('page')}\s*)?[0-9๐-๙]{{1,3}}\s*/?\s*[-–)\s]*$")
_RULE = re.compile(r"^[-_=.…–—\s]+$")
# A page-turn marker: "/๒", "…/๓", "๒/๕", "(ต่อ)", "ต่อหน้า ๒".
_TURN = re.compile(
    rf"^(?:[.…]*\s*/\s*[0-9๐-๙]{{1,3}}|[0-9๐-๙]{{1,3}}\s*/\s*[0-9๐-๙]{{1,3}}"
    rf"|(?:{any_of('page_turn')})[\s0-9๐-๙./…]*)$"
)
# A dotted blank left for a hand to fill in: "ลงชื่อ......", "วันที่ ........ เดือน ........".
_BLANK = re.compile(r"(?:[.…]\s?){4,}|…{2,}|_{4,}")
_FORM_WORDS = frozenset(words()["blank_labels"])


def squash(text: str) -> str:
    return _SPACE.sub("", rich_cells.plain(text)).lower()


@dataclass
class Skipped:
    line: Line
    why: str


def unblank(line: Line, skipped: list[Skipped]) -> Line | None:
    """The line without its dotted blanks (listed as skipped); None when nothing but blanks
    and the labels before them is left (an empty form line: "วันที่ ..... เดือน ..... พ.ศ. .....")."""
    if not any(_BLANK.search(c) for c in line.cells):
        return line
    skipped.append(Skipped(line, "blank"))
    cells = [" ".join(_BLANK.sub(" ", c).split()) for c in line.cells]
    if not line.is_row and all(squash(w) in _FORM_WORDS or w.startswith(word("blank_role")) for w in cells[0].split()):
        return None
    return dataclasses.replace(line, cells=cells)


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
