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
    # path: (fewest pages, most pages) a sane print of the example takes, and whether its
    # table has seven columns or more, which print on landscape pages
    "2569/announcements/no-gift-policy/": (1, 1, False),
    "2569/announcements/integrity-guidelines/": (2, 5, False),
    "2569/memos/measures-report/": (1, 3, False),
    "2569/measures/": (2, 8, True),
    "2569/progress-report/": (2, 8, True),
    "2569/results-report/": (2, 6, True),
    "2569/ita-analysis/": (1, 4, False),
}
# Web-only text that must never be on paper: the print button, the OIT criteria box, the
# dataset downloads and table tools.
WEB_ONLY = ("พิมพ์ / บันทึกเป็น PDF", "เกณฑ์ที่ต้องเผยแพร่", "ดาวน์โหลดข้อมูลชุดนี้", "ค้นหาในตาราง", "หมายเหตุจากการนำเข้าเอกสาร")
_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def skeleton(text: str) -> str:
    return "".join(re.findall(r"[ก-ฮA-Za-z0-9]", text.translate(_DIGITS)))


def signing_room(reader: PdfReader, key: str) -> float | None:
    """Points between the baseline of the first printed line whose text (skeleton) is `key`
    and the baseline of the line above it on its sheet; None when it starts a sheet."""
    for sheet in reader.pages:
        lines: dict[int, str] = {}

        def visit(text, cm, tm, font, size, lines=lines) -> None:
            y = round((tm[5] * cm[3]) + cm[5])  # baseline height on the sheet
            lines[y] = lines.get(y, "") + skeleton(text)

        sheet.extract_text(visitor_text=visit)
        found = [y for y, text in lines.items() if text == key]
        if found:
            above = [y for y, text in lines.items() if y > found[0] and text]
            return min(above) - found[0] if above else None
    raise AssertionError(f"signature line {key!r} not found on paper")


def print_pdf(page, url: str) -> tuple[PdfReader, bytes]:
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    # The page's own @page sizes (A4, landscape for wide reports), as a browser's print dialog uses them.
    data = page.pdf(print_background=True, prefer_css_page_size=True)
    return PdfReader(io.BytesIO(data)), data


@pytest.mark.parametrize("path", list(DOCUMENTS))
def test_document_prints_on_a4_with_its_text(page, example_url: str, path: str) -> None:
    reader, _ = print_pdf(page, example_url + path)
    low, high, wide = DOCUMENTS[path]
    assert low <= len(reader.pages) <= high, f"{path}: {len(reader.pages)} pages"
    size = (A4_POINTS[1], A4_POINTS[0]) if wide else A4_POINTS
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert abs(width - size[0]) < 2 and abs(height - size[1]) < 2, f"{path}: {width} x {height} points"

    pages = [skeleton(sheet.extract_text()) for sheet in reader.pages]
    whole = "".join(pages)
    # Every paragraph, heading and table cell the print shows is on paper, in order of reading
    # (text for screen readers only, such as the subject repeated in the h1, is not on paper;
    # web-only parts, checked below, are not shown in print).
    blocks = page.eval_on_selector_all(
        "article .md-typeset h1, article h1, article p, article li, article td, article th",
        "els => els.filter(e => e.checkVisibility()).map(e => { const c = e.cloneNode(true);"
        " c.querySelectorAll('.pr-sr-only').forEach(x => x.remove()); return c.innerText ?? c.textContent; })",
    )
    missing = [b for b in blocks if len(skeleton(b)) >= 4 and skeleton(b) not in whole]
    assert not missing, f"{path}: text not printed: {missing[:5]}"
    # No blank page, and neither site furniture nor web-only parts are printed.
    assert all(len(p) > 20 for p in pages), f"{path}: a blank page: {[len(p) for p in pages]}"
    for text in WEB_ONLY:
        assert skeleton(text) not in whole, f"{path}: web-only {text!r} printed"
    assert skeleton(page.locator(".md-footer-meta").inner_text()) not in whole

    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for sheet in reader.pages
        for font in (sheet["/Resources"].get("/Font") or {}).values()
    }
    assert {"Sarabun-Regular", "Sarabun-Bold"} <= fonts, fonts
    # Every letter is Sarabun; only symbols it lacks (☐ ☑ of imported check boxes) may fall back.
    symbols = {c for c in page.locator("article").inner_text() if ord(c) > 0x2100 and not 0xE00 <= ord(c) <= 0xE7F}
    assert symbols or all(f.startswith("Sarabun") for f in fonts), fonts

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

    # Room to sign (about 1.5 cm) above the first line of every signature block, from
    # the line printed above it: measured on paper, from the baselines pypdf reads.
    firsts = page.eval_on_selector_all(
        "article .pr-signature", "els => els.map(e => e.querySelector(':scope > p').innerText)"
    )
    for first in firsts:
        room = signing_room(reader, skeleton(first))
        assert room is None or room >= 40, f"{path}: {room} points to sign above {first!r}"


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
