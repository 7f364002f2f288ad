"""The site's search index, in pieces a visitor's browser fetches only when they search.

Thai is written without spaces between words, so the index keys are characters and
pairs of characters (1- and 2-grams) of each page's normalized text. Each key maps to
the set of pages that contain it (a bitset), and the keys are spread over shard files
by a hash the search worker computes the same way. A query fetches the shards of its
keys, keeps the pages that have every key, then fetches just those pages' text and
checks the words really occur there (theme_overrides/.../prongsai-search-core.js).
So the first visit fetches nothing of the index, a query fetches a few small shards
and the text of the pages it lists, and results are exact.

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

# The worker uses the same rules; tests/test_search_index.py holds both to one list.
_TAG = re.compile(r"<[^>]*>")
# re.ASCII: JavaScript's /[a-z]/i matches only ASCII letters; Python's re.I would also
# match the Kelvin sign and the long s.
_ENTITY = re.compile(r"&(#x[0-9a-f]+|#[0-9]+|[a-z]+);", re.I | re.A)
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": " "}
# JavaScript's \s, exactly.
_JS_SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_THAI_DIGITS = {0x0E50 + d: str(d) for d in range(10)}

SHARD_BYTES = 6000  # aim for shards of about this size: a few per query on a slow phone
MAX_SHARDS = 256


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name[0] == "#":
        code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
        return chr(code) if 0 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)
    return _ENTITIES.get(name.lower(), match.group(0))


def plain(html: str) -> str:
    """Text of an HTML fragment: tags become spaces, entities are decoded."""
    return _ENTITY.sub(_entity, _TAG.sub(" ", html))


def normalize(text: str) -> str:
    """What searching compares: NFC, lower case, Arabic digits, no invisible marks, one space."""
    text = unicodedata.normalize("NFC", text).lower().translate(_THAI_DIGITS).translate(_INVISIBLE)
    return _JS_SPACE.sub(" ", text).strip(" ")


def grams(text: str) -> set[str]:
    """Every character and pair of neighbouring characters of normalized text, spaces left out."""
    keys: set[str] = set()
    for word in text.split(" "):
        keys.update(word)
        keys.update(word[i : i + 2] for i in range(len(word) - 1))
    return keys


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


def _bitset(pages: Iterable[int], count: int) -> str:
    bits = bytearray((count + 7) // 8)
    for page in pages:
        bits[page >> 3] |= 1 << (page & 7)
    return base64.b64encode(bytes(bits)).decode("ascii")


def _dump(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


@dataclass(frozen=True)
class Index:
    meta: dict[str, object]  # what the worker needs to find the pieces
    files: dict[str, bytes]  # path below the search folder -> bytes


def build_index(sections: Iterable[Section]) -> Index:
    """Split the sections into per-page text files and sharded key files."""
    pages: dict[str, list[Section]] = {}
    for section in sections:
        pages.setdefault(_page(section.location), []).append(section)
    holders: dict[str, list[int]] = {}
    files: dict[str, bytes] = {}
    for number, page_sections in enumerate(pages.values()):
        keys: set[str] = set()
        for s in page_sections:
            keys |= grams(normalize(f"{s.title} {s.text}"))
        for key in keys:
            holders.setdefault(key, []).append(number)
        files[f"pages/{number}.json"] = _dump([[s.location, s.title, s.text] for s in page_sections])
    count = len(pages)
    encoded = {key: _bitset(numbers, count) for key, numbers in holders.items()}
    total = sum(len(k.encode()) + len(v) + 6 for k, v in encoded.items())
    shards = min(MAX_SHARDS, 2 ** max(0, math.ceil(math.log2(max(1, total / SHARD_BYTES)))))
    parts: list[dict[str, str]] = [{} for _ in range(shards)]
    for key, bits in encoded.items():
        parts[shard_of(key, shards)][key] = bits
    for number, part in enumerate(parts):
        files[f"keys/{number}.json"] = _dump(part)
    version = hashlib.sha256(b"".join(files[name] for name in sorted(files))).hexdigest()[:12]
    return Index({"pages": count, "shards": shards, "version": version}, files)
