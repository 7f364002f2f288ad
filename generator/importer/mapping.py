"""Map recognized documents to content dictionaries in the schema's field order.

Text that fits no field goes into the document's import_notes (shown on the
page) and is reported; nothing read from the source is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..kinds.ita_analysis import level_of
from ..thai import parse_date
from . import cells as rc
from .layout import Block, Table, Text, squash
from .reader import Line
from .words import any_of, word, words

_THAI_WORD = r"[\u0e01-\u0e4e]+"
_ORG = re.compile(rf"({any_of('org_kinds')})\s*({_THAI_WORD})")
_DISTRICT = re.compile(rf"{any_of('district')}\s*({_THAI_WORD})")
_PROVINCE = re.compile(rf"{any_of('province')}\s*({_THAI_WORD})")
_ERA = word("era").replace(".", r"\.\s?").rstrip(r"\s?")
_YEAR = re.compile(rf"{_ERA}\s*((?:25|๒๕)[0-9๐-๙]{{2}})")
_SCORE = re.compile(rf"([0-9๐-๙]{{1,3}}(?:\.[0-9๐-๙]+)?)\s*{any_of('score')}")
_LEVEL = re.compile(rf"{any_of('level')}\s*(AA|A|B|C|D|E|F)(?![A-Za-z])")
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


_FISCAL = re.compile(rf"(?:{any_of('fiscal')})\s*(?:{_ERA})?\s*((?:25|๒๕)[0-9๐-๙]{{2}})")


def find_fiscal_year(lines: list[str]) -> int | None:
    """The fiscal year a heading names ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖")."""
    for text in lines:
        match = _FISCAL.search(text)
        if match:
            return int(match.group(1).translate(rc.THAI_DIGITS))
    return None


def find_year(lines: list[str]) -> int | None:
    for text in lines:
        match = _YEAR.search(text)
        if match:
            return int(match.group(1).translate(rc.THAI_DIGITS))
    return None


def organization_from(lines: list[str]) -> dict[str, str | None]:
    """Name, kind, district and province from the heading lines, None where not found."""
    found: dict[str, str | None] = {"name": None, "kind": None, "district": None, "province": None}
    for text in lines:
        match = _ORG.search(text)
        if match and found["name"] is None:
            found["kind"], found["name"] = match.group(1), match.group(1) + match.group(2)
        for key, pattern in (("district", _DISTRICT), ("province", _PROVINCE)):
            hit = pattern.search(text)
            if hit and found[key] is None:
                found[key] = hit.group(1)
    return found


def texts(part: list[Block]) -> list[Line]:
    return [b.line for b in part if isinstance(b, Text)]


