"""The search index in pieces: every chunk that holds a word is among a query's candidates,
the first visit gets a stub of a few hundred bytes, and the theme's unused files are gone."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search_index import Section, build_index, chunks, normalize, plain, query_keys, read_index, shard_of

SECTIONS = [
    Section("", "เทศบาลตำบลสายธารคำ", "ยินดีต้อนรับสู่เว็บไซต์ โทรศัพท์ ๐ ๔๔๐๐ ๗๒๑๐"),
    Section("#ita", "การประเมิน ITA", "ITA ๒๕๖๙ ข้อมูลเปิดเผยสาธารณะ"),
    Section("2570/measures/", "มาตรการส่งเสริมคุณธรรม", "การป้องกันการรับสินบน No Gift Policy"),
    Section("2570/measures/#step", "ขั้นตอน", "ประชุมชี้แจงเจ้าหน้าที่ทุกกอง"),
    Section("contact/", "ติดต่อ", "อีเมล saraban@example.go.th"),
]


def _numbers(held: str | list[int], count: int) -> set[int]:
    """A set as the index writes it: a base64 bitset or the numbers themselves."""
    if isinstance(held, str):
        bits = base64.b64decode(held)
        return {n for n in range(count) if n >> 3 < len(bits) and bits[n >> 3] & (1 << (n & 7))}
    return set(held)


def _holders(index, word: str, titles: bool = False) -> set[int]:
    """Chunks holding every key of the normalized word (or pages whose title holds them),
    as the worker computes."""
    meta = index.meta
    found: set[int] | None = None
    for key in query_keys(word):
        held = json.loads(index.files[f"keys/{shard_of(key, meta['shards'])}.json"]).get(key, [[], []])
        numbers = _numbers(held[1], meta["pages"]) if titles else _numbers(held[0], meta["chunks"])
        found = numbers if found is None else found & numbers
    return found or set()


def _chunk(index, number: int) -> list:
    return json.loads(index.files[f"chunks/{number}.json"])


def _chunks_with(index, word: str) -> set[int]:
    found = set()
    for c in range(index.meta["chunks"]):
        row = _chunk(index, c)
        if word in normalize(f"{row[1]} {row[2]}" if row[3] == c else row[2]):
            found.add(c)
    return found


def _starts(index) -> list[int]:
    return sorted(_numbers(json.loads(index.files["pages.json"]), index.meta["chunks"]))


def _page_of(index, chunk: int) -> int:
    return max(p for p, first in enumerate(_starts(index)) if first <= chunk)


def test_pages_sections_and_chunks_keep_site_order() -> None:
    index = build_index(SECTIONS)
    assert index.meta["pages"] == 3 and index.meta["chunks"] == 5
    assert _starts(index) == [0, 2, 4]
    # A chunk of a page's later section carries the page's title, for the result list.
    assert _chunk(index, 2) == ["2570/measures/", "มาตรการส่งเสริมคุณธรรม", "การป้องกันการรับสินบน No Gift Policy", 2]
    assert _chunk(index, 3) == ["2570/measures/#step", "ขั้นตอน", "ประชุมชี้แจงเจ้าหน้าที่ทุกกอง", 3,
                                "มาตรการส่งเสริมคุณธรรม"]
    assert sum(1 for name in index.files if name.startswith("keys/")) == index.meta["shards"]


def test_the_keys_tell_which_page_titles_hold_a_word() -> None:
    index = build_index(SECTIONS)
    assert _holders(index, normalize("คุณธรรม"), titles=True) == {1}
    assert _holders(index, normalize("ขั้นตอน"), titles=True) == set()  # a section's title, not the page's
    assert _holders(index, normalize("ขั้นตอน")) == {3}


def test_a_long_section_is_cut_at_spaces_and_only_its_chunks_with_the_word_are_candidates() -> None:
    text = " ".join(["การจัดซื้อจัดจ้างวัสดุสำนักงาน"] * 200 + ["ซ่อมแซมถนนลูกรังหมู่ที่เจ็ด"] + ["ค่าน้ำมัน"] * 300)
    assert all(len(c) <= 1600 for c in chunks(text)) and " ".join(chunks(text)) == text
    index = build_index([Section("data/contracts/", "รายการสัญญา", text)])
    assert index.meta["chunks"] > 5
    assert _holders(index, normalize("ลูกรัง")) == _chunks_with(index, normalize("ลูกรัง")) and len(
        _holders(index, normalize("ลูกรัง"))) == 1
    # The title is searched with the first chunk only, but every chunk carries it (for the
    # result list) and knows where its section starts.
    assert [_chunk(index, c)[1] for c in range(3)] == ["รายการสัญญา"] * 3
    assert _holders(index, normalize("รายการสัญญา")) == {0}
    assert {_chunk(index, c)[3] for c in range(index.meta["chunks"])} == {0}


def test_a_thai_word_inside_a_run_finds_its_page_only() -> None:
    index = build_index(SECTIONS)
    pages = lambda word: {_page_of(index, c) for c in _holders(index, normalize(word))}  # noqa: E731
    assert pages("คุณธรรม") == {1}
    assert pages("ธาร") == {0}
    # Thai digits are read as Arabic digits, in the text and in the query.
    assert pages("๒๕๖๙") == pages("2569") == {0}
    assert pages("GIFT") == {1}
    assert pages("ไม่มีคำนี้") == set()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(range(len(SECTIONS))), st.integers(0, 40), st.integers(1, 8))
def test_every_chunk_holding_a_substring_is_a_candidate(which: int, start: int, length: int) -> None:
    index = build_index(SECTIONS)
    text = normalize(f"{SECTIONS[which].title} {SECTIONS[which].text}")
    word = text[start : start + length].strip()
    if not word or " " in word:
        return
    assert _chunks_with(index, word) <= _holders(index, word)


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
    starts = _numbers(json.loads((pieces / "pages.json").read_bytes()), meta["chunks"])
    assert len(starts) == meta["pages"] >= 40 and 0 in starts
    assert len(list((pieces / "chunks").glob("*.json"))) == meta["chunks"] > meta["pages"]
    assert len(list((pieces / "keys").glob("*.json"))) == meta["shards"]
    # Read back, the pieces give every section whole again; the home page comes first.
    sections = read_index(pieces)
    assert sections[0].location == "" and len({s.location for s in sections}) == len(sections)
    assert json.loads((pieces / "chunks" / "0.json").read_bytes())[0] == ""
    # Nothing of Material's own search engine or any source map is published.
    assert not (example_site / "assets" / "javascripts" / "lunr").exists()
    assert not list(example_site.rglob("*.map"))
    assert not list((example_site / "assets" / "javascripts" / "workers").glob("search.*.js"))


def test_a_line_break_mark_inside_a_thai_word_is_no_space() -> None:
    assert plain("เทศ<wbr>บาล<WBR/>ตำบล") == "เทศบาลตำบล"


def test_sections_read_back_whole(tmp_path: Path) -> None:
    long = " ".join(f"รายการที่{n}" for n in range(900))
    index = build_index([*SECTIONS, Section("data/", "ชุดข้อมูล", long)])
    for name, body in index.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(body)
    assert read_index(tmp_path) == [*SECTIONS, Section("data/", "ชุดข้อมูล", long)]

