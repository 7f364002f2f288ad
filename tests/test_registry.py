"""The registry of kinds is the only list of them: every part of the site (the organization's
pages, news, the fiscal years' documents, the free pages, the open datasets) comes from a
declared kind, so a kind added to the registry reaches the navigation, the home page and the
year pages with no change to render, and a kind taken out leaves no trace."""

from __future__ import annotations

import pytest

from generator import render
from generator.content import FiscalYear, load_site
from generator.kinds.registry import DocumentKind, HomeBlock, Section, document_kinds, year_folder_kinds
from generator.nav import NavEntry
from generator.render import RenderContext, render_documents
from tests.conftest import EXAMPLE


def _site_wide(ctx: RenderContext) -> Section:
    page = ctx.page("home_links.md.j2", "notices/index.md", "ประกาศรับสมัครงาน",
                    block=HomeBlock("", {"title": "ประกาศรับสมัครงาน", "pages": []}))
    return Section([page], NavEntry(page.title, page.path), {"notices.json": b"[]"},
                   [HomeBlock("home_links.md.j2", {"title": "ประกาศรับสมัครงานล่าสุด", "pages": [page]}, "main")])


def _yearly(ctx: RenderContext, year: FiscalYear) -> Section:
    page = ctx.page("home_links.md.j2", f"{year.year}/notices/index.md", f"ประกาศรับสมัครงาน {year.year}",
                    block=HomeBlock("", {"title": "x", "pages": []}))
    return Section([page], NavEntry("ประกาศรับสมัครงานของปี", children=[NavEntry(page.title, page.path)]))


SITE_WIDE = DocumentKind("notices", None, ("notices/*.md",), order=60, section=_site_wide)
YEARLY = DocumentKind("year_notices", None, ("years/*/notices/*",), order=48, year_section=_yearly)


@pytest.fixture(scope="module")
def example():
    return load_site(EXAMPLE)


def titles(entries: list[NavEntry]) -> list[str]:
    return [e.title for e in entries]


def test_the_organization_free_pages_and_datasets_are_declared_kinds() -> None:
    names = [k.name for k in document_kinds()]
    assert {"organization", "page", "news", "datasets"} <= set(names)
    assert year_folder_kinds()["data"].name == "datasets"  # the loader reads years/<BE>/data/ through it


def test_a_new_kind_reaches_navigation_home_and_year_pages_without_a_change_to_render(example, monkeypatch) -> None:
    before = render_documents(example)
    monkeypatch.setattr(render, "document_kinds", lambda: tuple(sorted(
        (*document_kinds(), SITE_WIDE, YEARLY), key=lambda k: (k.order, k.name))))
    after = render_documents(example)
    # Site-wide: after the fiscal years (its order is above YEARS_ORDER), before the free pages.
    nav = titles(after.nav)
    assert nav.index("ประกาศรับสมัครงาน") == titles(before.nav).index("ข้อมูลเพิ่มเติม")
    assert nav.index("ประกาศรับสมัครงาน") > nav.index("ปีงบประมาณ ๒๕๖๙")
    assert after.downloads["notices.json"] == b"[]"
    home = after.files()["index.md"]
    assert "## ประกาศรับสมัครงานล่าสุด\n\n- [ประกาศรับสมัครงาน](notices/index.md)" in home
    # after the latest news ("main" place), before the list of fiscal years
    assert home.index("ข่าวประชาสัมพันธ์ล่าสุด") < home.index("ประกาศรับสมัครงานล่าสุด") < home.index(
        "## เอกสารตามปีงบประมาณ")
    # Yearly: a group of each year, on the year page and in the year's navigation.
    year_page = after.files()["2570/index.md"]
    assert "## ประกาศรับสมัครงานของปี\n\n- [ประกาศรับสมัครงาน 2570](notices/index.md)" in year_page
    year_nav = next(e for e in after.nav if e.title == "ปีงบประมาณ ๒๕๗๐")
    assert "ประกาศรับสมัครงานของปี" in titles(year_nav.children)
    assert {p.path for p in after.pages} - {p.path for p in before.pages} == {
        "notices/index.md", "2570/notices/index.md", "2569/notices/index.md"}


def test_without_the_datasets_kind_no_data_page_catalog_or_download_is_left(example, monkeypatch) -> None:
    before = render_documents(example)
    monkeypatch.setattr(render, "document_kinds", lambda: tuple(k for k in document_kinds() if k.name != "datasets"))
    after = render_documents(example)
    gone = {p.path for p in before.pages} - {p.path for p in after.pages}
    assert gone and all(p == "data/index.md" or "/data/" in p for p in gone)
    assert "data/index.md" in gone
    assert not [path for path in after.downloads if path.startswith("data") or "/data/" in path]
    group = RenderContext(example).label("datasets", "group")
    assert f"## {group}" in before.files()["2570/index.md"] and f"## {group}" not in after.files()["2570/index.md"]
    assert len(after.nav) == len(before.nav) - 1  # the data catalog's entry

