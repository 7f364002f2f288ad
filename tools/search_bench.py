"""Search benchmark: does the site's own search box find Thai words?

    python tools/search_bench.py [--site site] [--words 50]

For Thai words taken from the built site's text, it types each word into the
search box in headless Chromium and compares the pages listed with the pages
whose article text contains the word; it also prints the size of the search
index per page. `make search-bench` runs it on the example site.
The same functions drive tests/browser/test_search.py.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import sys
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # run as a script from tools/: the generator is in the folder above
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.chromium import CHROMIUM_FLAGS, find_chromium
from generator.htmltext import rendered_text

# Words the issue names; they must be present in the example site's text.
REQUIRED_WORDS = ("งบประมาณ", "ผู้บริหาร", "ทุจริต", "ร้องเรียน", "จัดซื้อจัดจ้าง")
CHROMIUM = find_chromium() or "chromium"
_THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def normalize(text: str) -> str:
    """The search worker's normalization: NFC, lower case, Arabic digits, no zero-width, one space."""
    text = unicodedata.normalize("NFC", text).lower().translate(_THAI_DIGITS)
    return " ".join(_ZERO_WIDTH.sub("", text).split())


def article_text(markup: str) -> str:
    """A page's article content (what the search index holds), normalized.

    The print control above the document is theme chrome, not page text."""
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', markup, re.S)
    if not match:
        return ""
    body = re.sub(r'<div class="pr-toolbar">.*?</div>', "", match.group(1), count=1, flags=re.S)
    return normalize(rendered_text(body))


def site_pages(site: Path) -> dict[str, str]:
    """URL path (as served, e.g. '/' or '/2568/') -> article text, for every page but 404."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        url = "/" if rel == "." else f"/{rel}/"
        pages[url] = article_text(html.read_text(encoding="utf-8"))
    return {url: text for url, text in pages.items() if text}


def pick_words(pages: dict[str, str], count: int = 50) -> list[str]:
    """The required words plus frequent Thai words (PyThaiNLP segmentation) that sit
    inside longer runs of Thai text, on some but not all pages; deterministic."""
    from pythainlp.tokenize import word_tokenize

    texts = list(pages.values())
    tally: dict[str, int] = {}
    for text in texts:
        seen = set()
        for run in _THAI_RUN.findall(text):
            for token in word_tokenize(run, engine="newmm", keep_whitespace=False):
                if len(token) >= 4 and token != run and _THAI_RUN.fullmatch(token):
                    seen.add(token)
        for token in seen:
            tally[token] = tally.get(token, 0) + 1
    words = [w for w in REQUIRED_WORDS]
    ranked = sorted(tally, key=lambda w: (-tally[w], w))
    for word in ranked:
        if len(words) >= count:
            break
        on = sum(word in text for text in texts)
        if word not in words and 0 < on < len(texts):
            words.append(word)
    return words


def expected_pages(pages: dict[str, str], word: str) -> set[str]:
    needle = normalize(word)
    return {url for url, text in pages.items() if needle in text}


def index_size(site: Path, pages: dict[str, str]) -> tuple[int, float]:
    """Bytes of the whole search index (the stub and every piece under search/) and bytes per page;
    a visitor fetches only the pieces a query needs."""
    size = sum(p.stat().st_size for p in (site / "search").rglob("*") if p.is_file())
    return size, size / max(len(pages), 1)


@contextmanager
def served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


MORE = 'a[href*="#prongsai-more-"]'
NOT_SEARCHING = "() => !document.querySelector('.md-search-result__item a[href*=\"#prongsai-searching\"]')"


def show_more(page: Any) -> bool:
    """Click the list's "แสดงผลเพิ่ม" item, if it is rendered, and wait until it has been replaced."""
    more = page.locator(MORE)
    if not more.count():
        return False
    href = more.first.get_attribute("href")
    more.first.dispatch_event("click")  # where it is: no scrolling, which would ask for more itself
    page.wait_for_function("h => ![...document.querySelectorAll('a')].some(a => a.getAttribute('href') === h)",
                           arg=href)
    return True


# The worker's messages to the page's script (see workers/prongsai-search.js), recorded
# by a listener of our own on the same channel.
LISTEN = """() => { if (window.prongsaiHeard) return;
  window.prongsaiHeard = { meta: null };
  new BroadcastChannel('prongsai-search').addEventListener('message', e => {
    if (e.data && e.data.type === 'meta') window.prongsaiHeard.meta = e.data; }); }"""
# A new list of the query: more pages, or the last (more asked for may find none to add).
NEW_STATE = ("([query, last]) => { const m = window.prongsaiHeard.meta;"
             " return !!m && m.query === query && (m.ref !== last || m.text === null); }")
ASK = "ref => new BroadcastChannel('prongsai-search').postMessage({ type: 'more', ref })"


def listen(page: Any) -> None:
    """Record what the search worker tells the page (call before typing a query)."""
    page.evaluate(LISTEN)


