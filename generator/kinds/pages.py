"""Free Markdown pages that staff write for anything the schema does not cover.

Raw HTML in them is shown as text, links may only use web, mail and phone
addresses, and the result is sanitized once more before it reaches a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import markdown
import nh3
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markupsafe import Markup

from ..richtext import Strict

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
ALLOWED = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"scope", "colspan"},
    "td": {"colspan"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
}


class PageMeta(Strict):
    title: str
    order: int = 100
    description: str | None = None


@dataclass(frozen=True)
class Page:
    slug: str
    meta: PageMeta
    body: str


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Front matter text (or None), the body, and the line the body starts on."""
    match = _FRONT.match(text)
    if not match:
        return None, text, 1
    return match.group(1), text[match.end() :], text[: match.end()].count("\n") + 1


def body_html(body: str) -> str:
    """Staff Markdown to safe HTML: raw HTML is escaped, headings start at level 2."""
    # Extension objects, not names: names make Markdown scan every installed package's entry points (~35 ms).
    md = markdown.Markdown(extensions=[TableExtension(), TocExtension(baselevel=2), SaneListExtension()])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    rendered = md.convert(body)
    return nh3.clean(
        rendered,
        tags=ALLOWED,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener",
    )


def render(ctx: Any) -> list[Any]:
    out = []
    for page in ctx.site.pages:
        html = body_html(page.body).replace('src="assets/', 'src="../../assets/')
        out.append(ctx.page("page.md.j2", f"pages/{page.slug}.md", page.meta.title, meta=page.meta, body=Markup(html)))
    return out
