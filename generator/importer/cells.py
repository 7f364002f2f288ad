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

from . import wrap
from .lists import Marker, Nester, lead, marker, split_inline
from .words import words

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_BLOCK = re.compile(r"</?(?:p|ol|ul|li|div)\b[^>]*>", re.I)
# A tag as HTML writes one (a name, then attributes): "a<b, c>d" or "<5,000" is text, kept.
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9:-]*"
                  r"""(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*\s*/?>""", re.S)
_ALT = re.compile(r"""<img\b[^>]*?\balt\s*=\s*["']([^"']*)["'][^>]*>""", re.I)
# A list marker: digits then "." or ")", not part of a decimal or a dotted number.
_CARRY = tuple(words()["carry_on"])
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CHECKBOX = re.compile(r"<input\b[^>]*\bcheckbox\b[^>]*>", re.I)
_TICKED = re.compile("[☑☒✅]")
_UNTICKED = re.compile("[☐□]")
_CHECKED, _UNCHECKED = '<input type="checkbox" checked/>', '<input type="checkbox"/>'
# Kept through the tag stripping as private-use characters, then written back as tags.
_KEEP = {True: "\ue000", False: "\ue001"}
_BOXES = {True: _KEEP[True] + " ", False: _KEEP[False] + " "}


def to_int(digits: str) -> int:
    return int(digits.translate(THAI_DIGITS))


def plain(text: str) -> str:
    """Text without markup: images keep their alt text, checkboxes stay checkboxes
    (☑ and ☐ become them too), entities are decoded."""
    text = _ALT.sub(lambda m: f" {m.group(1)} ", text)
    text = _CHECKBOX.sub(lambda m: _BOXES[bool(re.search(r"\bchecked\b", m.group(0)))], text)
    text = _TICKED.sub(_BOXES[True], _UNTICKED.sub(_BOXES[False], text))
    text = _BREAK.sub("\n", text)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub(" ", text)
    text = _BOLD.sub(r"\1", text)
    return html.unescape(text).replace(_KEEP[True], _CHECKED).replace(_KEEP[False], _UNCHECKED)


def paragraphs(text: str) -> list[str]:
    """The cell split at paragraph and list-item tags and line breaks, spaces tidied."""
    out = []
    for part in plain(text).split("\n"):
        part = " ".join(part.split())
        if part:
            out.append(part)
    return out


def blocks(text: str) -> list[Any]:
    """Rich text blocks: paragraphs as strings, lists nested as written with their own numbers."""
    return nest_paragraphs(paragraphs(text))


def nest_paragraphs(
    paras: list[str], gaps: bool = False, numbered: list[bool] | None = None, turned: list[bool] | None = None
) -> list[Any]:
    """Paragraphs to blocks: items (a marker at the start, or several run together) join one
    nested list; a paragraph between two lists stays between them; a paragraph that starts
    with a word that cannot begin a sentence (และ, ซึ่ง …) carries on the one before it, and
    so does the first line of a new page (`turned`) that carries on the last of the page before."""
    out: list[Any] = []
    nester: Nester | None = None
    word_items: list[str] = []

    def flush() -> None:
        nonlocal nester
        if nester is not None and (block := nester.block()):
            out.append(block)
        if word_items:
            out.append({"list": list(word_items)})
            word_items.clear()
        nester = None

    def add(m: Marker, text: str) -> None:
        nonlocal nester
        if nester is None or not nester.fits(m):
            flush()
            nester = Nester(gaps)
        nester.add(m, text)

    for index, para in enumerate(paras):
        if numbered and numbered[index]:  # Word's own numbering: the number is not in the text
            if nester is not None:
                flush()
            word_items.append(para)
            continue
        if word_items:
            flush()
        pieces = split_inline(para)
        if pieces is not None:
            for m, piece in pieces:
                if m is None:
                    flush()
                    out.append(piece)
                else:
                    add(m, piece)
            continue
        if turned and turned[index] and _carry_over(out, nester, para):
            continue
        single = lead(para)
        if single is not None and single[0].style == "bare" and not _bare_list(single[0], nester, paras[index + 1 :]):
            single = None  # "๑ ครั้ง" alone is text: a list without dots needs its ๒ (or to be open already)
        opens = single is not None and single[1] and Nester(gaps).fits(single[0])
        if single is not None and single[1] and (opens or (nester is not None and nester.fits(single[0]))):
            add(*single)
            continue
        if carries_on(para):
            if nester is not None:
                nester.extend_last(para)
                continue
            if out and isinstance(out[-1], str):
                out[-1] = f"{out[-1]} {para}"
                continue
        flush()
        out.append(para)
    flush()
    return out


def _carry_over(out: list[Any], nester: Nester | None, para: str) -> bool:
    """Join `para` to the item or paragraph the page before ended with, when it carries it on."""
    if nester is not None and nester.stack:
        item = nester.stack[-1].items[-1]
        if wrap.carries_over(item["text"], para):
            item["text"] = wrap.join(item["text"], para)
            return True
        return False
    if out and isinstance(out[-1], str) and wrap.carries_over(out[-1], para):
        out[-1] = wrap.join(out[-1], para)
        return True
    return False


def _bare_list(m: Marker, nester: Nester | None, rest: list[str]) -> bool:
    """A number without a dot is a list marker when its list is open, or the next line numbers on."""
    if nester is not None and any(level.style == "bare" for level in nester.stack) and nester.fits(m):
        return True
    following = lead(rest[0]) if rest else None
    return following is not None and following[0].style == "bare" and following[0].number == (m.number[0] + 1,)


def carries_on(text: str) -> bool:
    """A line that begins with a word no Thai sentence begins with: the wrapped rest of the line before."""
    return any(text.startswith(w) and len(text) > len(w) for w in _CARRY)


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
        merged = [*a[:-1], {"list": _extend_deepest(a[-1]["list"], b[0])}, *b[1:]]
    elif a and b and isinstance(a[-1], dict) and "list" in a[-1] and isinstance(b[0], str) and _next_item(a[-1], b[0]):
        # A continuation row that carries on the numbering of the list above it.
        found = lead(b[0])
        item = {"number": found[0].written, "text": found[1]}  # type: ignore[index]
        merged = [*a[:-1], {"list": [*a[-1]["list"], item]}, *b[1:]]
    else:
        merged = a + b
    if not merged:
        return None
    return merged[0] if len(merged) == 1 else merged


def _extend_deepest(items: list[Any], text: str) -> list[Any]:
    """The list with `text` added to its last, most deeply nested item (a sentence cut by a page break)."""
    items = list(items)
    last = items[-1]
    if isinstance(last, dict) and last.get("items"):
        items[-1] = dict(last, items=_extend_deepest(last["items"], text))
    elif isinstance(last, dict):
        items[-1] = dict(last, text=f"{last['text']} {text}")
    else:
        items[-1] = f"{last} {text}"
    return items


def _next_item(block: dict[str, Any], text: str) -> bool:
    found = lead(text)
    last = block["list"][-1]
    if not found or not isinstance(last, dict) or not last.get("number"):
        return False
    before = marker(last["number"])
    return (
        before.style == found[0].style
        and before.number[:-1] == found[0].number[:-1]
        and (before.number[-1:] and found[0].number[-1:] and found[0].number[-1] == before.number[-1] + 1)
    )
