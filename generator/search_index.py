"""The site's search index, in pieces a visitor's browser fetches only when they search.

Each section's text is cut at spaces into chunks of about CHUNK_CHARS characters (a
query word never holds a space, so it never straddles two chunks). Thai is written
without spaces between words, so the index keys are characters, pairs of characters and
(hashed into buckets) runs of three characters of each chunk's normalized text; a word
of three or more characters is looked up by its runs of three. Each key maps to the chunks that
contain it (and to the pages whose title has it, for ranking), and the keys are spread
over shard files by a hash the search worker computes the same way. A query fetches
the shards of its keys and a bitset of where pages start, ranks the candidate pages
from those alone, and then fetches the chunks of only the best few candidates to check
that the words really occur there (theme_overrides/.../prongsai-search-core.js); the
next few are checked when the visitor asks for more. So the first visit fetches nothing
of the index, and a query fetches a few small shards and the text of the pages it
shows: the same, however many years the site holds, give or take a bit per chunk.

This module knows nothing of the theme: it takes (location, title, text) sections in
site order and returns the files to write. `generator/search_material.py` adapts it
to Material for MkDocs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# The worker uses the same rules; tests/test_search_index.py holds both to one list.
_TAG = re.compile(r"<[^>]*>")
# A line-break opportunity inside a Thai word is no space: the word stays one for search.
_WBR = re.compile(r"<wbr\s*/?>", re.I)
# re.ASCII: JavaScript's /[a-z]/i matches only ASCII letters; Python's re.I would also
# match the Kelvin sign and the long s.
_ENTITY = re.compile(r"&(#x[0-9a-f]+|#[0-9]+|[a-z]+);", re.I | re.A)
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": " "}
# JavaScript's \s, exactly.
_JS_SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_THAI_DIGITS = {0x0E50 + d: str(d) for d in range(10)}
_REPLACED = [(chr(code), "") for code in _INVISIBLE] + [(chr(code), digit) for code, digit in _THAI_DIGITS.items()]

# A word's runs of three characters find the chunks that hold it far more exactly than
# its pairs (in a long table every pair of a Thai word is somewhere): ร้องเรียน has 20
# chunks too many among 139 at ten years, against 59 whole pages too many with pairs.
# Hashed into this many buckets they cost about as much as the pairs (391 KB at ten years).
TRIGRAM_BUCKETS = 2048
# A query fetches one shard per key (up to a dozen): small shards keep that to a few KB.
# A key's entry grows by a bit per chunk, so the shard count grows with the site instead.
SHARD_BYTES = 2000
MAX_SHARDS = 1024
CHUNK_CHARS = 1500  # a query fetches only the chunks holding its words, and each whole


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name[0] == "#":
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        return chr(code) if 0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)
    return _ENTITIES.get(name.lower(), match.group(0))


def plain(html: str) -> str:
    """Text of an HTML fragment: tags become spaces, entities are decoded."""
    return _ENTITY.sub(_entity, _TAG.sub(" ", _WBR.sub("", html)))


def normalize(text: str) -> str:
    """What searching compares: NFC, lower case, Arabic digits, no invisible marks, one space."""
    text = unicodedata.normalize("NFC", text).lower()
    for char, replacement in _REPLACED:  # twenty times faster than str.translate with a dict
        if char in text:
            text = text.replace(char, replacement)
    return _JS_SPACE.sub(" ", text).strip(" ")


@lru_cache(maxsize=1 << 17)  # a site's text repeats its runs of three: hash each once
def trigram_key(trigram: str) -> str:
    """Three neighbouring characters share a key with the others of their bucket."""
    return f"#{shard_of(trigram, TRIGRAM_BUCKETS)}"


def _mark(words: dict[str, int], text: str, bit: int) -> None:
    """Set `bit` in the bitset of every word (between spaces) of normalized text."""
    get = words.get
    for word in set(text.split(" ")):
        words[word] = get(word, 0) | bit


def _key_bits(words: dict[str, int]) -> dict[str, int]:
    """The bitsets of the words' keys: a key is in a chunk when one of its words is.
    Going word by word does the work of a repeated word once; a site has a few hundred
    thousand (key, chunk) pairs, but its words hold far fewer keys."""
    bits: dict[str, int] = {}
    get = bits.get
    for word, held in words.items():
        for key in _word_keys(word):
            bits[key] = get(key, 0) | held
    return bits


@lru_cache(maxsize=1 << 16)  # the words of a site (and of its neighbours in build-all) repeat
def _word_keys(word: str) -> frozenset[str]:
    pairs = map(str.__add__, word, word[1:])
    trigrams = map("".join, zip(word, word[1:], word[2:], strict=False))
    return frozenset((*word, *pairs, *map(trigram_key, trigrams)))


def query_keys(word: str) -> list[str]:
    """The keys a chunk holding the normalized word (no space) surely has: its character,
    its pair, or the buckets of its runs of three (the worker's keysOf)."""
    if len(word) < 3:
        return [word]
    return [trigram_key(word[i : i + 3]) for i in range(len(word) - 2)]


def shard_of(key: str, shards: int) -> int:
    """FNV-1a over the key's code points (the worker computes the same)."""
    h = 0x811C9DC5
    for char in key:
        h = ((h ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return h % shards


@dataclass(frozen=True)
class Section:
    location: str  # page URL relative to the site root, '#anchor' for a section
    title: str  # plain text
    text: str  # plain text


def _page(location: str) -> str:
    return location.split("#", 1)[0]


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """`text` cut at spaces into pieces of at most about `size` characters (a run without
    spaces stays whole); an empty text is one empty piece."""
    pieces: list[str] = []
    current: list[str] = []
    length = 0
    for word in text.split(" "):
        if current and length + len(word) > size:
            pieces.append(" ".join(current))
            current, length = [], 0
        current.append(word)
        length += len(word) + 1
    pieces.append(" ".join(current))
    return pieces


def _holders(bits: int, count: int) -> str | list[int]:
    """A set of chunk (or page) numbers below `count`, as an integer's bits: a base64
    bitset (bit n is bit n % 8 of byte n // 8, a little-endian integer's bytes), or the
    numbers themselves where fewer bytes."""
    size = (count + 7) // 8
    if bits.bit_count() * 4 < 4 * -(-size // 3):  # fewer bytes than the bitset's base64
        numbers = []
        while bits:
            lowest = bits & -bits
            numbers.append(lowest.bit_length() - 1)
            bits ^= lowest
        return numbers
    return base64.b64encode(bits.to_bytes(size, "little")).decode("ascii")


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


@dataclass(frozen=True)
class Index:
    meta: dict[str, object]  # what the worker needs to find the pieces
    files: dict[str, bytes]  # path below the search folder -> bytes


def build_index(sections: Iterable[Section]) -> Index:
    """The text chunks, the page starts and the sharded key files of the sections, in site order.

    chunks/<n>.json: [section location, section title, text, number of the section's first
    chunk] and, when the section is not its page's first, the page's title; the title's
    keys count as the section's first chunk's. pages.json: the chunks that start a page
    (a bitset). keys/<s>.json: {key: [chunks that have it, pages whose title has it]}."""
    pages: dict[str, list[Section]] = {}
    for section in sections:
        pages.setdefault(_page(section.location), []).append(section)
    words: dict[str, int] = {}  # word -> the chunks that have it, as bits
    title_words: dict[str, int] = {}  # word -> the pages whose title has it, as bits
    files: dict[str, bytes] = {}
    starts = 0
    number = 0
    for page, page_sections in enumerate(pages.values()):
        starts |= 1 << number
        page_title = page_sections[0].title
        _mark(title_words, normalize(page_title), 1 << page)
        for which, section in enumerate(page_sections):
            first = number
            for i, text in enumerate(chunks(section.text)):
                searched = f"{section.title} {text}" if i == 0 else text  # the title goes with the first chunk
                _mark(words, normalize(searched), 1 << number)
                row: list[object] = [section.location, section.title, text, first]
                if which:
                    row.append(page_title)
                files[f"chunks/{number}.json"] = _dump(row)
                number += 1
    files["pages.json"] = _dump(_holders(starts, number))
    titled = _key_bits(title_words)
    encoded = {key: [_holders(found, number), _holders(titled.get(key, 0), len(pages))]
               for key, found in _key_bits(words).items()}
    total = len(_dump(encoded))
    shards = min(MAX_SHARDS, 2 ** max(0, math.ceil(math.log2(max(1, total / SHARD_BYTES)))))
    parts: list[dict[str, list[str | list[int]]]] = [{} for _ in range(shards)]
    for key, found in encoded.items():
        parts[shard_of(key, shards)][key] = found
    for shard, part in enumerate(parts):
        files[f"keys/{shard}.json"] = _dump(part)
    version = hashlib.sha256(b"".join(files[name] for name in sorted(files))).hexdigest()[:12]
    meta = {"chunks": number, "pages": len(pages), "shards": shards, "trigrams": TRIGRAM_BUCKETS, "version": version}
    return Index(meta, files)


def read_index(folder: Path) -> list[Section]:
    """The sections an index folder holds (chunks of one section joined again), in site order."""
    meta_chunks = len(list((folder / "chunks").glob("*.json")))
    sections: dict[str, Section] = {}
    for number in range(meta_chunks):
        location, title, text, first = json.loads((folder / "chunks" / f"{number}.json").read_bytes())[:4]
        if first == number:
            sections[location] = Section(location, title, text)
        else:
            old = sections[location]
            sections[location] = Section(location, title, f"{old.text} {text}")
    return list(sections.values())

