"""Strings from data made safe where they are printed: as HTML (a few tags kept, any
other markup escaped, so it shows as text and never runs), as Markdown text (markup
neutralised with entities) and as theme labels (look-alike characters).

Every string may carry the HTML fragments that documents copied from Word or PDF
carry (<p>, <ol>, <input type="checkbox"/>); those few tags are kept, without
attributes.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3

SAFE_TAGS = {"p", "br", "ol", "ul", "li", "b", "strong", "i", "em", "u", "sub", "sup"}
# A tag is its name, then attributes after a space, or nothing: "a<b, c>d" is text, not <b>.
_TAG = re.compile(r"&lt;(/?)([a-zA-Z]+)((?:\s(?:(?!&gt;|&lt;).)*?)?)(/?)&gt;", re.S)
# Markdown-active characters as numeric entities, applied with str.translate (one C pass).
_MD_ACTIVE = "\\`*_{}[]#|~^=!:"
# HTML's own characters too, in the same pass: escaping first and then translating "#" made
# the apostrophe's &#x27; into "&&#35;x27;", which pages showed as "King&#x27;s".
_MD_ESCAPE = str.maketrans({**{c: f"&#{ord(c)};" for c in _MD_ACTIVE},
                            "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


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


def _plain(text: str) -> bool:
    """Whether md_text returns `text` as it is (most table cells): none of those characters,
    single spaces between words, none at either end."""
    return text[:1] != " " != text[-1:] and "  " not in text and not _MD_NOT_PLAIN.search(text)


def md_text(text: str) -> str:
    """One line of plain text for a Markdown context (headings, link text, nav).

    Markup is neutralised with entities, which every Markdown builder passes
    through, so no link, attribute list or emphasis can come from data.
    """
    return text if _plain(text) else _md_text(text)


def md_texts(texts: list[str]) -> list[str]:
    """md_text of each cell of a table column. A column whose cells are all plain (most) is
    checked in one pass over its joined text: no cell can hide a space at its edge, a double
    space or a character md_text changes, since each would show in the joined text."""
    joined = "\x01".join(texts)  # \x01: neither whitespace nor changed, so not a reason to fall back
    if _plain(joined) and " \x01" not in joined and "\x01 " not in joined:
        return texts
    return [md_text(t) for t in texts]


@lru_cache(maxsize=1 << 16)  # pure; table cells, labels and names repeat across pages
def _md_text(text: str) -> str:
    flat = " ".join(visible_text(text).split())
    return flat.translate(_MD_ESCAPE)


_LOOKALIKE = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀"})


def theme_label(text: str, limit: int = 90) -> str:
    """Text for places the theme prints unescaped (navigation, site name, page title).

    Markup characters become their full-width look-alikes, so nothing can be
    parsed as HTML there; the page body still shows the exact text.
    """
    flat = " ".join(visible_text(text).split()).translate(_LOOKALIKE)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
