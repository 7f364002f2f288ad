"""Text that staff write: paragraphs, nested numbered lists, tables, each string of which
is made safe by safetext (a few tags kept, any other markup shown as text).
"""

from __future__ import annotations

import html
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Tag

from .catalog import labels
from .safetext import inline_html, visible_text
from .thai import ListStyle, ThaiStyle, list_marker

BLOCK_TAGS = {"p", "ol", "ul", "li"}


class Strict(BaseModel):
    """Base of every content model: unknown keys are errors, numbers may stand for text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


def paragraph_html(text: str) -> str:
    """A string as paragraphs: blank lines split paragraphs, single newlines break lines."""
    body = inline_html(text.strip())
    if any(f"<{tag}>" in body for tag in BLOCK_TAGS):
        return body
    parts = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in parts)


class ListItem(Strict):
    """A list item that has its own number or a list under it."""

    text: str = ""
    number: str | None = None
    items: list[Item] = []
    style: ListStyle | None = None


def _item_tag(value: Any) -> str:
    return "~text" if isinstance(value, (str, int, float)) else "~item"


Item = Annotated[
    Annotated[str, Tag("~text")] | Annotated[ListItem, Tag("~item")],
    Discriminator(_item_tag),
]


class ListBlock(Strict):
    """A numbered (or bulleted) list."""

    list: list[Item]
    style: ListStyle = "outline"
    start: int = 1


class GroupRow(Strict):
    """A table row that spans all columns and heads the rows under it."""

    group: str


def _row_tag(value: Any) -> str:
    return "~group" if isinstance(value, dict) else "~cells"


Row = Annotated[
    Annotated[list["RichText"], Tag("~cells")] | Annotated[GroupRow, Tag("~group")],
    Discriminator(_row_tag),
]


class Table(Strict):
    """A table inside a document."""

    caption: str | None = None
    columns: list[str]
    rows: list[Row] = []


class TableBlock(Strict):
    table: Table


class HeadingBlock(Strict):
    heading: str


def _block_tag(value: Any) -> str:
    if isinstance(value, (str, int, float)):
        return "~paragraph"
    if isinstance(value, dict):
        for key in ("table", "heading"):
            if key in value:
                return "~" + key
    return "~list"


Block = Annotated[
    Annotated[str, Tag("~paragraph")]
    | Annotated[ListBlock, Tag("~list")]
    | Annotated[TableBlock, Tag("~table")]
    | Annotated[HeadingBlock, Tag("~heading")],
    Discriminator(_block_tag),
]


def _rich_tag(value: Any) -> str:
    return "~blocks" if isinstance(value, list) else "~block"


RichText = Annotated[
    Annotated[Block, Tag("~block")] | Annotated[list[Block], Tag("~blocks")],
    Discriminator(_rich_tag),
]

ListItem.model_rebuild()
Table.model_rebuild()


def blocks_of(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


class RichRenderer:
    """Turns rich text into HTML in the site's digit style."""

    def __init__(self, thai: ThaiStyle) -> None:
        self.thai = thai

    def html(self, value: Any, prefix: str = "") -> str:
        return "".join(self.block(b, prefix) for b in blocks_of(value))

    def block(self, block: Any, prefix: str = "") -> str:
        if isinstance(block, str):
            return paragraph_html(block)
        if isinstance(block, ListBlock):
            return self.list_html(block.list, block.style, prefix, block.start)
        if isinstance(block, TableBlock):
            return self.table_html(block.table)
        if isinstance(block, HeadingBlock):
            return f'<p class="pr-subheading"><strong>{inline_html(block.heading)}</strong></p>'
        raise TypeError(type(block))

    def list_html(self, items: list[Any], style: ListStyle, prefix: str = "", start: int = 1) -> str:
        tag = "ul" if style in ("bullet", "dash") else "ol"
        out = [f'<{tag} class="pr-list pr-list-{style}">']
        for index, item in enumerate(items, start=start):
            marker, own = list_marker(style, index, prefix, self.thai)
            if isinstance(item, ListItem):
                marker, own = (item.number, item.number.rstrip(".")) if item.number else (marker, own)
                text, children, child_style = item.text, item.items, item.style or style
            else:
                text, children, child_style = item, [], style
            mark = f'<span class="pr-marker">{inline_html(marker)}</span> ' if marker else ""
            inner = self.list_html(children, child_style, own) if children else ""
            out.append(f"<li>{mark}{inline_html(text)}{inner}</li>")
        out.append(f"</{tag}>")
        return "".join(out)

    def table_html(self, table: Table) -> str:
        if table.caption:
            caption = f"<caption>{inline_html(table.caption)}</caption>"
        else:
            # Screen readers announce a table by its caption; without one, name it by its columns.
            columns = ", ".join(" ".join(visible_text(c).split()) for c in table.columns)
            text = labels()["a11y"]["table_caption"].format(columns=columns)
            caption = f'<caption class="pr-sr-only">{html.escape(text, quote=False)}</caption>'

        head = "".join(f'<th scope="col">{inline_html(c)}</th>' for c in table.columns)
        rows = []
        for row in table.rows:
            if isinstance(row, GroupRow):
                group_head = f'<th colspan="{len(table.columns)}" scope="colgroup">{inline_html(row.group)}</th>'
                rows.append(f'<tr class="pr-group">{group_head}</tr>')
            else:
                cells = "".join(f"<td>{self.html(cell)}</td>" for cell in row)
                rows.append(f"<tr>{cells}</tr>")
        body = f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        return f'<div class="pr-table-wrap"><table class="pr-table">{caption}{body}</table></div>'


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, str) and not value.strip())
