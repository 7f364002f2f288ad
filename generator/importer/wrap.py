"""A line cut by a page break: when it carries on, and how to join it back.

A page number or page-turn marker between two lines of text means the printed
page ended there. The line after it carries on the one before when the one
before does not end a sentence (no closing mark, long enough to be a full
printed line) and the next does not start something new (a list marker, a
section number, a name in brackets, a date line). Thai writes no spaces
between words: a word cut in two ("ปฏิบัติ" / "การ") is joined with no space,
found by word segmentation (PyThaiNLP) of the two ends put together.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lists import lead
from .words import any_of

# What ends a sentence or a heading on paper: a closing mark, or a heading's colon.
_ENDS = re.compile(r"[.:;!?)\]”\"ฯ]\s*$")
_STARTS_NEW = re.compile(rf"^(?:[(\[“\"]|(?:{any_of('date_lines')})|(?:{any_of('signed')}))")
_THAI = re.compile(r"[\u0e01-\u0e4e]")
FULL_LINE = 40  # characters: a line this long was cut by the page's width, not ended by its writer
_ENDS_WINDOW = 12  # characters of each side the segmenter looks at


def carries_over(before: str, after: str) -> bool:
    """Whether `after`, the first line of a new page, carries on `before`, the last of the page before."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after or _ENDS.search(before) or _STARTS_NEW.match(after) or lead(after):
        return False
    return len(before) >= FULL_LINE or mid_word(before, after)


def join(before: str, after: str) -> str:
    """The two pieces as one line: no space inside a word cut in two, one space otherwise."""
    before, after = before.rstrip(), after.lstrip()
    return before + after if mid_word(before, after) else f"{before} {after}"


def mid_word(before: str, after: str) -> bool:
    """The break falls inside a Thai word: the segmenter finds no word boundary at the cut."""
    if not (before and after and _THAI.match(before[-1]) and _THAI.match(after[0])):
        return False
    return _inside(before[-_ENDS_WINDOW:].split()[-1], after[:_ENDS_WINDOW].split()[0])


@lru_cache(maxsize=256)
def _inside(left: str, right: str) -> bool:
    from pythainlp.tokenize import word_tokenize

    at = 0
    for token in word_tokenize(left + right, keep_whitespace=False):
        if at == len(left):
            return False
        if at < len(left) < at + len(token):
            return True
        at += len(token)
    return False
