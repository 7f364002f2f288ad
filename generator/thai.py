"""Thai conventions: Buddhist Era dates, fiscal years, digits and list numbers.

PyThaiNLP does the calendar and digit work; this module only decides which
style the site asked for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pythainlp.util import (
    arabic_digit_to_thai_digit,
    bahttext,
    thai_digit_to_arabic_digit,
    thai_strftime,
    thai_strptime,
)

BE_OFFSET = 543
Digits = Literal["thai", "arabic"]
DateStyle = Literal["full", "abbr"]
# Each date style: the strftime directive of its month name, and the era written before the year.
_DATE_STYLES = {"full": ("%B", ""), "abbr": ("%b", ""), "official": ("%B", "พ.ศ. ")}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NOISE = re.compile(r"วันที่|เดือน|พ\.ศ\.|ค\.ศ\.|,")
ANY_DIGIT = re.compile(r"[0-9๐-๙]")
# What a reader types or a machine reads as written: web and e-mail addresses, file names.
MACHINE_TEXT = re.compile(r"\S*(?:://|www\.|@)\S*|[\w.-]+\.[A-Za-z]{2,4}\b")
# Numbers people type into other government systems, which take Arabic digits only: a
# 13-digit tax or citizen ID (also dashed 1-2345-67890-12-3, as the ID card prints it), an
# e-GP project or contract number (11 digits or more). Amounts have separators, phone
# numbers ten digits at most: those follow the site's digits.
IDENTIFIER = re.compile(r"(?<![\d๐-๙])(?:[\d๐-๙]{11,}|[\d๐-๙]-[\d๐-๙]{4}-[\d๐-๙]{5}-[\d๐-๙]{2}-[\d๐-๙])(?![\d๐-๙])")


def to_ce_date(value: dt.date) -> dt.date:
    """A date whose year looks like Buddhist Era (>= 2400) is moved to the Common Era."""
    if value.year >= 2400:
        return value.replace(year=value.year - BE_OFFSET)
    return value


# Dates a site can hold: the sitemap's gzip header and file times are 32-bit seconds from
# 1970; a year past 2100 (2658 typed for 2568) is a typo, never a plan.
FIRST_DATE, LAST_DATE = dt.date(1970, 1, 1), dt.date(2100, 12, 31)


def parse_date(value: object) -> dt.date:
    """Read an ISO date (CE, or BE when the year is >= 2400) or a Thai date such as
    '๗ เมษายน ๒๕๖๖', '7 เดือนเมษายน พ.ศ. 2566', '3 ต.ค. 65' or '7/10/67' (day/month/BE
    year, as Thai offices write it). Raises ValueError, also for a date before 1970 or
    after 2100."""
    if isinstance(value, dt.datetime):
        found = to_ce_date(value.date())
    elif isinstance(value, dt.date):
        found = to_ce_date(value)
    elif isinstance(value, str):
        found = _parse_date_text(value)
    else:
        raise ValueError(f"not a date: {value!r}")
    if not FIRST_DATE <= found <= LAST_DATE:
        raise ValueError(f"date out of range: {value!r}")
    return found


_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")


@lru_cache(maxsize=4096)  # pure; the dates of a contract list repeat
def _parse_date_text(value: str) -> dt.date:
    text = thai_digit_to_arabic_digit(value).strip()
    iso = _ISO.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return to_ce_date(dt.date(year, month, day)) if year < 2400 else dt.date(year - BE_OFFSET, month, day)
    slashed = _SLASHED.match(text)
    if slashed:
        day, month, year = (int(g) for g in slashed.groups())
        year = year + 2500 if year < 100 else year
        return dt.date(year - BE_OFFSET if year >= 2400 else year, month, day)
    parts = _NOISE.sub(" ", text).split()
    if len(parts) != 3:
        raise ValueError(f"not a date: {value!r}")
    day, month, year = parts
    if len(year) == 2 and year.isdigit():
        year = "25" + year
    if not (year.isdigit() and len(year) == 4 and int(year) >= 2400):
        raise ValueError(f"year must be Buddhist Era: {value!r}")
    if not day.isdigit():
        raise ValueError(f"not a date: {value!r}")
    return dt.date(int(year) - BE_OFFSET, _month_number(month), int(day))


@lru_cache(maxsize=256)
def _month_number(name: str) -> int:
    """1-12 for a month as PyThaiNLP reads it ('เมษายน', 'เม.ย.'). Asked once per spelling:
    a contract list has hundreds of dates but only a few dozen ways to write a month."""
    for directive in ("%B", "%b"):  # the spellings PyThaiNLP itself writes: no parsing needed
        names = month_names(directive)
        if name in names:
            return names.index(name) + 1
    try:
        return thai_strptime(f"1 {name} 2500", "%d %B %Y").month
    except (ValueError, IndexError, KeyError):
        raise ValueError(f"not a month: {name!r}") from None


def _grouped(value: float | int, decimals: int | None) -> str:
    """A number with thousands separators, in Arabic digits: two decimals unless whole (None)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    return f"{value:,.{decimals}f}"


