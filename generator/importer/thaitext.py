"""Text as PDF extraction and old editors really give it: the file's encoding, and
the usual damage of Thai text copied out of a PDF, repaired before anything is
matched (so "ก าหนด" reads as กำหนด everywhere) and counted for a warning.

- sara am (ำ) split into a space and sara aa: "ก าหนด", "อ านาจ";
- sara am decomposed into nikhahit and sara aa (U+0E4D U+0E32);
- a vowel or tone mark detached from its consonant by a space: "ที ่", "ก ็".
No Thai word starts with sara aa or with a combining mark, so a space before
one is never part of the text.
"""

from __future__ import annotations

import re

from ..yamlio import looks_thai_windows

# Marks that sit above or below the letter before them (never start a word).
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_DETACHED = re.compile(rf"(?<=[\u0e01-\u0e4e])[ \u00a0]+(?=[{_MARKS}])")
_AM_DECOMPOSED = re.compile("\u0e4d\u0e32|\u0e4d[ \u00a0]+\u0e32")
# A consonant (with its tone mark), a space, then sara aa: the space stood for nikhahit.
_AM_SPLIT = re.compile(r"(?<=[\u0e01-\u0e2e])([\u0e48-\u0e4b]?)[ \u00a0]+\u0e32")


def repair(text: str) -> tuple[str, int]:
    """The text with PDF damage undone, and how many places were repaired."""
    count = 0

    def counted(replacement: str):
        def sub(match: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return match.expand(replacement)

        return sub

    text = _AM_DECOMPOSED.sub(counted("\u0e33"), text)
    text = _DETACHED.sub(counted(""), text)
    text = _AM_SPLIT.sub(counted("\\1\u0e33"), text)
    return text, count


class UnknownEncoding(ValueError):
    """Bytes that no encoding Thai offices save in reads whole; `encoding` names the one they
    seem to be in (None: none at all). Replacing the bad bytes would lose letters silently."""

    def __init__(self, encoding: str | None) -> None:
        super().__init__(encoding or "unknown")
        self.encoding = encoding


def _strict(raw: bytes, encoding: str, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise UnknownEncoding(name) from None


def decode(raw: bytes) -> str:
    """Text of a .txt file: UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL bytes of
    Thai and ASCII in UTF-16 without one), TIS-620/Windows-874 as Thai Windows saves it.
    Raises UnknownEncoding rather than read a byte wrongly."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(raw, "utf-16", "UTF-16")
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(raw[3:], "utf-8", "UTF-8")
    sample = raw[: 4000 - 4000 % 2]
    for order, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        # UTF-16 without its mark: every other byte is 0x00 (ASCII) or 0x0E (Thai).
        if len(high) > 8 and sum(b in (0x00, 0x0E) for b in high) > 0.9 * len(high):
            return _strict(raw, order, "UTF-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if looks_thai_windows(raw):
            return raw.decode("cp874")
        raise UnknownEncoding(None) from None
