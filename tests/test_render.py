"""Render helpers and the small layout rules staff trip over."""

from __future__ import annotations

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
    ],
)
def test_phone_numbers_become_dialable_links(typed: str, target: str) -> None:
    assert tel_target(typed) == target


def _rendered(content, edit) -> dict[str, str]:
    from generator.content import load_site
    from generator.render import render_site

    edit(content)
    return {p.path: p.content for p in render_site(load_site(content)).pages}


def test_reference_label_typed_by_staff_is_not_doubled(content_copy) -> None:
    def edit(content):
        path = content / "years/2568/measures.yml"
        text = path.read_text(encoding="utf-8").replace('kind: sub_indicator, code: "9.3"', 'kind: oit, code: "ข้อ o12"')
        path.write_text(text, encoding="utf-8")

    page = _rendered(content_copy, edit)["2568/measures.md"]
    assert "ข้อ o12" in page and "ข้อ ข้อ" not in page
