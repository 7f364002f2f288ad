"""The generator's own HTML blocks pass through Markdown unparsed, and every page comes
out as Python-Markdown alone would have made it (generator/markdown_blocks.py)."""

from __future__ import annotations

from pathlib import Path

import markdown

from generator.markdown_blocks import StashBlocksExtension, block_end

EXTENSIONS = ["toc", "tables"]  # as in mkdocs.yml


def _html(text: str, stash: bool) -> str:
    extensions: list[object] = [*EXTENSIONS, StashBlocksExtension()] if stash else list(EXTENSIONS)
    return markdown.Markdown(extensions=extensions).convert(text)  # type: ignore[arg-type]


def test_every_example_page_comes_out_the_same(example_site: Path) -> None:
    docs = example_site.parent / f".{example_site.name}.build" / "docs"
    pages = sorted(docs.rglob("*.md"))
    assert len(pages) >= 40
    stashed = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        lines = text.split("\n")
        stashed += sum(block_end(lines, at) is not None for at in range(len(lines)))
        assert _html(text, stash=True) == _html(text, stash=False), page.relative_to(docs)
    assert stashed >= 30  # the tables of the datasets, measures and reports


TABLE = '<div class="pr-table-wrap">\n<table class="pr-dataset">\n<tr><td>ก</td></tr>\n</table>\n</div>'


def test_only_whole_blocks_without_anchors_or_markdown_are_set_aside() -> None:
    assert block_end(TABLE.split("\n"), 0) == 5
    assert block_end(["<table>", "<tr><td>๑</td></tr>", "</table>"], 0) == 3
    # The criteria box, the download links and a chart are the generator's too.
    assert block_end(['<details class="pr-oit-criteria">', "<summary>o1</summary>", "<p>ก</p>", "</details>"], 0) == 4
    assert block_end(['<p class="pr-downloads">ดาวน์โหลด', '<a href="x.csv">CSV</a></p>'], 0) == 2
    assert block_end(['<figure class="pr-chart-figure"><svg><title>ก</title></svg></figure>'], 0) == 1
    assert block_end(["<p>ย่อหน้าที่ผู้ใช้เขียน</p>"], 0) is None
    # An anchor inside is for MkDocs to see; Markdown inside is for Python-Markdown.
    assert block_end(TABLE.replace("<tr>", '<tr id="o12">').split("\n"), 0) is None
    assert block_end(TABLE.replace('pr-table-wrap"', 'pr-table-wrap" markdown="1"').split("\n"), 0) is None
    # Not a block start, not closed, something after the close, or a div that is not ours.
    assert block_end(["ข้อความ", *TABLE.split("\n")], 1) is None
    assert block_end(TABLE.split("\n")[:-1], 0) is None
    assert block_end([*TABLE.split("\n")[:-1], "</div> ต่อท้าย"], 0) is None
    assert block_end(['<div class="note">', "x", "</div>"], 0) is None


def test_markdown_around_a_set_aside_block_is_still_markdown() -> None:
    text = f"ย่อหน้า **หนา**\n\n{TABLE}\n\n## หัวข้อ\n"
    html = _html(text, stash=True)
    assert html == _html(text, stash=False)
    assert "<strong>หนา</strong>" in html and '<h2 id="_1">หัวข้อ</h2>' in html and TABLE in html
