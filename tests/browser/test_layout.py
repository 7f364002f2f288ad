"""The theme on a small phone (320 px): no sideways scrolling, the header
shows the organization's name and logo, Thai labels, light and dark schemes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content import load_site

EXAMPLE = Path(__file__).resolve().parents[2] / "content"
PAGE_TYPES = [
    "",
    "about/",
    "about/executives/",
    "about/structure/",
    "2569/",
    "2569/ita-analysis/",
    "2569/measures/",
    "2569/progress-report/",
    "2569/results-report/",
    "2569/announcements/no-gift-policy/",
    "2569/memos/measures-report/",
    "pages/history/",
]


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(locale="th-TH", viewport={"width": 320, "height": 640})
    tab = context.new_page()
    yield tab
    context.close()


def test_no_page_scrolls_sideways_at_320px(phone, example_url: str) -> None:
    name = load_site(EXAMPLE).organization.name
    wide = {}
    for path in PAGE_TYPES:
        phone.goto(example_url + path, wait_until="networkidle")
        widths = phone.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        if widths[0] > widths[1]:
            wide[path or "/"] = widths
        # The header names the organization and shows its logo.
        header = phone.locator("header.md-header")
        assert name in header.inner_text(), path
        logo = header.locator(".md-logo img")
        assert logo.count() == 1 and logo.first.is_visible(), path
        assert phone.evaluate("() => document.querySelector('.md-header .md-logo img').naturalWidth") > 0
        # ...whole: not cut to "เทศบาลตำบล…" (the name wraps to two lines instead).
        cut = phone.evaluate(
            "() => { const e = document.querySelector('.md-header__topic .md-ellipsis');"
            " return e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1; }"
        )
        assert not cut, f"{path}: the organization's name is cut short in the header"
    assert not wide, f"pages wider than the screen (scrollWidth, clientWidth): {wide}"


def test_body_text_is_sarabun_and_labels_are_thai(page, example_url: str) -> None:
    page.goto(example_url + "2569/measures/", wait_until="networkidle")
    family = page.evaluate("() => getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert family.split(",")[0].strip("\"' ") == "Sarabun"
    assert page.evaluate("() => document.fonts.check('16px Sarabun', 'กขค')")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "ค้นหา"
    assert page.locator(".pr-print").inner_text().strip() == "พิมพ์ / บันทึกเป็น PDF"


def test_light_and_dark_schemes_follow_the_reader(chromium, example_url: str) -> None:
    schemes = {}
    for scheme in ("light", "dark"):
        context = chromium.new_context(locale="th-TH", color_scheme=scheme)
        tab = context.new_page()
        tab.goto(example_url, wait_until="networkidle")
        schemes[scheme] = (
            tab.locator("body").get_attribute("data-md-color-scheme"),
            tab.evaluate("() => getComputedStyle(document.body).backgroundColor"),
        )
        toggle = tab.locator("form[data-md-component=palette] label:visible").first
        assert "โหมด" in (toggle.get_attribute("title") or toggle.get_attribute("aria-label") or ""), scheme
        context.close()
    assert schemes["light"][0] == "default" and schemes["dark"][0] == "slate"
    assert schemes["light"][1] != schemes["dark"][1]


def test_search_works_on_a_phone(phone, example_url: str) -> None:
    phone.goto(example_url, wait_until="networkidle")
    phone.locator("label.md-header__button[for=__search]").click()
    box = phone.locator("input.md-search__input")
    box.fill("ทุจริต")
    box.press("End")
    phone.wait_for_selector("li.md-search-result__item")
    # the whole list, not the first pages shown under "still searching"
    phone.wait_for_function("() => !document.querySelector('.md-search-result__item a[href*=\"#prongsai-searching\"]')")
    first = phone.locator("li.md-search-result__item").first
    assert first.is_visible()
    assert first.locator("mark").first.inner_text() == "ทุจริต"
    # The count follows the site's digit setting (the example site writes Thai digits).
    meta = phone.locator(".md-search-result__meta")
    phone.wait_for_function("() => /[๐-๙]/.test(document.querySelector('.md-search-result__meta').textContent)")
    assert not any(ch.isascii() and ch.isdigit() for ch in meta.inner_text()), meta.inner_text()
    # The search panel slides in; once it has settled nothing sticks out sideways.
    phone.wait_for_function(
        "() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth", timeout=3000
    )
