"""content/oit.yml: which page, Markdown page or external link answers each OIT item.

items:                    # every ITA year
  o1: {page: about/structure}
  o10: {page: "{year}/measures"}      # {year} is the ITA year, {previous} the year before
  o8: {url: https://qa.example.go.th/}
years:
  2568:                   # only for ITA 2568, overrides `items`
    o4: {markdown: pages/local-plan.md, covers: [2566, 2570]}
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ContentError, ContentErrors, error
from ..fields import Url
from ..kinds.datasets import page_path
from ..richtext import Strict
from .catalog import Catalog

if TYPE_CHECKING:  # a type only: the registry imports this module
    from ..kinds.registry import Answer

FILE = "oit.yml"
# Stable names for generated pages whose file name is not their key.
ALIASES = {"about/profile": "about/index.md", "home": "index.md"}


class OitBinding(Strict):
    page: str | None = None
    markdown: str | None = None
    url: Url | None = None
    year: int | None = None
    covers: list[int] | None = None
    note: str | None = None


class OitBindings(Strict):
    items: dict[str, OitBinding] = {}
    years: dict[int, dict[str, OitBinding]] = {}


@dataclass(frozen=True)
class Target:
    """What one item is bound to, resolved against the rendered site."""

    code: str
    kind: str  # page | markdown | url
    key: str  # as written in oit.yml
    page: str | None  # docs-relative path of a page of this site
    url: str | None  # external address
    year: int | None  # fiscal year of the data, when known
    covers: tuple[int, int] | None
    note: str | None


@dataclass
class LoadedBindings:
    bindings: OitBindings
    path: Path
    lines: Any  # yamlio.Located, for the line of each binding


def load_bindings(loader: Any, path: Path) -> LoadedBindings | None:
    """Read and validate content/oit.yml through the content loader (errors are collected there)."""
    if not path.is_file():
        return None
    located = loader.located(path)
    if located is None:
        return None
    value = loader.validate(located, OitBindings)
    return None if value is None else LoadedBindings(value, path, located)


def page_for(key: str, pages: set[str]) -> str | None:
    """The generated page a key names: `about/executives`, `2568/measures/`, `pages/x.md`…"""
    key = key.strip().strip("/")
    if key in ALIASES:
        return ALIASES[key] if ALIASES[key] in pages else None
    stem = key[: -len(".md")] if key.endswith(".md") else key
    for candidate in (f"{stem}.md", f"{stem}/index.md"):
        if candidate in pages:
            return candidate
    return None


def _page_keys(pages: set[str]) -> list[str]:
    keys = [p[: -len("/index.md")] if p.endswith("/index.md") else p[: -len(".md")] for p in pages]
    return sorted(set(keys) | set(ALIASES))


def _did_you_mean(word: str, options: list[str]) -> dict[str, str]:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    return {"hint": close[0] if close else "-"}


def resolve(loaded: LoadedBindings | None, catalog: Catalog, pages: set[str]) -> dict[str, Target]:
    """Each bound item of `catalog` with its target. Raises ContentErrors naming file and line."""
    if loaded is None:
        return {}
    year = catalog.year
    chosen: dict[str, tuple[OitBinding, tuple[Any, ...]]] = {}
    for code, binding in loaded.bindings.items.items():
        chosen[code] = (binding, ("items", code))
    for ita_year, entries in loaded.bindings.years.items():
        if ita_year != year:
            continue
        for code, binding in entries.items():
            chosen[code] = (binding, ("years", _year_key(loaded, ita_year), code))
    codes = [i.code for i in catalog.items]
    errors: list[ContentError] = []
    targets: dict[str, Target] = {}
    for code, (binding, loc) in chosen.items():

        def fail(key: str, /, **params: Any) -> None:
            # The line is looked up only for a message: walking the YAML tree for every binding was most of this step.
            field = ".".join(str(p) for p in loc)  # noqa: B023
            errors.append(error(loaded.path, loaded.lines.line_of(loc), field, key, **params))  # noqa: B023

        if code not in codes:
            # Codes of other years are fine in `items`: they apply where the catalog has them.
            if loc[0] == "years":
                fail("oit_unknown_code", code=code, year=year, **_did_you_mean(code, codes))
            continue
        given = [k for k in ("page", "markdown", "url") if getattr(binding, k)]
        if len(given) != 1:
            fail("oit_one_target", code=code)
            continue
        kind = given[0]
        written = str(getattr(binding, kind))
        # A shared binding like "{year}/measures" simply has no page in a year without that data.
        templated = loc[0] == "items" and ("{year}" in written or "{previous}" in written)
        raw = written.replace("{year}", str(year)).replace("{previous}", str(year - 1))
        page = url = None
        if kind == "url":
            url = raw
        elif kind == "markdown":
            name = raw.strip("/")
            if not name.startswith("pages/") or f"{name.removesuffix('.md')}.md" not in pages:
                free = [p for p in _page_keys(pages) if p.startswith("pages/")]
                fail("oit_unknown_markdown", target=raw, **_did_you_mean(name.removesuffix(".md"), free))
                continue
            page = f"{name.removesuffix('.md')}.md"
        else:
            page = page_for(raw, pages)
            if page is None and templated:
                continue
            if page is None:
                fail("oit_unknown_page", target=raw, **_did_you_mean(raw.strip("/"), _page_keys(pages)))
                continue
        covers = None
        if binding.covers is not None:
            if len(binding.covers) != 2 or binding.covers[0] > binding.covers[1]:
                fail("oit_bad_covers", code=code)
                continue
            covers = (binding.covers[0], binding.covers[1])
        data_year = binding.year
        if data_year is None and page is not None and page.split("/", 1)[0].isdigit():
            data_year = int(page.split("/", 1)[0])
        targets[code] = Target(code, kind, raw, page, url, data_year, covers, binding.note)
    if errors:
        raise ContentErrors(errors)
    return {code: targets[code] for code in codes if code in targets}


def declared_codes(loaded: LoadedBindings | None, catalog: Catalog) -> set[str]:
    """The codes of `catalog` that oit.yml binds for its year (shared `items:` and `years:`)."""
    if loaded is None:
        return set()
    written = set(loaded.bindings.items) | set(loaded.bindings.years.get(catalog.year, {}))
    return written & {i.code for i in catalog.items}


def chosen_datasets(site: Any, catalog: Catalog, bound: set[str]) -> dict[str, Any]:
    """{code: dataset} for the items of `catalog` that oit.yml leaves unbound and an open
    dataset answers: the catalog item's `datasets`, in its order, of the ITA year, else of the
    year before. The catalog of the year is the only place a dataset's code comes from."""
    years = getattr(site, "years", {})
    found: dict[str, Any] = {}
    for item in catalog.items:
        if item.code in bound or not item.datasets:
            continue
        # A report on the year before is looked for there first, the rest in the ITA year itself.
        order = (catalog.year - 1, catalog.year) if item.year_rule == "previous" else (catalog.year, catalog.year - 1)
        for fiscal in order:
            data = years[fiscal].datasets if fiscal in years else {}
            ds = next((data[key] for key in item.datasets if key in data), None)
            if ds is not None:
                found[item.code] = ds
                break
    return found


