"""Free Markdown pages that staff write for anything the schema does not cover.

Raw HTML in them is shown as text, links may only use web, mail and phone
addresses, and the result is sanitized once more before it reaches a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Generic, TypeVar

import markdown
import nh3
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markupsafe import Markup, escape
from pydantic import BaseModel

from ..nav import NavEntry
from ..richtext import Strict
from .registry import DocumentKind, HomeBlock, Section

if TYPE_CHECKING:  # types only: these modules import the kinds at run time
    from ..render import RenderContext

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
# Set up once: nh3.clean would set up a sanitizer for every page.
_CLEANER = nh3.Cleaner(tags=ALLOWED, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto", "tel"},
                       link_rel="noopener")


class PageMeta(Strict):
    title: str
    order: int = 100
    description: str | None = None


Meta = TypeVar("Meta", bound=BaseModel)


@dataclass(frozen=True)
class Page(Generic[Meta]):
    """One Markdown file of a site-wide kind (<folder>/<slug>.md): its front matter and body."""

    slug: str
    meta: Meta
    body: str


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Front matter text (or None), the body, and the line the body starts on."""
    match = _FRONT.match(text)
    if not match:
        return None, text, 1
    return match.group(1), text[match.end() :], text[: match.end()].count("\n") + 1


# Python-Markdown's link patterns search ahead from every "[" of a paragraph (time grows with
# the square of their number: 24 KB of "[" takes minutes) and each ">" of a quote nests a parse.
MAX_BRACKETS = 1000  # per paragraph; a page's longest real list of links has a few hundred
MAX_QUOTE_DEPTH = 20
_QUOTES = re.compile(r"^(?:[ \t]*>)+", re.M)


def too_complex(body: str, first_line: int) -> tuple[int, str, int] | None:
    """(line, message key, limit) of the first thing in `body` that Markdown would take too
    long on, or None. `first_line`: the file line the body starts on."""
    if body.count("[") > MAX_BRACKETS:
        line = first_line
        for block in re.split(r"(\n[ \t]*\n)", body):
            if block.count("[") > MAX_BRACKETS:
                return line, "page_too_many_brackets", MAX_BRACKETS
            line += block.count("\n")
    if body.count(">") > MAX_QUOTE_DEPTH:
        for match in _QUOTES.finditer(body):
            if match.group().count(">") > MAX_QUOTE_DEPTH:
                return first_line + body.count("\n", 0, match.start()), "page_quotes_too_deep", MAX_QUOTE_DEPTH
    return None


def converter() -> markdown.Markdown:
    """A Markdown converter for staff pages: tables, heading ids, sane lists; no raw HTML."""
    # Extension objects, not names: names make Markdown scan every installed package's entry points (~35 ms).
    md = markdown.Markdown(extensions=[TableExtension(), TocExtension(), SaneListExtension()])
    md.preprocessors.deregister("html_block")  # raw HTML is escaped, never passed through
    md.inlinePatterns.deregister("html")
    return md


@cache
def _markdown() -> markdown.Markdown:
    """One converter per process (building one compiles its patterns); reset before each use."""
    return converter()


def body_html(body: str) -> str:
    """Staff Markdown to safe HTML: raw HTML is escaped, headings start at level 2.

    The page title is the only h1, so `# x` becomes h2; `## x`, which staff write
    under a title, stays h2 too, so no level is skipped for screen readers."""
    rendered = re.sub(r"<(/?)h1\b", r"<\1h2", _markdown().reset().convert(body))
    return _CLEANER.clean(rendered)


_HEADING_OR_TABLE = re.compile(r"<h([2-6])[^>]*>(.*?)</h\1>|<table>", re.S)


def caption_tables(html: str, title: str) -> str:
    """Give every Markdown table a caption, which screen readers announce: the
    heading above it, or the page title. It is hidden on screen, where the
    heading already shows. `html` is sanitized output; `title` is escaped here."""
    out, last, current = [], 0, escape(title)
    for match in _HEADING_OR_TABLE.finditer(html):
        if match.group(1):
            current = " ".join(re.sub(r"<[^>]+>", " ", match.group(2)).split())
            continue
        out.append(html[last : match.end()])
        out.append(f'<caption class="pr-sr-only">{current}</caption>')
        last = match.end()
    out.append(html[last:])
    return "".join(out)


def section(ctx: RenderContext) -> Section:
    """The free pages, in their `order`: after the fiscal years in the navigation (under "more")
    and at the end of the home page."""
    out = []
    for page in ctx.site.pages:
        html = body_html(page.body).replace('src="assets/', 'src="../../assets/')
        html = caption_tables(html, page.meta.title)
        out.append(ctx.page("page.md.j2", f"pages/{page.slug}.md", page.meta.title, meta=page.meta, body=Markup(html)))
    if not out:
        return Section([])
    title = ctx.label("nav", "more")
    nav = NavEntry(title, children=[NavEntry(p.title, p.path) for p in out])
    return Section(out, nav, home=[HomeBlock("home_links.md.j2", {"title": title, "pages": out}, "end")])


KIND = DocumentKind("page", PageMeta, ("pages/*.md",), order=80, section=section)
