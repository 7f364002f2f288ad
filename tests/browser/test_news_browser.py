"""News on a 360 px phone: from the home page's latest news to the index, its next page,
and a post whose image loads (one context, a few clicks)."""

from __future__ import annotations

from generator.content import load_site
from generator.kinds.news import posts
from tests.conftest import EXAMPLE


def test_a_reader_goes_from_the_home_page_through_the_news(chromium, example_url: str) -> None:
    found = posts(load_site(EXAMPLE))
    with_image = next(p for p in found if p.meta.images)
    context = chromium.new_context(locale="th-TH", viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(example_url, wait_until="load")
        tab.get_by_role("link", name="ข่าวประชาสัมพันธ์ทั้งหมด").click()
        tab.wait_for_url("**/news/")
        assert tab.locator("article h2").first.inner_text().startswith(found[0].meta.title)
        tab.get_by_role("link", name="หน้าถัดไป (ข่าวก่อนหน้านี้) ›").click()
        tab.wait_for_url("**/news/page/2/")
        assert found[-1].meta.title in tab.locator("article").inner_text()
        tab.goto(f"{example_url}news/{with_image.slug}/", wait_until="load")
        image = tab.locator("article figure img")
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
        assert image.evaluate("img => img.getBoundingClientRect().right <= document.documentElement.clientWidth")
    finally:
        context.close()
