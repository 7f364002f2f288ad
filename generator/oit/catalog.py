"""The OIT catalog of one ITA year, read from generator/catalog/oit/<BE year>.yml.

The list changes every year, so it is data; this module only knows its shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import model_validator

from ..catalog import read_program_yaml
from ..fields import Url
from ..richtext import Strict

CATALOG_DIR = Path(__file__).resolve().parent.parent / "catalog" / "oit"

Kind = Literal["page", "report", "channel"]
# none: no year; current: data of the ITA year; previous: at least the year before;
# covering: a multi-year plan whose period includes the ITA year.
YearRule = Literal["none", "current", "previous", "covering"]


# The structured-data checks an element may name; oit/readiness.py implements each (CHECKS).
CHECK_NAMES = frozenset({
    "org.address", "org.phone", "org.fax", "org.email", "org.map", "org.social", "org.qa",
    "executives.top", "executives.photo", "executives.contact",
    "structure.units", "structure.heads", "structure.chart",
    "doc.analysis", "doc.measures", "doc.monitoring", "doc.actions", "dataset.rows",
})


class Element(Strict):
    text: str
    check: str | None = None  # one of CHECK_NAMES


class Item(Strict):
    code: str
    title: str
    kind: Kind
    year_rule: YearRule
    elements: list[Element]
    # True only where a source that shows this ITA year's list (Source.years) shows this item.
    confirmed: bool
    sources: list[str] = []  # ids of the catalog's sources that show this item
    research: str | None = None  # for maintainers: what was checked; never published
    datasets: list[str] = []  # keys of generator/catalog/datasets.yml whose pages answer this item
    kinds: list[str] = []  # names of document kinds (generator/kinds) whose index page answers this item
    # Filled in from the enclosing groups when the catalog is read.
    indicator: str = ""
    sub_indicator: str = ""


class SubIndicator(Strict):
    number: str
    title: str
    items: list[Item]


class Indicator(Strict):
    number: str
    title: str
    sub_indicators: list[SubIndicator]


AgencyType = Literal["local", "central", "school", "other"]


class Source(Strict):
    id: str | None = None  # what items cite in their `sources`
    name: str
    url: Url | None = None
    years: list[int] = []  # ITA years whose item list this source shows
    agency: AgencyType | None = None  # local: อปท.; central: a central agency; school


class Catalog(Strict):
    year: int
    title: str
    sources: list[Source]
    note: str | None = None  # shown on the ITA page
    research: str | None = None  # for maintainers: what was checked and searched; not published
    provisional: bool = False  # a list not yet published by the NACC (derived from the newest one)
    indicators: list[Indicator]

    @model_validator(mode="after")
    def _codes_unique(self) -> Catalog:
        codes = [item.code for ind in self.indicators for sub in ind.sub_indicators for item in sub.items]
        doubled = sorted({c for c in codes if codes.count(c) > 1})
        if doubled:
            raise ValueError(f"duplicate item codes: {', '.join(doubled)}")
        ids = {s.id for s in self.sources if s.id}
        of_year = {s.id for s in self.sources if s.id and self.year in s.years}
        for item in (i for ind in self.indicators for sub in ind.sub_indicators for i in sub.items):
            unknown = [s for s in item.sources if s not in ids]
            if unknown:
                raise ValueError(f"{item.code}: unknown source ids {', '.join(unknown)}")
            if item.confirmed and item.sources and not of_year.intersection(item.sources):
                raise ValueError(f"{item.code}: confirmed, but none of its sources shows the {self.year} list")
        return self

    # Asked for by every page and check: made once per catalog. The model is frozen; a
    # model_copy keeps what was made, which holds while items depend on `indicators` only
    # (provisional() changes the year and the provisional mark).
    @cached_property
    def items(self) -> list[Item]:
        """Every item in catalog order, each knowing its indicator and sub-indicator."""
        return [
            item.model_copy(
                update={"indicator": f"{ind.number} {ind.title}", "sub_indicator": f"{sub.number} {sub.title}"}
            )
            for ind in self.indicators
            for sub in ind.sub_indicators
            for item in sub.items
        ]

    def item(self, code: str) -> Item | None:
        return self._by_code.get(code)

    @cached_property
    def _by_code(self) -> dict[str, Item]:
        return {i.code: i for i in self.items}


def renumbering(old: Catalog, new: Catalog) -> dict[str, list[str]]:
    """{code in `old`: codes in `new` that answer the same open datasets}: how a dataset's
    item was renumbered from one year's list to the next, derived from both catalogs."""
    out: dict[str, list[str]] = {}
    for item in old.items:
        codes = [n.code for n in new.items if set(n.datasets) & set(item.datasets)]
        if item.datasets:
            out[item.code] = codes
    return out


def catalog_years() -> list[int]:
    """ITA years that have a bundled catalog file."""
    return sorted(int(p.stem) for p in CATALOG_DIR.glob("*.yml") if p.stem.isdigit())


Origin = Literal["bundled", "provisional", "content"]


@dataclass(frozen=True)
class Chosen:
    """The catalog a site uses for one ITA year, and where it came from (said by check and build)."""

    catalog: Catalog
    origin: Origin
    path: Path  # the file read (for a provisional catalog: the bundled one it copies)
    based_on: int | None = None  # the year of the list it copies or corrects


def provisional(year: int) -> Chosen | None:
    """The newest bundled list, marked provisional, for the year after it: the NACC publishes
    a year's list only when the assessment opens, and an office prepares its items before."""
    newest = max(catalog_years())
    if year != newest + 1:
        return None
    base = load_catalog(newest)
    copy = base.model_copy(update={"year": year, "provisional": True})
    return Chosen(copy, "provisional", CATALOG_DIR / f"{newest}.yml", newest)


def choose(site: Any, year: int) -> Chosen | None:
    """The catalog of ITA year `year` for `site`: the content folder's own (content/oit/<year>.yml),
    else the bundled one, else a provisional copy of the newest; None when there is none."""
    own = (getattr(site, "oit_catalogs", None) or {}).get(year)
    if own is not None:
        return own
    if year in catalog_years():
        return Chosen(load_catalog(year), "bundled", CATALOG_DIR / f"{year}.yml")
    return provisional(year)


def usable_years(site: Any) -> list[int]:
    """ITA years a site may target."""
    years = set(catalog_years()) | set(getattr(site, "oit_catalogs", None) or {})
    return sorted(years | {max(catalog_years()) + 1})


def catalog_for(site: Any, year: int) -> Catalog:
    chosen = choose(site, year)
    if chosen is None:
        raise FileNotFoundError(f"no OIT catalog for {year}")
    return chosen.catalog


@cache
def load_catalog(year: int) -> Catalog:
    """The catalog of ITA year `year` (BE). Raises FileNotFoundError if there is none."""
    path = CATALOG_DIR / f"{year}.yml"
    catalog = Catalog.model_validate(read_program_yaml(path))
    if catalog.year != year:
        raise ValueError(f"{path}: year {catalog.year} does not match the file name")
    return catalog
