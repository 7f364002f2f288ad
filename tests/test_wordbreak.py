"""Thai line breaks from PyThaiNLP's words (issue 23, part 7): in table cells each run of
Thai letters is held together (<pr-w>) with <wbr> between its words, never inside a word,
an address, a number, a code or an attribute; the marks are elements, never characters,
so copied text, the search index, downloads, feeds and titles are the text as written."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from pythainlp.tokenize import word_tokenize

from generator.htmltext import rendered_text, without_breaks
from generator.render import FILTERS
from generator.thai import ThaiStyle
from generator.wordbreak import LONG_WORD, word_breaks
from tests.conftest import read_page

MARKS = re.compile(r"<wbr>|</?pr-w>|\u200b")


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


def test_a_thai_phrase_breaks_between_its_words_and_never_inside_one() -> None:
    text = "สรุปผลโครงการสำคัญเป็นภาพอินโฟกราฟิกทุกไตรมาส"
    out = word_breaks(text)
    assert out.startswith("<pr-w>") and out.endswith("</pr-w>")
    assert without_breaks(out) == text
    assert "ภาพ<wbr>อินโฟกราฟิก<wbr>ทุก" in out  # the browser's own dictionary breaks ภา|พอินโฟ
    offsets = break_offsets(out)
    assert len(offsets) >= 6 and set(offsets) <= newmm_ends(text)


def test_a_break_needs_both_segmenters_so_neither_ones_mistake_splits_a_syllable() -> None:
    # newmm reads ทุ|กรอบ and มาตร|การควบคุม, longest matching ตามพ|ระ: a break is kept only
    # where both agree, so none of these is split at all.
    for text, whole in [("ประเมินทุกรอบ", "ทุกรอบ"), ("กำหนดมาตรการควบคุม", "มาตรการควบคุม"),
                        ("ตามพระราชบัญญัติเทศบาล", "ตามพระราชบัญญัติ")]:
        out = word_breaks(text)
        start = text.index(whole)
        inside = [o for o in break_offsets(out) if start < o < start + len(whole)]
        assert not inside, (text, out)
        assert without_breaks(out) == text


def test_addresses_numbers_codes_attributes_and_entities_are_left_as_they_are() -> None:
    link = '<a href="https://www.สายธารคำ.go.th/ข่าวประชาสัมพันธ์">https://www.สายธารคำ.go.th/ข่าวประชาสัมพันธ์</a>'
    cell = (f'<td data-label="ผู้รับผิดชอบโครงการ">โทรติดต่อ {link} หรือ สารบรรณ@สายธารคำ.go.th '
            "เลขประจำตัวผู้เสียภาษี 0405561001234 วงเงิน ๑๒,๕๐๐.๕๐ บาท <code>การจัดซื้อจัดจ้าง</code> &amp; ร.ร.</td>")
    out = word_breaks(cell)
    assert link in out and "สารบรรณ@สายธารคำ.go.th" in out
    assert 'data-label="ผู้รับผิดชอบโครงการ"' in out
    assert "0405561001234" in out and "๑๒,๕๐๐.๕๐" in out and "&amp;" in out
    assert "<code>การจัดซื้อจัดจ้าง</code>" in out
    assert "<pr-w>โทร<wbr>ติดต่อ</pr-w>" in out and "ประจำตัว<wbr>ผู้เสียภาษี" in out
    assert without_breaks(out) == cell
    assert word_breaks(out) == out  # a table inside a cell is broken once


def test_a_word_longer_than_a_narrow_column_is_left_to_the_browser() -> None:
    name = "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ"  # one dictionary word
    assert len(name) > LONG_WORD
    out = word_breaks(f"รายงานต่อ{name}ทุกปี")
    assert f"<wbr>{name}<wbr>" in out and f"<pr-w>{name}" not in out


def test_the_visible_text_is_the_text_as_written() -> None:
    text = "<p>การเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ของหน่วยงาน</p>"
    assert rendered_text(word_breaks(text)) == rendered_text(text)


def test_the_template_filter_escapes_text_from_data() -> None:
    out = str(FILTERS["breaks"]('<script>alert("ทดสอบระบบ")</script>'))
    assert "<script>" not in out and "&lt;script&gt;" in out and "<pr-w>ทดสอบ<wbr>ระบบ</pr-w>" in out


def test_identifiers_keep_arabic_digits_and_amounts_follow_the_setting() -> None:
    thai = ThaiStyle("thai")
    text = "หจก. ทดสอบ เลขประจำตัวผู้เสียภาษี 0405561001234 (1-2345-67890-12-3) โครงการ 67019123456 ราคา 1,250.00 บาท โทร 0 4312 3456"
    assert thai.text_digits(text) == (
        "หจก. ทดสอบ เลขประจำตัวผู้เสียภาษี 0405561001234 (1-2345-67890-12-3) โครงการ 67019123456 "
        "ราคา ๑,๒๕๐.๐๐ บาท โทร ๐ ๔๓๑๒ ๓๔๕๖"
    )
    assert ThaiStyle("arabic").text_digits("เลขที่ ๐๔๐๕๕๖๑๐๐๑๒๓๔ ราคา ๑๒") == "เลขที่ 0405561001234 ราคา 12"


# --- on the built example -------------------------------------------------------------


def test_table_cells_of_the_built_pages_carry_the_breaks(example_site: Path) -> None:
    measures = (example_site / "2569/measures/index.html").read_text(encoding="utf-8")
    cells = re.findall(r"<td[^>]*>(.*?)</td>", measures, re.S)
    assert sum("<wbr>" in c for c in cells) > 20
    # A Markdown table of a free page: the marks survive Python-Markdown and the sanitizer.
    services = (example_site / "pages/services/index.html").read_text(encoding="utf-8")
    table = services[services.index("<table") : services.index("</table>")]
    assert "<pr-w>" in table and "<wbr>" in table and "&lt;wbr" not in services
    contracts = (example_site / "2569/data/contracts/index.html").read_text(encoding="utf-8")
    assert "<wbr>" in contracts[contracts.index("<tbody>") :]


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
