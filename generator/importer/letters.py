"""Letter-like documents: memos, announcements, and an OIT criteria table as a page."""

from __future__ import annotations

import re
from typing import Any

from ..thai import parse_date
from . import cells as rc
from . import wrap
from .document import (
    _BOLD_HEAD,
    _DATE_LINE,
    _NAME,
    _SECTION,
    _SIGNED_BY,
    MEMO,
    MEMO_FIELDS,
    Doc,
    _table_block,
    one,
    paragraph_blocks,
    texts,
)
from .layout import Block, Table, Text, source_lines, squash
from .lists import lead
from .reader import Line
from .signatures import signatures, starts_signature
from .words import any_of, word

# Memos -----------------------------------------------------------------------------------


def map_memo(part: list[Block], placeholder: str) -> Doc:
    lines = source_lines(part)
    doc = Doc("memo", {}, lines[0] if lines else part[0].first)  # type: ignore[union-attr]
    head, end = _memo_head(lines, doc)
    rest = _after(part, end)
    lines = texts(rest)
    closing_at = next((i for i in range(len(lines)) if lines[i].text.startswith(word("memo_closing"))), None)
    sign_at = next((i for i in range(len(lines)) if starts_signature(lines[i].text)), len(lines))
    end_at = closing_at if closing_at is not None and closing_at < sign_at else sign_at
    stop = lines[end_at].number if end_at < len(lines) else None
    body = [b for b in rest if stop is None or _number(b) < stop]
    unit = head.get(MEMO["unit"], "")
    phone = None
    split = re.split(rf"\s*:?\s*(?:{any_of('phone')})\.?\s*", unit, maxsplit=1)
    if len(split) == 2:
        unit, phone = split[0].strip(" :"), split[1].strip()
    data = doc.data
    data["unit"] = unit or doc.placeholder(doc.first, "unit", placeholder)
    if phone:
        data["phone"] = phone
    if head.get(MEMO["reference"]):
        data["reference"] = head[MEMO["reference"]]
    data["date"] = _date_or_placeholder(doc, head.get(MEMO["date"], ""))
    data["subject"] = head.get(MEMO["subject"]) or doc.placeholder(doc.first, "subject", placeholder)
    data["salutation"] = head.get(MEMO["salutation"]) or doc.placeholder(doc.first, "salutation", placeholder)
    blocks = _mixed_blocks(body)
    data["body"] = one(blocks) if blocks else doc.placeholder(doc.first, "body", placeholder)
    if closing_at is not None and closing_at < sign_at:
        data["closing"] = lines[closing_at].text
        between = lines[closing_at + 1 : sign_at]
        for line in between:
            doc.unplaced(line, line.text)
    data["signatures"] = signatures(lines[sign_at:], doc)
    for table in (b for b in rest if isinstance(b, Table) and stop is not None and b.first.number >= stop):
        doc.unplaced(table.first, _table_block(table))
    return doc


def _number(block: Block) -> int:
    return block.line.number if isinstance(block, Text) else block.first.number


def _after(part: list[Block], end: int) -> list[Block]:
    """The blocks after line `end`; a table that began in the heading gives its later lines as text."""
    out: list[Block] = []
    for block in part:
        if _number(block) > end:
            out.append(block)
        elif isinstance(block, Table):
            out.extend(Text(x) for x in block.lines if x.number > end)
    return out


_FREE_TEXT = (MEMO["subject"], MEMO["salutation"])


def _labels_in(text: str) -> list[tuple[str, str]]:
    """The memo heading labels on a line, each with the text after it, in any order; a label is
    a word of its own ("ที่" inside "วันที่" is not). Subject and salutation take the rest of the line."""
    hits: list[tuple[int, str]] = []
    for key in MEMO_FIELDS:
        start = 0
        while (at := text.find(key, start)) >= 0:
            start = at + 1
            before = at == 0 or text[at - 1] in " \t"
            after = at + len(key)
            if before and (after == len(text) or text[after] in " \t:"):
                hits.append((at, key))
    hits.sort()
    out: list[tuple[str, str]] = []
    kept: list[tuple[int, str]] = []
    for at, key in hits:
        # A longer label covering this one ("วันที่" over "ที่") wins; nothing splits free text.
        if kept and (at < kept[-1][0] + len(kept[-1][1]) or kept[-1][1] in _FREE_TEXT):
            continue
        kept.append((at, key))
    for index, (at, key) in enumerate(kept):
        stop = kept[index + 1][0] if index + 1 < len(kept) else len(text)
        out.append((key, text[at + len(key) : stop].strip(" \t:")))
    if kept and kept[0][0] > 0:
        out.insert(0, ("", text[: kept[0][0]].strip()))
    return out


def _memo_head(lines: list[Line], doc: Doc) -> tuple[dict[str, str], int]:
    """Heading fields by label, anywhere on a line and in any order, the value on the same line
    or the next; a line of no label is kept in the notes and reading carries on. Returns the
    fields and the number of the heading's last line."""
    head: dict[str, str] = {}
    end = lines[0].number if lines else 0
    last: str | None = None
    unknown: list[Line] = []
    for line in lines[1:]:
        if head.get(MEMO["salutation"]):
            break
        found = _labels_in(line.text)
        if not found:
            if last is not None and not head[last]:
                head[last] = line.text  # the label stood alone; its value is this line
            elif last == MEMO["subject"]:
                head[last] += " " + line.text  # a subject longer than one line
            elif len(unknown) < 3:
                unknown.append(line)
            else:
                break
            end = line.number
            continue
        for key, value in found:
            if key:
                head[key], last = value, key
            else:
                unknown.append(line)
        end = line.number
    if not head.get(MEMO["salutation"]):
        # No salutation: the heading ends at its last label, and the rest is body.
        unknown = [x for x in unknown if x.number < end]
    for line in unknown:
        doc.unplaced(line, line.text)
    return head, end


