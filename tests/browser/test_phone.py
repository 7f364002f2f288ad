"""Every page of the example on a 360 px phone (issue 23): nothing sticks out of
the screen, wide tables are one card per row with each value under its
column's name, long datasets have a filter box, "show more" and their
downloads above the table. One browser context for the whole module."""

from __future__ import annotations

import contextlib
import gzip
import re
from pathlib import Path

import pytest
import yaml
from sitecheck import browser_window, site_pages

from generator.content import load_site
from generator.wordbreak import LONG_WORD

EXAMPLE = Path(__file__).resolve().parents[2] / "content"

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
    yield from browser_window(chromium, 360, 740)


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
    "path", ["2569/results-report/", "2569/measures/", "2569/ita-analysis/", "2569/data/contracts/", "ita/2569/"]
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
    phone.goto(example_url + "2569/data/contracts/", wait_until="load")
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
    holding = phone.eval_on_selector_all("table.pr-dataset tbody tr", "rs => rs.filter(r => r.textContent.includes('ขยะ')).length")
    assert 0 < holding < total and hits == min(20, holding) and all("ขยะ" in t for t in texts)
    # A project number, typed in Arabic digits, finds its one row (the page shows Thai digits).
    number = phone.evaluate(
        "() => [...document.querySelectorAll('table.pr-dataset tbody tr')].map(r => r.textContent)"
        ".map(t => (t.replace(/[๐-๙]/g, d => d.charCodeAt(0) - 0x0e50).match(/\\d{10,}/) || [''])[0]).find(Boolean)"
    )
    box.fill(number)
    assert number and phone.evaluate(visible) == 1
    box.fill("")
    assert phone.evaluate(visible) == 20
    # On a phone the header row is behind the cards: the list above the table sorts, and the
    # first page shows the first rows of the new order.
    phone.get_by_label("เรียงตาม").select_option(label="ราคาที่ตกลงซื้อหรือจ้าง (น้อยไปมาก / ก-ฮ)")
    keys = phone.eval_on_selector_all(
        "table.pr-dataset tbody tr td:nth-child(8)", "cs => cs.filter(c => c.checkVisibility()).map(c => c.dataset.sort)"
    )
    everything = phone.eval_on_selector_all("table.pr-dataset tbody tr td:nth-child(8)", "cs => cs.map(c => c.dataset.sort)")
    assert len(keys) == 20 and keys == sorted(everything, key=float)[:20]  # numbers sort as numbers


def test_the_home_page_opens_with_citizens_tasks(phone, example_url: str) -> None:
    example = load_site(EXAMPLE)
    org = example.organization
    phone.goto(example_url, wait_until="load")
    headings = [h.rstrip("¶") for h in phone.locator("article h2").all_inner_texts()]
    assert headings[0].startswith("ติดต่อ"), headings
    # Tap to call every number, write, find the office on a map: on the first screens.
    calls = phone.locator("article .pr-contact-card a[href^='tel:']")
    assert calls.count() == len(org.phone)
    assert calls.first.get_attribute("href") == "tel:" + org.phone[0].replace(" ", "")
    assert phone.locator("article .pr-contact-card a[href^='mailto:']").count() >= 1
    assert phone.locator("article .pr-contact-card a", has_text="แผนที่").get_attribute("href") == org.map.url
    assert calls.first.bounding_box()["y"] < 2 * 740
    # The channels the organization gives, as buttons, then the current year's key documents.
    for text, url in (("ร้องเรียน", org.complaint_url), ("e-Service", org.e_service_url), ("EIT", org.eit_survey_url)):
        assert phone.locator("article a.md-button", has_text=text).get_attribute("href") == str(url)
    year = example.settings.thai.year(example.current_year)
    documents = phone.locator("article .pr-key-documents a")
    assert documents.count() >= 4 and headings[2] == f"เอกสารสำคัญปีงบประมาณ {year}"
    targets = documents.evaluate_all("as => as.map(a => a.href)")
    for target in targets:
        assert phone.request.get(target).status == 200, target
    # The organization's kind is written once ("เทศบาลตำบล ตำบล…" repeated it).
    assert f"{org.kind} ตำบล" not in phone.locator("article").inner_text()


def test_the_404_page_is_thai_and_offers_search_and_the_home_page(phone, example_url: str) -> None:
    # The test server does not answer unknown addresses with the site's 404.html, as a web server does.
    phone.goto(example_url + "404.html", wait_until="load")
    assert phone.locator("article h1").inner_text() == "ไม่พบหน้าที่ต้องการ"
    assert "Not found" not in phone.locator("article").inner_text()
    phone.get_by_role("button", name="ค้นหาในเว็บไซต์").click()
    box = phone.locator("input.md-search__input")
    box.fill("ทุจริต")
    box.press("End")  # Material searches on key presses
    phone.wait_for_selector("li.md-search-result__item")
    phone.keyboard.press("Escape")
    phone.get_by_role("link", name="กลับหน้าแรก").click()
    phone.wait_for_url(example_url)
    assert phone.locator("article .pr-contact-card").count() == 1


