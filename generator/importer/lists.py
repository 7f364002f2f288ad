"""Numbered and dashed lists as the document nests them.

Markers: "๑." (or "1."), "๑.๑" (a number under ๑.), "(๑)", "๑)", and "-" / "•".
A marker of a style not yet open starts a list under the item before it; one of
an open style is the next item at that level, closing any deeper lists. Each
item keeps its number exactly as written ("๑)" stays "๑)", "๑" without a dot
stays "๑"). A run-together paragraph ("๑. … (๑) … (๒) … ๒. …") is split only
at markers that carry on a count (1, 2, 3 … at their level), so "พ.ศ. ๒๕๖๔",
"ข้อ ๙.๓" or "(ห้าพันบาท)" never split an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .words import MONTHS as _MONTHS

_D = "[0-9๐-๙]"
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# One marker at the start of a line: its text as written, then the item's text.
_LEAD = re.compile(
    rf"^(?P<m>\({_D}{{1,2}}\)|{_D}{{1,2}}(?:\.{_D}{{1,2}})+\.?|{_D}{{1,2}}\s?[.)](?!{_D})|[-•●▪∙◦*](?=\s)"
    # a number without a dot ("๑ การประชุม"), unless a date follows it ("๑ ตุลาคม")
    rf"|{_D}{{1,2}}(?=\s+(?!{_MONTHS})[\u0e01-\u0e4e]))\s*(?P<t>\S.*)?$"
)
# Markers inside a run-together paragraph (a dash only after a space, and only in a list of dashes).
_INNER = re.compile(
    rf"(?<![0-9๐-๙.,/])(?P<m>\({_D}{{1,2}}\)|{_D}{{1,2}}(?:\.{_D}{{1,2}})+\.?(?=\s|[\u0e01-\u0e4e])|{_D}{{1,2}}\s?[.)](?!{_D}))"
    r"|(?<=\s)(?P<dash>[-•])(?=\s)"
)


def digits(text: str) -> str:
    return text.translate(_THAI_DIGITS)


@dataclass
class Marker:
    written: str  # as in the source: "๑.", "(๒)", "๑.๑", "-"
    style: str  # dot, dotted, paren, paren_right, dash, bare (a number without a dot)
    number: tuple[int, ...]  # (1,) for "๑.", (1, 2) for "๑.๒", () for a dash


def marker(written: str) -> Marker:
    text = written.strip()
    if text in "-•●▪∙◦*":
        return Marker(text, "dash", ())
    if text.startswith("("):
        return Marker(text, "paren", (int(digits(text[1:-1])),))
    if text.endswith(")"):
        return Marker(text, "paren_right", (int(digits(text[:-1].strip())),))
    if digits(text).isdigit():
        return Marker(text, "bare", (int(digits(text)),))
    parts = [p for p in digits(text).replace(" ", "").split(".") if p]
    if len(parts) > 1:
        return Marker(text, "dotted", tuple(int(p) for p in parts))
    return Marker(text, "dot", (int(parts[0]),))


def lead(text: str) -> tuple[Marker, str] | None:
    """The list marker a line starts with, and the rest of the line."""
    match = _LEAD.match(text)
    if not match:
        return None
    return marker(match.group("m")), (match.group("t") or "").strip()


@dataclass
class _Level:
    style: str
    depth: int  # dotted numbers: how many parts
    items: list[dict[str, Any]] = field(default_factory=list)
    last: tuple[int, ...] = ()


def _key(m: Marker) -> tuple[str, int]:
    return (m.style, len(m.number) if m.style == "dotted" else 0)


class Nester:
    """Builds one nested list from markers in document order."""

    def __init__(self, gaps: bool = False) -> None:
        self.stack: list[_Level] = []
        self.root: list[dict[str, Any]] = []
        self.gaps = gaps  # lines that start with a marker may skip numbers; run-together text may not

    def fits(self, m: Marker) -> bool:
        """Whether `m` carries on this list (next number at an open level, or 1 under the last item)."""
        if not self.stack:
            return m.style == "dash" or (m.number[-1:] == (1,))
        for level in reversed(self.stack):
            if _key(m) == (level.style, level.depth):
                return m.style == "dash" or _follows(level.last, m.number, self.gaps)
        if m.style == "dotted":
            parent = next((lv for lv in reversed(self.stack) if lv.style == "dot"), None)
            return m.number[-1] == 1 and (parent is None or parent.last[-1:] == m.number[:1])
        return m.style == "dash" or m.number[-1:] == (1,)

    def add(self, m: Marker, text: str) -> None:
        item: dict[str, Any] = {"number": m.written, "text": text}
        for index in range(len(self.stack) - 1, -1, -1):
            if (self.stack[index].style, self.stack[index].depth) == _key(m):
                del self.stack[index + 1 :]
                break
        else:
            level = _Level(m.style, _key(m)[1])
            if self.stack:
                parent = self.stack[-1].items[-1]
                parent.setdefault("items", [])
                level.items = parent["items"]
            else:
                level.items = self.root
            self.stack.append(level)
        self.stack[-1].items.append(item)
        self.stack[-1].last = m.number

    def extend_last(self, text: str) -> None:
        """A line that carries on the last item's sentence (wrapped, or cut by a page break)."""
        item = self.stack[-1].items[-1]
        item["text"] = f"{item['text']} {text}".strip()

    def block(self) -> dict[str, Any] | None:
        if not self.root:
            return None
        block: dict[str, Any] = {"list": [_tidy(i) for i in self.root]}
        if all(marker(i["number"]).style == "dash" for i in self.root):
            block["style"] = "dash"
        return block


def _follows(last: tuple[int, ...], number: tuple[int, ...], gaps: bool) -> bool:
    """The next number after `last` at its level (with `gaps`, any later number)."""
    if not last or len(last) != len(number):
        return False
    if number[:-1] != last[:-1]:
        return False
    return number[-1] > last[-1] if gaps else number[-1] == last[-1] + 1


def _tidy(item: dict[str, Any]) -> dict[str, Any]:
    out = {"number": item["number"], "text": item["text"]}
    if item.get("items"):
        out["items"] = [_tidy(i) for i in item["items"]]
        if all(marker(i["number"]).style == "dash" for i in item["items"]):
            out["style"] = "dash"
    return out


def split_inline(text: str) -> list[tuple[Marker | None, str]] | None:
    """A run-together paragraph cut at its list markers; None when it holds fewer than two.
    The first piece has no marker when the paragraph opens with plain text."""
    first = lead(text)
    nester = Nester()
    cuts: list[tuple[int, int, Marker]] = []
    start = 0
    if first is not None and nester.fits(first[0]):
        nester.add(first[0], "")
        start = len(first[0].written)
        cuts.append((0, start, first[0]))
    dashes = bool(cuts) and cuts[0][2].style == "dash"
    for match in _INNER.finditer(text, start):
        if match.group("dash") and not dashes:
            continue
        m = marker(match.group("m") or match.group("dash"))
        if not nester.fits(m):
            continue
        nester.add(m, "")
        cuts.append((match.start(), match.end(), m))
    if len(cuts) < 2:
        return None
    out: list[tuple[Marker | None, str]] = []
    if cuts[0][0] > 0:
        out.append((None, text[: cuts[0][0]].strip()))
    for index, (_start, end, m) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        out.append((m, text[end:stop].strip()))
    return out
