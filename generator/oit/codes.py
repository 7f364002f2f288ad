"""OIT codes written in content files (measure rows, announcements, memos, free pages): each
one means what the catalog of its ITA year says. Data of fiscal year N speaks of ITA N; a free
page speaks of the ITA years oit.yml binds it for (any year the site targets when unbound).

A row's reference is printed with the catalog's code and title; a code the year's list
lacks, or text that names another item than the code's, is a warning with file and line.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ContentError, error, format_path
from ..kinds.registry import year_folder_kinds
from ..yamlio import read_yaml
from .catalog import Item, choose

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
WRITTEN = re.compile(r"^\s*[oO]?\s*0*(\d{1,3})\s*$")
# "o12 รายงาน…" at the start of a cell or line of an announcement or memo
IN_TEXT = re.compile(r"(?:^|(?<=\s))[oO](\d{1,2})(?![\d.])\s+([^\n;,(]+)")
SIMILAR = 0.6
# A code anywhere in a free page's text ("ข้อ o12", "- o12 …", "| o12 | …"), not in a word or address.
IN_PAGE = re.compile(r"(?<![\w/.#=@-])[oO](\d{1,2})(?![\d\w.])")
LINE_START = re.compile(r"[\s>#*+|\-]*(?:[0-9๐-๙]+[.)]\s*)?")  # Markdown's markers before a code opening a line
TITLE_END = re.compile(r"[|;,(\n]")


def normalized(code: str) -> str | None:
    """'o4', 'O04', '๐๐๔', '4' → 'o4'; None when it is not an item number."""
    found = WRITTEN.match(code.translate(THAI_DIGITS))
    return f"o{int(found.group(1))}" if found else None


def item_of(site: Any, fiscal_year: int, code: str) -> Item | None:
    """The item a code written in data of `fiscal_year` means (ITA year = fiscal year)."""
    chosen = choose(site, fiscal_year)
    key = normalized(code)
    return chosen.catalog.item(key) if chosen and key else None


def _same_title(written: str, title: str) -> bool:
    a, b = re.sub(r"\s+", "", written), re.sub(r"\s+", "", title)
    return a.startswith(b) or b.startswith(a) or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR


def _strings(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, (*path, key))
    elif isinstance(value, list | tuple):
        for i, inner in enumerate(value):
            yield from _strings(inner, (*path, i))


def code_warnings(site: Any) -> list[ContentError]:
    """Codes in content files that the catalog of their ITA year lacks or names otherwise."""
    out: list[ContentError] = []
    for fiscal, year in sorted(getattr(site, "years", {}).items()):
        chosen = choose(site, fiscal)
        if chosen is None:
            continue
        folder = site.content_dir / "years" / str(fiscal)
        found: list[tuple[Path, tuple[Any, ...], str, dict[str, Any]]] = []
        for kind, doc in year.documents.items():
            for i, measure in enumerate(getattr(doc, "measures", []) or []):
                for j, ref in enumerate(measure.refs):
                    if ref.kind != "oit":
                        continue
                    where = ("measures", i, "refs", j, "code")
                    item = chosen.catalog.item(normalized(ref.code) or "")
                    if item is None:
                        found.append((folder / f"{kind}.yml", where, "oit_code_unknown",
                                      {"code": ref.code, "year": fiscal}))
                    elif ref.title and not _same_title(ref.title, item.title):
                        found.append((folder / f"{kind}.yml", where, "oit_code_other_title",
                                      {"code": item.code, "year": fiscal, "written": ref.title, "title": item.title}))
        lines: dict[Path, Any] = {}
        # The texts of every yearly kind of one YAML file per document (announcements, memos...)
        for folder_name, kind in year_folder_kinds().items():
            if kind.model is None:  # tables the kind reads itself
                continue
            for slug in year.folders.get(folder_name, {}):
                path = folder / folder_name / f"{slug}.yml"
                if not path.is_file():
                    continue
                # The file as written, so that a warning's path and line are those staff see.
                lines[path] = located = read_yaml(path)
                for where, text in _strings(located.data):
                    for match in IN_TEXT.finditer(text):
                        code, written = f"o{int(match.group(1))}", match.group(2).strip()
                        item = chosen.catalog.item(code)
                        params = {"code": code, "year": fiscal, "written": written}
                        if item is None:
                            found.append((path, where, "oit_code_unknown", params))
                        elif not _same_title(written, item.title):
                            found.append((path, where, "oit_code_other_title", params | {"title": item.title}))
        for path, where, key, params in found:
            if path not in lines:
                lines[path] = read_yaml(path) if path.is_file() else None
            located = lines[path]
            line = located.line_of(where) if located is not None else None
            out.append(error(path, line, format_path(where), key, **params))
    return out


def _page_years(site: Any) -> dict[str, list[int]]:
    """{pages/<slug>.md: ITA years oit.yml binds it for}: the years whose codes it speaks of."""
    targeted = list(site.settings.ita_years)
    loaded = getattr(site, "oit", None)
    found: dict[str, set[int]] = {}
    if loaded is not None:
        for year in targeted:
            bound = loaded.bindings.items | loaded.bindings.years.get(year, {})
            for binding in bound.values():
                if binding.markdown:
                    found.setdefault(f"{binding.markdown.strip('/').removesuffix('.md')}.md", set()).add(year)
    return {page: sorted(years) for page, years in found.items()} | {"": targeted}


def _page_code(catalogs: dict[int, Any], code: str, written: str | None) -> tuple[str, dict[str, Any]] | None:
    """(message key, values) when no catalog of the page's years has `code`, or none of them
    gives it the title written after it; None when one does."""
    items = {year: c.item(code) for year, c in catalogs.items()}
    having = {year: item for year, item in items.items() if item is not None}
    years = ", ".join(str(y) for y in catalogs)
    if not having:
        return "oit_page_code_unknown", {"code": code, "years": years}
    if written and not any(_same_title(written, item.title) for item in having.values()):
        year, item = next(iter(having.items()))
        return "oit_code_other_title", {"code": code, "year": year, "written": written, "title": item.title}
    return None


def page_code_warnings(site: Any) -> list[ContentError]:
    """Codes in free Markdown pages that the catalogs of the page's ITA years lack or name
    otherwise. A code opening a line (a list item, heading or table cell) is compared with
    the title after it; one inside a sentence only has to exist."""
    years_of = _page_years(site)
    out: list[ContentError] = []
    for page in getattr(site, "pages", []):
        rel = f"pages/{page.slug}.md"
        chosen = {y: choose(site, y) for y in years_of.get(rel, years_of[""])}
        catalogs = {y: c.catalog for y, c in chosen.items() if c is not None}
        path = site.content_dir / rel
        if not catalogs or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in IN_PAGE.finditer(line):
                code, written = f"o{int(match.group(1))}", None
                if LINE_START.fullmatch(line[: match.start()]):
                    after = line[match.end() :].lstrip(" \t|:–-*_")
                    written = TITLE_END.split(after, 1)[0].strip(" *_`") or None
                found = _page_code(catalogs, code, written)
                if found:
                    out.append(error(path, number, "", found[0], **found[1]))
    return out


def shared_binding_warnings(site: Any) -> list[ContentError]:
    """A binding under `items:` in oit.yml applies to every ITA year the site targets; where its
    code names different items in two of those years' lists, it binds one of them wrongly, and
    where none of them has it, it binds nothing."""
    loaded = getattr(site, "oit", None)
    if loaded is None:
        return []
    catalogs = [c.catalog for c in (choose(site, y) for y in site.settings.ita_years) if c is not None]
    out = []
    for code in loaded.bindings.items:
        found = {c.year: c.item(code) for c in catalogs}
        titles = {year: item.title for year, item in found.items() if item is not None}
        if catalogs and not titles:
            years = ", ".join(str(y) for y in site.settings.ita_years)
            line = loaded.lines.line_of(("items", code))
            out.append(error(loaded.path, line, f"items.{code}", "oit_code_shared_unknown", code=code, years=years))
        elif any(not _same_title(a, b) for a, b in itertools.combinations(titles.values(), 2)):
            meanings = "; ".join(f"{year}: {title}" for year, title in sorted(titles.items()))
            line = loaded.lines.line_of(("items", code))
            out.append(error(loaded.path, line, f"items.{code}", "oit_code_shared", code=code, meanings=meanings))
    return out


def show_code_warnings(site: Any) -> None:
    """Codes never stop a build; staff see each with its file and line (stderr)."""
    import sys

    from ..catalog import message

    warnings = shared_binding_warnings(site) + code_warnings(site) + page_code_warnings(site)
    if warnings:
        head = message("oit_code_warnings", count=len(warnings))
        print(f"{head['th']}\n{head['en']}", file=sys.stderr)
        for warning in warnings:
            print(warning.format(site.content_dir), file=sys.stderr)