# Line breaks inside Thai text that the browser's own Thai word segmentation (Intl.Segmenter,
# the ICU dictionary its line breaker uses) does not allow: breaks forced by the page's CSS
# (overflow-wrap: anywhere, word-break) in the middle of a word or syllable.
FORCED_BREAKS_JS = """() => {
  const words = new Intl.Segmenter('th', {granularity: 'word'});
  const range = document.createRange();
  const thai = (c) => c >= '\\u0e01' && c <= '\\u0e5b';
  const out = [];
  for (const el of document.querySelectorAll('article td, article th, article p, article li, article a')) {
    const box = el.getBoundingClientRect();
    if (!el.checkVisibility() || box.width < 2 || el.closest('.pr-sr-only, table.pr-cards > thead')) continue;
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !/[\\u0e01-\\u0e5b]{3}/.test(node.data)) continue;
      const text = node.data;
      const allowed = new Set([...words.segment(text)].map((s) => s.index));
      let last = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        if (last !== null && r.top > last + 2 && thai(text[i]) && thai(text[i - 1]) && !allowed.has(i))
          out.push(text.slice(Math.max(0, i - 10), i) + '|' + text.slice(i, i + 10));
        last = r.top;
      }
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [360, 1366])
def test_thai_text_breaks_between_words_in_narrow_columns(chromium, example_url: str, width: int) -> None:
    context = chromium.new_context(locale="th-TH", viewport={"width": width, "height": 768})
    tab = context.new_page()
    forced = {}
    try:
        for path in ("", "about/", "ita/2569/", "2569/measures/", "2569/results-report/", "data/", "2569/data/contracts/"):
            tab.goto(example_url + path, wait_until="load")
            found = tab.evaluate(FORCED_BREAKS_JS)
            if found:
                forced[path or "/"] = found[:5]
    finally:
        context.close()
    assert not forced, f"Thai words broken inside at {width} px: {forced}"


# Every line start inside the text of each visible element of `selector` (not inside
# another one): the element's text (as textContent has it, a newline where a paragraph or
# list item begins) and the offsets in it where a new line begins. With `bare`, the
# build's line-break marks are first taken out of the page, as if it had none.
LINES_JS = """([selector, bare]) => {
  if (bare) {
    for (const mark of document.querySelectorAll('article wbr')) mark.remove();
    for (const hold of document.querySelectorAll('article pr-w')) hold.replaceWith(...hold.childNodes);
    document.querySelector('article').normalize();
  }
  const range = document.createRange();
  const blockOf = (node, top) => {
    let el = node.parentElement;
    while (el !== top && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
    return el;
  };
  const out = [];
  for (const top of document.querySelectorAll(selector)) {
    if (!top.checkVisibility() || top.getBoundingClientRect().width < 4 || top.parentElement.closest(selector)
        || top.closest('.pr-sr-only, table.pr-cards > thead, nav')) continue;
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
    let text = '', last = null, block = null;
    const starts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const own = blockOf(node, top);
      if (block !== null && own !== block) text += '\\n';
      block = own;
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r || r.width === 0) continue;  // a vowel or tone mark sits on its letter's line
        if (last !== null && r.top > last + 2) starts.push(text.length + i);
        last = r.top;
      }
      text += node.data;
    }
    if (starts.length) out.push([text, starts]);
  }
  return out;
}"""
CELLS = "article table td, article table th"
RUNNING_TEXT = ("article p, article li, article dd, article dt, article figcaption, article h2, article h3,"
                " article .admonition-title")
THAI_LETTERS = re.compile("[\u0e01-\u0e3a\u0e40-\u0e4e]+")


def inside_a_syllable(text: str, at: int) -> str | None:
    """The PyThaiNLP word a line start at text[at] splits inside one of its syllables, if any
    (a compound may break between its parts, as Thai is set on paper: "ร้อง|เรียน"; words
    longer than the build's LONG_WORD are left to the browser, which may break them anywhere
    in a column narrower than they are)."""
    from pythainlp.tokenize import syllable_tokenize, word_tokenize

    run = next((m for m in THAI_LETTERS.finditer(text) if m.start() < at < m.end()), None)
    if run is None:
        return None
    start = run.start()
    for word in word_tokenize(run.group(0), engine="newmm"):
        if start < at < start + len(word) and len(word) <= LONG_WORD:
            ends, end = set(), 0
            for syllable in syllable_tokenize(word, engine="dict"):
                end += len(syllable)
                ends.add(end)
            if at - start not in ends:
                return f"{text[max(0, start - 6):start]}[{word[:at - start]}|{word[at - start:]}]"
        start += len(word)
    return None


def split_syllables(tab, selector: str, bare: bool = False) -> tuple[int, list[str]]:
    """How many lines begin inside the Thai of `selector`'s elements, and those that begin
    inside a syllable."""
    lines, split = 0, []
    for text, starts in tab.evaluate(LINES_JS, [selector, bare]):
        lines += len(starts)
        split += [w for w in (inside_a_syllable(text, at) for at in starts) if w]
    return lines, split


def test_lines_in_table_cells_break_between_syllables_and_copy_as_written(phone, example_url: str) -> None:
    """At 360 px no line of a table cell or card starts inside a syllable (the browser's own Thai
    dictionary broke 'ภา|พอินโฟกราฟิก' and 'การก|อง'), and the marks that prevent it are no
    text: a cell's text, as copied or searched with Ctrl-F, is the text staff wrote."""
    split, lines = {}, 0
    for path in ("2569/measures/", "2569/progress-report/", "2570/ita-analysis/", "2569/data/contracts/",
                 "ita/2569/", "pages/services/"):
        phone.goto(example_url + path, wait_until="load")
        seen, found = split_syllables(phone, CELLS)
        lines += seen
        if found:
            split[path] = found[:5]
        if path == "2570/ita-analysis/":
            written = yaml.safe_load((EXAMPLE / "years/2570/ita_analysis.yml").read_text(encoding="utf-8"))
            source = next(i["suggestions"] for t in written["tools"] for i in t["indicators"]
                          if "อินโฟกราฟิก" in i.get("suggestions", ""))
            cell = phone.locator("article td p", has_text="อินโฟกราฟิก").first
            assert cell.evaluate("(p) => p.querySelectorAll('wbr').length") >= 1
            copied = cell.evaluate("(p) => { getSelection().selectAllChildren(p); return getSelection().toString(); }")
            assert cell.text_content() == cell.inner_text() == copied == source
    assert lines > 300, lines  # the check saw real narrow text
    assert not split, f"lines that start inside a Thai syllable: {split}"


