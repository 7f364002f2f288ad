"""How a rendered page is divided into search sections (generator/search_material.py),
and that the built site's index holds what a visitor reads on the page."""

from __future__ import annotations

from pathlib import Path

from generator.search_index import Section, read_index
from generator.search_material import page_sections

PERMALINK = '<a class="headerlink" href="#{0}" title="Permanent link">&para;</a>'


def _h(level: int, anchor: str, text: str) -> str:
    return f'<h{level} id="{anchor}">{text}{PERMALINK.format(anchor)}</h{level}>'


def test_a_page_opening_with_its_h1_is_one_section_per_heading() -> None:
    html = (
        _h(1, "top", "มาตรการส่งเสริมคุณธรรม")
        + "\n<p>ประจำปีงบประมาณ <strong>พ.ศ.</strong> ๒๕๖๙</p>\n"
        + _h(2, "steps", "ขั้นตอน &amp; วิธีการ")
        + "\n<ul>\n<li>ประชุม</li>\n<li>ชี้แจง</li>\n</ul>\n"
    )
    assert page_sections(html, "2569/measures/", "ชื่อในเมนู") == [
        Section("2569/measures/", "มาตรการส่งเสริมคุณธรรม", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"),
        Section("2569/measures/#steps", "ขั้นตอน & วิธีการ", "ประชุม ชี้แจง"),
    ]


def test_text_before_the_first_heading_is_the_pages_own_under_its_title() -> None:
    html = "<p>ยินดีต้อนรับ</p>\n" + _h(2, "contact", "ติดต่อ") + "<p>โทร ๐ ๔๔๐๐ ๗๒๑๐</p>"
    assert page_sections(html, "", "เทศบาลตำบลสายธารคำ") == [
        Section("", "เทศบาลตำบลสายธารคำ", "ยินดีต้อนรับ"),
        Section("#contact", "ติดต่อ", "โทร ๐ ๔๔๐๐ ๗๒๑๐"),
    ]
    # A page without headings is one section; a page opening with an h2 keeps an empty lead.
    assert page_sections("<p>ข้อความ</p>", "about/", "เกี่ยวกับ") == [Section("about/", "เกี่ยวกับ", "ข้อความ")]
    assert [s.location for s in page_sections(_h(2, "a", "ก่อน") + "<p>x</p>", "p/", "หน้า")] == ["p/", "p/#a"]


def test_cells_are_words_apart_inline_marks_are_not_and_scripts_are_no_text() -> None:
    html = (
        _h(1, "t", "สัญญา")
        + '<table><tr><th>ตัวชี้วัด</th><th>คะแนน</th></tr><tr><td>การเปิดเผย<wbr>ข้อมูล</td><td>๘๑</td></tr></table>'
        + '<p>ราย<em>งาน</em>ผล<br>ฉบับ<a href="x.pdf">เต็ม</a></p>'
        + "<script>var secret = 'ไม่ใช่ข้อความ';</script><style>p{color:red}</style>"
    )
    [section] = page_sections(html, "data/contracts/", "สัญญา")
    assert section.text == "ตัวชี้วัด คะแนน การเปิดเผยข้อมูล ๘๑ รายงานผล ฉบับเต็ม"


def test_the_built_index_holds_the_pages_headings_and_table_cells(example_site: Path) -> None:
    sections = {s.location: s for s in read_index(example_site / "search" / "prongsai")}
    home = sections[""]
    assert home.title and "¶" not in "".join(s.title for s in sections.values())
    ita = next(s for loc, s in sections.items() if loc.endswith("ita-analysis/#oit"))
    # The cells of the OIT score table are separate words, as a reader sees them.
    assert "ตัวชี้วัด คะแนน ระดับ" in ita.text
