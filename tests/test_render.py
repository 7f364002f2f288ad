"""Render helpers and the small layout rules staff trip over."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render import tel_target


@pytest.mark.parametrize(
    "typed, target",
    [
        ("0 4312 3456", "043123456"),
        ("๐ ๔๓๑๒ ๓๔๕๖", "043123456"),
        ("043-123456 ต่อ 12", "043123456"),
        ("+66 43 123 456", "+6643123456"),
        ("043123456, 043123457", "043123456"),
        ("043 123456 ext. 7 / 043 123457", "043123456"),
        ("๐๔๓-๑๒๓๔๕๖ #๑๒", "043123456"),
    ],
)
def test_phone_numbers_become_dialable_links(typed: str, target: str) -> None:
    assert tel_target(typed) == target


def _rendered(content, edit) -> dict[str, str]:
    from generator.content import load_site
    from generator.pipeline import render_site

    edit(content)
    return {p.path: p.content for p in render_site(load_site(content)).pages}


def test_reference_label_typed_by_staff_is_not_doubled(content_copy) -> None:
    def edit(content):
        path = content / "years/2568/measures.yml"
        text = path.read_text(encoding="utf-8").replace('kind: sub_indicator, code: "9.3"', 'kind: oit, code: "ข้อ o12"')
        path.write_text(text, encoding="utf-8")

    page = _rendered(content_copy, edit)["2568/measures.md"]
    assert "ข้อ o12" in page and "ข้อ ข้อ" not in page



def test_constant_text_follows_each_sites_digits_in_one_process() -> None:
    """Jinja folds `'(ต่ำกว่า 85 คะแนน)'|digits` into the compiled template; the template cache
    shared by the sites of one process (build-all, tests) must not hand a Thai-digit
    compilation to an Arabic-digit site."""
    from generator.content import load_site
    from generator.pipeline import render_site
    from tests.conftest import EXAMPLE

    site = load_site(EXAMPLE)
    seen: dict[str, list[str]] = {}
    for digits in ("thai", "arabic", "thai"):
        site.settings = site.settings.model_copy(update={"digits": digits})
        pages = [p.content for p in render_site(site).pages if p.path.endswith("ita-analysis.md")]
        assert pages, "the example has an ITA analysis page"
        seen.setdefault(digits, []).extend(
            "85" if " 85 คะแนน)" in text else "๘๕" if " ๘๕ คะแนน)" in text else "?" for text in pages
        )
    assert set(seen["thai"]) == {"๘๕"} and set(seen["arabic"]) == {"85"}


def test_a_printed_value_is_escaped_once_and_kept_from_markdown() -> None:
    """Values printed without a filter go through md_text once: HTML entities once (not
    &amp;amp;), Markdown characters as entities, tags as text; filtered Markup is kept."""
    from markupsafe import Markup

    from generator.content import load_site
    from generator.render import RenderContext
    from tests.conftest import EXAMPLE

    env = RenderContext(load_site(EXAMPLE)).env
    template = env.from_string("{{ a }}|{{ b }}|{{ c }}|{{ nothing }}|{{ 7 }}|{{ 'R&D <b>' }}")
    out = template.render(a="Q&A <script>x</script>", b="*ตัวหนา* [ลิงก์](javascript:x)", c=Markup("<b>ok</b>"), nothing=None)
    a, b, c, none, seven, literal = out.split("|")
    assert a == "Q&amp;A &lt;script&gt;x&lt;/script&gt;"
    assert "<" not in b and "*" not in b and "[" not in b and "&#42;ตัวหนา&#42;" in b
    assert (c, none, seven) == ("<b>ok</b>", "", "7")
    assert literal == "R&amp;D &lt;b&gt;"


def test_values_are_escaped_in_every_kind_of_template_output() -> None:
    """Printed values are neutralised by the finalize step: in attributes, loops, macros,
    set blocks and after filters that return plain text."""
    from generator.content import load_site
    from generator.render import RenderContext
    from tests.conftest import EXAMPLE

    env = RenderContext(load_site(EXAMPLE)).env
    source = (
        '{% macro m(v) %}<i title="{{ v }}">{{ v }}</i>{% endmacro %}'
        "{% set block %}<u>{{ x }}</u>{% endset %}"
        '<a href="{{ x }}">{% for v in [x, y] %}{{ v }};{% endfor %}</a>{{ m(x) }}{{ block }}{{ x|upper }}{{ y ~ x }}'
    )
    out = env.from_string(source).render(x='"><script>alert(1)</script>', y="<b>ก</b>")
    assert "<script" not in out and "<SCRIPT" not in out and '"><' not in out
    assert out.count("ก") == 2 and "<b>" not in out  # the loop and the ~ join: the text a reader sees
    assert "<i title=" in out and "<u>" in out and "<a href=" in out  # the templates' own markup stays


def test_every_asset_file_is_published_but_hidden_ones(content_copy: Path) -> None:
    from generator.content import load_site
    from generator.pipeline import render_site

    assets = content_copy / "assets"
    (assets / "docs" / "plans").mkdir(parents=True)
    (assets / "docs" / "plans" / "แผน.pdf").write_bytes(b"%PDF-1.4")
    (assets / ".DS_Store").write_bytes(b"x")  # what a Mac or an editor leaves behind
    (assets / "docs" / "._แผน.pdf").write_bytes(b"x")
    published = render_site(load_site(content_copy)).assets
    assert published["assets/docs/plans/แผน.pdf"] == assets / "docs" / "plans" / "แผน.pdf"
    assert not [rel for rel in published if "/." in rel]
    assert len(published) == sum(1 for p in assets.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_the_organizations_kind_is_never_doubled(content_copy) -> None:
    """A name that does not say the kind ("อบต.บึงตะวัน") gets it once, joined to the
    subdistrict's name: never "องค์การบริหารส่วนตำบล ตำบลบึงตะวัน"."""
    def edit(content):
        path = content / "organization.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("name: องค์การบริหารส่วนตำบลบึงตะวัน", "name: อบต.บึงตะวัน"), encoding="utf-8")

    pages = _rendered(content_copy, edit)
    for path in ("index.md", "about/index.md"):
        assert "องค์การบริหารส่วนตำบลบึงตะวัน อำเภอทุ่งดาวเรือง" in pages[path], path
        assert "ตำบล ตำบล" not in pages[path], path
