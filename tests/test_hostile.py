"""Hostile text: injection strings in every text field of the example (see
hostile_content.py). After the build no page holds a script, an event-handler
attribute, a script URL or an active element that the theme did not put there
(the clean build is the reference), and every string is still there for the
reader to see, as text."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_content import PAYLOADS, POLYGLOT, set_leaf, sheet_rows, text_leaves

from generator.content import load_site
from generator.errors import ContentErrors, format_path
from generator.htmltext import rendered_text
from generator.kinds.pages import ALLOWED as FREE_PAGE_TAGS
from generator.safetext import SAFE_TAGS
from generator.yamlio import read_yaml

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "content"
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster", "background", "content"}
SCRIPT_URL = re.compile(r"^(javascript|data|vbscript):", re.I)
ACTIVE = {"script", "iframe", "object", "embed", "form", "base", "meta", "link", "style", "frame", "frameset", "applet"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = True
            self.scripts.append(dict(attrs).get("src") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and self.scripts:
            self.scripts[-1] += data


def tags_of(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_the_same_pages_are_built(hostile_site: Path, example_site: Path) -> None:
    assert pages(hostile_site) == pages(example_site)


def test_no_script_handler_or_script_url_comes_from_data(hostile_site: Path, example_site: Path) -> None:
    problems: list[str] = []
    # Elements the theme writes, and the harmless ones staff text may keep (<b>, <em>, <code>...).
    clean_tag_names = {tag for rel in pages(example_site) for tag, _ in tags_of(example_site / rel).tags}
    clean_tag_names |= SAFE_TAGS | FREE_PAGE_TAGS
    for rel in pages(hostile_site):
        hostile, clean = tags_of(hostile_site / rel), tags_of(example_site / rel)
        if Counter(hostile.scripts) != Counter(clean.scripts):
            problems.append(f"{rel}: scripts differ from the clean build: {set(hostile.scripts) - set(clean.scripts)}")
        active = Counter((t, tuple(sorted(n for n, _ in a))) for t, a in hostile.tags if t in ACTIVE)
        clean_active = Counter((t, tuple(sorted(n for n, _ in a))) for t, a in clean.tags if t in ACTIVE)
        if active != clean_active:
            problems.append(f"{rel}: active elements differ: {active - clean_active}")
        for tag, attrs in hostile.tags:
            if tag not in clean_tag_names:
                problems.append(f"{rel}: element <{tag}> that the theme never writes")
            for name, value in attrs:
                if name.startswith("on"):
                    problems.append(f"{rel}: <{tag} {name}={value!r}>")
                squeezed = re.sub(r"[\x00-\x20]", "", value or "")
                if name in URL_ATTRS and SCRIPT_URL.match(squeezed):
                    problems.append(f"{rel}: <{tag} {name}={value[:80]!r}>")
    assert not problems, "\n".join(problems[:40])


# What a reader sees: text outside <script>, <style> and <template>.
READER_HIDDEN = ("script", "style", "template")


def normal(text: str) -> str:
    return " ".join(text.split())


def site_text(site: Path) -> str:
    out = []
    for rel in pages(site):
        out.append(normal(rendered_text((site / rel).read_text(encoding="utf-8"), READER_HIDDEN)))
    return "\n".join(out)


def test_every_string_is_shown_as_text(hostile_site: Path) -> None:
    text = site_text(hostile_site)
    missing = [p.text[:80] for p in PAYLOADS if p.verbatim and normal(p.text) not in text]
    assert not missing, missing
    # Tags kept from Word-style text lose their attributes but not their words.
    assert "ย่อหน้า" in text and "ตัวหนา" in text


def test_free_pages_show_raw_html_as_text(hostile_site: Path) -> None:
    for path in sorted((hostile_site / "pages").glob("*/index.html")):
        text = normal(rendered_text(path.read_text(encoding="utf-8"), READER_HIDDEN))
        missing = [p.text[:80] for p in PAYLOADS if p.verbatim and p.markdown_plain and normal(p.text) not in text]
        assert not missing, f"{path}: {missing}"


def test_every_kind_of_text_field_was_attacked(tmp_path: Path) -> None:
    """The fixture reaches every YAML file and most fields in it (the rest are ids, dates,
    links, file names and choices, which the validator must refuse to take text)."""
    from hostile_content import make_hostile

    make_hostile(EXAMPLE, tmp_path / "content")
    used: set[str] = set()
    for path in sorted(EXAMPLE.rglob("*.y*ml")):
        rel = path.relative_to(EXAMPLE)
        before = text_leaves(read_yaml(path).data)
        after = dict(text_leaves(read_yaml(tmp_path / "content" / rel).data))
        hit = [after[loc] for loc, _ in before if after.get(loc, "").endswith(POLYGLOT)]
        used.update(value.removesuffix(" " + POLYGLOT) for value in hit)
        # site.yml and oit.yml hold settings and page references, which must stay valid;
        # datasets are checked column by column below.
        settings = rel.name in ("site.yml", "oit.yml") or rel.parent.name == "data"
        assert len(hit) >= 0.6 * len(before) or settings, f"{rel}: only {len(hit)} of {len(before)} fields attacked"
    assert {p.text for p in PAYLOADS if p.text != POLYGLOT} <= used
    # Every text column of every dataset (YAML, CSV, XLSX) holds payloads; numbers, dates,
    # ids and links are refused by the reader, which is what gives them back.
    from generator.kinds.datasets import columns_of

    for path in sorted(EXAMPLE.glob("years/*/data/*")):
        hostile = tmp_path / "content" / path.relative_to(EXAMPLE)
        if path.suffix in (".csv", ".xlsx"):
            _, rows = sheet_rows(hostile)
            cells = [(key, value) for row in rows for key, value in row.items()]
        else:
            cells = [(loc[-1], value) for loc, value in text_leaves(read_yaml(hostile).data)]
        attacked = {str(key) for key, value in cells if str(value or "").endswith(POLYGLOT)}
        text_columns = {c.th for c in columns_of(path.stem) if c.type == "text"}
        present = {str(key) for key, _ in cells}
        assert text_columns & present <= attacked, f"{path.name}: {text_columns & present - attacked} not attacked"


def _url_leaves() -> list[tuple[str, tuple]]:
    out = []
    for path in sorted(EXAMPLE.rglob("*.y*ml")):
        for loc, value in text_leaves(read_yaml(path).data):
            if re.match(r"(https?://|mailto:|tel:)", value):
                out.append((path.relative_to(EXAMPLE).as_posix(), loc))
    return out


URL_FIELDS = _url_leaves()


@pytest.mark.parametrize("scheme", ["javascript:alert(1)", " JavaScript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>"])
@pytest.mark.parametrize(("rel", "loc"), URL_FIELDS, ids=[f"{r}:{format_path(loc)}" for r, loc in URL_FIELDS])
def test_script_urls_in_link_fields_are_refused(rel: str, loc: tuple, scheme: str, tmp_path: Path) -> None:
    import yaml

    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    data = read_yaml(content / rel).data
    set_leaf(data, loc, scheme)
    (content / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_site(content)
    shown = [e for e in caught.value.errors if e.field == format_path(loc)]
    assert shown, caught.value.format()
    assert f"ลิงก์ '{scheme.strip()}' ใช้ไม่ได้" in shown[0].th
    assert f"Link '{scheme.strip()}' is not allowed" in shown[0].en
