"""Every page of the example on a 360 px phone (issue 23): nothing sticks out of
the screen, wide tables are one card per row with each value under its
column's name, long datasets have a filter box, "show more" and their
downloads above the table. One browser context for the whole module."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitecheck import site_pages

# Elements of the page body (article) that reach outside the screen, or that scroll sideways.
OUTSIDE_JS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('article *')) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || !el.checkVisibility()) continue;
    const scrolls = el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    if (box.right > width + 1 || box.left < -1 || scrolls)
      out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.left)}..${Math.round(box.right)}`);
  }
  return {page: [document.scrollingElement.scrollWidth, width], out: out.slice(0, 5), count: out.length};
}"""

# Each visible cell of each card table: its label, the header of its column, what the label shows.
CARDS_JS = """() => [...document.querySelectorAll('article table.pr-cards')].map((t) => {
  const heads = [...t.tHead.rows[0].cells].map((th) => th.textContent.trim());
  const rows = [...t.tBodies[0].rows].filter((r) => r.checkVisibility() && r.cells.length > 1);
  const first = rows[0];
  return {
    heads,
    cells: rows.slice(0, 3).flatMap((r) => [...r.cells].map((c, i) => ({
      label: c.dataset.label, head: heads[i], shown: getComputedStyle(c, '::before').content,
      visible: c.checkVisibility(), top: c.getBoundingClientRect().top,
    }))),
    rowWidth: first ? first.getBoundingClientRect().width : 0,
    keyOnTop: first ? Math.min(...[...first.cells].filter((c) => c.checkVisibility())
      .map((c) => c.getBoundingClientRect().top)) === first.cells[0].getBoundingClientRect().top : true,
  };
})"""


@pytest.fixture(scope="module")
def phone(chromium):
    context = chromium.new_context(locale="th-TH", viewport={"width": 360, "height": 740})
    tab = context.new_page()
    yield tab
    context.close()


def test_no_page_has_anything_outside_a_360px_screen(phone, example_url: str, example_site: Path) -> None:
    pages = site_pages(example_site)
    assert len(pages) > 40
    wide = {}
    for rel in pages:
        phone.goto(example_url + rel, wait_until="load")
        facts = phone.evaluate(OUTSIDE_JS)
        if facts["count"] or facts["page"][0] > facts["page"][1]:
            wide[rel or "/"] = facts
    assert not wide, f"{len(wide)} of {len(pages)} pages have content outside a 360 px screen: {wide}"


@pytest.mark.parametrize(
    "path", ["2568/results-report/", "2568/measures/", "2568/ita-analysis/", "2568/data/contracts/", "ita/2568/"]
)
def test_wide_tables_are_cards_labelled_by_their_columns(phone, example_url: str, path: str) -> None:
    phone.goto(example_url + path, wait_until="load")
    tables = phone.evaluate(CARDS_JS)
    assert tables, f"{path}: no table shown as cards"
    for table in tables:
        assert len(table["heads"]) >= 3 and table["cells"]
        assert 200 < table["rowWidth"] <= 360
        assert table["keyOnTop"], f"{path}: the row's key is not on top of its card"
        for cell in table["cells"]:
            if cell["visible"] and cell["head"]:
                assert cell["label"] == cell["head"], (path, cell)
                assert cell["shown"] == f'"{cell["head"]}"', (path, cell)


def test_a_long_dataset_filters_shows_more_and_offers_downloads_first(phone, example_url: str) -> None:
    phone.goto(example_url + "2568/data/contracts/", wait_until="load")
    rows = phone.locator("table.pr-dataset tbody tr")
    total = rows.count()
    assert total >= 200
    visible = "() => [...document.querySelectorAll('table.pr-dataset tbody tr')].filter(r => r.checkVisibility()).length"
    assert phone.evaluate(visible) == 20
    # The downloads come before the table, not 40 screens below it.
    downloads = phone.locator(".pr-downloads a[href$='.csv']")
    assert downloads.bounding_box()["y"] < phone.locator("table.pr-dataset").bounding_box()["y"]
    count = phone.locator(".pr-table-count")
    assert count.inner_text() == "แสดง ๒๐ จาก ๒๒๐ แถว"  # the example site writes Thai digits
    more = phone.get_by_role("button", name="แสดงเพิ่มอีก ๒๐ แถว")
    more.click()
    assert phone.evaluate(visible) == 40
    # Filtering by a word narrows the rows to those containing it, in Thai or Arabic digits alike.
    box = phone.get_by_label("ค้นหาในตาราง")
    box.fill("ขยะ")
    hits = phone.evaluate(visible)
    texts = phone.eval_on_selector_all("table.pr-dataset tbody tr", "rs => rs.filter(r => r.checkVisibility()).map(r => r.textContent)")
    assert 0 < hits < 20 and all("ขยะ" in t for t in texts)
    box.fill("6800034329")
    assert phone.evaluate(visible) == 1
    box.fill("")
    assert phone.evaluate(visible) == 20
    # On a phone the header row is behind the cards: the list above the table sorts, and the
    # first page shows the first rows of the new order.
    phone.get_by_label("เรียงตาม").select_option(label="ราคาที่ตกลงซื้อหรือจ้าง (น้อยไปมาก / ก-ฮ)")
    keys = phone.eval_on_selector_all(
        "table.pr-dataset tbody tr td:nth-child(8)", "cs => cs.filter(c => c.checkVisibility()).map(c => c.dataset.sort)"
    )
    everything = phone.eval_on_selector_all("table.pr-dataset tbody tr td:nth-child(8)", "cs => cs.map(c => c.dataset.sort)")
    assert len(keys) == 20 and keys == sorted(everything)[:20]
