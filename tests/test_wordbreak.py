"""Thai line breaks (issue 23, part 7): a built page gets <wbr> between PyThaiNLP's words, and
a hold (<pr-w>) around a word, only in the runs of Thai letters that the browser's line
breaker (ICU) would split inside a syllable; never in an address, a number, a code, an
attribute, the navigation or the page's frame. The marks are elements, never characters,
so copied text, the search index, downloads, feeds and titles are the text as written."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from pythainlp.tokenize import word_tokenize

from generator import icu_lines, wordbreak
from generator.htmltext import rendered_text, without_breaks
from generator.icu_lines import line_breaks
from generator.pipeline import build
from generator.thai import ThaiStyle
from generator.wordbreak import LONG_WORD, page_breaks, word_breaks
from tests.conftest import SMALL, read_page

MARKS = re.compile(r"<wbr>|</?pr-w>|\u200b")
# Runs that ICU (the browser's line breaker) splits inside a syllable on their own.
BAD_FOR_ICU = "สรุปผลโครงการสำคัญเป็นภาพอินโฟกราฟิกทุกไตรมาส ประเมินทุกรอบ"


def break_offsets(markup: str) -> list[int]:
    """Where the <wbr> marks fall in the text without marks."""
    offsets, at = [], 0
    for piece in re.split(r"(<wbr>|</?pr-w>)", markup):
        if piece == "<wbr>":
            offsets.append(at)
        elif not piece.startswith("<"):
            at += len(piece)
    return offsets


def newmm_ends(text: str) -> set[int]:
    return set(itertools.accumulate(len(w) for w in word_tokenize(text, engine="newmm")))


def test_the_build_asks_the_browsers_line_breaker() -> None:
    # ICU itself (Debian's libicu, which Debian's chromium depends on) splits the syllable ภาพ.
    assert line_breaks("ภาพอินโฟกราฟิก")[0] == 2


def test_a_run_the_browser_would_split_inside_a_syllable_breaks_between_words() -> None:
    text = "สรุปผลโครงการสำคัญเป็นภาพอินโฟกราฟิกทุกไตรมาส"
    out = word_breaks(text)
    assert without_breaks(out) == text
    assert "ภาพ<wbr>อินโฟกราฟิก" in out  # ICU alone breaks ภา|พอินโฟ
    assert set(break_offsets(out)) <= newmm_ends(text)
    # ทุกรอบ: ICU breaks ทุกร|อบ, newmm reads ทุ|กรอบ; held whole, never split by a mark.
    assert word_breaks("ประเมินทุกรอบ") == "ประเมิน<wbr><pr-w>ทุกรอบ</pr-w>"


def test_runs_the_browser_breaks_well_get_no_mark() -> None:
    # Compounds break between their parts (ร้อง|เรียน) as Thai is set on paper: nothing to add.
    for text in ("ช่องทางการร้องเรียนการทุจริต", "ข่าวประชาสัมพันธ์ล่าสุด", "จ้างเหมาซ่อมแซมท่อระบายน้ำ", "เฉพาะเจาะจง"):
        assert word_breaks(text) == text


def test_a_break_needs_both_segmenters_so_neither_ones_mistake_splits_a_syllable() -> None:
    # newmm reads ทุ|กรอบ and มาตร|การควบคุม, longest matching ตามพ|ระ: a mark goes only
    # where both agree, so none of these is split by one.
    for text, whole in [("ประเมินทุกรอบ", "ทุกรอบ"), ("กำหนดมาตรการควบคุม", "มาตรการควบคุม"),
                        ("ตามพระราชบัญญัติเทศบาล", "ตามพระราชบัญญัติ")]:
        out = word_breaks(text)
        start = text.index(whole)
        inside = [o for o in break_offsets(out) if start < o < start + len(whole)]
        assert not inside, (text, out)
        assert without_breaks(out) == text


def test_addresses_numbers_codes_attributes_and_entities_are_left_as_they_are() -> None:
    link = '<a href="https://www.สายธารคำ.go.th/ภาพอินโฟกราฟิก">https://www.สายธารคำ.go.th/ภาพอินโฟกราฟิก</a>'
    cell = (f'<td data-label="ภาพอินโฟกราฟิกทุกรอบ" title=\'a>ภาพอินโฟกราฟิก\'>ภาพอินโฟกราฟิก {link} หรือ '
            "ภาพอินโฟกราฟิก@สายธารคำ.go.th เลขประจำตัวผู้เสียภาษี 0405561001234 วงเงิน ๑๒,๕๐๐.๕๐ บาท "
            "<code>ภาพอินโฟกราฟิก</code> <!-- ภาพอินโฟกราฟิก --> &amp; ร.ร.</td>")
    out = word_breaks(cell)
    assert out.startswith('<td data-label="ภาพอินโฟกราฟิกทุกรอบ" title=\'a>ภาพอินโฟกราฟิก\'>ภาพ<wbr>อินโฟกราฟิก ')
    assert link in out and " ภาพอินโฟกราฟิก@สายธารคำ.go.th " in out
    assert "0405561001234" in out and "๑๒,๕๐๐.๕๐" in out and "&amp;" in out
    assert "<code>ภาพอินโฟกราฟิก</code>" in out and "<!-- ภาพอินโฟกราฟิก -->" in out
    assert out.count("<wbr>") == 1
    assert without_breaks(out) == cell
    assert word_breaks(out) == out  # marking twice changes nothing


def test_a_run_goes_on_across_a_link_or_bold_as_the_browser_reads_it() -> None:
    # ICU sees "เป็นภาพอินโฟกราฟิก" whole, whatever element "ภาพ" is in, and breaks ภา|พ.
    text = '<p>สรุปผลโครงการสำคัญเป็น<a href="/ข่าว/">ภาพ</a>อินโฟกราฟิกทุกไตรมาส ประเมิน<strong>ทุกรอบ</strong></p>'
    out = word_breaks(text)
    assert without_breaks(out) == text
    assert re.search(r"ภาพ(</a>)?<wbr>(</a>)?อินโฟกราฟิก", out), out
    assert "<strong><wbr><pr-w>ทุกรอบ</pr-w></strong>" in out
    # A hold never straddles a tag: the page stays well nested.
    assert out.count("<pr-w>") == len(re.findall(r"<pr-w>[^<]*</pr-w>", out))
    assert word_breaks("<p>ภาพ</p><p>อินโฟกราฟิก</p>") == "<p>ภาพ</p><p>อินโฟกราฟิก</p>"  # two blocks, two runs


def test_a_word_longer_than_a_narrow_column_is_never_held() -> None:
    name = "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ"  # one dictionary word
    assert len(name) > LONG_WORD
    for text in (f"รายงานต่อ{name}ทุกปี", f"ภาพอินโฟกราฟิก{name}"):
        assert f"<pr-w>{name}" not in word_breaks(text)


def test_the_visible_text_is_the_text_as_written() -> None:
    text = f"<p>การเผยแพร่{BAD_FOR_ICU}ผ่านเว็บไซต์ของหน่วยงาน</p>"
    assert word_breaks(text) != text
    assert rendered_text(word_breaks(text)) == rendered_text(text)


def test_a_page_is_marked_in_its_content_only() -> None:
    """The navigation, header and footer repeat on every page: marks there would cost bytes
    on all of them. In the content: paragraphs, list items, cells, headings, captions; not
    code, scripts, form fields."""
    t = BAD_FOR_ICU
    frame = f'<header class="md-header">{t}</header><nav class="md-nav">{t}</nav>'
    content = (f"<h1>{t}</h1><p>{t}</p><ul><li>{t}</li></ul><table><tr><th>{t}</th><td>{t}</td></tr></table>"
               f"<figure><figcaption>{t}</figcaption></figure><dl><dt>{t}</dt><dd>{t}</dd></dl>")
    verbatim = (f"<pre><code>{t}</code></pre><script>var a = '</pre>{t}';</script><textarea>{t}</textarea>"
                f"<svg><text>{t}</text></svg>")
    page = (f"<html><head><title>{t}</title></head><body>{frame}<main><div class=\"md-content\">"
            f'<article class="md-content__inner md-typeset">{content}{verbatim}</article></div></main>'
            f'<footer class="md-footer">{t}</footer></body></html>')
    out = page_breaks(page)
    assert without_breaks(out) == page
    head, article, foot = re.split(r"<article[^>]*>|</article>", out)
    assert not MARKS.search(head) and not MARKS.search(foot)
    marked = article.split("<pre>")[0]
    for tag in ("h1", "p", "li", "th", "td", "figcaption", "dt", "dd"):
        assert "ภาพ<wbr>อินโฟกราฟิก" in re.search(rf"<{tag}>(.*?)</{tag}>", marked).group(1), tag
    assert article.endswith(verbatim)
    assert page_breaks("<p>ภาพอินโฟกราฟิก</p>") == "<p>ภาพอินโฟกราฟิก</p>"  # no page content: nothing


@pytest.fixture
def without_icu(monkeypatch: pytest.MonkeyPatch):
    """As on a machine without libicu, with caches of its own (the real ones stay as they are)."""
    monkeypatch.setattr(icu_lines, "_icu", lambda: None)
    own: dict = {}
    monkeypatch.setattr(wordbreak, "_known", lambda: own)
    monkeypatch.setattr(wordbreak, "_new", set())
    wordbreak.run_marks.cache_clear()
    wordbreak.run_html.cache_clear()
    yield
    wordbreak.run_marks.cache_clear()
    wordbreak.run_html.cache_clear()


def test_without_icu_every_run_is_marked_and_the_build_says_how_to_make_pages_lighter(
        without_icu, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A machine without libicu still keeps syllables whole: every word between <wbr>, words held."""
    out = word_breaks("ช่องทางการร้องเรียนการทุจริต")
    assert out.startswith("<pr-w>") and out.endswith("</pr-w>") and out.count("<wbr>") >= 3
    assert without_breaks(out) == "ช่องทางการร้องเรียนการทุจริต"
    build(SMALL, tmp_path / "site")
    err = capsys.readouterr().err.splitlines()
    at = next(i for i, line in enumerate(err) if "libicu" in line)
    assert err[at].startswith("ไม่พบไลบรารี ICU (libicu)") and "apt-get install libicu72" in err[at]
    assert err[at + 1].startswith("ICU (libicu) was not found")
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")]
    assert sum(p.count("<pr-w>") for p in pages) > 50


