"""The search index in pieces: every page that holds a word is among a query's candidates,
the first visit gets a stub of a few hundred bytes, and the theme's unused files are gone."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search_index import Section, build_index, normalize, plain, shard_of

SECTIONS = [
    Section("", "เทศบาลตำบลสายธารคำ", "ยินดีต้อนรับสู่เว็บไซต์ โทรศัพท์ ๐ ๔๔๐๐ ๗๒๑๐"),
    Section("#ita", "การประเมิน ITA", "ITA ๒๕๖๙ ข้อมูลเปิดเผยสาธารณะ"),
    Section("2570/measures/", "มาตรการส่งเสริมคุณธรรม", "การป้องกันการรับสินบน No Gift Policy"),
    Section("2570/measures/#step", "ขั้นตอน", "ประชุมชี้แจงเจ้าหน้าที่ทุกกอง"),
    Section("contact/", "ติดต่อ", "อีเมล saraban@example.go.th"),
]


def _holders(index, word: str) -> set[int]:
    """Pages whose bitsets hold every key of the normalized word, as the worker computes."""
    meta = index.meta
    found: set[int] | None = None
    keys = [word] if len(word) == 1 else [word[i : i + 2] for i in range(len(word) - 1)]
    for key in keys:
        part = json.loads(index.files[f"keys/{shard_of(key, meta['shards'])}.json"])
        bits = base64.b64decode(part.get(key, ""))
        pages = {p for p in range(meta["pages"]) if p >> 3 < len(bits) and bits[p >> 3] & (1 << (p & 7))}
        found = pages if found is None else found & pages
    return found or set()


def _pages_with(index, word: str) -> set[int]:
    pages = [json.loads(index.files[f"pages/{p}.json"]) for p in range(index.meta["pages"])]
    return {p for p, rows in enumerate(pages) if any(word in normalize(f"{r[1]} {r[2]}") for r in rows)}


def test_pages_and_sections_are_grouped_in_site_order() -> None:
    index = build_index(SECTIONS)
    assert index.meta["pages"] == 3
    first = json.loads(index.files["pages/0.json"])
    assert [row[0] for row in first] == ["", "#ita"]
    assert json.loads(index.files["pages/1.json"])[1] == ["2570/measures/#step", "ขั้นตอน", "ประชุมชี้แจงเจ้าหน้าที่ทุกกอง"]
    assert sum(1 for name in index.files if name.startswith("keys/")) == index.meta["shards"]


def test_a_thai_word_inside_a_run_finds_its_page_only() -> None:
    index = build_index(SECTIONS)
    assert _holders(index, normalize("คุณธรรม")) == {1}
    assert _holders(index, normalize("ธาร")) == {0}
    # Thai digits are read as Arabic digits, in the text and in the query.
    assert _holders(index, normalize("๒๕๖๙")) == _holders(index, "2569") == {0}
    assert _holders(index, normalize("GIFT")) == {1}
    assert _holders(index, "ไม่มีคำนี้") == set()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(SECTIONS))), st.integers(0, 40), st.integers(1, 8))
def test_every_page_holding_a_substring_is_a_candidate(which: int, start: int, length: int) -> None:
    index = build_index(SECTIONS)
    text = normalize(f"{SECTIONS[which].title} {SECTIONS[which].text}")
    word = text[start : start + length].strip()
    if not word or " " in word:
        return
    assert _pages_with(index, word) <= _holders(index, word)


def test_normalization_follows_the_worker() -> None:
    assert normalize("  ก\u200bข\u00a0\u3000ค\n") == "กข ค"
    assert normalize("ＡBC ๑๒") == "ａbc 12"
    assert plain("<p>a&lt;b &amp; c&gt;d</p>&#x0E01;&#3586;&bogus;") == " a<b & c>d กข&bogus;"
    # An entity past the last code point stays as written (the worker does the same).
    assert plain("&#x110000;") == "&#x110000;"


def test_the_built_site_ships_a_stub_and_pieces_not_the_whole_index(example_site: Path) -> None:
    stub_path = example_site / "search" / "search_index.json"
    stub = json.loads(stub_path.read_bytes())
    assert stub["docs"] == [] and stub_path.stat().st_size < 1000
    meta = stub["config"]["prongsai"]
    pieces = example_site / "search" / "prongsai"
    assert len(list((pieces / "pages").glob("*.json"))) == meta["pages"] >= 40
    assert len(list((pieces / "keys").glob("*.json"))) == meta["shards"]
    # The home page is page 0, as in the site's order.
    assert json.loads((pieces / "pages" / "0.json").read_bytes())[0][0] == ""
    # Nothing of Material's own search engine or any source map is published.
    assert not (example_site / "assets" / "javascripts" / "lunr").exists()
    assert not list(example_site.rglob("*.map"))
    assert not list((example_site / "assets" / "javascripts" / "workers").glob("search.*.js"))
