"""Where a line of Thai may break, decided at build time from PyThaiNLP's words.

Thai has no spaces between words. The browser's own line breaker (ICU's dictionary)
breaks words it does not know inside a syllable ("ภา|พอินโฟกราฟิก", "การก|อง",
"ตามพ|ระราชบัญญัติ"), which in a narrow table column or phone card is most of what
a reader sees. So each run of Thai letters in a table cell is held together
(<pr-w>, white-space: nowrap in prongsai.css) and gets a <wbr> only between its
words. A break is put where two of PyThaiNLP's dictionary segmenters agree (newmm
and longest matching): each errs alone ("มาตร|การ", "ทุ|กรอบ" for newmm, "ตามพ|ระ"
for longest), seldom both in the same place.

Only elements are added, never characters: copied text, innerText, Ctrl-F and the
search index are the text as written (U+200B would be copied along with it).
Tags, attributes, entities, web and e-mail addresses, numbers and codes are left
as they are. A word longer than LONG_WORD letters (an agency's full name) stays
outside the hold, so the browser can still break it in a column narrower than it.
"""

from __future__ import annotations

import contextlib
import itertools
import marshal
import os
import re
from functools import lru_cache

import pythainlp

from .program_cache import parsed_path
from .thai import MACHINE_TEXT

HOLD_OPEN, HOLD_CLOSE, BREAK = "<pr-w>", "</pr-w>", "<wbr>"
# Thai letters, vowels and tone marks (not the digits ๐-๙ nor ฿): what PyThaiNLP segments.
THAI_RUN = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]{2,}")
LONG_WORD = 20
SHORT_WORD = 5
# Tags and entities pass untouched; so does everything inside code, pre, script, style, and
# inside a hold already made (a document table inside a report's cell is broken once).
_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")
_VERBATIM = re.compile(r"<(/?)(code|pre|kbd|samp|script|style|svg|textarea|pr-w)\b", re.I)
# Bump when what breaks() returns for the same run changes.
_VERSION = "1"


def word_breaks(markup: str) -> str:
    """HTML text with its Thai words held together and <wbr> between them."""
    if not THAI_RUN.search(markup):
        return markup
    out, verbatim = [], 0
    for index, piece in enumerate(_MARKUP.split(markup)):
        if index % 2:  # a tag or an entity
            tag = _VERBATIM.match(piece)
            if tag:
                verbatim = max(0, verbatim + (-1 if tag.group(1) else 1))
            out.append(piece)
        elif verbatim or not THAI_RUN.search(piece):
            out.append(piece)
        else:
            out.append(_text_breaks(piece))
    return "".join(out)


def _text_breaks(text: str) -> str:
    out, at = [], 0
    for match in MACHINE_TEXT.finditer(text):  # addresses and file names keep their own breaks
        out += [THAI_RUN.sub(_run_html, text[at : match.start()]), match.group(0)]
        at = match.end()
    out.append(THAI_RUN.sub(_run_html, text[at:]))
    return "".join(out)


def _run_html(match: re.Match[str]) -> str:
    return run_html(match.group(0))


@lru_cache(maxsize=1 << 14)  # table cells repeat (methods, statuses, units)
def run_html(run: str) -> str:
    """One run of Thai letters as HTML: held words, <wbr> between them."""
    out: list[str] = []
    held: list[str] = []
    for start, end in itertools.pairwise((0, *breaks(run), len(run))):
        word = run[start:end]
        if len(word) > LONG_WORD:
            out += [_hold(held), word] if held else [word]
            held = []
        else:
            held.append(word)
    if held:
        out.append(_hold(held))
    return BREAK.join(out)


def _hold(words: list[str]) -> str:
    if len(words) == 1 and len(words[0]) < SHORT_WORD:  # กข, หมู่: nothing the browser could split wrongly
        return words[0]
    return HOLD_OPEN + BREAK.join(words) + HOLD_CLOSE


def breaks(run: str) -> tuple[int, ...]:
    """Offsets inside `run` (a run of Thai letters) where a line may break."""
    found = _known().get(run)
    if not isinstance(found, tuple):  # not yet segmented (or a damaged cache entry)
        found = _segment(run)
        _known()[run] = found
        _new.add(run)
    return found


def _segment(run: str) -> tuple[int, ...]:
    from pythainlp.tokenize import word_tokenize  # its dictionary loads on first use, only if needed

    def ends(engine: str) -> set[int]:
        return set(itertools.accumulate(len(w) for w in word_tokenize(run, engine=engine)))

    return tuple(sorted((ends("newmm") & ends("longest")) - {len(run)}))


# Runs already segmented, kept between builds beside the compiled templates: loading
# PyThaiNLP's dictionary takes longer than the rest of a small site's Markdown.
_CACHE_LIMIT = 200_000
_new: set[str] = set()


def _cache_path() -> str | None:
    path = parsed_path(f"words-{pythainlp.__version__}-{_VERSION}")
    return None if path is None else str(path)


@lru_cache(maxsize=1)
def _known() -> dict[str, tuple[int, ...]]:
    path = _cache_path()
    if path is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            with open(path, "rb") as file:
                known = marshal.load(file)
            if isinstance(known, dict) and len(known) < _CACHE_LIMIT:
                return known
    return {}


def keep_segmented() -> None:
    """Write the runs segmented in this build to the cache (a failure only costs time)."""
    path = _cache_path()
    if not _new or path is None:
        return
    tmp = f"{path}.{os.getpid()}.tmp"
    with contextlib.suppress(OSError, ValueError):
        with open(tmp, "wb") as file:
            marshal.dump(_known(), file)
        os.replace(tmp, path)
        _new.clear()
