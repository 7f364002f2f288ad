"""Fiscal rounds, month ranges, money and baht text (issue 4), and their template filters."""

import datetime as dt
from pathlib import Path

import pytest

from generator.thai import ThaiStyle, six_month_range, six_month_round

SMALL = Path(__file__).resolve().parent / "fixtures" / "small_org"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2022, 10, 1), (2566, 1)),
        (dt.date(2022, 12, 31), (2566, 1)),
        (dt.date(2023, 3, 31), (2566, 1)),
        (dt.date(2023, 4, 1), (2566, 2)),
        (dt.date(2023, 9, 30), (2566, 2)),
        (dt.date(2023, 10, 1), (2567, 1)),
    ],
)
def test_six_month_round_of_a_date(day: dt.date, expected: tuple[int, int]) -> None:
    assert six_month_round(day) == expected


def test_six_month_range_covers_the_fiscal_year() -> None:
    assert six_month_range(2566, 1) == (dt.date(2022, 10, 1), dt.date(2023, 3, 31))
    assert six_month_range(2566, 2) == (dt.date(2023, 4, 1), dt.date(2023, 9, 30))
    assert six_month_range(2568, 1)[1] == dt.date(2025, 3, 31)
    with pytest.raises(ValueError):
        six_month_range(2566, 3)


def test_month_range_like_the_paper_reports() -> None:
    first, last = six_month_range(2566, 1)
    assert ThaiStyle("thai", "abbr").month_range(first, last) == "ต.ค. ๖๕ – มี.ค. ๖๖"
    assert ThaiStyle("arabic", "abbr").month_range(first, last) == "ต.ค. 65 – มี.ค. 66"
    # Full month names unless the site's date style is abbreviated, or the caller says otherwise.
    assert ThaiStyle("thai").month_range(first, last) == "ตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖"
    assert ThaiStyle("thai", "official").month_range(first, last) == "ตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖"
    assert ThaiStyle("thai").month_range(first, last, "abbr") == "ต.ค. ๖๕ – มี.ค. ๖๖"
    second = six_month_range(2566, 2)
    assert ThaiStyle("thai", "abbr").month_range(*second) == "เม.ย. – ก.ย. ๖๖"
    assert ThaiStyle("thai").month_range(*second) == "เมษายน – กันยายน ๒๕๖๖"
    assert ThaiStyle("arabic", "abbr").month_range(dt.date(2023, 5, 2), dt.date(2023, 5, 30)) == "พ.ค. 66"


@pytest.mark.parametrize(
    ("value", "thai", "arabic"),
    [
        (1250000, "๑,๒๕๐,๐๐๐.๐๐", "1,250,000.00"),
        (1234567.5, "๑,๒๓๔,๕๖๗.๕๐", "1,234,567.50"),
        ("๑,๒๕๐", "๑,๒๕๐.๐๐", "1,250.00"),
        ("99.9", "๙๙.๙๐", "99.90"),
        (0, "๐.๐๐", "0.00"),
    ],
)
def test_money_has_thousands_separators_and_satang(value, thai: str, arabic: str) -> None:
    assert ThaiStyle("thai").money(value) == thai
    assert ThaiStyle("arabic").money(value) == arabic


def test_baht_text_uses_pythainlp_words() -> None:
    assert ThaiStyle("thai").baht_text(21) == "ยี่สิบเอ็ดบาทถ้วน"
    assert ThaiStyle("arabic").baht_text("1,250,000.50") == "หนึ่งล้านสองแสนห้าหมื่นบาทห้าสิบสตางค์"
    assert ThaiStyle("thai").baht_text("๑๐๑") == "หนึ่งร้อยเอ็ดบาทถ้วน"


def test_money_and_range_filters_in_templates() -> None:
    from generator.content import load_site
    from generator.render import RenderContext

    ctx = RenderContext(load_site(SMALL))
    digits = ctx.thai.digits
    template = ctx.env.from_string(
        "{{ 1250000 | money }} ({{ 1250000 | bahttext }}) "
        "{% set r = six_month_range(2566, 1) %}{{ r[0] | month_range(r[1]) }}"
    )
    text = template.render()
    money = "๑,๒๕๐,๐๐๐.๐๐" if digits == "thai" else "1,250,000.00"
    months = "ต.ค. ๖๕ – มี.ค. ๖๖" if digits == "thai" else "ต.ค. 65 – มี.ค. 66"
    assert text == f"{money} (หนึ่งล้านสองแสนห้าหมื่นบาทถ้วน) {months}"
