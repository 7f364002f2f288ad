"""The text a reader sees in built HTML: outside <script> and <style>, every tag a space
(but the line-break marks between Thai words, which are no text at all).
Shared by the search benchmark and the tests, so both read pages the same way."""

from __future__ import annotations

import re
from html.parser import HTMLParser

HIDDEN = ("script", "style")
# Line-break marks between Thai words (generator/wordbreak.py): no text, no space.
UNSEEN = frozenset({"wbr", "pr-w"})
_UNSEEN_TAGS = re.compile(r"</?pr-w>|<wbr>")


def without_breaks(markup: str) -> str:
    """`markup` without the line-break marks between Thai words: the HTML as the text was written."""
    return _UNSEEN_TAGS.sub("", markup)


class VisibleText(HTMLParser):
    def __init__(self, hidden: tuple[str, ...] = HIDDEN) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.hidden = hidden

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.skip += tag in self.hidden
        if tag not in UNSEEN:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in self.hidden
        if tag not in UNSEEN:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def rendered_text(markup: str, hidden: tuple[str, ...] = HIDDEN) -> str:
    """The visible text of `markup`, whitespace not yet collapsed."""
    parser = VisibleText(hidden)
    parser.feed(markup)
    return "".join(parser.parts)
