"""One cell's or paragraph's text to rich text blocks.

Extracted cells carry HTML fragments (<p>, <ol>, <li>, <br>) and numbered
items run together on one line ("๑. … ๒. …" or "1. … 2. …"). Paragraphs
become separate blocks; a run of items numbered 1, 2, 3 … becomes a list
that keeps each item's own number as written.
"""

from __future__ import annotations

import html
import re
from typing import Any

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_BLOCK = re.compile(r"</?(?:p|ol|ul|li|div)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_ALT = re.compile(r"""<img\b[^>]*?\balt\s*=\s*["']([^"']*)["'][^>]*>""", re.I)
# A list marker: digits then "." or ")", not part of a decimal or a dotted number.
_MARKER = re.compile(r"(?<![0-9๐-๙.])([0-9๐-๙]{1,2})\s?[.)](?![0-9๐-๙])")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def to_int(digits: str) -> int:
    return int(digits.translate(THAI_DIGITS))


def plain(text: str) -> str:
    """Text without markup: images keep their alt text, entities are decoded."""
    text = _ALT.sub(lambda m: f" {m.group(1)} ", text)
    text = _BREAK.sub("\n", text)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub(" ", text)
    text = _BOLD.sub(r"\1", text)
    return html.unescape(text)


def paragraphs(text: str) -> list[str]:
    """The cell split at paragraph and list-item tags and line breaks, spaces tidied."""
    out = []
    for part in plain(text).split("\n"):
        part = " ".join(part.split())
        if part:
            out.append(part)
    return out


def split_numbered(text: str) -> list[tuple[str, str]] | None:
    """Items of a run-together numbered list, or None when the text is not one.

    The text must start with a marker; later markers count only when they go on
    1, 2, 3 … so "พ.ศ. ๒๕๖๔" or "ข้อ ๙.๓" inside an item never split it."""
    first = _MARKER.match(text)
    if not first:
        return None
    cuts = [(first.start(), first.end(), first.group(1))]
    expected = to_int(first.group(1)) + 1
    for match in _MARKER.finditer(text, first.end()):
        if to_int(match.group(1)) == expected:
            cuts.append((match.start(), match.end(), match.group(1)))
            expected += 1
    if len(cuts) < 2:
        return None
    items = []
    for index, (_start, end, number) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        items.append((number, text[end:stop].strip()))
    return items


def blocks(text: str) -> list[Any]:
    """Rich text blocks: paragraphs as strings, numbered runs as lists with their own numbers."""
    out: list[Any] = []
    pending: list[dict[str, str]] = []

    def flush() -> None:
        if pending:
            out.append({"list": list(pending)})
            pending.clear()

    for para in paragraphs(text):
        items = split_numbered(para)
        if items:
            flush()
            out.append({"list": [{"number": f"{n}.", "text": t} for n, t in items]})
            continue
        single = _MARKER.match(para)
        if single and single.start() == 0 and _continues(pending, out, single.group(1)):
            if not pending and out and isinstance(out[-1], dict) and "list" in out[-1]:
                pending.extend(out.pop()["list"])
            pending.append({"number": f"{single.group(1)}.", "text": para[single.end() :].strip()})
            continue
        flush()
        out.append(para)
    flush()
    return out


def _continues(pending: list[dict[str, str]], out: list[Any], number: str) -> bool:
    """A paragraph "N. …" continues the list just before it, or starts one at 1."""
    last = pending[-1] if pending else None
    if last is None and out and isinstance(out[-1], dict) and "list" in out[-1]:
        last = out[-1]["list"][-1]
    if last is None:
        return to_int(number) == 1
    try:
        return to_int(last["number"].rstrip(".")) + 1 == to_int(number)
    except ValueError:
        return False


def rich(text: str) -> Any:
    """Blocks as a content value: None when empty, one block alone, else the list."""
    found = blocks(text)
    if not found:
        return None
    return found[0] if len(found) == 1 else found


def flat(value: Any) -> str:
    """Rich text as one line of text (for fields that hold a single line)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(flat(v) for v in value if flat(v))
    if isinstance(value, dict):
        if "list" in value:
            return " ".join(f"{i['number']} {i['text']}".strip() if isinstance(i, dict) else i for i in value["list"])
        return " ".join(flat(v) for v in value.values())
    return str(value)


def join(first: Any, second: Any, inline: bool) -> Any:
    """Two rich values as one; inline joins a sentence split across a page break."""
    a = [] if first is None else (first if isinstance(first, list) else [first])
    b = [] if second is None else (second if isinstance(second, list) else [second])
    if inline and a and b and isinstance(a[-1], str) and isinstance(b[0], str):
        merged = [*a[:-1], f"{a[-1]} {b[0]}", *b[1:]]
    elif inline and a and b and isinstance(a[-1], dict) and "list" in a[-1] and isinstance(b[0], str):
        items = list(a[-1]["list"])
        items[-1] = dict(items[-1], text=f"{items[-1]['text']} {b[0]}")
        merged = [*a[:-1], {"list": items}, *b[1:]]
    elif a and b and isinstance(a[-1], dict) and "list" in a[-1] and isinstance(b[0], str) and _next_item(a[-1], b[0]):
        # A continuation row that carries on the numbering of the list above it.
        marker = _MARKER.match(b[0])
        item = {"number": f"{marker.group(1)}.", "text": b[0][marker.end() :].strip()}  # type: ignore[union-attr]
        merged = [*a[:-1], {"list": [*a[-1]["list"], item]}, *b[1:]]
    else:
        merged = a + b
    if not merged:
        return None
    return merged[0] if len(merged) == 1 else merged


def _next_item(block: dict[str, Any], text: str) -> bool:
    marker = _MARKER.match(text)
    last = block["list"][-1]
    if not marker or not isinstance(last, dict):
        return False
    try:
        return to_int(last["number"].rstrip(".)")) + 1 == to_int(marker.group(1))
    except ValueError:
        return False
