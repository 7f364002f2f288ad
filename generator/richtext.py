"""Text that staff write: paragraphs, nested numbered lists, tables.

Every string may carry the HTML fragments that documents copied from Word or
PDF carry (<p>, <ol>, <input type="checkbox"/>). Those few tags are kept,
without attributes; any other markup is escaped, so it shows as text and
never runs.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Annotated, Any, Literal

import nh3
from pydantic import BaseModel, ConfigDict, Discriminator, Tag

from .catalog import labels
from .thai import ListStyle, ThaiStyle, list_marker

SAFE_TAGS = {"p", "br", "ol", "ul", "li", "b", "strong", "i", "em", "u", "sub", "sup"}
BLOCK_TAGS = {"p", "ol", "ul", "li"}
_TAG = re.compile(r"&lt;(/?)([a-zA-Z]+)\b((?:(?!&gt;|&lt;).)*?)(/?)&gt;", re.S)
# Markdown-active characters as numeric entities, applied with str.translate (one C pass).
_MD_ACTIVE = "\\`*_{}[]#|~^=!:"
_MD_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in _MD_ACTIVE})


class Strict(BaseModel):
    """Base of every content model: unknown keys are errors, numbers may stand for text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


def _restore_safe_tag(match: re.Match[str]) -> str:
    closing, name, attrs, _ = match.groups()
    name = name.lower()
    if name == "input" and "checkbox" in attrs:
        return "☑" if "checked" in attrs else "☐"
    if name in SAFE_TAGS:
        return f"<{closing}{name}>"
    return match.group(0)


# One sanitizer, set up once: nh3.clean sets one up on every call, most of the time of a short string.
_INLINE_CLEANER = nh3.Cleaner(tags=SAFE_TAGS, attributes={}, link_rel=None)

# Characters nh3 would change (found by comparing every BMP character), and a leading BOM;
# anything else passes as is. One character class, no alternation: an alternative is tried
# at every position of the text, which doubles the time of this check on every data string.
_NEEDS_CLEANING = re.compile("[\x00\r<>&\u00a0]")


def _needs_cleaning(text: str) -> bool:
    return text.startswith("\ufeff") or _NEEDS_CLEANING.search(text) is not None


def inline_html(text: str) -> str:
    """HTML for one data string: safe tags kept, the rest escaped."""
    if not _needs_cleaning(text):  # plain text (most values): escaping would change nothing
        return text
    return _clean_inline(text)


def _clean_inline(text: str) -> str:
    return _INLINE_CLEANER.clean(_TAG.sub(_restore_safe_tag, html.escape(text, quote=False)))


def visible_text(text: str) -> str:
    """What a reader sees of a data string (safe tags removed, others kept as text)."""
    if not _needs_cleaning(text):  # no tag, entity or character to clean: seen as written
        return text
    return html.unescape(re.sub(r"<[^>]+>", " ", inline_html(text)))


# Characters md_text changes: Markdown-active ones, what html.escape and nh3 touch, and a BOM.
_MD_CHANGED = _MD_ACTIVE + "<>&\"'" + "\x00\ufeff"
# Whitespace other than the space: what str.split splits at (str.isspace), which md_text folds.
OTHER_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# One character class: an alternation or a repeated group is tried again at every position.
_MD_NOT_PLAIN = re.compile(f"[{re.escape(_MD_CHANGED)}{OTHER_SPACE}]")


def md_text(text: str) -> str:
    """One line of plain text for a Markdown context (headings, link text, nav).

    Markup is neutralised with entities, which every Markdown builder passes
    through, so no link, attribute list or emphasis can come from data.
    """
    # Returned as it is (most table cells): none of those characters, single spaces between words.
    if text and text[0] != " " != text[-1] and "  " not in text and not _MD_NOT_PLAIN.search(text):
        return text
    return _md_text(text)


def md_texts(texts: list[str]) -> list[str]:
    """md_text of each cell of a table column. A column whose cells are all plain (most) is
    checked in one pass over its joined text: no cell can hide a space at its edge, a double
    space or a character md_text changes, since each would show in the joined text."""
    joined = "\x01".join(texts)  # \x01: neither whitespace nor changed, so not a reason to fall back
    if (
        "  " not in joined
        and " \x01" not in joined
        and "\x01 " not in joined
        and joined[:1] != " " != joined[-1:]
        and not _MD_NOT_PLAIN.search(joined)
    ):
        return texts
    return [md_text(t) for t in texts]


@lru_cache(maxsize=1 << 16)  # pure; table cells, labels and names repeat across pages
def _md_text(text: str) -> str:
    flat = " ".join(visible_text(text).split())
    escaped = html.escape(flat, quote=True)
    return escaped.translate(_MD_SPECIAL)


_LOOKALIKE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀"})


def theme_label(text: str, limit: int = 90) -> str:
    """Text for places the theme prints unescaped (navigation, site name, page title).

    Markup characters become their full-width look-alikes, so nothing can be
    parsed as HTML there; the page body still shows the exact text.
    """
    flat = " ".join(visible_text(text).split()).translate(_LOOKALIKE)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


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
        tag = "ul" if style == "bullet" else "ol"
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
        return (
            f'<div class="pr-table-wrap"><table class="pr-table">{caption}'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, str) and not value.strip())


Kind = Literal["paragraph", "list", "table", "heading"]