def _memo_field(text: str) -> str | None:
    """The memo heading field a line starts with ("ที่" must be a word of its own)."""
    for key in MEMO_FIELDS:
        if text.startswith(key) and (len(text) == len(key) or text[len(key)] in " \t:"):
            return key
    return None


def _date_or_placeholder(doc: Doc, text: str) -> str:
    try:
        parse_date(text)
        return text
    except (ValueError, TypeError):
        if text:
            doc.unplaced(doc.first, text)
        doc.missing_date = True
        return ""


# Announcements ---------------------------------------------------------------------------


def map_announcement(part: list[Block], placeholder: str) -> Doc:
    lines = texts(part)
    doc = Doc("announcement", {}, lines[0] if lines else part[0].first)  # type: ignore[union-attr]
    data = doc.data
    blocks = list(part)
    if blocks and isinstance(blocks[0], Text) and squash(blocks[0].line.text).startswith(word("announcement_start")):
        data["title"] = blocks.pop(0).line.text
    subject_at = next(
        (i for i, b in enumerate(blocks[:3]) if isinstance(b, Text) and b.line.text.startswith(word("subject"))), None
    )
    if subject_at is not None:
        data["subject"] = blocks.pop(subject_at).line.text.removeprefix(word("subject")).strip()  # type: ignore[union-attr]
    else:
        data["subject"] = data.get("title") or doc.placeholder(doc.first, "subject", placeholder)
    date_at = next((i for i, b in enumerate(blocks) if isinstance(b, Text) and _DATE_LINE.match(b.line.text)), None)
    tail: list[Block] = []
    closing: Line | None = None
    date_text = ""
    if date_at is not None:
        match = _DATE_LINE.match(blocks[date_at].line.text)  # type: ignore[union-attr]
        place, date_text = match.group(1), match.group(2)  # type: ignore[union-attr]
        tail = blocks[date_at + 1 :]
        blocks = blocks[:date_at]
        if blocks and isinstance(blocks[-1], Text) and not lead(blocks[-1].line.text):
            closing = blocks.pop().line  # type: ignore[union-attr]
        if squash(place) != squash(word("standard_date_line")):
            data["place"] = place
    else:
        # No date line: the signature still closes the document ("(name)" then position lines).
        sign_at = _signature_start(blocks)
        if sign_at is not None:
            blocks, tail = blocks[:sign_at], blocks[sign_at:]
    preamble: list[Block] = []
    sections: list[dict[str, Any]] = []
    body: list[Block] = preamble
    expected = 1
    for block in blocks:
        match = _SECTION.match(block.line.text) if isinstance(block, Text) else None
        if match and rc.to_int(match.group(1)) == expected:
            expected += 1
            section: dict[str, Any] = {"number": match.group(1)}
            bold = _BOLD_HEAD.match(match.group(2))
            if bold:
                section["heading"] = bold.group(1).strip()
                if bold.group(2).strip():
                    section["description"] = bold.group(2).strip()
            else:
                section["heading"] = match.group(2).strip()
            sections.append(section)
            body = section.setdefault("_body", [])
            continue
        if sections and body is sections[-1]["_body"] and not body and _carries_heading(sections[-1], block):
            continue
        body.append(block)
    if preamble:
        data["preamble"] = one(_mixed_blocks(preamble))
    for section in sections:
        content = _mixed_blocks(section.pop("_body", []))
        if content:
            section["body"] = one(content)
    if sections:
        data["sections"] = sections
    if closing is not None:
        data["closing"] = closing.text
    if "place" in data:
        data["place"] = data.pop("place")
    data["date"] = _date_or_placeholder(doc, date_text)
    signer_lines = [b.line for b in tail if isinstance(b, Text)]
    data["signers"] = signatures(signer_lines, doc)
    for table in (b for b in tail if isinstance(b, Table)):
        doc.unplaced(table.first, _table_block(table))
    return doc


def _carries_heading(section: dict[str, Any], block: Block) -> bool:
    """The first line of a new page that carries on a numbered item's line joins it."""
    if not (isinstance(block, Text) and block.line.turned and "description" not in section):
        return False
    if not wrap.carries_over(section["heading"], block.line.text):
        return False
    section["heading"] = wrap.join(section["heading"], block.line.text)
    return True


def _signature_start(blocks: list[Block]) -> int | None:
    """Where the closing signature begins: a "(name)" line among the last lines, only text after it."""
    start = max(0, len(blocks) - 8)
    for index in range(start, len(blocks)):
        rest = blocks[index:]
        block = blocks[index]
        if isinstance(block, Text) and _NAME.match(block.line.text) and all(isinstance(b, Text) for b in rest):
            before = blocks[index - 1] if index else None
            return index - 1 if isinstance(before, Text) and _SIGNED_BY.match(before.line.text) else index
    return None


def _mixed_blocks(part: list[Block]) -> list[Any]:
    out: list[Any] = []
    run: list[Line] = []
    for block in part:
        if isinstance(block, Text):
            run.append(block.line)
            continue
        out.extend(paragraph_blocks(run))
        run = []
        out.append(_table_block(block))
    out.extend(paragraph_blocks(run))
    return out
