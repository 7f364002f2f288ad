"""A Python-Markdown extension that passes the generator's own HTML blocks through unparsed.

The pages' tables are HTML the generator wrote (escaped and sanitized by render.py), in
the Markdown files as ordinary raw HTML blocks. Python-Markdown finds where such a block
ends with Python's HTML parser, and MkDocs parses it once more for anchors; for a long
dataset table that is most of a page's build. This preprocessor, through the extension
API Python-Markdown documents (a preprocessor and the HTML stash), sets aside each block
that opens at the start of a line with a table, or a div, details, figure or paragraph
of a `pr-` class, and closes where its tags balance, as Python-Markdown would have,
without parsing it. A block that names an anchor (`id=`) or asks for Markdown inside is
left to Python-Markdown and MkDocs as before, so links to it are still checked. The
output is the same page.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_OPENS = re.compile(r'<(table|div|details|figure|p)(?=[\s>])(\s+class="pr-)?')
_KEEP_OUT = re.compile(r'\sid\s*=|\smarkdown\s*=\s*"(?!0")')
# After Python-Markdown's whitespace step (30), before MkDocs' anchor scan (21) and the
# raw HTML blocks (20).
PRIORITY = 25


def block_end(lines: list[str], at: int) -> int | None:
    """The line after the block that opens at line `at`, or None where Python-Markdown should look."""
    opened = _OPENS.match(lines[at])
    if opened is None or (at and lines[at - 1].strip()):  # a block starts after a blank line
        return None
    tag = opened.group(1)
    if tag != "table" and not opened.group(2):
        return None
    open_tag, close_tag = re.compile(rf"<{tag}(?=[\s>])"), f"</{tag}>"
    depth = 0
    for end in range(at, len(lines)):
        text = lines[end]
        if _KEEP_OUT.search(text):
            return None
        depth += len(open_tag.findall(text)) - text.count(close_tag)
        if depth <= 0:
            closes_line = text.rstrip().endswith(close_tag)
            blank_after = end + 1 == len(lines) or not lines[end + 1].strip()
            return end + 1 if depth == 0 and closes_line and blank_after else None
    return None


class _StashBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        at = 0
        while at < len(lines):
            end = block_end(lines, at)
            if end is None:
                out.append(lines[at])
                at += 1
            else:
                out += ["", self.md.htmlStash.store("\n".join(lines[at:end]) + "\n"), ""]
                at = end
        return out


class StashBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # the name Python-Markdown calls
        md.preprocessors.register(_StashBlocks(md), "prongsai_blocks", PRIORITY)
