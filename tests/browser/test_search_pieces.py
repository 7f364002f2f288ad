"""Search costs nothing until a visitor searches, and then only the pieces a query needs.

The word-by-word recall over the whole site is tests/browser/test_search.py; here: what
the browser downloads, that a word on most pages costs the pages shown and not the whole
site's text, and that the worker computes keys, shards and normalization exactly as the
Python side that wrote the index."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

from generator.search_index import TRIGRAM_BUCKETS, normalize, query_keys, shard_of
from tools.search_bench import MORE, NOT_SEARCHING, expected_pages, site_pages

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


def _type(page, word: str) -> None:
    box = page.locator("input.md-search__input")
    box.focus()
    box.fill(word)
    box.press("End")


def _listed(page, base: str) -> list[str]:
    """URL paths of the pages listed, in order (not the "more" item)."""
    hrefs = page.eval_on_selector_all("li.md-search-result__item > a:first-child", "els => els.map(a => a.href)")
    return [re.sub(r"[?#].*$", "", h)[len(base) - 1:] or "/" for h in hrefs if "#prongsai-" not in h]


def test_a_query_fetches_its_shards_and_the_pages_it_lists(page, example_url: str, example_site: Path) -> None:
    urls = _fetched(page, example_url)
    page.goto(example_url)
    page.wait_for_load_state("networkidle")
    before = len(urls)
    _type(page, "คุณธรรม")
    page.wait_for_function("() => document.querySelectorAll('li.md-search-result__item').length > 0")
    page.wait_for_function(NOT_SEARCHING)
    meta = json.loads((example_site / "search" / "search_index.json").read_bytes())["config"]["prongsai"]
    fetched = [u.split("?")[0] for u in urls[before:] if u.startswith("search/prongsai/")]
    keys = {u for u in fetched if u.startswith("search/prongsai/keys/")}
    word = normalize("คุณธรรม")
    wanted = {f"search/prongsai/keys/{shard_of(key, meta['shards'])}.json" for key in query_keys(word)}
    assert keys == wanted and len(keys) < meta["shards"]
    # Where pages start once, then only chunks whose text holds the word (for the pages
    # checked, the best first), each once.
    assert fetched.count("search/prongsai/pages.json") == 1
    chunks = [u for u in fetched if u.startswith("search/prongsai/chunks/")]
    assert len(chunks) == len(set(chunks)) < meta["chunks"] / 4
    rows = {int(Path(u).stem): json.loads((example_site / u).read_bytes()) for u in chunks}
    assert all(word in normalize(f"{r[1]} {r[2]}" if r[3] == n else r[2]) for n, r in rows.items())


def test_a_word_on_most_pages_costs_the_pages_shown_and_more_on_request(
    page, example_url: str, example_site: Path
) -> None:
    """เทศบาล is on most of the example's pages: the first nine are checked and listed,
    with a last item "แสดงผลเพิ่ม (อีกประมาณ … หน้า)"; only those pages' text is fetched
    until the visitor clicks it, and then the next pages are appended, words marked."""
    word = "เทศบาล"
    holding = expected_pages(site_pages(example_site), word)
    sizes: dict[str, int] = {}

    def keep(request) -> None:
        path = request.url.removeprefix(example_url).split("?")[0]
        if path.startswith("search/prongsai/"):
            sizes[path] = (example_site / path).stat().st_size

    # Tall enough that the tenth item is in view: a real click, no scrolling (scrolling the
    # list to the item would ask for more by itself).
    page.set_viewport_size({"width": 1280, "height": 2400})
    page.goto(example_url)
    page.wait_for_load_state("networkidle")
    page.on("requestfinished", keep)
    _type(page, word)
    more = page.locator(MORE)
    more.wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    first = _listed(page, example_url)
    assert len(first) == 9 < len(holding) and set(first) <= holding
    label = more.inner_text()
    assert label.startswith("แสดงผลเพิ่ม") and re.search("[๐-๙]", label), label
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta.startswith("แสดง ๙ หน้า"), meta
    items = page.locator("li.md-search-result__item")
    assert all(items.nth(i).locator("mark").count() for i in range(9))
    # Before the click: the pieces of the query and the text of the pages checked, no other.
    # (A page checked and dropped is one whose text does not hold the word.)
    chunks = {p for p in sizes if p.startswith("search/prongsai/chunks/")}
    texts = {p: json.loads((example_site / p).read_bytes()) for p in chunks}
    checked = {("/" + r[0].split("#")[0]) for r in texts.values()}
    assert set(first) <= checked and not (checked - set(first)) & holding
    whole = sum(f.stat().st_size for f in (example_site / "search" / "prongsai" / "chunks").glob("*.json"))
    before = sum(sizes.values())
    assert before < 100_000 and sum(sizes[p] for p in chunks) < whole / 8, (before, whole)

    href = more.get_attribute("href")
    more.click()
    page.wait_for_function("h => ![...document.querySelectorAll('a')].some(a => a.getAttribute('href') === h)",
                           arg=href)
    page.wait_for_function(NOT_SEARCHING)
    # The nine stay where they were; the next pages come after them, words marked
    # (Material renders ten items, then four more while the list's end is in view).
    page.wait_for_function("() => document.querySelectorAll('li.md-search-result__item').length >= 14")
    now = _listed(page, example_url)
    assert now[:9] == first and len(now) >= 13 and not set(now[9:]) & set(first)
    assert set(now) <= holding and len(set(now)) == len(now)
    assert all(items.nth(i).locator("mark").count() for i in range(9, 13))
    assert sum(sizes.values()) > before


def test_the_worker_normalizes_and_shards_as_the_index_does(page, example_url: str, example_site: Path) -> None:
    source = (example_site / "assets/javascripts/workers/prongsai-search-core.js").read_text(encoding="utf-8")
    page.goto(example_url)
    page.add_script_tag(content=source)
    got = page.evaluate(
        "([words, buckets]) => words.map(w => { const n = ProngsaiSearch.normalize(w);"
        " return [n, ProngsaiSearch.keysOf(n, buckets).map(k => [k, ProngsaiSearch.shardOf(k, 64)])]; })",
        [[w for t in TRICKY for w in normalize(t).split(" ")] + TRICKY, TRIGRAM_BUCKETS],
    )
    for word, (norm, keys) in zip([w for t in TRICKY for w in normalize(t).split(" ")] + TRICKY, got, strict=True):
        assert norm == normalize(word), word
        if " " not in norm:
            assert [key for key, _ in keys] == query_keys(norm), word
        for key, shard in keys:
            assert shard == shard_of(key, 64), key


def test_asked_for_more_often_enough_the_worker_lists_every_page_once(page, example_url: str) -> None:
    """The index's own API, without the theme: more(n) checks candidates best first until n
    more pages are listed; asked until none is left, the pages are those of one long
    check, each once, and each batch fetched text only for its own pages."""
    page.goto(example_url)
    source = Path(__file__).parent.parent.parent / "theme_overrides/assets/javascripts/workers/prongsai-search-core.js"
    page.add_script_tag(content=source.read_text(encoding="utf-8"))
    got = page.evaluate(
        """async () => {
          const root = new URL('search/prongsai/', location.href).href;
          const meta = (await (await fetch('search/search_index.json')).json()).config.prongsai;
          let fetched = 0;
          const fetchJSON = url => { fetched += url.includes('/chunks/') ? 1 : 0; return fetch(url).then(r => r.json()); };
          const search = await ProngsaiSearch.create(root, meta, fetchJSON).query('เทศบาล');
          const rounds = [];
          while (search.left()) {
            await search.more(9);
            rounds.push({ listed: search.items().length, left: search.left(), fetched });
          }
          const whole = await ProngsaiSearch.create(root, meta, u => fetch(u).then(r => r.json())).query('เทศบาล');
          await whole.more(1e9);
          const pages = s => s.items().map(group => group[0].location);
          return { rounds, paged: pages(search), whole: pages(whole) };
        }"""
    )
    rounds = got["rounds"]
    assert len(rounds) > 2 and rounds[0]["listed"] == 9 and rounds[1]["listed"] == 18
    assert all(later["fetched"] > earlier["fetched"] for earlier, later in pairwise(rounds))
    assert len(got["paged"]) == len(set(got["paged"])) and sorted(got["paged"]) == sorted(got["whole"])
