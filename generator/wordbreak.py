"""Where a line of Thai may break: marks added to each built page, only where the browser
would otherwise break a line inside a syllable.

Thai has no spaces between words. Browsers break it where ICU's dictionary finds words
(see icu_lines.py). That is mostly right: a compound breaks between its parts
("ร้อง|เรียน", "งบ|ประมาณ"), as Thai is set on paper. But a word ICU does not know throws
it off inside a syllable ("ภา|พอินโฟกราฟิก", "การก|อง", "ทุกร|อบ", "โปร|แก|รม"). For such
a run of Thai letters only, a <wbr> goes between PyThaiNLP's words (where its newmm and
longest-matching segmenters agree: each errs alone, "ทุ|กรอบ" for newmm, "ตามพ|ระ" for
longest), so that ICU reads each word alone; a word ICU still splits inside a syllable is
held whole (<pr-w>, white-space: nowrap in prongsai.css). A word longer than LONG_WORD
letters (an agency's full name) is never held, so it still breaks in a narrow column.
Without ICU at build time every run is marked as if the browser knew no Thai (heavier
pages, the same lines).

The marks go into the HTML MkDocs writes, in the page's content (<article>) only: the
navigation, header and footer repeat on every page and are left as they are, and so are
code, scripts, attributes, entities, web and e-mail addresses. Only elements are added,
never characters: copied text, innerText, Ctrl-F and the search index are the text as
written (U+200B would be copied along with it).
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import marshal
import os
import re
from collections.abc import Callable
from functools import lru_cache

import pythainlp

from .icu_lines import icu_version, line_breaks
from .program_cache import parsed_path
from .thai import MACHINE_TEXT

HOLD_OPEN, HOLD_CLOSE, BREAK = "<pr-w>", "</pr-w>", "<wbr>"
# Thai letters, vowels and tone marks (not the digits ๐-๙ nor ฿): what PyThaiNLP segments.
THAI_RUN = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]{2,}")
LONG_WORD = 20
SHORT_WORD = 5
# Comments, tags (a quoted attribute may hold ">") and entities pass untouched; so does
# everything inside code, pre, script, style, svg, form fields, and inside a hold already
# made (marking twice changes nothing).
_MARKUP = re.compile(r"""(<!--.*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>|&#?\w+;)""", re.S)
_VERBATIM = re.compile(r"<(/?)(code|pre|kbd|samp|script|style|svg|math|textarea|select|option|noscript"
                       r"|title|iframe|xmp|noembed|noframes|pr-w)\b", re.I)
# Inline elements: the browser reads the text on both sides as one (ICU sees one run).
_INLINE_TAG = r"</?(?:a|abbr|b|bdi|cite|data|dfn|em|i|mark|q|s|small|span|strong|sub|sup|time|u|var)\b"
_INLINE = re.compile(_INLINE_TAG, re.I)
_ACROSS_TAGS = re.compile(f"[\u0e01-\u0e4e](?:{_INLINE_TAG}(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)+[\u0e01-\u0e4e]", re.I)
_ARTICLE = '<article class="md-content__inner'
# Bump when what the marks of the same run are changes.
_VERSION = "2"

Marks = tuple[tuple[int, ...], tuple[int, ...]]  # <wbr> offsets; hold (start, end) offsets, flat
_NONE: Marks = ((), ())


def page_breaks(html: str) -> str:
    """A whole built page (MkDocs' output) with line-break marks in the Thai of its content."""
    start = html.find(_ARTICLE)
    end = html.find("</article>", start)
    if start < 0 or end < 0:
        return html
    return html[:start] + word_breaks(html[start:end]) + html[end:]


def word_breaks(markup: str) -> str:
    """An HTML fragment with <wbr> and holds where the browser would split a Thai syllable."""
    if not _ACROSS_TAGS.search(markup) and all(run_marks(run) == _NONE for run in set(THAI_RUN.findall(markup))):
        return markup  # most pages: the browser breaks every run well on its own
    pieces = _MARKUP.split(markup)
    line: list[int] = []  # text pieces the browser reads as one line of text (inline tags between)
    verbatim, depth = "", 0  # the element marks stay out of, and how deep in it
    for index, piece in enumerate(pieces):
        if not index % 2:  # text
            if not verbatim:
                line.append(index)
            continue
        tag = _VERBATIM.match(piece)
        if tag and not piece.endswith("/>") and verbatim in ("", tag.group(2).lower()):
            depth = max(0, depth + (-1 if tag.group(1) else 1))
            verbatim = tag.group(2).lower() if depth else ""
        if verbatim or not _INLINE.match(piece):
            _mark_line(pieces, line)
            line = []
    _mark_line(pieces, line)
    return "".join(pieces)


def _mark_line(pieces: list[str], indices: list[int]) -> None:
    """Mark the Thai of consecutive text pieces in place: a run may go on across an inline tag
    (<a>, <strong>), as the browser reads it. A hold that would straddle a tag is left out."""
    texts = [pieces[i] for i in indices]
    if not any(THAI_RUN.search(t) for t in texts):
        return
    bounds = list(itertools.accumulate(map(len, texts), initial=0))
    if any(("." in t or "@" in t) and MACHINE_TEXT.search(t) for t in texts):  # addresses, file names
        texts = [MACHINE_TEXT.sub(lambda m: " " * len(m.group(0)), t) for t in texts]
    inserts: list[tuple[int, int, str]] = []  # (offset, order, mark): a hold closes, a <wbr>, a hold opens
    for match in THAI_RUN.finditer("".join(texts)):
        cuts, holds = run_marks(match.group(0))
        if not cuts and not holds:
            continue
        at = match.start()
        inserts += [(at + cut, 1, BREAK) for cut in cuts]
        for start, end in zip(holds[0::2], holds[1::2], strict=True):
            if not any(at + start < b < at + end for b in bounds):
                inserts += [(at + start, 2, HOLD_OPEN), (at + end, 0, HOLD_CLOSE)]
    if not inserts:
        return
    per_piece: dict[int, list[tuple[int, int, str]]] = {}
    for offset, order, mark in inserts:  # a hold closes in the piece it opened in; the rest go after a tag
        k = (bisect.bisect_left(bounds, offset) if order == 0 else bisect.bisect_right(bounds, offset)) - 1
        per_piece.setdefault(k, []).append((offset - bounds[k], order, mark))
    for k, marks in per_piece.items():
        text, out, last = pieces[indices[k]], [], 0
        for offset, _, mark in sorted(marks):
            out += [text[last:offset], mark]
            last = offset
        pieces[indices[k]] = "".join([*out, text[last:]])


@lru_cache(maxsize=1 << 14)
def run_html(run: str) -> str:
    """One run of Thai letters as HTML, with its marks."""
    cuts, holds = run_marks(run)
    if not cuts and not holds:
        return run
    opens, closes = set(holds[0::2]), set(holds[1::2])
    out, at = [], 0
    for point in sorted({*cuts, *opens, *closes}):
        out.append(run[at:point])
        out += [HOLD_CLOSE] * (point in closes) + [BREAK] * (point in cuts) + [HOLD_OPEN] * (point in opens)
        at = point
    out.append(run[at:])
    return "".join(out)


@lru_cache(maxsize=1 << 16)  # table cells repeat (methods, statuses, units)
def run_marks(run: str) -> Marks:
    """The marks one run of Thai letters needs: where a <wbr> goes, which words are held."""
    found = _known().get(run)
    if not (isinstance(found, tuple) and len(found) == 2):  # not yet seen (or a damaged cache entry)
        found = _marks(run)
        _known()[run] = found
        _new.add(run)
    return found


def _marks(run: str) -> Marks:
    if line_breaks(run) is None:
        return _marks_without_icu(run)
    agreed = breaks(run)
    ok = _acceptable(run, agreed)
    cuts: set[int] = set()
    while True:  # each round cuts where needed, so ICU reads the words around a bad break alone
        holds: list[int] = []
        grown = False
        for start, end in itertools.pairwise((0, *sorted(cuts), len(run))):
            bad = [start + at for at in line_breaks(run[start:end]) or () if not ok(start + at)]
            inner = [at for at in agreed if start < at < end]
            if bad and not inner:
                holds += [start, end]  # one word that ICU splits inside a syllable
            elif bad:
                for at in bad:
                    cuts.update(inner[i] for i in {max(0, _index(inner, at) - 1), _index(inner, at)} if i < len(inner))
                grown = True
        if not grown:
            return tuple(sorted(cuts)), tuple(holds)


def _index(values: list[int], value: int) -> int:
    """How many of the sorted `values` are below `value`."""
    return sum(v < value for v in values)


def _acceptable(run: str, agreed: tuple[int, ...]) -> Callable[[int], bool]:
    """Whether a line may break at an offset of `run`: between two words, between two syllables
    of a word, or anywhere in a word too long to hold."""
    pieces = list(itertools.pairwise((0, *agreed, len(run))))

    def ok(at: int) -> bool:
        if at in agreed:
            return True
        start, end = next(p for p in pieces if p[0] < at < p[1])
        return end - start > LONG_WORD or at - start in _syllable_ends(run[start:end])

    return ok


@lru_cache(maxsize=1 << 14)
def _syllable_ends(word: str) -> frozenset[int]:
    from pythainlp.tokenize import syllable_tokenize

    return frozenset(itertools.accumulate(len(s) for s in syllable_tokenize(word, engine="dict")))


def _marks_without_icu(run: str) -> Marks:
    """Every word between <wbr>, runs of words up to LONG_WORD held (a short lone word is not)."""
    agreed = breaks(run)
    holds: list[int] = []
    group: list[tuple[int, int]] = []
    for start, end in [*itertools.pairwise((0, *agreed, len(run))), (len(run), len(run) + LONG_WORD + 1)]:
        if end - start <= LONG_WORD:
            group.append((start, end))
            continue
        if group and (len(group) > 1 or group[0][1] - group[0][0] >= SHORT_WORD):
            holds += [group[0][0], group[-1][1]]
        group = []
    return agreed, tuple(holds)


def breaks(run: str) -> tuple[int, ...]:
    """Offsets inside `run` (a run of Thai letters) where two of PyThaiNLP's segmenters agree
    a word ends."""
    from pythainlp.tokenize import word_tokenize  # its dictionary loads on first use, only if needed

    def ends(engine: str) -> set[int]:
        return set(itertools.accumulate(len(w) for w in word_tokenize(run, engine=engine)))

    return tuple(sorted((ends("newmm") & ends("longest")) - {len(run)}))


# The marks of the runs already seen, kept between builds beside the compiled templates:
# loading PyThaiNLP's dictionary takes longer than marking a whole site.
_CACHE_LIMIT = 200_000
_new: set[str] = set()


def _cache_path() -> str | None:
    path = parsed_path(f"marks-{pythainlp.__version__}-icu{icu_version()}-{_VERSION}")
    return None if path is None else str(path)


@lru_cache(maxsize=1)
def _known() -> dict[str, Marks]:
    path = _cache_path()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            with open(path, "rb") as file:
                known = marshal.load(file)
            if isinstance(known, dict) and len(known) < _CACHE_LIMIT:
                return known
    return {}


def keep_segmented() -> None:
    """Write the runs marked in this build to the cache (a failure only costs time)."""
    path = _cache_path()
    if not _new or path is None:
        return
    tmp = f"{path}.{os.getpid()}.tmp"
    with contextlib.suppress(OSError, ValueError):
        with open(tmp, "wb") as file:
            marshal.dump(_known(), file)
        os.replace(tmp, path)
        _new.clear()
