import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from generator import richtext
from generator.richtext import RichRenderer, RichText, inline_html, md_text, theme_label, visible_text
from generator.thai import ThaiStyle

rich = TypeAdapter(RichText)


def test_document_fragments_keep_their_safe_tags_without_attributes() -> None:
    out = inline_html('<ol style="list-style-type: none"><li>ก</li></ol><p>ข</p>')
    assert out == "<ol><li>ก</li></ol><p>ข</p>"


def test_checkboxes_become_visible_boxes() -> None:
    assert inline_html('<input type="checkbox"/> เข้าถึงง่าย') == "☐ เข้าถึงง่าย"
    assert inline_html('<input type="checkbox" checked/> ก').startswith("☑")


def test_anything_else_is_shown_as_text_not_run() -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:x">y</a>'
    out = inline_html(hostile)
    assert "<script" not in out and "<img" not in out and "<a " not in out
    assert visible_text(hostile) == hostile


def test_markdown_syntax_from_data_cannot_make_links_or_attributes() -> None:
    out = md_text("[x](javascript:alert(1)) {: onclick=alert(1) } <b>")
    for char in "[]{}<>:":
        assert char not in out


WORDS = st.lists(st.text(alphabet="กขฤๅ๑๒abcXY09.,-/()%+@", min_size=1, max_size=6), max_size=5).map(" ".join)
# Every character md_text changes, and kinds of whitespace it folds.
ODD = [*"\\`*_{}[]#|~^=!:<>&\"'\x00\ufeff", " ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85"]


@given(WORDS)
@example("ค่า ใช้จ่าย")
def test_plain_words_are_kept_as_written(text: str) -> None:
    assert md_text(text) == text == richtext._md_text(text)


@pytest.mark.parametrize("odd", ODD)
@settings(max_examples=25)
@given(WORDS, st.integers(0, 40))
@example("ก ข", 1)  # next to a space: a space makes two
@example("ก ข", 3)  # at the end
def test_plain_text_shortcut_never_skips_a_character_that_needs_changing(odd: str, words: str, at: int) -> None:
    # md_text returns most table cells as they are, without the full path; with any one odd
    # character anywhere in plain words, it must give exactly what the full path gives.
    text = words[:at] + odd + words[at:]
    assert md_text(text) == richtext._md_text(text)


def test_theme_labels_have_no_markup_characters() -> None:
    label = theme_label('</title><script>alert("x")</script>')
    assert not set(label) & set("<>&\"'")


def test_nested_outline_list_numbering_with_explicit_numbers() -> None:
    value = rich.validate_python(
        {"list": ["ก", {"text": "ข", "items": ["ค", "ง"]}, {"text": "จ", "number": "๕.๑๑", "items": ["ฉ"], "style": "plain"}]}
    )
    out = RichRenderer(ThaiStyle("thai")).html(value, prefix="๕")
    markers = [part.split("<")[0] for part in out.split('<span class="pr-marker">')[1:]]
    assert markers == ["๕.๑", "๕.๒", "๕.๒.๑", "๕.๒.๒", "๕.๑๑", "๑."]


def test_table_block_has_headers_caption_and_group_rows() -> None:
    value = rich.validate_python({"table": {"caption": "ต", "columns": ["ก", "ข"], "rows": [{"group": "หมวด"}, ["๑", "๒"]]}})
    out = RichRenderer(ThaiStyle()).html(value)
    assert "<caption>ต</caption>" in out and '<th scope="col">ก</th>' in out
    assert '<th colspan="2" scope="colgroup">หมวด</th>' in out


def test_paragraphs_and_line_breaks() -> None:
    out = RichRenderer(ThaiStyle()).html("บรรทัด ๑\nบรรทัด ๒\n\nย่อหน้าใหม่")
    assert out == "<p>บรรทัด ๑<br>บรรทัด ๒</p><p>ย่อหน้าใหม่</p>"


def test_inline_shortcut_passes_exactly_the_characters_the_sanitizer_keeps() -> None:
    # inline_html returns a data string as it is when nothing in it needs cleaning; for every
    # character of the Basic Multilingual Plane, inside and at the start of a string, that
    # shortcut must agree with the full path (escape, safe tags back, nh3).
    for code in range(0x10000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue  # surrogates are not text
        for text in (f"ก{char}ข", f"{char}ข"):
            assert (inline_html(text) == text) == (richtext._clean_inline(text) == text), repr(char)
            assert inline_html(text) == richtext._clean_inline(text), repr(char)


def test_other_space_is_every_whitespace_character_but_the_space() -> None:
    # md_text's plain-text check lists the whitespace it folds; it must be all that str.split splits at.
    listed = re.compile(f"[{richtext.OTHER_SPACE}]")
    for code in range(0x110000):
        char = chr(code)
        assert bool(listed.match(char)) == (char.isspace() and char != " "), hex(code)


@settings(max_examples=300)
@given(st.lists(st.lists(st.sampled_from(["ก", "ข้อ", "a", "1", " ", "", "\x01", *ODD]), max_size=6).map("".join), max_size=8))
@example(["ก", " ข"])  # a space at a cell's edge, next to the join
@example(["ก ", "ข"])
@example([" ก"])
def test_a_column_reads_as_each_cell_alone(texts: list[str]) -> None:
    # Dataset columns are checked whole when every cell is plain; each cell must come out as md_text makes it.
    assert richtext.md_texts(texts) == [md_text(t) for t in texts]
