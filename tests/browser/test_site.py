"""Both example sites in a real Chromium: every page loads without console
errors, every internal link and asset resolves, every page is reachable from
the home page by clicking, and every page is in Thai with Thai alt text and
tables that have captions and header cells.

Pages are taken from the built site (sitemap.xml and 404.html), so pages that
later features add are covered too.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from sitecheck import PageVisit, canonical_base, file_for, local_path, site_pages, visit

THAI = re.compile(r"[\u0E00-\u0E7F]")
ITA_INDEX = re.compile(r"^ita/\d{4}/$")


@pytest.fixture(scope="module")
def tab(chromium):
    context = chromium.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="module", params=["example", "small"])
def built(request: pytest.FixtureRequest) -> tuple[str, Path, str]:
    """Each example organization (they differ in digits, date style, colour and content): name, folder, URL."""
    name = request.param
    return name, request.getfixturevalue(f"{name}_site"), request.getfixturevalue(f"{name}_url")


@pytest.fixture(scope="module")
def visits(tab, built: tuple[str, Path, str]) -> dict[str, PageVisit]:
    """Every page of the site, loaded once."""
    name, site_dir, base_url = built
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    started = time.monotonic()
    out = {rel: visit(tab, base_url, rel, axe) for rel in site_pages(site_dir)}
    print(f"\nbrowser: loaded {len(out)} pages of the {name} site in {time.monotonic() - started:.1f} s")
    return out


def test_the_site_has_its_pages(visits: dict[str, PageVisit], built: tuple[str, Path, str]) -> None:
    # A broken sitemap would make every check below vacuous.
    assert "" in visits and "404.html" in visits and len(visits) >= (20 if built[0] == "example" else 5)


def test_every_page_loads_without_console_errors(visits: dict[str, PageVisit]) -> None:
    problems = {rel: v.errors for rel, v in visits.items() if v.errors}
    assert not problems, problems
    assert {rel: v.status for rel, v in visits.items() if v.status != 200} == {}


def test_every_internal_link_and_asset_resolves(visits: dict[str, PageVisit], built: tuple[str, Path, str]) -> None:
    _, site_dir, base_url = built
    broken: list[str] = []
    checked = 0
    for rel, v in visits.items():
        targets = [link["href"] for link in v.facts["links"]] + v.facts["resources"]
        for url in targets:
            path = local_path(url, base_url)
            if path is None:
                continue
            checked += 1
            target = file_for(site_dir, path)
            if not target.is_file():
                broken.append(f"{rel or '/'} -> {url}")
                continue
            fragment = urldefrag(url)[1]
            if fragment and target.suffix == ".html":
                markup = target.read_text(encoding="utf-8")
                if f'id="{fragment}"' not in markup and f'name="{fragment}"' not in markup:
                    broken.append(f"{rel or '/'} -> {url} (no such anchor)")
    assert checked > 50
    assert not broken, "\n".join(sorted(set(broken)))


def test_every_page_is_reachable_from_home_by_clicking(tab, visits: dict[str, PageVisit], built: tuple[str, Path, str]) -> None:
    """Breadth-first from the home page, following only links a visitor can see and click."""
    base_url = built[2]
    wanted = {rel for rel in visits if rel != "404.html"}
    reached = {"": "(home)"}
    queue = [""]
    tab.goto(base_url)
    while queue and not wanted <= reached.keys():
        here = queue.pop(0)
        for target in _visible_page_links(visits[here], base_url):
            if target in reached or target not in visits:
                continue
            click_through(tab, base_url + here, base_url + target)
            reached[target] = here
            queue.append(target)
    missing = sorted(wanted - reached.keys())
    assert not missing, f"pages no visitor can click to from the home page: {missing}"


def test_ita_items_open_by_clicking(tab, visits: dict[str, PageVisit], built: tuple[str, Path, str]) -> None:
    """On each ITA index page (ita/<year>/), every item the table links to opens by a click on
    that page. The table may show the full public address (site_url) for assessors; the click
    then goes through any link on the page to the same page of this site."""
    _, site_dir, base_url = built
    canonical = canonical_base(site_dir)
    indexes = [rel for rel in visits if ITA_INDEX.match(rel)]
    if not indexes:
        pytest.skip("this site has no ita/<year>/ index page yet")
    failed: list[str] = []
    opened = 0
    for rel in indexes:
        items = [link for link in visits[rel].facts["links"] if link["inTable"]]
        assert items, f"{rel} lists no OIT item links"
        for link in items:
            path = local_path(link["href"], base_url, canonical)
            if path is None:
                continue  # an item published elsewhere (no network here)
            target = file_for(site_dir, path)
            if not target.is_file():
                failed.append(f"{rel}: {link['raw']}: not in the built site")
                continue
            if target.suffix != ".html":
                continue  # a download: it exists, which is what a click needs
            try:
                click_through(tab, base_url + rel, base_url + path)
                opened += 1
            except AssertionError as exc:
                failed.append(f"{rel}: {link['raw']}: {exc}")
                continue
            fragment = urldefrag(link["href"])[1]
            if fragment and f'id="{fragment}"' not in target.read_text(encoding="utf-8"):
                failed.append(f"{rel}: {link['raw']}: the page has no #{fragment}")
    assert not failed, "\n".join(failed)
    print(f"\nITA items opened by clicking: {opened}")


def _visible_page_links(v: PageVisit, base_url: str) -> list[str]:
    out = []
    for link in v.facts["links"]:
        path = local_path(link["href"], base_url)
        if link["visible"] and path is not None:
            out.append(path)
    return list(dict.fromkeys(out))


def click_through(tab, from_url: str, to_url: str) -> None:
    """Open `from_url`, click a visible link to `to_url`, and check the browser arrives there."""
    if urldefrag(tab.url)[0] != urldefrag(from_url)[0]:
        tab.goto(from_url)
    handle = tab.evaluate_handle(
        """(target) => {
             const shown = [...document.querySelectorAll('a[href]')].filter((a) => {
               const box = a.getBoundingClientRect();
               return a.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0;
             });
             // The exact link, or else one to an anchor on the target page.
             return shown.find((a) => a.href === target)
               || (target.includes('#') ? undefined : shown.find((a) => a.href.split('#')[0] === target));
           }""",
        to_url,
    )
    element = handle.as_element()
    assert element is not None, f"no visible link to {to_url} on {from_url}"
    if urldefrag(to_url)[0] == urldefrag(from_url)[0]:
        element.click()  # a link within the page only scrolls
    else:
        with tab.expect_navigation(wait_until="domcontentloaded") as nav:
            element.click()
        response = nav.value
        assert response is None or response.status == 200, f"{to_url}: HTTP {response.status}"
    assert urldefrag(tab.url)[0] == urldefrag(to_url)[0], f"clicked {to_url}, arrived at {tab.url}"
    fragment = urldefrag(to_url)[1]
    if fragment:
        found = tab.evaluate("(id) => !!document.getElementById(decodeURIComponent(id))", fragment)
        assert found, f"{to_url}: the page has no #{fragment}"


def test_axe_finds_no_violation(visits: dict[str, PageVisit]) -> None:
    """axe-core (WCAG 2 A/AA and best practices) on every page, hence every page type: nothing
    serious or critical (the issue's bar), and today no moderate or minor finding either."""
    found = []
    for rel, v in visits.items():
        for violation in v.violations:
            targets = [node["target"] for node in violation["nodes"][:3]]
            found.append(f"{rel or '/'}: {violation['impact']} {violation['id']} {violation['help']} {targets}")
    assert not found, "\n".join(found)


def test_dark_scheme_keeps_its_contrast(chromium, visits: dict[str, PageVisit], built: tuple[str, Path, str]) -> None:
    """The site follows the visitor's dark mode (Material's slate scheme): colour rules again, in the dark."""
    base_url = built[2]
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    only = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}, "resultTypes": ["violations"]}
    context = chromium.new_context(locale="th-TH", color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = []
    try:
        for number, rel in enumerate(visits):
            page.goto(base_url + rel, wait_until="load")
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
            # Header, navigation and footer are the same on every page: check them on the first
            # page, and only the content on the others (colour-contrast is axe's slowest rule).
            scope = None if number == 0 else {"include": [["article"]]}
            for violation in axe.run(page, context=scope, options=only).response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"][:3]]
                    found.append(f"{rel or '/'}: {violation['id']} {targets}")
    finally:
        context.close()
    assert not found, "\n".join(found)


def test_every_page_is_in_thai(visits: dict[str, PageVisit]) -> None:
    assert {rel: v.facts["lang"] for rel, v in visits.items() if v.facts["lang"] != "th"} == {}
    assert {rel: v.facts["title"] for rel, v in visits.items() if not THAI.search(v.facts["title"])} == {}


def test_images_carry_thai_alt_text(visits: dict[str, PageVisit], built: tuple[str, Path, str]) -> None:
    seen = 0
    bad = []
    for rel, v in visits.items():
        for img in v.facts["images"]:
            seen += 1
            if img["hidden"]:
                continue
            if not (img["alt"] and THAI.search(img["alt"])):
                bad.append(f"{rel or '/'}: {img['src']} alt={img['alt']!r}")
    assert seen > (20 if built[0] == "example" else 0)
    assert not bad, "\n".join(sorted(set(bad)))


def test_tables_have_captions_and_header_cells(visits: dict[str, PageVisit], built: tuple[str, Path, str]) -> None:
    seen = 0
    bad = []
    for rel, v in visits.items():
        for table in v.facts["tables"]:
            seen += 1
            if not table["caption"] or not table["headers"]:
                bad.append(f"{rel or '/'}: caption={table['caption']!r} th={table['headers']} {table['html']}")
    assert seen >= (10 if built[0] == "example" else 1)
    assert not bad, "\n".join(bad)


def test_the_checker_sees_errors(tab, tmp_path: Path) -> None:
    """The page checker itself: a throwing script, a console error and a missing image are reported."""
    (tmp_path / "bad.html").write_text(
        '<html lang="en"><body><img src="missing.png" alt="">'
        "<script>console.error('broken'); throw new Error('boom')</script></body></html>",
        encoding="utf-8",
    )
    result = visit(tab, tmp_path.as_uri() + "/", "bad.html")
    joined = "\n".join(result.errors)
    assert "console: broken" in joined and "boom" in joined and "missing.png" in joined
    assert result.facts["lang"] == "en"
