"""The example on a 1366 × 768 desktop window (issue 23, part 2): pages whose body
is a wide table use the window's width, a seven-column report fits without
sideways scrolling, the 12-column contract list scrolls only inside its own box,
and after scrolling down a long table its header row is still on screen.
One browser context for the module, one load per page."""

from __future__ import annotations

import pytest
from sitecheck import browser_window

# Widths of the page, the article and the first table and its box.
WIDTHS_JS = """() => {
  const t = document.querySelector('article table');
  const box = t && t.closest('.pr-table-wrap');
  return {page: document.scrollingElement.scrollWidth, window: document.documentElement.clientWidth,
          article: document.querySelector('article').getBoundingClientRect().width,
          columns: t ? t.tHead.rows[0].cells.length : 0,
          table: t ? t.getBoundingClientRect().width : 0, box: box ? box.clientWidth : null};
}"""

# Scroll (window and table box, as the browser does for a reader) until row `n` of the first
# table is at the bottom of the window; then where its header row is, and whether it is drawn
# on top (the point in its middle hits the header cell, not a row scrolled under it).
SCROLLED_JS = """(n) => {
  const t = document.querySelector('article table');
  const rows = [...t.tBodies[0].rows].filter((r) => r.checkVisibility());
  const row = rows[Math.min(n, rows.length - 1)];
  row.scrollIntoView({block: 'end'});
  const th = t.tHead.rows[0].cells[1];
  const box = th.getBoundingClientRect();
  const bar = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {top: box.top, bottom: box.bottom, bar, window: innerHeight, onTop: !!hit && th.contains(hit),
          tableTop: t.getBoundingClientRect().top, rowTop: row.getBoundingClientRect().top};
}"""


@pytest.fixture(scope="module")
def desktop(chromium):
    yield from browser_window(chromium, 1366, 768)


def widths(tab, url: str) -> dict[str, float]:
    tab.goto(url, wait_until="load")
    return tab.evaluate(WIDTHS_JS)


@pytest.mark.parametrize("path", ["2569/results-report/", "2570/measures/", "ita/2569/"])
def test_a_report_uses_the_window_and_fits_it(desktop, example_url: str, path: str) -> None:
    w = widths(desktop, example_url + path)
    assert w["page"] <= w["window"], f"{path}: the page scrolls sideways ({w})"
    assert w["article"] > 1000, f"{path}: the content column stops at {w['article']:.0f} px"
    assert w["box"] is None or w["table"] <= w["box"] + 1, f"{path}: the table scrolls sideways ({w})"


def test_prose_pages_keep_a_readable_line_length(desktop, example_url: str) -> None:
    w = widths(desktop, example_url + "pages/history/")
    assert 500 < w["article"] < 800, w


def test_the_contract_list_scrolls_only_inside_its_box(desktop, example_url: str) -> None:
    w = widths(desktop, example_url + "2569/data/contracts/")
    assert w["columns"] == 12
    assert w["page"] <= w["window"], f"the page scrolls sideways ({w})"
    assert w["box"] is not None and w["box"] <= w["article"] + 1, w


@pytest.mark.parametrize("path", ["2569/measures/", "2569/data/contracts/", "ita/2569/"])
def test_the_header_row_stays_in_view_down_a_long_table(desktop, example_url: str, path: str) -> None:
    desktop.goto(example_url + path, wait_until="load")
    at = desktop.evaluate(SCROLLED_JS, 25)
    assert at["rowTop"] - at["tableTop"] > at["window"], f"{path}: not scrolled a window's height down the table {at}"
    assert at["bar"] - 1 <= at["top"] and at["bottom"] <= at["window"], f"{path}: header row off screen {at}"
    assert at["onTop"], f"{path}: the rows scroll over the header row {at}"
