"""Whose document it is and which fiscal year it belongs to.

The fiscal year comes from what the text says of itself ("ปีงบประมาณ …"
anywhere, the document's date, the dates in its rows) or the file name, never
from the year of a law or plan it cites. The organization's name ends where
the sentence around it begins (PDF text often runs them together), and a body
that is no local government is named as such, not given a municipality kind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..thai import fiscal_year, parse_date
from . import cells as rc
from .words import MONTHS as _MONTHS
from .words import any_of, word, words

_THAI_RUN = r"[\u0e01-\u0e4e]+"
_ERA = word("era").replace(".", r"\.\s?").rstrip(r"\s?")
_YEAR_DIGITS = r"((?:25|๒๕)[0-9๐-๙]{2})"
_FISCAL = re.compile(rf"(?:{any_of('fiscal')})\s*(?:{_ERA})?\s*{_YEAR_DIGITS}(?![0-9๐-๙])")
_ERA_YEAR = re.compile(rf"{_ERA}\s*{_YEAR_DIGITS}(?![0-9๐-๙])")
_LAW = re.compile(any_of("law_words"))
# A date or a month with a four-digit Buddhist Era year: "๗ เมษายน ๒๕๖๖", "กุมภาพันธ์ ๒๕๖๘".
_DATED = re.compile(rf"(?:([0-9๐-๙]{{1,2}})\s*)?({_MONTHS})\s*(?:{_ERA})?\s*{_YEAR_DIGITS}(?![0-9๐-๙])")
_NAME_YEAR = re.compile(r"(?<![0-9])(25[0-9]{2})(?![0-9])")
# A local government's kind and the Thai run after it; the district and province words likewise.
ORG = re.compile(rf"({any_of('org_kinds')})\s*({_THAI_RUN})")
_NON_LOCAL = re.compile(rf"({any_of('non_local')})\s*({_THAI_RUN})")
DISTRICT = re.compile(rf"{any_of('district')}\s*({_THAI_RUN})")
PROVINCE = re.compile(rf"{any_of('province')}\s*({_THAI_RUN})")


def _year(digits: str) -> int:
    return int(digits.translate(rc.THAI_DIGITS))


def _cites_law(text: str, at: int) -> bool:
    """The year at `at` closes the title of a law or plan ("พระราชบัญญัติ … พ.ศ. ๒๕๖๑")."""
    before = text[max(0, at - 90) : at]
    laws = list(_LAW.finditer(before))
    return bool(laws) and not _FISCAL.search(before[laws[-1].end() :])


def fiscal_in(lines: list[str]) -> int | None:
    """The first "ปีงบประมาณ (พ.ศ.) YYYY" or "ประจำปี YYYY" the lines name."""
    return _first_year(_FISCAL, lines)


def era_year_in(lines: list[str]) -> int | None:
    """The first "พ.ศ. YYYY" that is not the year of a cited law."""
    return _first_year(_ERA_YEAR, lines)


def _first_year(pattern: re.Pattern[str], lines: list[str]) -> int | None:
    for text in lines:
        for match in pattern.finditer(text):
            if not _cites_law(text, match.start()):
                return _year(match.group(1))
    return None


def dates_year(lines: list[str]) -> int | None:
    """The fiscal year most of the document's dates fall in (rows of a table, a month heading)."""
    years: Counter[int] = Counter()
    for text in lines:
        for match in _DATED.finditer(text):
            if _cites_law(text, match.start()):
                continue
            day = match.group(1) or "1"
            try:
                when = parse_date(f"{day} {match.group(2)} {match.group(3)}")
            except (ValueError, TypeError):
                continue
            years[fiscal_year(when)] += 1
    return years.most_common(1)[0][0] if years else None


def name_year(path: Path) -> int | None:
    """A Buddhist Era year in the file name ("รายงาน-2568.txt")."""
    found = _NAME_YEAR.findall(path.stem.translate(rc.THAI_DIGITS))
    return int(found[-1]) if found else None


def current_fiscal_year() -> int:
    return fiscal_year(dt.date.today())


def placeholder_date(year: int) -> str:
    """The first day of fiscal year `year`, written as staff write dates."""
    return word("placeholder_date").format(year=year - 1)


@cache
def _stops() -> frozenset[str]:
    return frozenset(words()["org_stop"])


def bounded(run: str) -> str:
    """A run of Thai letters cut where the sentence after a name begins."""
    from pythainlp.tokenize import word_tokenize

    kept: list[str] = []
    for token in word_tokenize(run, keep_whitespace=False):
        if kept and token in _stops():
            break
        kept.append(token)
    return "".join(kept)


@dataclass
class Found:
    name: str | None = None
    kind: str | None = None
    district: str | None = None
    province: str | None = None
    non_local: str | None = None  # the name of a body that is no local government


def organization_from(heading: list[str], everything: list[str] | None = None) -> Found:
    """The organization named in the heading lines, its name bounded by the words around it.

    Every mention in the whole text is counted, so a name the PDF ran into the next
    word in one place is read as it stands alone elsewhere."""
    found = Found()
    mentions: Counter[tuple[str, str]] = Counter()
    order: list[tuple[str, str]] = []
    for text in everything or heading:
        for match in ORG.finditer(text):
            key = (match.group(1), bounded(match.group(2)))
            mentions[key] += 1
            order.append(key)
    first_heading = next((m for t in heading for m in [ORG.search(t)] if m), None)
    for text in heading[:4]:
        body = _NON_LOCAL.search(text)
        local = ORG.search(text)
        if body and (local is None or body.start() < local.start()):
            found.non_local = body.group(1) + bounded(body.group(2))
            break
    if first_heading is not None:
        start = (first_heading.group(1), bounded(first_heading.group(2)))
        # The same name written out in full elsewhere wins over a cut-off or run-on form.
        rivals = [k for k in mentions if k[0] == start[0] and (k[1].startswith(start[1]) or start[1].startswith(k[1]))]
        kind, name = max(rivals, key=lambda k: (mentions[k], -order.index(k)))
        if found.non_local is None:
            found.kind, found.name = kind, kind + name
    for text in heading:
        for attr, pattern in (("district", DISTRICT), ("province", PROVINCE)):
            hit = pattern.search(text)
            if hit and getattr(found, attr) is None:
                setattr(found, attr, bounded(hit.group(1)))
    return found
