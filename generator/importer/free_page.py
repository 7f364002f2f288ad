"""A free page: an OIT criteria table, or any table of no known kind, laid out as written."""

from __future__ import annotations

import re

from . import cells as rc
from .document import Doc, _table_block, texts
from .layout import Block, Table, Text


def oit_page(part: list[Block], placeholder: str, kind: str = "oit_criteria") -> Doc:
    """Title, paragraphs and real Markdown tables; a table read without a header row
    takes its first row as the header."""
    lines = texts(part)
    titled = bool(lines) and not isinstance(part[0], Table)
    title = lines[0].text if titled else placeholder
    out: list[str] = []
    for block in part[1:] if titled else part:
        if isinstance(block, Text):
            out.append(_md_escape(block.line.text) + "\n")
            continue
        table = _table_block(block)["table"]
        rows = table["rows"]
        columns = [_md_escape(c) for c in table["columns"]]
        if block.header is None and rows and not isinstance(rows[0], dict):
            columns, rows = [_md_escape(rc.flat(v)) for v in rows[0]], rows[1:]
        out.append("| " + " | ".join(c or " " for c in columns) + " |")
        out.append("|" + "---|" * len(columns))
        for row in rows:
            if isinstance(row, dict):
                cells = [f"**{_md_escape(row['group'])}**"] + [" "] * (len(columns) - 1)
            else:
                cells = [_md_escape(rc.flat(v)) or " " for v in row]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return Doc(kind, {"title": title, "markdown": "\n".join(out)}, lines[0] if lines else part[0].first)


def _md_escape(text: str) -> str:
    return re.sub(r"([\\|*_`#\[\]])", r"\\\1", text)
