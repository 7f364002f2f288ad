import datetime as dt

import pytest

from generator.thai import ThaiStyle, fiscal_year, fiscal_year_range, list_marker, parse_date

D = dt.date(2023, 4, 7)


@pytest.mark.parametrize(
    "text",
    ["๗ เมษายน ๒๕๖๖", "7 เมษายน 2566", "7 เม.ย. 2566", "๗ เดือนเมษายน พ.ศ.๒๕๖๖", "วันที่ 7 เม.ย. 66", "2023-04-07", "2566-04-07"],
)
def test_dates_in_every_form_staff_write(text: str) -> None:
    assert parse_date(text) == D


@pytest.mark.parametrize("text", ["7 April 2023", "32 เมษายน 2566", "7 เมษายน 2023", "เมื่อวาน", "2566-13-01"])
def test_unreadable_dates_are_rejected(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_date_styles_and_digits() -> None:
    assert ThaiStyle("thai", "full").date(D) == "๗ เมษายน ๒๕๖๖"
    assert ThaiStyle("arabic", "abbr").date(D) == "7 เม.ย. 2566"
    assert ThaiStyle("thai").date(D, "official") == "๗ เมษายน พ.ศ. ๒๕๖๖"


def test_numbers_follow_the_digit_setting() -> None:
    assert ThaiStyle("thai").number(1234567.5) == "๑,๒๓๔,๕๖๗.๕๐"
    assert ThaiStyle("arabic").number(1200) == "1,200"
    assert ThaiStyle("thai").score(70.6) == "๗๐.๖๐"





def test_fiscal_year_starts_in_october() -> None:
    assert fiscal_year(dt.date(2022, 9, 30)) == 2565
    assert fiscal_year(dt.date(2022, 10, 1)) == 2566
    assert fiscal_year_range(2566) == (dt.date(2022, 10, 1), dt.date(2023, 9, 30))


def test_list_markers_nest_like_official_documents() -> None:
    thai = ThaiStyle("thai")
    assert list_marker("outline", 1, "", thai) == ("๑.", "๑")
    assert list_marker("outline", 3, "๗.๑", thai) == ("๗.๑.๓", "๗.๑.๓")
    assert list_marker("paren", 2, "", thai)[0] == "(๒)"
    assert list_marker("paren_right", 2, "", thai)[0] == "๒)"
    assert list_marker("plain", 12, "", ThaiStyle("arabic"))[0] == "12."
