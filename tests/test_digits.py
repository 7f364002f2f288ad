"""One digit style per page (issue 23, part 6): every built page of the example (Thai
digits) shows no Arabic digit the generator wrote, and the small site (Arabic digits) no
Thai one: dates, counts, amounts, phone numbers, OIT codes and dataset IDs follow the
setting. Allowed: code, web addresses, e-mail addresses and file names, English text
(lang="en"), identifiers that are copied into other systems as they are written (OIT and
EIT codes such as o12 and e5, as the NACC writes them; e-GP project numbers and 13-digit
tax IDs, which are typed into e-GP and the Revenue Department's systems), and
text staff wrote, shown as written (found verbatim in the content)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from generator.htmltext import UNSEEN
from tests.conftest import EXAMPLE, SMALL, page_text, read_page

SKIPPED = {"script", "style", "code", "pre", "kbd", "samp"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}
MACHINE = re.compile(r"\S*(?:://|www\.|@)\S*|[\w.-]+\.(?:pdf|csv|json|xlsx|xls|ods|docx?|png|jpe?g|svg|html)\b"
                     r"|\b[oOeEiI][0-9]{1,2}\b|^[0-9]{8,}$"
                     r"|(?<![0-9])[0-9]{11,}(?![0-9])|\b[0-9]-[0-9]{4}-[0-9]{5}-[0-9]{2}-[0-9]\b", re.I)
ARABIC, THAI = re.compile(r"[0-9]"), re.compile(r"[๐-๙]")


class TextNodes(HTMLParser):
    """Each run of visible text, outside code and English, as one string."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is its text skipped
        self.nodes: list[str] = []
        self.text: list[str] = []  # the text node being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSEEN:  # Thai word breaks: the text goes on
            return
        self.flush()
        if tag in VOID:
            return
        skipped = tag in SKIPPED or dict(attrs).get("lang", "th").startswith("en") or "hidden" in dict(attrs)
        self.stack.append(skipped or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag in UNSEEN:
            return
        self.flush()
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.text.append(data)

    def flush(self) -> None:
        data, self.text = "".join(self.text), []
        if data.strip():
            self.nodes.append(" ".join(data.split()))

    def close(self) -> None:
        super().close()
        self.flush()


def staff_text(content: Path) -> str:
    """Everything staff wrote, whitespace collapsed: what may be shown as written."""
    files = (p for p in content.rglob("*") if p.suffix in {".yml", ".yaml", ".md", ".csv"})
    return " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in files)


def wrong_digits(site: Path, content: Path, wrong: re.Pattern[str]) -> dict[str, list[str]]:
    written = staff_text(content)
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        parser = TextNodes()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        for node in parser.nodes:
            rest = MACHINE.sub(" ", node)
            if not wrong.search(rest) or (re.search("[ก-๛]", node) and node in written):
                continue
            found.setdefault(str(page.relative_to(site)), []).append(node[:60])
    return found


def test_the_thai_digit_site_shows_no_arabic_digit_it_wrote(example_site: Path) -> None:
    found = wrong_digits(example_site, EXAMPLE, ARABIC)
    assert not found, f"{len(found)} pages: {dict(list(found.items())[:8])}"


def test_the_arabic_digit_site_shows_no_thai_digit(small_site: Path) -> None:
    found = wrong_digits(small_site, SMALL, THAI)
    assert not found, f"{len(found)} pages: {dict(list(found.items())[:8])}"


def test_the_scan_sees_what_a_reader_sees(example_site: Path) -> None:
    """The checks above can fail: the phone number and the numbers in a dataset's text are on
    the page in Thai digits, and a tel: link still dials Arabic digits."""
    about = read_page(example_site, "about/")
    assert "๐ ๔๔๐๐ ๗๒๑๐" in about and 'href="tel:044007210"' in about
    contracts = page_text(read_page(example_site, "2569/data/contracts/"))
    assert "หมู่ที่ ๑" in contracts and "หมู่ที่ 1" not in contracts
