"""Search costs nothing until a visitor searches, and then only the pieces a query needs.

The word-by-word recall over the whole site is tests/browser/test_search.py; here: what
the browser downloads, and that the worker computes keys, shards and normalization
exactly as the Python side that wrote the index."""

from __future__ import annotations

import json
from pathlib import Path

from generator.search_index import normalize, shard_of

TRICKY = ["เทศบาลตำบล", "๒๕๖๙", "ＡBC", "No Gift", "ก\u200bข", "e\u0301", "Σίσυφος", "😀ก", "  ค  "]


def _fetched(page, base: str) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url.removeprefix(base)))
    return urls


def test_first_visit_fetches_no_part_of_the_index(page, example_url: str, example_site: Path) -> None:
    urls = _fetched(page, example_url)
    page.goto(example_url)
    page.wait_for_load_state("networkidle")
    assert "search/search_index.json" in urls  # Material's stub: where the pieces are
    assert not [u for u in urls if u.startswith("search/prongsai/")]
    assert not [u for u in urls if "lunr" in u or u.endswith(".map")]
    assert (example_site / "search" / "search_index.json").stat().st_size < 1000


def test_a_query_fetches_its_shards_and_the_pages_it_lists(page, example_url: str, example_site: Path) -> None:
    urls = _fetched(page, example_url)
    page.goto(example_url)
    page.wait_for_load_state("networkidle")
    before = len(urls)
    box = page.locator("input.md-search__input")
    box.focus()
    box.fill("คุณธรรม")
    box.press("End")
    page.wait_for_function("() => document.querySelectorAll('li.md-search-result__item').length > 0")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item a[href*=\"#prongsai-searching\"]')")
    meta = json.loads((example_site / "search" / "search_index.json").read_bytes())["config"]["prongsai"]
    fetched = [u.split("?")[0] for u in urls[before:] if u.startswith("search/prongsai/")]
    keys = {u for u in fetched if u.startswith("search/prongsai/keys/")}
    word = normalize("คุณธรรม")
    wanted = {f"search/prongsai/keys/{shard_of(word[i:i + 2], meta['shards'])}.json" for i in range(len(word) - 1)}
    assert keys == wanted and len(keys) < meta["shards"]
    # The page map once, then only chunks whose text holds the word (or the first chunk of
    # such a chunk's section, for its title), each once.
    assert fetched.count("search/prongsai/map.json") == 1
    chunks = [u for u in fetched if u.startswith("search/prongsai/chunks/")]
    assert len(chunks) == len(set(chunks)) < meta["chunks"] / 2
    rows = {int(Path(u).stem): json.loads((example_site / u).read_bytes()) for u in chunks}
    holding = {n for n, r in rows.items() if word in normalize(f"{r[1]} {r[2]}")}
    assert holding and set(rows) == holding | {rows[n][3] for n in holding}


def test_the_worker_normalizes_and_shards_as_the_index_does(page, example_url: str, example_site: Path) -> None:
    source = (example_site / "assets/javascripts/workers/prongsai-search-core.js").read_text(encoding="utf-8")
    page.goto(example_url)
    page.add_script_tag(content=source)
    got = page.evaluate(
        "words => words.map(w => { const n = ProngsaiSearch.normalize(w);"
        " return [n, ProngsaiSearch.keysOf(n).map(k => [k, ProngsaiSearch.shardOf(k, 64)])]; })",
        TRICKY,
    )
    for word, (norm, keys) in zip(TRICKY, got, strict=True):
        assert norm == normalize(word), word
        for key, shard in keys:
            assert shard == shard_of(key, 64), key


def test_first_pages_are_shown_while_the_rest_is_checked(page, example_url: str) -> None:
    """A word on many pages: the worker hands over the likeliest pages under a "still
    searching" line before it fetches the other pages' text, and then the whole list, the
    same as without the early answer."""
    page.goto(example_url)
    source = Path(__file__).parent.parent.parent / "theme_overrides/assets/javascripts/workers/prongsai-search-core.js"
    page.add_script_tag(content=source.read_text(encoding="utf-8"))
    got = page.evaluate(
        """async () => {
          const root = new URL('search/prongsai/', location.href).href;
          const stub = await (await fetch('search/search_index.json')).json();
          const meta = stub.config.prongsai;
          const fetched = [];
          const fetchJSON = url => { fetched.push(url.slice(root.length).split('?')[0]);
                                     return fetch(url).then(r => r.json()); };
          const early = [];
          const final = await ProngsaiSearch.create(root, meta, fetchJSON)
            .query('เทศบาล', r => early.push({ r, at: fetched.length }));
          const plain = await ProngsaiSearch.create(root, meta, u => fetch(u).then(r => r.json())).query('เทศบาล');
          const pages = r => r.items.map(group => group[0].location);
          return { early: early.map(e => ({ pages: pages(e.r), first: e.r.items[0][0], at: e.at })),
                   final: pages(final), plain: pages(plain), fetched: fetched.length, label: meta.searching };
        }"""
    )
    assert len(got["early"]) == 1
    early = got["early"][0]
    assert early["first"]["location"] == "#prongsai-searching" and early["first"]["title"] == got["label"][0]
    listed = early["pages"][1:]
    assert 0 < len(listed) <= 8 < len(got["final"])
    assert set(listed) <= set(got["final"]) and "#prongsai-searching" not in got["final"]
    assert sorted(got["final"]) == sorted(got["plain"])  # the early answer changes nothing in the last
    assert early["at"] < got["fetched"]  # shown before the other pages' text was fetched
