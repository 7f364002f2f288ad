"""Free Markdown pages that staff write for anything the schema does not cover.

Raw HTML in them is shown as text, links may only use web, mail and phone
addresses, and the result is sanitized once more before it reaches a page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import markdown
import nh3
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension, TocTreeprocessor, remove_fnrefs, render_inner_html, strip_tags, unique
from markdown.treeprocessors import InlineProcessor
from markupsafe import Markup, escape

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
# Set up once: nh3.clean would set up a sanitizer for every page.
_CLEANER = nh3.Cleaner(tags=ALLOWED, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto", "tel"},
                       link_rel="noopener")


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


# What each inline pattern of Python-Markdown needs in a text before it can match: a text
# with none of these is left as it is by every one of them. Placeholders (STX/ETX) too.
_INLINE_NEEDS = {
    "backtick": ("`",), "escape": ("\\",), "reference": ("[",), "link": ("[",), "image_link": ("[",),
    "image_reference": ("[",), "short_reference": ("[",), "short_image_ref": ("[",), "autolink": ("<",),
    "automail": ("<",), "linebreak": ("  \n",), "entity": ("&",), "em_strong": ("*", "_"),
}
_INLINE_ACTIVE = re.compile(
    "|".join(re.escape(s) for s in sorted({"\x02", "\x03", *(s for need in _INLINE_NEEDS.values() for s in need)}))
)


class _PlainTextInline(InlineProcessor):
    """Python-Markdown's inline step, except that plain text (most Thai prose) skips the
    pattern-by-pattern search that cannot match it: a third of each page's conversion."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if patternIndex == 0 and not _INLINE_ACTIVE.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)  # type: ignore[misc]


class _IdsOnlyToc(TocTreeprocessor):
    """Python-Markdown's TOC step, except that a page without a [TOC] line only gets its
    heading ids: building, placing and serializing a table of contents nobody shows was
    two thirds of this step's time. The ids are made as the library makes them."""

    def run(self, doc: Any) -> None:
        if self.use_anchors or self.use_permalinks or any(
            el.text and el.text.strip() == self.marker and len(el) == 0 for el in doc.iter()
        ):  # any element the library could replace with a table of contents: its own path
            super().run(doc)
            return
        used_ids = {el.attrib["id"] for el in doc.iter() if "id" in el.attrib}
        counters: dict[str, int] = {}
        for el in doc.iter():
            if isinstance(el.tag, str) and self.header_rgx.match(el.tag):
                self.set_level(el)
                if "id" not in el.attrib:
                    inner = render_inner_html(remove_fnrefs(el), self.md)
                    # strip_tags on text without a tag only folds whitespace; its pattern is costly to compile
                    name = strip_tags(inner) if "<" in inner else " ".join(inner.split())
                    el.attrib["id"] = unique(self.slugify(html.unescape(name), self.sep), used_ids, counters)
                el.attrib.pop("data-toc-label", None)


class _IdsOnlyTocExtension(TocExtension):
    TreeProcessorClass = _IdsOnlyToc  # the library's own way to give the extension another step


def converter(shortcut: bool = True) -> markdown.Markdown:
    """A Markdown converter for staff pages; `shortcut=False`: the library's own inline and TOC steps."""
    # Extension objects, not names: names make Markdown scan every installed package's entry points (~35 ms).
    toc = _IdsOnlyTocExtension() if shortcut else TocExtension()
    md = markdown.Markdown(extensions=[TableExtension(), toc, SaneListExtension()])
    md.preprocessors.deregister("html_block")  # raw HTML is escaped, never passed through
    md.inlinePatterns.deregister("html")
    # The shortcut is only sound for the patterns it was written for: another Markdown version
    # with other patterns keeps the library's own inline step.
    known = len(md.inlinePatterns) == len(_INLINE_NEEDS) and all(n in md.inlinePatterns for n in _INLINE_NEEDS)
    if shortcut and known:
        md.treeprocessors.register(_PlainTextInline(md), "inline", 20)
    if shortcut:  # asked of every element; the library only ever tests membership ("in")
        md.block_level_elements = frozenset(md.block_level_elements)  # type: ignore[assignment]
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


def render(ctx: Any) -> list[Any]:
    out = []
    for page in ctx.site.pages:
        html = body_html(page.body).replace('src="assets/', 'src="../../assets/')
        html = caption_tables(html, page.meta.title)
        out.append(ctx.page("page.md.j2", f"pages/{page.slug}.md", page.meta.title, meta=page.meta, body=Markup(html)))
    return out