def search_box(page: Any, base_url: str, word: str) -> set[str]:
    """Type `word` into the site's search box; URL paths of every page listed.

    The worker lists the best pages and a "แสดงผลเพิ่ม" item; more is asked for here
    until the list is whole. Material renders 10 results, then more as the list
    scrolls: scroll until the list holds as many pages as the count the box announces."""
    listen(page)
    box = page.locator("input.md-search__input")
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                                ".translations['search.result.placeholder']")
    box.fill("")
    box.press("End")
    page.wait_for_function("p => document.querySelector('.md-search-result__meta').textContent === p", arg=placeholder)
    box.fill(word)
    box.press("End")
    page.wait_for_function("p => document.querySelector('.md-search-result__meta').textContent !== p", arg=placeholder)
    whole_list(page, word)
    hrefs = page.eval_on_selector_all("li.md-search-result__item > a:first-child", "els => els.map(a => a.href)")
    prefix = base_url.rstrip("/")
    return {re.sub(r"[?#].*$", "", h)[len(prefix):] or "/" for h in hrefs}


def whole_list(page: Any, query: str) -> int:
    """Ask for more, as a click on "แสดงผลเพิ่ม" does, until the list of `query` (as typed)
    is whole, then scroll until every page of it is rendered; the number of pages listed.
    `listen` must have been called before the query was typed."""
    asked = ""
    for _ in range(1000):
        page.wait_for_function(NEW_STATE, arg=[query, asked], timeout=120_000)
        heard = page.evaluate("() => window.prongsaiHeard.meta")
        if heard["text"] is None:
            break
        asked = heard["ref"]
        page.evaluate(ASK, asked)
    page.wait_for_function(NOT_SEARCHING)
    meta = page.locator(".md-search-result__meta")
    items = page.locator("li.md-search-result__item")
    digits = re.findall(r"\d+", meta.inner_text().translate(_THAI_DIGITS))
    announced = int(digits[0]) if digits else (1 if items.count() else 0)
    for _ in range(1000):
        if items.count() >= announced:
            break
        # Each new batch waits for the list's end to come into view again.
        page.evaluate("document.querySelector('.md-search__scrollwrap').scrollTop = 0")
        page.wait_for_timeout(30)
        page.evaluate("document.querySelector('.md-search__scrollwrap').scrollTop = 1e9")
        page.wait_for_timeout(60)
    return items.count()


@dataclass
class WordResult:
    word: str
    expected: set[str]
    found: set[str]

    @property
    def missed(self) -> set[str]:
        return self.expected - self.found

    @property
    def wrong(self) -> set[str]:
        return self.found - self.expected


def open_search(page: Any, url: str) -> None:
    page.goto(url)
    page.locator("input.md-search__input").focus()


def measure(site: Path, words: list[str] | None = None) -> tuple[list[WordResult], dict[str, str]]:
    from playwright.sync_api import sync_playwright

    pages = site_pages(site)
    words = words or pick_words(pages)
    results = []
    with served(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        tab = browser.new_page(locale="th-TH", viewport={"width": 1280, "height": 900})
        open_search(tab, base)
        for word in words:
            results.append(WordResult(word, expected_pages(pages, word), search_box(tab, base, word)))
        browser.close()
    return results, pages


def segmentation_estimate(pages: dict[str, str], words: list[str]) -> tuple[int, int, int]:
    """What word-level indexing would find (approach: PyThaiNLP segmentation at build time
    and on the query, pages matched on all query tokens, as lunr or Pagefind do):
    (pages found that contain the word, pages that contain it, pages wrongly listed)."""
    from pythainlp.tokenize import word_tokenize

    def tokens(text: str) -> set[str]:
        return {t for t in word_tokenize(text, engine="newmm", keep_whitespace=False) if t.strip()}

    indexed = {url: tokens(text) for url, text in pages.items()}
    hits = expected_total = wrong = 0
    for word in words:
        query = tokens(normalize(word))
        found = {url for url, toks in indexed.items() if query <= toks}
        expected = expected_pages(pages, word)
        hits += len(found & expected)
        expected_total += len(expected)
        wrong += len(found - expected)
    return hits, expected_total, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--words", type=int, default=50)
    parser.add_argument("--compare", action="store_true", help="also estimate word-segmentation indexing offline")
    args = parser.parse_args(argv)
    pages = site_pages(args.site)
    words = pick_words(pages, args.words)
    if args.compare:
        hits, total, wrong = segmentation_estimate(pages, words)
        print(f"estimate, PyThaiNLP word index (not the site's search): recall {hits}/{total} = "
              f"{hits / max(total, 1):.2%}, pages wrongly listed: {wrong}")
    results, _ = measure(args.site, words)
    expected = sum(len(r.expected) for r in results)
    hits = sum(len(r.expected & r.found) for r in results)
    wrong = sum(len(r.wrong) for r in results)
    for r in results:
        flag = "" if not (r.missed or r.wrong) else f"  missed={sorted(r.missed)} wrong={sorted(r.wrong)}"
        print(f"{r.word}\tpages={len(r.expected)}\tfound={len(r.expected & r.found)}{flag}")
    size, per_page = index_size(args.site, pages)
    print(f"words: {len(results)}  pages: {len(pages)}")
    print(f"recall: {hits}/{expected} = {hits / max(expected, 1):.2%}  pages wrongly listed: {wrong}")
    print(f"search index: {size} bytes, {per_page:.0f} bytes per page")
    worker = Path(__file__).resolve().parent.parent / "theme_overrides/assets/javascripts/workers/prongsai-search.js"
    print(f"search worker: {worker.stat().st_size} bytes (Material's lunr worker is not loaded)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