def _written_date(value: dt.date, months: tuple[str, ...], era: str) -> str:
    return f"{value.day} {months[value.month - 1]} {era}{value.year + BE_OFFSET}"


@dataclass(frozen=True)
class ThaiStyle:
    """How the site writes numbers and dates: `digits` and `date_style` are site settings."""

    digits: Digits = "thai"
    date_style: DateStyle = "full"

    def digits_of(self, text: str) -> str:
        return arabic_digit_to_thai_digit(text) if self.digits == "thai" else thai_digit_to_arabic_digit(text)

    def text_digits(self, text: str) -> str:
        """Staff's short text (a dataset cell, a phone number) in the site's digits, except
        web and e-mail addresses and file names, which keep their own, and identifiers
        (tax IDs, e-GP numbers), which keep Arabic digits."""
        if not ANY_DIGIT.search(text):  # most cells: nothing to convert
            return text
        out, at = [], 0
        for match in MACHINE_TEXT.finditer(text):
            out += [self._prose_digits(text[at:match.start()]), match.group(0)]
            at = match.end()
        return "".join([*out, self._prose_digits(text[at:])])

    def _prose_digits(self, text: str) -> str:
        if self.digits != "thai" or not IDENTIFIER.search(text):
            return self.digits_of(text)
        out, at = [], 0
        for match in IDENTIFIER.finditer(text):
            out += [self.digits_of(text[at:match.start()]), identifier(match.group(0))]
            at = match.end()
        return "".join([*out, self.digits_of(text[at:])])

    def number(self, value: float | int, decimals: int | None = None) -> str:
        """A generated number with thousands separators, in the site's digits."""
        return self.digits_of(_grouped(value, decimals))

    def score(self, value: float) -> str:
        return self.digits_of(f"{value:.2f}")

    def date(self, value: dt.date, style: str | None = None) -> str:
        """'7 เมษายน 2566', '7 เม.ย. 2566' or (official) '7 เมษายน พ.ศ. 2566', in the site's digits."""
        directive, era = _DATE_STYLES[style or self.date_style]
        return self.digits_of(_written_date(value, month_names(directive), era))

    def month(self, year: int, month: int) -> str:
        """A month without a day, 'เมษายน 2569' (Common Era `year` in, Buddhist Era out), in the site's digits."""
        return self.digits_of(f"{month_names('%B')[month - 1]} {year + BE_OFFSET}")

    def year(self, be_year: int) -> str:
        return self.digits_of(str(be_year))

    def money(self, value: float | int | str) -> str:
        """An amount of baht as in official documents: thousands separators, two decimals."""
        return self.digits_of(f"{_amount(value):,.2f}")

    def baht_text(self, value: float | int | str) -> str:
        """The amount in Thai words ('หนึ่งพันบาทถ้วน'), as contracts and announcements write it."""
        return bahttext(_amount(value))

    def month_range(self, start: dt.date, end: dt.date, style: Literal["abbr", "full"] | None = None) -> str:
        """'ต.ค. ๖๕ – มี.ค. ๖๖' (abbr) or 'ตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖' (full; by default unless the
        site's date style is abbr); the year is written once when both months fall in the same
        Buddhist Era year."""
        style = style or ("abbr" if self.date_style == "abbr" else "full")
        fmt = "%b %y" if style == "abbr" else "%B %Y"
        month_only = "%b" if style == "abbr" else "%B"
        thai = self.digits == "thai"
        left = dt.datetime(start.year, start.month, 1)
        right = dt.datetime(end.year, end.month, 1)
        if (start.year, start.month) == (end.year, end.month):
            return thai_strftime(left, fmt, thaidigit=thai)
        first = thai_strftime(left, month_only if start.year == end.year else fmt, thaidigit=thai)
        return f"{first} – {thai_strftime(right, fmt, thaidigit=thai)}"