def dataset_targets(site: Any, catalog: Catalog, pages: set[str], bound: set[str]) -> dict[str, Target]:
    """Targets of the items left unbound in oit.yml that an open dataset answers."""
    found: dict[str, Target] = {}
    for code, ds in chosen_datasets(site, catalog, bound).items():
        page = page_path(ds)
        if page in pages:
            found[code] = Target(code, "page", page.removesuffix(".md"), page, None, ds.year, None, None)
    return found


def kind_targets(catalog: Catalog, pages: set[str], bound: set[str], answers: dict[str, Answer]) -> dict[str, Target]:
    """Targets of the items left unbound in oit.yml whose catalog entry names a document kind
    (`kinds: [news]`) that the site has: that kind's page (registry.Answer), dated by the ITA
    year when the kind has documents of that fiscal year, else by its newest year before it."""
    found: dict[str, Target] = {}
    for item in catalog.items:
        answer = next((answers[k] for k in item.kinds if k in answers), None)
        if item.code in bound or answer is None or answer.page not in pages:
            continue
        earlier = [y for y in answer.years if y <= catalog.year]
        year = catalog.year if catalog.year in answer.years else max(earlier or answer.years, default=None)
        key = answer.page.removesuffix(".md")
        found[item.code] = Target(item.code, "page", key, answer.page, None, year, None, None)
    return found


def _year_key(loaded: LoadedBindings, year: int) -> Any:
    """The year key as the YAML file typed it, so its line can be found."""
    data = loaded.lines.data.get("years") or {}
    return next((k for k in data if str(k) == str(year)), year)
