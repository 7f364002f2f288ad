"""Is each OIT item of an ITA year ready? Public API for the CLI, the ITA page
and other tools (e.g. a portal showing many organizations):

    statuses = assess(site, 2568, pages)
    ready, total = summary(statuses)

Statuses: ready (every element the catalog lists is found in the data),
manual (nothing found missing, but some elements only a person can confirm:
"ตรวจเองก่อนส่ง", never counted ready), incomplete (elements absent from the
structured data), out_of_date (data not of the required fiscal year), missing
(not bound).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..catalog import labels
from .bindings import Target, dataset_targets, resolve
from .catalog import Item, catalog_for

STATUSES = ("ready", "manual", "incomplete", "out_of_date", "missing")
DOC_PAGES = {"measures.md": "measures", "progress-report.md": "progress_report", "results-report.md": "results_report"}


@dataclass
class ItemStatus:
    item: Item
    target: Target | None
    status: str
    problems: list[str] = field(default_factory=list)  # what is missing, in Thai (shown on the site)
    manual: list[str] = field(default_factory=list)  # elements no data can prove: check by hand
    fixes: dict[str, str] = field(default_factory=dict)  # problem → where staff fix it (check only)

    @property
    def code(self) -> str:
        return self.item.code

    @property
    def ready(self) -> bool:
        return self.status == "ready"


class Problem(NamedTuple):
    """What is missing, in Thai for everyone, and where staff fix it (shown by `check` only)."""

    text: str
    fix: str | None


def _problem(key: str, **params: Any) -> Problem:
    oit = labels()["oit"]
    fix = oit["fixes"].get(key)
    return Problem(str(oit["problems"][key]).format(**params), str(fix).format(**params) if fix else None)


_text = _problem


def _names(people: list[Any]) -> str:
    return ", ".join(p.name for p in people)


# Each check returns what is absent (Thai); an empty list means present, None that the
# data at hand cannot tell (a person checks it).
def _org_field(name: str) -> Callable[[Any, Target], list[Problem]]:
    def check(site: Any, target: Target) -> list[Problem]:
        return [] if getattr(site.organization, name) else [_text(f"org_{name}")]

    return check


def _executives_top(site: Any, target: Target) -> list[Problem]:
    return [] if site.organization.executives else [_text("no_executives")]


def _executives_photo(site: Any, target: Target) -> list[Problem]:
    missing = [e for e in site.organization.executives if not e.photo]
    return [_text("executive_photo", names=_names(missing))] if missing else []


def _executives_contact(site: Any, target: Target) -> list[Problem]:
    missing = [e for e in site.organization.executives if not (e.phone or e.email)]
    return [_text("executive_contact", names=_names(missing))] if missing else []


def _structure_units(site: Any, target: Target) -> list[Problem]:
    return [] if site.organization.units else [_text("no_units")]


def _structure_heads(site: Any, target: Target) -> list[Problem]:
    missing = [u for u in site.organization.units if not u.head]
    return [_text("unit_head", names=_names(missing))] if missing else []


def _structure_chart(site: Any, target: Target) -> list[Problem]:
    return [] if site.organization.structure_chart else [_text("structure_chart")]


def _dataset_rows(site: Any, target: Target) -> list[Problem] | None:
    """The item is answered by one of its open datasets, with rows; a page written by hand
    (or a link) may say the same, but only a person can see it."""
    from ..kinds.datasets.page import page_path

    year = site.years.get(target.year) if target.year is not None else None
    for ds in (year.datasets.values() if year else ()):
        if page_path(ds) == target.page:
            return [] if ds.table.rows else [_text("dataset_empty", title=ds.spec["title"])]
    return None


def _document(site: Any, target: Target, kind: str | None = None) -> Any:
    if target.page is None or target.year is None or target.year not in site.years:
        return None
    documents = site.years[target.year].documents
    if kind is None:
        kind = DOC_PAGES.get(target.page.rsplit("/", 1)[-1])
    return documents.get(kind) if kind else None


def _doc_analysis(site: Any, target: Target) -> list[Problem]:
    doc = _document(site, target, "ita_analysis")
    if doc is None:
        return [_text("no_analysis")]
    return [] if any(t.indicators for t in doc.tools) else [_text("analysis_indicators")]


def _doc_measures(site: Any, target: Target) -> list[Problem]:
    doc = _document(site, target)
    if doc is None or not doc.measures:
        return [_text("no_measures")]
    out = []
    for column in ("steps", "responsible", "period"):
        rows = [str(i + 1) for i, m in enumerate(doc.measures) if not m.has(column)]
        if rows:
            out.append(_text(f"measure_{column}", rows=", ".join(rows)))
    return out


def _doc_monitoring(site: Any, target: Target) -> list[Problem]:
    doc = _document(site, target)
    if doc is None:
        return []
    rows = [str(i + 1) for i, m in enumerate(doc.measures) if not m.has("monitoring")]
    return [_text("measure_monitoring", rows=", ".join(rows))] if rows else []


def _doc_actions(site: Any, target: Target) -> list[Problem]:
    doc = _document(site, target)
    if doc is None or not doc.measures:
        return [_text("no_measures")]
    rows = [str(i + 1) for i, m in enumerate(doc.measures) if not m.actions and not m.has("outcome")]
    return [_text("measure_actions", rows=", ".join(rows))] if rows else []


# The keys are CHECK_NAMES of oit/catalog.py, which an office's catalog is checked against.
CHECKS: dict[str, Callable[[Any, Target], list[Problem] | None]] = {
    "org.address": _org_field("address"),
    "org.phone": _org_field("phone"),
    "org.fax": _org_field("fax"),
    "org.email": _org_field("email"),
    "org.map": _org_field("map"),
    "org.social": _org_field("social"),
    "org.qa": _org_field("qa"),
    "executives.top": _executives_top,
    "executives.photo": _executives_photo,
    "executives.contact": _executives_contact,
    "structure.units": _structure_units,
    "structure.heads": _structure_heads,
    "structure.chart": _structure_chart,
    "doc.analysis": _doc_analysis,
    "doc.measures": _doc_measures,
    "doc.monitoring": _doc_monitoring,
    "doc.actions": _doc_actions,
    "dataset.rows": _dataset_rows,
}


def year_problem(
    item: Item, target: Target, ita_year: int, fmt: Callable[[int], str] = str
) -> tuple[str, Problem] | None:
    """(status, problem) when the data's fiscal year breaks the item's year rule; `fmt` writes a year."""
    rule, year = item.year_rule, target.year

    def _text(key: str, **params: int) -> Problem:
        return _problem(key, **{k: fmt(v) for k, v in params.items()})

    if rule == "none":
        return None
    if rule == "covering":
        if target.covers is not None:
            first, last = target.covers
            if first <= ita_year <= last:
                return None
            return "out_of_date", _text("not_covering", first=first, last=last, year=ita_year)
        if year is None:
            return "incomplete", _text("no_period", year=ita_year)
        return (
            None if year == ita_year else ("out_of_date", _text("not_covering", first=year, last=year, year=ita_year))
        )
    if year is None:
        return "incomplete", _text("no_year", year=ita_year if rule == "current" else ita_year - 1)
    if rule == "current" and year != ita_year:
        return "out_of_date", _text("wrong_year", found=year, year=ita_year)
    if rule == "previous" and year < ita_year - 1:
        return "out_of_date", _text("too_old", found=year, year=ita_year - 1)
    return None


def assess(site: Any, year: int, pages: set[str]) -> list[ItemStatus]:
    """The status of every item of ITA year `year` for `site`, in catalog order.

    `pages` are the docs-relative paths of the rendered site (the caller renders it:
    this layer sits below rendering). Raises ContentErrors for bad bindings and
    FileNotFoundError when there is no catalog for `year`.
    """
    catalog = catalog_for(site, year)
    targets = resolve(getattr(site, "oit", None), catalog, pages)
    targets.update(dataset_targets(site, catalog, pages, set(targets)))
    out: list[ItemStatus] = []
    for item in catalog.items:
        target = targets.get(item.code)
        if target is None:
            out.append(ItemStatus(item, None, "missing"))
            continue
        problems: list[Problem] = []
        manual: list[str] = []
        status = "ready"
        found = year_problem(item, target, year, site.settings.thai.year)
        if found:
            status, problem = found
            problems.append(problem)
        for element in item.elements:
            # A link to another site, or a check the data cannot make: a person must look.
            if element.check is None or target.kind == "url":
                manual.append(element.text)
                continue
            found_missing = CHECKS[element.check](site, target)
            if found_missing is None:
                manual.append(element.text)
                continue
            problems += [p for p in found_missing if p not in problems]
        if problems and status == "ready":
            status = "incomplete"
        elif status == "ready" and manual:
            status = "manual"
        fixes = {p.text: p.fix for p in problems if p.fix}
        out.append(ItemStatus(item, target, status, [p.text for p in problems], manual, fixes))
    return out


def summary(statuses: list[ItemStatus]) -> tuple[int, int]:
    """(items ready, items in the catalog)."""
    return sum(1 for s in statuses if s.ready), len(statuses)
