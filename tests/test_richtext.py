"""Rich text that staff write: nested numbered lists, tables, paragraphs."""

from pydantic import TypeAdapter

from generator.richtext import RichRenderer, RichText
from generator.thai import ThaiStyle

rich = TypeAdapter(RichText)


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
