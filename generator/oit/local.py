"""An office's own OIT list: content/oit/<BE year>.yml, read like any content and used
before the bundled catalog of that year, so an office need not wait for a release
when the NACC publishes (or corrects) a year's list.

Two forms. A whole list, written like generator/catalog/oit/<year>.yml (it has
`indicators:`). Or corrections of a bundled list, which a clerk can write:

    based_on: 2569                 # the bundled list to start from (default: the newest)
    source: คู่มือการประเมิน ITA ปี 2570 ของสำนักงาน ป.ป.ช. หน้า 12
    items:
      o6:                          # correct an item: only the fields written change
        title: แผนการดำเนินงานและการใช้งบประมาณประจำปี
      o27:                         # a new item: its sub-indicator, title, kind, year rule, elements
        sub_indicator: "9.2"
        title: ...
        kind: report
        year_rule: current
        elements: [ข้อความที่ต้องเผยแพร่ ...]
    remove: [o26]                  # items the year's list no longer has
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator

from ..errors import ContentError, error, format_path
from ..richtext import Strict
from .catalog import CHECK_NAMES, Catalog, Chosen, Element, Kind, YearRule, catalog_years, load_catalog

FOLDER = "oit"
OFFICE = "content"  # the source id of the office's own corrections


def element_line(value: Any) -> Any:
    """A clerk writes an element as a plain line; a maintainer may add a check key."""
    return {"text": value} if isinstance(value, str) else value


ElementLine = Annotated[Element, BeforeValidator(element_line)]


class ItemCorrection(Strict):
    sub_indicator: str | None = None  # number of the sub-indicator, e.g. "9.2"; needed for a new item
    title: str | None = None
    kind: Kind | None = None
    year_rule: YearRule | None = None
    elements: list[ElementLine] | None = None


class Corrections(Strict):
    based_on: int | None = None
    source: str | None = None  # where the corrections come from (shown by check --verbose)
    provisional: bool = False  # true while the corrected list is still not the published one
    items: dict[str, ItemCorrection] = {}
    remove: list[str] = []


def load_local_catalogs(loader: Any, folder: Path) -> dict[int, Chosen]:
    """Every content/oit/<year>.yml, validated through the content loader (errors collected there)."""
    if not folder.is_dir():
        return {}
    found: dict[int, Chosen] = {}
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        if path.suffix not in (".yml", ".yaml") or not path.stem.isdigit() or len(path.stem) != 4:
            loader.unknown(path, "oit/<ปี พ.ศ.>.yml")
            continue
        located = loader.located(path)
        if located is None:
            continue
        year = int(path.stem)
        data = located.data if isinstance(located.data, dict) else {}
        if "indicators" in data:
            chosen = _whole(loader, located, path, year)
        else:
            chosen = _corrected(loader, located, path, year)
        if chosen is not None:
            found[year] = chosen
    return found


def _whole(loader: Any, located: Any, path: Path, year: int) -> Chosen | None:
    catalog = loader.validate(located, Catalog)
    if catalog is None:
        return None
    if catalog.year != year:
        line = located.line_of(("year",))
        loader.errors.append(error(path, line, "year", "oit_local_year", year=catalog.year, name=path.name))
        return None
    problems = _check_keys(path, located, [(_where(located, i.code), i.elements) for i in catalog.items])
    loader.errors.extend(problems)
    return None if problems else Chosen(catalog, "content", path)


def _corrected(loader: Any, located: Any, path: Path, year: int) -> Chosen | None:
    fixes = loader.validate(located, Corrections)
    if fixes is None:
        return None
    bundled = catalog_years()
    base_year = fixes.based_on or max((y for y in bundled if y <= year), default=None)
    if base_year not in bundled:
        line = located.line_of(("based_on",))
        available = ", ".join(str(y) for y in bundled)
        loader.errors.append(error(path, line, "based_on", "oit_local_base", year=base_year, available=available))
        return None
    base = load_catalog(base_year)
    errors: list[ContentError] = []
    data = base.model_dump(exclude={"indicators": {"__all__": {"sub_indicators": {"__all__": {"items": {
        "__all__": {"indicator", "sub_indicator"}}}}}}})
    subs = {sub["number"]: sub for ind in data["indicators"] for sub in ind["sub_indicators"]}
    home = {item["code"]: sub for sub in subs.values() for item in sub["items"]}
    for i, code in enumerate(fixes.remove):
        if code not in home:
            line = located.line_of(("remove", i))
            errors.append(error(path, line, format_path(("remove", i)), "oit_local_unknown", code=code, year=base_year))
    for code, fix in fixes.items.items():
        where = ("items", code)
        given = fix.model_dump(exclude_none=True, exclude={"sub_indicator"})
        if "elements" in given:
            given["elements"] = [e.model_dump() for e in fix.elements or []]
        number = fix.sub_indicator
        if number is not None and number not in subs:
            errors.append(_bad_sub(path, located, where, number, subs))
            continue
        # What the office writes is what it read in the published list.
        given |= {"confirmed": True, "sources": [], "research": None}
        if code in home:
            old = next(i for i in home[code]["items"] if i["code"] == code)
            old.update(given)
            if number is not None and subs[number] is not home[code]:
                home[code]["items"].remove(old)
                subs[number]["items"].append(old)
            continue
        missing = [f for f in ("sub_indicator", "title", "kind", "year_rule", "elements") if getattr(fix, f) is None]
        if missing:
            line = located.line_of(where)
            fields = ", ".join(missing)
            errors.append(error(path, line, ".".join(where), "oit_local_new_item", code=code, fields=fields))
            continue
        subs[str(number)]["items"].append({"code": code, **given})
    for sub in subs.values():
        sub["items"] = [i for i in sub["items"] if i["code"] not in fixes.remove]
    errors += _check_keys(path, located, [(("items", c), f.elements or []) for c, f in fixes.items.items()])
    if errors:
        loader.errors.extend(errors)
        return None
    # The office vouches for the list it wrote: every item it keeps or writes cites its file.
    office = {"id": OFFICE, "name": fixes.source or f"{FOLDER}/{path.name}", "url": None, "years": [year],
              "agency": None}
    data["sources"] = [*data["sources"], office]
    for sub in subs.values():
        for item in sub["items"]:
            item["sources"] = [*item.get("sources", []), OFFICE]
    data |= {"year": year, "provisional": fixes.provisional, "note": base.note if base_year == year else None}
    return Chosen(Catalog.model_validate(data), "content", path, base_year)


def _bad_sub(path: Path, located: Any, where: tuple[str, ...], number: str, subs: dict[str, Any]) -> ContentError:
    line = located.line_of((*where, "sub_indicator"))
    known = ", ".join(subs)
    return error(path, line, ".".join((*where, "sub_indicator")), "oit_local_sub", number=number, known=known)


def _check_keys(path: Path, located: Any, items: list[tuple[tuple[Any, ...], list[Element]]]) -> list[ContentError]:
    """A check key the readiness step does not know would be skipped silently: refuse it."""
    out = []
    for where, elements in items:
        for n, element in enumerate(elements):
            if element.check and element.check not in CHECK_NAMES:
                line = located.line_of((*where, "elements", n, "check")) or located.line_of(where)
                field = format_path((*where, "elements", n, "check"))
                known = ", ".join(sorted(CHECK_NAMES))
                out.append(error(path, line, field, "oit_local_check", check=element.check, known=known))
    return out


def _where(located: Any, code: str) -> tuple[Any, ...]:
    """The YAML path of item `code` in a whole list (indicators → sub_indicators → items)."""
    for i, ind in enumerate(located.data.get("indicators") or []):
        for j, sub in enumerate((ind or {}).get("sub_indicators") or []):
            for k, item in enumerate((sub or {}).get("items") or []):
                if isinstance(item, dict) and item.get("code") == code:
                    return ("indicators", i, "sub_indicators", j, "items", k)
    return ("indicators",)