def heading(lines: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """Title lines, organization lines and the rest, from a document's leading text."""
    for index, line in enumerate(lines[:6]):
        if _ORG.search(line.text) and len(line.text) < 120:
            org = [line]
            nxt = lines[index + 1] if index + 1 < len(lines) else None
            if nxt and len(nxt.text) < 80 and (_DISTRICT.search(nxt.text) or _PROVINCE.search(nxt.text)):
                org.append(nxt)
            title = lines[:index] or []
            return title, org, lines[index + len(org) :]
    if lines and len(lines[0].text) < 150:
        return lines[:1], [], lines[1:]
    return [], [], lines


def paragraph_blocks(lines: list[Line]) -> list[Any]:
    """Text lines as rich blocks; runs of numbered lines become one list keeping their numbers."""
    out: list[Any] = []
    items: list[dict[str, str]] = []
    for line in lines:
        match = _ITEM.match(line.text)
        if match:
            items.append({"number": match.group(1), "text": match.group(2)})
            continue
        if line.numbered:  # Word's own numbering: the number is not in the text
            items.append({"text": line.text})
            continue
        if items:
            out.append({"list": items})
            items = []
        out.extend(rc.blocks(line.text))
    if items:
        out.append({"list": items})
    return out


def one(blocks: list[Any]) -> Any:
    if not blocks:
        return None
    return blocks[0] if len(blocks) == 1 else blocks


# Measures, progress and results reports -------------------------------------------------

MEASURE_ORDER = [
    "group",
    "order",
    "issue",
    "title",
    "steps",
    "responsible",
    "monitoring",
    "period",
    "actions",
    "output",
    "outcome",
    "notes",
]
SINGLE_LINE = {"order", "title", "period"}


def map_measures(kind: str, part: list[Block]) -> Doc:
    leading, trailing = _split_text(part)
    title, org, rest = heading(leading)
    doc = Doc(kind, {}, part[0].line if isinstance(part[0], Text) else part[0].first)
    data = doc.data
    if title:
        data["title"] = " ".join(x.text for x in title)
    if org:
        data["subtitle"] = " ".join(x.text for x in org)
    intro = paragraph_blocks(rest)
    if intro:
        data["intro"] = one(intro)
    columns: list[str] = []
    headers: dict[str, str] = {}
    measures: list[dict[str, Any]] = []
    known = [t for t in part if isinstance(t, Table) and t.kind == "measure"]
    for table in (t for t in part if isinstance(t, Table)):
        header = table.header if table.kind == "measure" else _same_width(known, table)
        if header is None:
            doc.unplaced(table.first, _table_block(table))
            continue
        roles = _assign_roles(header.roles)
        for role, text in zip(roles, header.cells, strict=True):
            if role != "extra" and role not in columns:
                columns.append(role)
                headers[role] = " ".join(rc.paragraphs(text))
        group: str | None = None
        for row in table.rows:
            if row.group is not None:
                group = row.group
                continue
            measure = _measure(row.values, roles, header.cells, group)
            if measure:
                measures.append(measure)
    if columns:
        data["columns"] = columns
        data["headers"] = headers
    data["measures"] = measures
    closing = paragraph_blocks(trailing)
    if closing:
        data["closing"] = one(closing)
    return doc


def _assign_roles(roles: list[str | None]) -> list[str]:
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
        elif role in SINGLE_LINE:
            found[role] = rc.flat(value)
        elif role == "actions":
            found[role] = [{"text": value}]
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


# ITA analysis ----------------------------------------------------------------------------


def map_ita(part: list[Block], year: int) -> Doc:
    leading, trailing = _split_text(part)
    title, org, rest = heading(leading)
    doc = Doc("ita_analysis", {}, part[0].line if isinstance(part[0], Text) else part[0].first)
    data = doc.data
    if title:
        data["title"] = " ".join(x.text for x in title)
    intro_lines = org + rest
    all_text = " ".join(x.text for x in intro_lines)
    assessed = find_year([x.text for x in intro_lines])
    data["assessed_year"] = assessed if assessed and assessed < year else year - 1
    score = _SCORE.search(all_text)
    first = intro_lines[0] if intro_lines else doc.first
    if score:
        data["total_score"] = to_number(score.group(1))
    else:
        data["total_score"] = doc.placeholder(first, "total_score", 0)
    level = _LEVEL.search(all_text)
    if level:
        expected = level_of(data["total_score"])
        if expected == level.group(1):
            data["level"] = level.group(1)
        else:
            doc.issues.append(
                Issue(
                    first,
                    "import_level_mismatch",
                    {"level": level.group(1), "score": data["total_score"], "expected": expected},
                )
            )
    intro = paragraph_blocks(intro_lines)
    if intro:
        data["intro"] = one(intro)
    tools: list[dict[str, Any]] = []
    headers_seen: set[str] = set()
    for table in (t for t in part if isinstance(t, Table)):
        if table.kind != "ita":
            doc.unplaced(table.first, _table_block(table))
            continue
        # The page prints its own column headings; the source's wording is kept as a note.
        wording = " | ".join(" ".join(rc.paragraphs(c)) for c in table.header.cells)  # type: ignore[union-attr]
        if wording not in headers_seen:
            headers_seen.add(wording)
            doc.unplaced(table.first, wording)
        roles = _assign_roles(table.header.roles)  # type: ignore[union-attr]
        for row in table.rows:
            if row.group is not None:
                code = _tool_code(row.group)
                if code is None:
                    doc.unplaced(row.line, row.group)
                elif not tools or tools[-1]["tool"] != code:
                    tools.append({"tool": code, "title": row.group, "indicators": []})
                continue
            indicator = _indicator(row.values, roles, table.header.cells)  # type: ignore[union-attr]
            if tools:
                tools[-1]["indicators"].append(indicator)
            else:
                doc.unplaced(row.line, [rc.flat(v) for v in row.values if v])
    data["tools"] = tools
    summary = paragraph_blocks(trailing)
    if summary:
        data["summary"] = one(summary)
    return doc


def _tool_code(text: str) -> str | None:
    match = _TOOL.search(text)
    if match:
        return match.group(1)
    squashed = squash(text)
    for code, found in words()["tool_words"].items():
        if any(w in squashed for w in found):
            return str(code)
    return None


def _indicator(values: list[Any], roles: list[str], header: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    extras: list[str] = []
    for role, value, label in zip(roles, values, header, strict=True):
        if value is None:
            continue
        if role == "name":
            name = rc.flat(value)
            lead = _LEAD_NUMBER.match(name)
            if lead:
                found["number"], name = lead.group(1), name[lead.end() :]
            score = _SCORE.search(name)
            if score:
                found["score"], name = to_number(score.group(1)), (name[: score.start()] + name[score.end() :]).strip()
            found["name"] = name
        elif role == "score":
            score = re.search(r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?", rc.flat(value))
            if score:
                found["score"] = to_number(score.group(0))
            rest = rc.flat(value).replace(score.group(0), "", 1).strip() if score else rc.flat(value)
            if rest and squash(rest) != squash(word("score")):
                extras.append(rest)
        elif role in ("issues", "suggestions"):
            blocks = value if isinstance(value, list) else [value]
            if blocks and isinstance(blocks[0], str) and _SCORE.fullmatch(blocks[0].strip()):
                found.setdefault("score", to_number(_SCORE.fullmatch(blocks[0].strip()).group(1)))  # type: ignore[union-attr]
                blocks = blocks[1:]
            if blocks:
                found[role] = one(blocks)
        else:
            extras.append(f"{' '.join(rc.paragraphs(label))}: {rc.flat(value)}")
    if extras:
        found["issues"] = rc.join(found.get("issues"), extras, inline=False)
    found.setdefault("name", "-")
    return {k: found[k] for k in ("number", "name", "score", "issues", "suggestions") if k in found}


# Memos -----------------------------------------------------------------------------------


def map_memo(part: list[Block], placeholder: str) -> Doc:
    lines = texts(part)
    doc = Doc("memo", {}, lines[0] if lines else part[0].first)  # type: ignore[union-attr]
    head: dict[str, str] = {}
    body: list[Line] = []
    index = 1
    while index < len(lines):
        text = lines[index].text
        key = _memo_field(text)
        if key is None and MEMO["subject"] in head and MEMO["salutation"] not in head:
            head[MEMO["subject"]] += " " + text  # a subject longer than one line
        elif key is None:
            break
        elif key == MEMO["reference"] and f" {MEMO['date']}" in text:
            ref, date = text.split(f" {MEMO['date']}", 1)
            head[key], head[MEMO["date"]] = ref[len(key) :].strip(" :"), date.strip(" :")
        else:
            head[key] = text[len(key) :].strip(" :")
        index += 1
    closing_at = next((i for i in range(index, len(lines)) if lines[i].text.startswith(word("memo_closing"))), None)
    sign_at = next((i for i in range(index, len(lines)) if _starts_signature(lines[i].text)), len(lines))
    end = closing_at if closing_at is not None and closing_at < sign_at else sign_at
    body = lines[index:end]
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
    blocks = paragraph_blocks(body)
    data["body"] = one(blocks) if blocks else doc.placeholder(doc.first, "body", placeholder)
    if closing_at is not None and closing_at < sign_at:
        data["closing"] = lines[closing_at].text
        between = lines[closing_at + 1 : sign_at]
        for line in between:
            doc.unplaced(line, line.text)
    data["signatures"] = signatures(lines[sign_at:], doc)
    for table in (b for b in part if isinstance(b, Table)):
        doc.unplaced(table.first, _table_block(table))
    return doc


def _memo_field(text: str) -> str | None:
    """The memo heading field a line starts with ("ที่" must be a word of its own)."""
    for key in MEMO_FIELDS:
        if text.startswith(key) and (len(text) == len(key) or text[len(key)] in " \t:"):
            return key
    return None


def _starts_signature(text: str) -> bool:
    return bool(_SIGNED_BY.match(text) or _NAME.match(text) or text.startswith(word("comment")))


def signatures(lines: list[Line], doc: Doc) -> list[dict[str, Any]]:
    """Signature blocks: optional comment label and comment, then (name) and position lines."""
    out: list[dict[str, Any]] = []
    label: str | None = None
    comment: list[str] = []
    current: dict[str, Any] | None = None
    for line in lines:
        text = line.text
        if text.startswith(word("comment")):
            current, label, comment = None, text, []
        elif _SIGNED_BY.match(text):
            current = None
        elif _NAME.match(text) and not (current and current["position"] == [] and current.get("name")):
            current = {}
            if label:
                current["comment_label"] = label
            if comment:
                current["comment"] = one(comment)
            current["name"], current["position"] = _NAME.match(text).group(1).strip(), []  # type: ignore[union-attr]
            out.append(current)
            label, comment = None, []
        elif current is not None:
            current["position"].append(text)
        elif label is not None:
            comment.append(text)
        else:
            doc.unplaced(line, text)
    if label or comment:
        doc.unplaced(lines[-1], [x for x in [label, *comment] if x])
    return out


def _date_or_placeholder(doc: Doc, text: str) -> str:
    try:
        parse_date(text)
        return text
    except (ValueError, TypeError):
        if text:
            doc.unplaced(doc.first, text)
        return doc.placeholder(doc.first, "date", word("placeholder_date"))


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
        if blocks and isinstance(blocks[-1], Text) and not _ITEM.match(blocks[-1].line.text):
            closing = blocks.pop().line  # type: ignore[union-attr]
        if squash(place) != squash(word("standard_date_line")):
            data["place"] = place
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


# OIT criteria table: a free page, since the content schema has no place for criteria ------


def oit_page(part: list[Block], placeholder: str) -> Doc:
    lines = texts(part)
    title = lines[0].text if lines and not isinstance(part[0], Table) else placeholder
    out: list[str] = []
    for block in part[1:] if lines and not isinstance(part[0], Table) else part:
        if isinstance(block, Text):
            out.append(_md_escape(block.line.text) + "\n")
            continue
        table = _table_block(block)["table"]
        out.append("| " + " | ".join(_md_escape(c) or " " for c in table["columns"]) + " |")
        out.append("|" + "---|" * len(table["columns"]))
        for row in table["rows"]:
            if isinstance(row, dict):
                cells = [f"**{_md_escape(row['group'])}**"] + [" "] * (len(table["columns"]) - 1)
            else:
                cells = [_md_escape(rc.flat(v)) or " " for v in row]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return Doc("oit_criteria", {"title": title, "markdown": "\n".join(out)}, lines[0] if lines else part[0].first)


def _md_escape(text: str) -> str:
    return re.sub(r"([\\|*_`#\[\]])", r"\\\1", text)
