"""Loading any kind of page asks nothing of any host but the site's own:
no font service, no CDN, no analytics (issue 4)."""

from __future__ import annotations

from urllib.parse import urlsplit

PAGE_TYPES = {
    "home": "",
    "profile": "about/",
    "executives": "about/executives/",
    "structure": "about/structure/",
    "year index": "2569/",
    "ITA analysis": "2569/ita-analysis/",
    "measures": "2569/measures/",
    "progress report": "2569/progress-report/",
    "results report": "2569/results-report/",
    "announcement": "2569/announcements/no-gift-policy/",
    "memo": "2569/memos/measures-report/",
    "free page": "pages/history/",
    "not found": "404.html",
}


def test_every_page_type_loads_only_from_the_site_itself(page, example_url: str) -> None:
    origin = urlsplit(example_url)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # Workers (the search worker) issue requests too; the context sees them all.
    page.context.on("request", lambda request: requests.append(request.url))
    for name, path in PAGE_TYPES.items():
        response = page.goto(example_url + path, wait_until="networkidle")
        assert response is not None and (response.ok or path == "404.html"), name
        # Open the search box: the search worker and its index load now.
        page.locator("input.md-search__input").focus()
        page.locator("input.md-search__input").fill("งบประมาณ")
        page.locator("input.md-search__input").press("End")
        page.wait_for_selector("li.md-search-result__item")
        page.keyboard.press("Escape")
        page.emulate_media(color_scheme="dark")
        page.wait_for_load_state("networkidle")
        page.emulate_media(color_scheme="light")
    assert len(requests) > len(PAGE_TYPES) * 3, "requests were not recorded"
    foreign = sorted(
        {url for url in requests if urlsplit(url).scheme not in ("data", "blob")
         and (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)}
    )
    assert not foreign, f"requests to other hosts: {foreign}"
    fonts = [url for url in requests if url.endswith(".woff2")]
    assert fonts and all("/assets/fonts/sarabun-" in url for url in fonts), fonts


def test_pages_name_no_third_party_font_or_script(example_site) -> None:
    for html in example_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "googletagmanager", "google-analytics", "cdn.jsdelivr", "unpkg.com"):
            assert host not in text, f"{html}: {host}"
