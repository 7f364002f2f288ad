"""Material for MkDocs' side of search and of what the built site ships.

The sections of each page (its text up to each heading) go into Prongsai's index in
pieces (generator/search_index.py) under search/prongsai/. Material's page script
still fetches search/search_index.json and hands it to the search worker named in
main.html; that file is a stub here which only tells the worker where the pieces are.
Material's own search engine (lunr, its language files, its worker) and the source
maps are left out: nothing uses them. This is the only module that knows Material's
file layout; generator/mkdocs_hooks.py calls it.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from .catalog import labels
from .search_index import Section, build_index, plain

INDEX = Path("search") / "search_index.json"
PIECES = Path("search") / "prongsai"
# Theme files nothing on a Prongsai site loads: left out before MkDocs copies them.
UNUSED = ("assets/javascripts/lunr/*", "assets/javascripts/workers/search.*.js", "*.map")

# A section starts at a heading with an id (MkDocs' toc extension gives every heading one);
# scripts, styles and objects are no text. The permalink sign after a heading is no title.
_SKIPPED = re.compile(r"<(script|style|object)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1\s*>", re.S | re.I)
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Inline elements join their text to its neighbours ("ราย<b>งาน</b>" is one word); any
# other tag (a cell, a paragraph, a line break) parts it from them, unlike in Material's
# index, where a table's cells ran together.
_INLINE = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|pr-w|q|s|samp|small|span|strong|sub|sup"
    r"|time|u|var|wbr)(?:\s[^>]*)?/?>",
    re.I,
)
_PERMALINK = re.compile(r"""<a\b[^>]*\bclass\s*=\s*["']headerlink["'][^>]*>.*?</a\s*>""", re.S | re.I)


def _clean(html: str) -> str:
    # One space for any run of whitespace, as the worker shows it (and fewer bytes).
    return " ".join(plain(_INLINE.sub("", html)).split())


def page_sections(html: str, url: str, page_title: str) -> list[Section]:
    """A page's sections for search, as Material's search plugin divides them: the text
    before the first heading is the page's own (under the page's title) unless the page
    opens with its h1; each heading with an id starts a section at `url#id`, the first
    one at `url` itself."""
    html = _SKIPPED.sub(" ", html)
    headings = [(m, m.group(1), _ID.search(m.group(2))) for m in _HEADING.finditer(html)]
    headings = [(m, level, found.group(1) or found.group(2) or "") for m, level, found in headings if found]
    sections: list[Section] = []
    lead = _clean(html[: headings[0][0].start()] if headings else html)
    if lead or not headings or headings[0][1] != "1":
        sections.append(Section(url, page_title, lead))
    for index, (match, _level, anchor) in enumerate(headings):
        end = headings[index + 1][0].start() if index + 1 < len(headings) else len(html)
        title = _clean(_PERMALINK.sub("", match.group(3))) or page_title
        location = f"{url}#{anchor}" if sections else url
        sections.append(Section(location, title, _clean(html[match.end() : end])))
    return sections


def write_search(site_dir: Path, sections: Iterable[Section], language: str) -> int:
    """Write the index in pieces and the stub Material's script fetches; return the
    number of sections indexed."""
    sections = list(sections)
    index = build_index(sections)
    # Written beside and then swapped in: the live preview serves the folder while a
    # rebuild writes it, and a search then must find the old pieces or the new, whole.
    root, fresh, old = site_dir / PIECES, site_dir / f"{PIECES}.new", site_dir / f"{PIECES}.old"
    for folder in (fresh, old):
        shutil.rmtree(folder, ignore_errors=True)
    for folder in {(fresh / name).parent for name in index.files}:
        folder.mkdir(parents=True, exist_ok=True)
    for name, body in index.files.items():
        (fresh / name).write_bytes(body)
    if root.exists():
        root.rename(old)
    fresh.rename(root)
    shutil.rmtree(old, ignore_errors=True)
    # Material's page script passes on only `config` and `docs` to the worker.
    words = labels()["search"]
    meta = {**index.meta, "labels": {"searching": words["still_searching"], "more": words["more"],
                                     "shown_of": words["shown_of"]}}
    stub = {"config": {"lang": [language], "prongsai": meta}, "docs": []}
    path = site_dir / INDEX
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(sections)


def unused(path: str) -> bool:
    """Whether a theme file (its path in the site) is one nothing on a Prongsai site loads."""
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in UNUSED)
