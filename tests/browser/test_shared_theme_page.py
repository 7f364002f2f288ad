"""A portal built with --share-theme: an organization's page is styled from the shared copy,
the second organization's page loads no theme file again, and search still works."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.__main__ import main
from tests.browser.conftest import serve_dir

SMALL = Path(__file__).parent.parent / "fixtures" / "small_org"


def test_shared_theme_styles_both_sites_and_search_works(chromium, tmp_path: Path) -> None:
    orgs, out = tmp_path / "orgs", tmp_path / "out"
    for slug in ("tambon-a", "tambon-b"):
        shutil.copytree(SMALL, orgs / slug)
    assert main(["build-all", "--orgs", str(orgs), "--out", str(out), "--jobs", "1", "--org-memory-mb", "0",
                 "--share-theme"]) == 0
    served = serve_dir(out)
    base = next(served)
    try:
        context = chromium.new_context(locale="th-TH")
        page = context.new_page()
        fetched: list[str] = []
        page.on("response", lambda r: fetched.append(f"{r.status} {r.url.removeprefix(base)}"))
        page.goto(base + "tambon-a/")
        page.wait_for_load_state("networkidle")
        assert not [f for f in fetched if not f.startswith(("200", "304"))]
        assert any(f.endswith(".css") and "_theme/" in f for f in fetched)
        # Material's stylesheet applies: the header is fixed at the top, in Sarabun.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert "Sarabun" in page.evaluate("getComputedStyle(document.body).fontFamily")
        box = page.locator("input.md-search__input")
        box.focus()
        box.fill("คุณธรรม")
        box.press("End")
        page.wait_for_function("() => document.querySelectorAll('li.md-search-result__item').length > 0")
        assert all(href.startswith(base + "tambon-a/") for href in page.eval_on_selector_all(
            "li.md-search-result__item a", "as => as.map(a => a.href)"))
        # The second office's site comes from the browser's cache for every theme file.
        fetched.clear()
        page.goto(base + "tambon-b/")
        page.wait_for_load_state("networkidle")
        assert "Sarabun" in page.evaluate("getComputedStyle(document.body).fontFamily")
        theme = [f for f in fetched if "_theme/" in f]
        assert theme == [] or all(f.startswith("304") for f in theme), theme
        context.close()
    finally:
        served.close()
