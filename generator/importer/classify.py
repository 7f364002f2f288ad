"""What kind of document each part of an imported file is, and where one file holds several
documents: decided from the header rows' kinds and the headings' wording, never from a
particular document."""

from __future__ import annotations

import re

from .furniture import squash
from .layout import MEMO_START, Block, Table, Text
from .words import any_of, word, words

# An ITA result's total score and level, as written in its text.
SCORE = re.compile(rf"([0-9๐-๙]{{1,3}}(?:\.[0-9๐-๙]+)?)\s*{any_of('score')}")
LEVEL = re.compile(rf"{any_of('level')}\s*(AA|A|B|C|D|E|F)(?![A-Za-z])")


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
    heading = squash(" ".join(texts[:3]))
    body = " ".join(texts)
    return any(squash(w) in heading for w in words()["ita_title"]) and bool(SCORE.search(body) and LEVEL.search(body))


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
