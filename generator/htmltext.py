"""The text a reader sees in built HTML: outside <script> and <style>, every tag a space.
Shared by the search benchmark and the tests, so both read pages the same way."""

from __future__ import annotations

from html.parser import HTMLParser

HIDDEN = ("script", "style")


class VisibleText(HTMLParser):
    def __init__(self, hidden: tuple[str, ...] = HIDDEN) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.hidden = hidden

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.skip += tag in self.hidden
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in self.hidden
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def rendered_text(markup: str, hidden: tuple[str, ...] = HIDDEN) -> str:
    """The visible text of `markup`, whitespace not yet collapsed."""
    parser = VisibleText(hidden)
    parser.feed(markup)
    return "".join(parser.parts)
