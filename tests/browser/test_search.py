"""The site's own search box finds Thai words inside runs of Thai text.

Acceptance (issue 4): for 50 Thai words from the site's text, typing each
into the search box lists at least 99% of the pages whose article text
contains the word, and no page whose text does not."""

from __future__ import annotations

from pathlib import Path

from tools.search_bench import (
    REQUIRED_WORDS,
    expected_pages,
    open_search,
    pick_words,
    search_box,
    site_pages,
)


def test_fifty_thai_words_are_found_on_every_page_that_has_them(page, example_site: Path, example_url: str) -> None:
    pages = site_pages(example_site)
    words = pick_words(pages, 50)
    assert len(words) == 50 and len(set(words)) == 50
    for word in REQUIRED_WORDS:
        assert word in words
    # Every word is really in the site's text, and most sit inside a longer Thai run.
    inside_runs = 0
    for word in words:
        assert expected_pages(pages, word), f"{word} is not in the site's text"
        inside_runs += any(f" {word} " not in f" {text} " and word in text for text in pages.values())
    assert inside_runs == 50

    open_search(page, example_url)
    expected_total = found_total = 0
    wrong: dict[str, set[str]] = {}
    for word in words:
        expected = expected_pages(pages, word)
        found = search_box(page, example_url, word)
        expected_total += len(expected)
        found_total += len(expected & found)
        if found - expected:
            wrong[word] = found - expected
    assert not wrong, f"pages listed that do not contain the word: {wrong}"
    assert found_total / expected_total >= 0.99, f"recall {found_total}/{expected_total}"


def test_search_box_keeps_thai_labels_and_finds_a_word_inside_a_run(page, example_site: Path, example_url: str) -> None:
    open_search(page, example_url)
    box = page.locator("input.md-search__input")
    assert box.get_attribute("placeholder") == "ค้นหา"
    found = search_box(page, example_url, "จัดซื้อจัดจ้าง")
    assert found == expected_pages(site_pages(example_site), "จัดซื้อจัดจ้าง")
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "เอกสาร" in meta or "พบ" in meta, meta
    # The matched word is marked in the listed text.
    assert page.locator("li.md-search-result__item mark").first.inner_text() == "จัดซื้อจัดจ้าง"


def test_a_word_not_on_the_site_lists_nothing(page, example_url: str) -> None:
    open_search(page, example_url)
    assert search_box(page, example_url, "ไม่มีคำนี้ในเว็บไซต์เลย") == set()
    none = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']")
    assert page.locator(".md-search-result__meta").inner_text() == none


def test_search_also_works_on_the_small_site(page, small_site: Path, small_url: str) -> None:
    pages = site_pages(small_site)
    open_search(page, small_url)
    for word in pick_words(pages, 10)[5:] or ["ข้อมูล"]:
        assert search_box(page, small_url, word) == expected_pages(pages, word), word
