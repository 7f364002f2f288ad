"""Property-based tests (hypothesis) for the parsers staff input goes through:
Thai dates, digits, numbers, ids and file references."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from pythainlp.util import thai_strftime

from generator.fields import SLUG, AssetRef, Slug, Url
from generator.thai import BE_OFFSET, ThaiStyle, fiscal_year, fiscal_year_range, parse_date
from generator.yamlio import YamlError, parse_yaml

# Buddhist Era years staff write (2400 and later) and a little beyond any real document.
# What a site can hold (thai.FIRST_DATE to LAST_DATE); dates beyond are refused (below).
DATES = st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 12, 31))
STYLES = st.sampled_from(["full", "abbr", "official"])
DIGITS = st.sampled_from(["thai", "arabic"])
ASCII_DIGITS = re.compile(r"[0-9]")
THAI_DIGITS = re.compile(r"[๐-๙]")


@given(DATES, STYLES, DIGITS)
def test_every_date_the_site_writes_reads_back(value: dt.date, style: str, digits: str) -> None:
    written = ThaiStyle(digits).date(value, style)
    assert parse_date(written) == value
    # Thai digits everywhere, or none at all.
    assert not (ASCII_DIGITS if digits == "thai" else THAI_DIGITS).search(written)


@given(DATES, STYLES, DIGITS)
def test_dates_are_written_as_pythainlp_writes_them(value: dt.date, style: str, digits: str) -> None:
    fmt = {"full": "%-d %B %Y", "abbr": "%-d %b %Y", "official": "%-d %B พ.ศ. %Y"}[style]
    expected = thai_strftime(dt.datetime(value.year, value.month, value.day), fmt, thaidigit=digits == "thai")
    assert ThaiStyle(digits).date(value, style) == expected


@given(DATES)
def test_iso_dates_in_either_era_read_the_same(value: dt.date) -> None:
    be = f"{value.year + BE_OFFSET:04d}-{value.month:02d}-{value.day:02d}"
    assert parse_date(value.isoformat()) == value
    assert parse_date(be) == value
    assert parse_date(ThaiStyle("thai").digits_of(be)) == value
    # Unquoted in YAML, as staff write them (29 February of a Buddhist Era leap year included).
    for typed in (value.isoformat(), be):
        assert parse_date(parse_yaml(f"date: {typed}\n", Path("x.yml")).data["date"]) == value


@given(st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2056, 12, 31)), DIGITS)
def test_two_digit_buddhist_years_read_back(value: dt.date, digits: str) -> None:
    short = ThaiStyle(digits).date(value, "abbr")
    day, month, year = short.split(" ")
    assert parse_date(f"{day} {month} {year[-2:]}") == value


@given(st.text(max_size=40))
@example("31 ก.พ. 2567")
@example("๐ มกราคม ๒๕๖๗")
@example("2567-02-30")
@example("7 เมษายน 99999")
def test_any_text_is_a_date_or_a_clear_refusal(text: str) -> None:
    try:
        value = parse_date(text)
    except ValueError:
        return
    assert isinstance(value, dt.date)


@given(DATES)
def test_fiscal_year_contains_its_dates(value: dt.date) -> None:
    first, last = fiscal_year_range(fiscal_year(value))
    assert first <= value <= last


@given(st.text())
def test_digits_convert_both_ways(text: str) -> None:
    thai, arabic = ThaiStyle("thai"), ThaiStyle("arabic")
    assert not ASCII_DIGITS.search(thai.digits_of(text))
    assert not THAI_DIGITS.search(arabic.digits_of(text))
    assert arabic.digits_of(thai.digits_of(text)) == arabic.digits_of(text)
    assert len(thai.digits_of(text)) == len(text)


def _read_number(text: str) -> float:
    return float(ThaiStyle("arabic").digits_of(text).replace(",", ""))


@given(st.integers(min_value=-(10**15), max_value=10**15), DIGITS)
def test_whole_numbers_read_back_exactly(value: int, digits: str) -> None:
    shown = ThaiStyle(digits).number(value)
    assert _read_number(shown) == value
    # Thousands are grouped by three.
    assert re.fullmatch(r"-?[0-9๐-๙]{1,3}(,[0-9๐-๙]{3})*", shown)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), DIGITS, st.integers(0, 4))
def test_numbers_are_rounded_to_what_they_show(value: float, digits: str, decimals: int) -> None:
    shown = ThaiStyle(digits).number(value, decimals)
    assert abs(_read_number(shown) - value) <= 0.5 * 10**-decimals + abs(value) * 1e-15


NUMBERISH = st.one_of(
    st.integers().map(str),
    st.from_regex(r"\A0[0-9]{1,9}\Z"),  # phone-like, octal in YAML 1.1
    st.from_regex(r"\A[0-9]{1,2}:[0-5][0-9]\Z"),  # times, base 60 in YAML 1.1
    st.from_regex(r"\A[0-9]{1,6}\.[0-9]{1,4}\Z"),
    st.from_regex(r"\A[0-9]{1,3}(_[0-9]{3}){1,2}\Z"),
)


@given(NUMBERISH)
def test_numbers_in_yaml_keep_what_staff_typed(typed: str) -> None:
    value = parse_yaml(f"value: {typed}\n", Path("x.yml")).data["value"]
    assert str(value) == typed or value == typed


@given(st.from_regex(SLUG, fullmatch=True))
def test_every_slug_the_pattern_allows_is_a_plain_path_part(slug: str) -> None:
    assert TypeAdapter(Slug).validate_python(slug) == slug
    assert "/" not in slug and "\\" not in slug and slug not in (".", "..") and slug == slug.lower()


@given(st.text(max_size=100))
@example("../../x")
@example("..")
@example("a/b")
@example("Ethics")
@example("ประกาศ")
@example("a" * 81)
def test_ids_outside_the_pattern_are_refused(text: str) -> None:
    if SLUG.match(text):
        return
    with pytest.raises(ValidationError):
        TypeAdapter(Slug).validate_python(text)


@given(st.text(max_size=60))
@example("../../x")
@example("a/../../x")
@example("/etc/passwd")
@example("C:\\Windows\\win.ini")
@example("..\\..\\x")
@example("file:///etc/passwd")
def test_file_references_never_leave_the_assets_folder(text: str) -> None:
    try:
        ref = TypeAdapter(AssetRef).validate_python(text)
    except ValidationError:
        return
    parts = ref.split("/")
    assert ".." not in parts and not ref.startswith("/") and ":" not in ref and "\\" not in ref


SCHEMES = st.sampled_from(["javascript:", "JavaScript:", " javascript:", "java\tscript:", "data:", "DATA:", "vbscript:"])


@given(SCHEMES, st.text(max_size=40))
def test_script_and_data_urls_are_refused(scheme: str, rest: str) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(Url).validate_python(scheme + rest)


@given(st.text(max_size=60))
@settings(max_examples=200)
def test_accepted_links_are_web_mail_or_phone(text: str) -> None:
    try:
        url = TypeAdapter(Url).validate_python(text)
    except ValidationError:
        return
    assert re.match(r"(?i)(https?://|mailto:|tel:)", url)
    assert not re.search(r"[\s<>\"']", url.removeprefix("tel:").replace(" ", "")) or url.lower().startswith("tel:")


def test_yaml_errors_are_content_errors() -> None:
    with pytest.raises(YamlError):
        parse_yaml("a: [1,\n", Path("x.yml"))


# (a date object from year 2400 on is read as Buddhist Era, so those are Common Era dates below it)
@given(st.one_of(st.dates(max_value=dt.date(1969, 12, 31)),
                 st.dates(min_value=dt.date(2101, 1, 1), max_value=dt.date(2399, 12, 31))), STYLES, DIGITS)
def test_dates_a_site_cannot_hold_are_refused(value: dt.date, style: str, digits: str) -> None:
    with pytest.raises(ValueError):
        parse_date(value)
    if value.year + 543 <= 9999:
        with pytest.raises(ValueError):
            parse_date(ThaiStyle(digits).date(value, style))
