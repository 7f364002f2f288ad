"""The ITA analysis: the total score and level, and each tool's indicators from its table."""

from __future__ import annotations

import re
from typing import Any

from ..kinds.ita_analysis import level_of, score_text
from . import cells as rc
from .classify import LEVEL, SCORE
from .document import (
    _LEAD_NUMBER,
    _TOOL,
    Doc,
    Issue,
    _split_text,
    _table_block,
    heading,
    one,
    paragraph_blocks,
    to_number,
)
from .layout import Block, Table, Text, squash
from .origin import era_year_in
from .tables import assign_roles
from .words import word, words


def map_ita(part: list[Block], year: int) -> Doc:
    leading, trailing = _split_text(part)
    title, org, rest = heading(leading)
    doc = Doc("ita_analysis", {}, part[0].line if isinstance(part[0], Text) else part[0].first)
    data = doc.data
    heading_text = " ".join(x.text for x in title)
    # A heading that names the whole plan (the analysis is its first part) stays in the intro.
    if title and any(w in heading_text for w in words()["ita_title"]):
        data["title"] = heading_text
    else:
        org = title + org
    intro_lines = org + rest
    all_text = " ".join(x.text for x in intro_lines)
    assessed = era_year_in([x.text for x in intro_lines])
    data["assessed_year"] = assessed if assessed and assessed < year else year - 1
    score = SCORE.search(all_text)
    first = intro_lines[0] if intro_lines else doc.first
    if score:
        data["total_score"] = to_number(score.group(1))
    else:
        data["total_score"] = doc.placeholder(first, "total_score", 0)
    level = LEVEL.search(all_text)
    if level:
        expected = level_of(data["total_score"])
        if expected == level.group(1):
            data["level"] = level.group(1)
        else:
            doc.issues.append(
                Issue(
                    first,
                    "import_level_mismatch",
                    {"level": level.group(1), "score": score_text(data["total_score"]), "expected": expected},
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
        roles = assign_roles(table.header.roles)  # type: ignore[union-attr]
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
            score = SCORE.search(name)
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
            if blocks and isinstance(blocks[0], str) and SCORE.fullmatch(blocks[0].strip()):
                found.setdefault("score", to_number(SCORE.fullmatch(blocks[0].strip()).group(1)))  # type: ignore[union-attr]
                blocks = blocks[1:]
            if blocks:
                found[role] = one(blocks)
        else:
            extras.append(f"{' '.join(rc.paragraphs(label))}: {rc.flat(value)}")
    if extras:
        found["issues"] = rc.join(found.get("issues"), extras, inline=False)
    found.setdefault("name", "-")
    return {k: found[k] for k in ("number", "name", "score", "issues", "suggestions") if k in found}
