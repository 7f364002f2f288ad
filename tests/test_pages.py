import hypothesis.strategies as st
from hypothesis import given, settings

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


# Markdown staff write: Thai prose, spaces and line breaks, and every character an inline
# pattern starts with, so both the plain-text shortcut and the library's own path are taken.
MARKDOWN_BITS = st.sampled_from(
    ["กฎหมาย", "ข้อ ๑", "abc", " ", "  ", "\n", "\n\n", "*", "**", "_", "`", "\\", "[", "]", "(", ")",
     "![", "<", ">", "&", "&amp;", "<https://example.org>", "[ลิงก์](https://example.org)", "# ", "- ", "1. ",
     "| ก | ข |\n|---|---|\n| ค | ง |\n", "a@b.org", ":", "!", "\n## ", "\n### ข้อ ๑\n", "\n###### ", "[TOC]",
     "\n\n[TOC]\n\n", "กฎหมาย {: #x }"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_BITS, max_size=30).map("".join))
def test_plain_text_shortcut_converts_exactly_as_python_markdown(text: str) -> None:
    """The converter skips inline patterns for text none of them can match, and the table
    of contents of a page without [TOC]; the result must be the library's own, byte for byte."""
    from generator.kinds.pages import _IdsOnlyToc, _markdown, _PlainTextInline, converter

    ours = _markdown()
    assert isinstance(ours.treeprocessors["inline"], _PlainTextInline)  # the shortcuts are in use
    assert isinstance(ours.treeprocessors["toc"], _IdsOnlyToc)
    assert ours.reset().convert(text) == converter(shortcut=False).convert(text)