# --- on the built example -------------------------------------------------------------


def test_the_built_pages_carry_few_marks_and_the_markdown_none(example_site: Path) -> None:
    pages = {p.relative_to(example_site).as_posix(): p.read_text(encoding="utf-8") for p in example_site.rglob("*.html")}
    guidelines = pages["2569/announcements/ita-guidelines/index.html"]
    assert "<pr-w>ทุกรอบ</pr-w>" in guidelines  # running text: ICU alone breaks ทุกร|อบ
    analysis = pages["2570/ita-analysis/index.html"]
    assert "ภาพ<wbr>อินโฟกราฟิก" in analysis[analysis.index("<table") :]
    # The longest pages, hundreds of table rows the browser breaks well, carry next to no marks.
    for name in ("2569/data/contracts/index.html", "2569/data/procurement-monthly/index.html"):
        marks = MARKS.findall(pages[name])
        assert len("".join(marks)) < 1000, (name, len(marks))
    markdown = [p for p in (example_site.parent / ".site.build").rglob("*.md")]
    assert len(markdown) > 40
    assert not [p for p in markdown if MARKS.search(p.read_text(encoding="utf-8"))]


def test_identifiers_keep_arabic_digits_and_amounts_follow_the_setting() -> None:
    thai = ThaiStyle("thai")
    text = "หจก. ทดสอบ เลขประจำตัวผู้เสียภาษี 0405561001234 (1-2345-67890-12-3) โครงการ 67019123456 ราคา 1,250.00 บาท โทร 0 4312 3456"
    assert thai.text_digits(text) == (
        "หจก. ทดสอบ เลขประจำตัวผู้เสียภาษี 0405561001234 (1-2345-67890-12-3) โครงการ 67019123456 "
        "ราคา ๑,๒๕๐.๐๐ บาท โทร ๐ ๔๓๑๒ ๓๔๕๖"
    )
    assert ThaiStyle("arabic").text_digits("เลขที่ ๐๔๐๕๕๖๑๐๐๑๒๓๔ ราคา ๑๒") == "เลขที่ 0405561001234 ราคา 12"


