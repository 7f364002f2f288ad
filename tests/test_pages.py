
from generator.kinds.pages import body_html, split_front_matter


def test_front_matter_and_body_line() -> None:
    front, body, line = split_front_matter("---\ntitle: ประวัติ\norder: 2\n---\n# หัวข้อ\n")
    assert front == "title: ประวัติ\norder: 2" and body == "# หัวข้อ\n" and line == 5


def test_staff_markdown_keeps_formatting_but_not_scripts() -> None:
    out = body_html("## ก\n\n**ข** <script>alert(1)</script> [ค](javascript:alert(1)) [ง](https://example.org)\n")
    assert ">ก</h2>" in out  # staff headings sit right under the page title: no level skipped
    assert "<strong>ข</strong>" in out
    assert "&lt;script&gt;" in out and "<script" not in out
    assert "javascript:" not in out
    assert 'href="https://example.org"' in out


def test_tables_in_pages() -> None:
    out = body_html("| ก | ข |\n|---|---|\n| ๑ | ๒ |\n")
    assert "<table>" in out and "<th>ก</th>" in out


def test_headings_never_skip_a_level_below_the_page_title() -> None:
    out = body_html("# หนึ่ง\n\n## สอง\n\n### สาม\n")
    assert ">หนึ่ง</h2>" in out and ">สอง</h2>" in out and ">สาม</h3>" in out
    assert "<h1" not in out  # the page title is the only h1