def test_running_text_in_a_narrow_column_breaks_between_syllables(phone, example_url: str) -> None:
    """An announcement's paragraphs and list items on a 360 px phone, and in columns of 11em
    and 15em (a narrow card, a large font): no line starts inside a syllable. The same page
    with the build's marks taken out shows that the browser alone does ("ทุกร|อบ"), so the
    check and the marks both do something."""
    phone.goto(example_url + "2569/announcements/ita-guidelines/", wait_until="load")
    assert phone.locator("article p wbr, article li wbr").count() > 0  # running text is marked
    column = phone.add_style_tag(content="article {}")
    found: dict[bool, list[str]] = {False: [], True: []}
    lines = 0
    for bare in (False, True):
        for width in ("none", "11em", "15em"):
            column.evaluate("(s, w) => { s.textContent = `article :is(p, li, dd, dt) { max-width: ${w}; }`; }", width)
            seen, split = split_syllables(phone, RUNNING_TEXT, bare)
            lines += seen
            found[bare] += [f"{width}: {w}" for w in split]
    assert lines > 1500, lines  # the check saw real narrow text
    assert not found[False], f"lines that start inside a Thai syllable: {found[False][:8]}"
    assert found[True], "without the marks the browser breaks no syllable here: the check would prove nothing"


def test_the_longest_page_costs_a_first_visit_under_600_kb(chromium, example_url: str, example_site: Path) -> None:
    """Issue 24: a phone's first visit to the example's longest page (a 220-row dataset, its
    Thai line-break marks included) downloads at most 600 KB, and 150 KB gzipped, as a plain
    server without compression sends it."""
    longest = max(example_site.rglob("*.html"), key=lambda p: p.stat().st_size)
    bodies: list[bytes] = []

    def keep(response) -> None:
        with contextlib.suppress(Exception):  # a redirect or an aborted request has no body
            bodies.append(response.body())

    context = chromium.new_context(locale="th-TH", viewport={"width": 360, "height": 740})
    try:
        tab = context.new_page()
        tab.on("response", keep)
        tab.goto(example_url + longest.relative_to(example_site).parent.as_posix() + "/", wait_until="networkidle")
    finally:
        context.close()
    raw, packed = sum(map(len, bodies)), sum(len(gzip.compress(b, 6)) for b in bodies)
    assert len(bodies) > 5 and longest.stat().st_size > 150_000
    assert raw <= 600 * 1024 and packed <= 150 * 1024, (longest.relative_to(example_site), raw, packed)
