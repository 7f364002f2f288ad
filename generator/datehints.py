"""Why a date cannot be read, in words a clerk can act on ("September has 30 days")."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from pythainlp.util import thai_digit_to_arabic_digit

from .thai import BE_OFFSET, FIRST_DATE, LAST_DATE, month_names, parse_date

_NOISE = re.compile(r"วันที่|เดือน|พ\.ศ\.|ค\.ศ\.|,")
# "ภายในเดือนเมษายน ๒๕๖๙": a deadline as paper writes it; the word before it says only "by".
_BY = re.compile(r"^\s*ภายใน")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _month(name: str) -> int | None:
    for directive in ("%B", "%b"):
        if name in (names := month_names(directive)):
            return names.index(name) + 1
    return None


def _be(year: str) -> int | None:
    if not year.isdigit() or len(year) not in (2, 4):
        return None
    value = int(year) + (2500 if len(year) == 2 else 0)
    return value if value >= 2400 else value + BE_OFFSET


def date_problem(value: object) -> tuple[str, dict[str, object]] | None:
    """(message key, values) saying why `value` is no date a site can hold, or None when
    nothing more specific than "cannot read" can be said."""
    text = thai_digit_to_arabic_digit(str(value)).strip()
    parts = _NOISE.sub(" ", text).split()
    day = month = be = None
    if iso := _ISO.match(text):
        year, month, day = (int(g) for g in iso.groups())
        be = year if year >= 2400 else year + BE_OFFSET
    elif len(parts) == 3 and parts[0].isdigit():
        day, month, be = int(parts[0]), _month(parts[1]), _be(parts[2])
    elif len(parts) == 2 and (month := _month(parts[0])) and (be := _be(parts[1])):
        last = calendar.monthrange(be - BE_OFFSET, month)[1] if 1 <= be - BE_OFFSET <= 9999 else 28
        return "date_month_only", {"got": value, "last": f"{last} {parts[0]} {be}"}
    if day is None or month is None or be is None:
        return None
    lo, hi = FIRST_DATE.year + BE_OFFSET, LAST_DATE.year + BE_OFFSET
    if not lo <= be <= hi:
        return "date_out_of_range", {"got": value, "be": be, "lo": lo, "hi": hi}
    if not 1 <= month <= 12:
        return None
    days = calendar.monthrange(be - BE_OFFSET, month)[1]
    if day > days:
        full = month_names("%B")[month - 1]
        return "date_day_too_big", {"got": value, "month": full, "days": days, "be": be,
                                    "month_en": calendar.month_name[month]}
    return None


def check_date(value: object) -> dt.date:
    """parse_date, raising DateProblem (a ValueError) with the reason when one is known."""
    try:
        return parse_date(value)
    except ValueError:
        problem = date_problem(value)
        if problem is None:
            raise
        raise DateProblem(*problem) from None


class DateProblem(ValueError):
    def __init__(self, key: str, params: dict[str, object]) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def month_of(value: object) -> tuple[int, int] | None:
    """(Common Era year, month) of a month written without a day ("เมษายน ๒๕๖๙",
    "ภายในเดือนเมษายน พ.ศ. ๒๕๖๙", "เม.ย. 69"), or None when it is no such month."""
    text = _BY.sub("", thai_digit_to_arabic_digit(str(value)))
    parts = _NOISE.sub(" ", text).split()
    if len(parts) != 2 or not (month := _month(parts[0])) or not (be := _be(parts[1])):
        return None
    return be - BE_OFFSET, month


def without_by(value: object) -> object:
    """A deadline's date without the "ภายใน" ("by") paper writes before it."""
    return _BY.sub("", value).strip() if isinstance(value, str) else value
