"""Document pages print on A4 like the paper original (issue 4): Sarabun, no
navigation, table rows and signature blocks not split across pages.

Chromium prints each page to PDF; pypdf reads the PDF back. Chromium's PDFs
map some stacked Thai marks to other code points (ที่ comes back as ที,
ำ as ํ + า), so text is compared by its skeleton: Thai consonants, Latin
letters and digits, in order, which is still specific to each line."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

A4_POINTS = (595.0, 842.0)
DOCUMENTS = {
    # path: (fewest pages, most pages) a sane print of the example takes
    "2569/announcements/no-gift-policy/": (1, 3),
    "2569/announcements/integrity-guidelines/": (2, 6),
    "2569/memos/measures-report/": (1, 4),
    "2569/measures/": (2, 10),
}
_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def skeleton(text: str) -> str:
    return "".join(re.findall(r"[ก-ฮA-Za-z0-9]", text.translate(_DIGITS)))


def print_pdf(page, url: str) -> tuple[PdfReader, bytes]:
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    data = page.pdf(format="A4", print_background=True)
    return PdfReader(io.BytesIO(data)), data


@pytest.mark.parametrize("path", list(DOCUMENTS))
def test_document_prints_on_a4_with_its_text(page, example_url: str, path: str) -> None:
    reader, _ = print_pdf(page, example_url + path)
    low, high = DOCUMENTS[path]
    assert low <= len(reader.pages) <= high, f"{path}: {len(reader.pages)} pages"
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2

    pages = [skeleton(sheet.extract_text()) for sheet in reader.pages]
    whole = "".join(pages)
    # Every paragraph, heading and table cell of the document is on paper, in order of reading
    # (text for screen readers only, such as the subject repeated in the h1, is not on paper).
    blocks = page.eval_on_selector_all(
        "article .md-typeset h1, article h1, article p, article li, article td, article th",
        "els => els.map(e => { const c = e.cloneNode(true);"
        " c.querySelectorAll('.pr-sr-only').forEach(x => x.remove()); return c.innerText ?? c.textContent; })",
    )
    missing = [b for b in blocks if len(skeleton(b)) >= 4 and skeleton(b) not in whole]
    assert not missing, f"{path}: text not printed: {missing[:5]}"
    # Site furniture is not printed.
    assert skeleton("พิมพ์ / บันทึกเป็น PDF") not in whole
    assert skeleton(page.locator(".md-footer-meta").inner_text()) not in whole

    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for sheet in reader.pages
        for font in (sheet["/Resources"].get("/Font") or {}).values()
    }
    assert {"Sarabun-Regular", "Sarabun-Bold"} <= fonts, fonts
    assert all(f.startswith("Sarabun") for f in fonts), fonts

    # Signature blocks and table rows each sit whole on one sheet of paper.
    groups = page.eval_on_selector_all(
        "article .pr-signature, article .pr-table tbody tr",
        "els => els.map(e => Array.from(e.querySelectorAll('p, td, span')).map(x => x.innerText))",
    )
    split = []
    for parts in groups:
        keys = [skeleton(p) for p in parts if len(skeleton(p)) >= 4]
        if keys and not any(all(k in sheet for k in keys) for sheet in pages):
            split.append(parts)
    assert not split, f"{path}: split across pages: {split[:3]}"


def test_print_styles_hide_navigation_keep_blocks_whole_and_use_sarabun(page, example_url: str) -> None:
    for path in ("2569/memos/measures-report/", "2569/measures/", "2569/announcements/no-gift-policy/"):
        page.goto(example_url + path, wait_until="networkidle")
        page.emulate_media(media="print")
        style = page.evaluate(
            """() => {
              const css = s => s ? getComputedStyle(document.querySelector(s)) : null;
              const hidden = ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-search', '.pr-toolbar']
                .filter(s => document.querySelector(s))
                .map(s => [s, css(s).display]);
              const rows = Array.from(document.querySelectorAll('article .pr-table tr'))
                .map(r => getComputedStyle(r).breakInside);
              const signatures = Array.from(document.querySelectorAll('article .pr-signature'))
                .map(r => getComputedStyle(r).breakInside);
              return {hidden, rows, signatures, font: css('.md-typeset').fontFamily};
            }"""
        )
        assert style["hidden"] and all(display == "none" for _, display in style["hidden"]), style["hidden"]
        assert all(value == "avoid" for value in style["rows"] + style["signatures"]), path
        assert style["rows"] or style["signatures"], path
        assert style["font"].split(",")[0].strip("\"' ") == "Sarabun"
        page.emulate_media(media="screen")
        assert page.locator(".pr-print").is_visible()