def test_no_mark_reaches_titles_navigation_the_search_index_feeds_or_downloads(example_site: Path) -> None:
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "\u200b" not in html, page
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and not MARKS.search(title.group(1)), page
        for nav in re.findall(r'<nav class="md-nav.*?</nav>', html, re.S):
            assert not MARKS.search(nav), page
        for attr in re.findall(r'(?:content|data-label|aria-label|alt|title)="([^"]*)"', html):
            assert not MARKS.search(attr), (page, attr)
    machine = [p for p in example_site.rglob("*") if p.suffix in {".csv", ".json", ".xml", ".txt"}]
    assert any(p.suffix == ".csv" for p in machine) and any("prongsai" in p.parts for p in machine)
    for path in machine:
        text = path.read_bytes().decode("utf-8")
        assert not MARKS.search(text) and "wbr" not in text and "pr-w" not in text, path
    # The index holds the words as written, so a search for a phrase across two words finds it.
    chunks = [json.loads(p.read_bytes()) for p in (example_site / "search/prongsai/chunks").glob("*.json")]
    assert any("เป็นภาพอินโฟกราฟิก" in str(c) for c in chunks)


def test_tax_ids_print_in_arabic_digits_on_a_thai_digit_site(example_site: Path) -> None:
    html = read_page(example_site, "2569/data/contracts/")
    rows = re.findall(r"<tr>(.*?)</tr>", html[html.index("<tbody>") :], re.S)
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in rows[:5]]
    assert cells and all(re.fullmatch(r"[0-9]{13}", row[8]) for row in cells), [row[8] for row in cells]
    assert all(re.fullmatch(r"[๐-๙,]+\.[๐-๙]{2}", row[2]) for row in cells)  # the amounts follow the setting
    assert all(re.search("[๐-๙]", row[10]) for row in cells)  # and so do the dates
