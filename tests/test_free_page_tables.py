"""Tables in free Markdown pages get a caption for screen readers: the heading above them."""

from generator.kinds.pages import body_html, caption_tables

TABLE = "| งาน | เวลา |\n| --- | --- |\n| ภาษี | ๑๕ นาที |\n"


def test_a_table_is_captioned_by_the_heading_above_it() -> None:
    html = caption_tables(body_html(f"## งานบริการ *หลัก*\n\n{TABLE}\n## อื่น ๆ\n\n{TABLE}"), "ช่องทาง")
    assert html.count("<caption") == 2
    assert '<table><caption class="pr-sr-only">งานบริการ หลัก</caption>' in html
    assert '<caption class="pr-sr-only">อื่น ๆ</caption>' in html


def test_without_a_heading_the_page_title_is_the_caption_and_is_escaped() -> None:
    html = caption_tables(body_html(TABLE), '<script>alert(1)</script> "ราคา"')
    assert '<caption class="pr-sr-only">&lt;script&gt;alert(1)&lt;/script&gt; &#34;ราคา&#34;</caption>' in html


def test_a_data_table_without_caption_is_named_by_its_columns() -> None:
    from generator.richtext import RichRenderer, Table
    from generator.thai import ThaiStyle

    table = Table.model_validate({"columns": ["งาน", "<b>เวลา</b>", "<script>x</script>"], "rows": [["ก", "ข", "ค"]]})
    out = RichRenderer(ThaiStyle()).table_html(table)
    assert '<caption class="pr-sr-only">ตาราง งาน, เวลา, &lt;script&gt;x&lt;/script&gt;</caption>' in out