def identifier(text: str) -> str:
    """A number typed into other systems (tax ID, e-GP number): Arabic digits in every digit style."""
    return thai_digit_to_arabic_digit(text)


@lru_cache(maxsize=2)
def month_names(directive: str) -> tuple[str, ...]:
    """The twelve month names PyThaiNLP writes for %B ('มกราคม') or %b ('ม.ค.'); asked once,
    since formatting each of a table's hundreds of dates through strftime is slow."""
    return tuple(thai_strftime(dt.datetime(2000, month, 1), directive) for month in range(1, 13))


def _amount(value: float | int | str) -> float:
    """A number from data; staff may type '1,250,000.50' or Thai digits."""
    if isinstance(value, str):
        value = thai_digit_to_arabic_digit(value).replace(",", "").strip()
    return float(value)


def fiscal_year(value: dt.date) -> int:
    """The Buddhist Era fiscal year a date falls in (it starts on 1 October)."""
    return value.year + BE_OFFSET + (1 if value.month >= 10 else 0)


def fiscal_year_range(be_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a fiscal year."""
    ce = be_year - BE_OFFSET
    return dt.date(ce - 1, 10, 1), dt.date(ce, 9, 30)


def six_month_round(value: dt.date) -> tuple[int, int]:
    """(fiscal year, round) of a date: round 1 is October to March, round 2 April to September,
    as in the six-month progress report of the ITA measures."""
    return fiscal_year(value), 1 if value.month >= 10 or value.month <= 3 else 2


def six_month_range(be_year: int, round_no: int) -> tuple[dt.date, dt.date]:
    """First and last day of round 1 or 2 of a fiscal year."""
    start, end = fiscal_year_range(be_year)
    if round_no == 1:
        return start, dt.date(end.year, 3, 31)
    if round_no == 2:
        return dt.date(end.year, 4, 1), end
    raise ValueError(f"round must be 1 or 2: {round_no!r}")


ListStyle = Literal["outline", "plain", "paren", "paren_right", "bullet", "dash", "none"]


def list_marker(style: ListStyle, index: int, prefix: str, thai: ThaiStyle) -> tuple[str, str]:
    """Marker shown before item `index` (1-based) and the prefix its children inherit.

    outline: ๑. then ๑.๑ then ๑.๑.๑ ; plain: ๑. ; paren: (๑) ; paren_right: ๑) ; dash: -
    """
    n = thai.digits_of(str(index))
    if style == "outline":
        own = f"{prefix}.{n}" if prefix else n
        return (own if prefix else f"{own}."), own
    if style == "plain":
        return f"{n}.", n
    if style == "paren":
        return f"({n})", n
    if style == "paren_right":
        return f"{n})", n
    if style == "bullet":
        return "•", prefix
    if style == "dash":
        return "-", prefix
    return "", prefix
