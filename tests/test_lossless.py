"""Nothing staff write is lost: every value in the content files shows on the built site."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from generator.content import load_site
from generator.kinds.pages import split_front_matter
from generator.kinds.registry import declared_files
from generator.safetext import visible_text
from generator.thai import parse_date
from generator.yamlio import parse_yaml, read_yaml
from tests.conftest import EXAMPLE, SMALL, page_text

# Until the bundled example is complete (issue 2), these checks cannot run.


# Values that choose how something is shown rather than being shown.
SETTINGS = {"style", "digits", "date_style", "color", "site_url", "current_year", "ita_years", "columns", "start",
            "order", "signed", "tool",
            "page", "markdown", "covers"}  # oit.yml: where an item points, not text shown
DATES = {"date", "start", "end", "deadline"}
REFS = {"logo", "photo", "structure_chart", "url", "website", "id", "file"}


def leaves(value: Any, loc: tuple = ()) -> list[tuple[tuple, Any]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in leaves(v, (*loc, k))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in leaves(v, (*loc, i))]
    return [(loc, value)]


def _parent(data: Any, loc: tuple) -> dict | None:
    for step in loc[:-1]:
        data = data[step]
    return data if isinstance(data, dict) else None


def site_corpus(site: Path) -> tuple[str, str]:
    text, raw = [], []
    for page in sorted(site.rglob("*.html")):
        markup = page.read_text(encoding="utf-8")
        raw.append(markup)
        text.append(page_text(markup).replace("\u200b", ""))  # the build's Thai word breaks
    return " ".join(text), "\n".join(raw)


def expected_forms(loc: tuple, value: Any, thai: Any, parent: dict | None = None) -> list[str] | None:
    """The ways `value` may legitimately appear, or None when it is not shown as text. `parent`:
    the mapping the value is in (a measure's start and end of whole months show as a month range)."""
    key = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if isinstance(value, bool) or value is None:
        return None
    if key in DATES and (key != "start" or "measures" in loc):
        day = parse_date(value)
        forms = [thai.date(day, style) for style in ("full", "abbr", "official")]
        if key in ("start", "end") and parent and parent.get("start") and parent.get("end"):
            start, end = parse_date(parent["start"]), parse_date(parent["end"])
            if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
                forms.append(thai.month_range(start, end))
        return forms
    if key in SETTINGS or (key == "kind" and "refs" in loc):
        return None
    if isinstance(value, (int, float)):
        return [thai.digits_of(str(value)), thai.score(value), thai.year(int(value)) if float(value).is_integer() else ""]
    if isinstance(value, dt.date):
        return [thai.date(parse_date(value), s) for s in ("full", "abbr", "official")]
    shown = " ".join(visible_text(str(value)).split())
    return [shown, thai.text_digits(shown)]  # phone numbers and the like follow the site's digits


@pytest.mark.parametrize("content, fixture", [(EXAMPLE, "example_site"), (SMALL, "small_site")], ids=["example", "small"])
def test_every_content_value_appears_on_the_built_site(content: Path, fixture: str, request) -> None:
    site_dir: Path = request.getfixturevalue(fixture)
    thai = load_site(content).settings.thai
    text, raw = site_corpus(site_dir)
    lost = []
    checked = 0
    declared = declared_files(content)  # every kind's files, as the registry of kinds declares them
    yaml_files = [path for kind, path in declared if kind.model is not None and path.suffix == ".yml"]
    undeclared = set(content.rglob("*.y*ml")) - {path for _, path in declared}
    assert not undeclared, f"files no kind declares: {sorted(undeclared)}"
    markdown = [path for _, path in declared if path.suffix == ".md"]
    for path in [*yaml_files, *markdown]:
        if path.suffix == ".md":  # the front matter, like a YAML file; the body below
            data = parse_yaml(split_front_matter(path.read_text(encoding="utf-8"))[0] or "", path).data
        else:
            data = read_yaml(path).data
        for loc, value in leaves(data):
            key = next((p for p in reversed(loc) if isinstance(p, str)), "")
            if key in REFS:
                ok = (site_dir / "assets" / value).is_file() if key in ("logo", "photo", "structure_chart") else str(value) in raw
            else:
                forms = expected_forms(loc, value, thai, _parent(data, loc))
                if forms is None:
                    continue
                ok = any(f and f in text for f in forms)
            checked += 1
            if not ok:
                lost.append(f"{path.relative_to(content)} {loc}: {str(value)[:80]!r}")
    for path in markdown:
        _, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
        for word in re.findall(r"[^\s|#*\[\]()`>_-]{2,}", re.sub(r"\]\([^)]*\)", "]", body)):
            if re.fullmatch(r"[0-9๐-๙]+\.", word):  # an ordered list's number: the browser draws it (CSS)
                continue
            checked += 1
            if word not in text:
                lost.append(f"{path.name} body: {word!r}")
    checked += _dataset_cells(content, site_dir, thai, lost)  # the kinds that read their own files: tables
    assert checked > 20
    assert not lost, f"{len(lost)} of {checked} values not on any page:\n" + "\n".join(lost[:30])


def _dataset_cells(content: Path, site_dir: Path, thai: Any, lost: list[str]) -> int:
    """Every cell of every CSV/XLSX/YAML dataset is in its page's table, as typed or as formatted."""
    from generator.kinds.datasets import columns_of
    from generator.kinds.datasets.page import cell_display, page_path

    checked = 0
    folders = {(kind, path.parent) for kind, path in declared_files(content) if kind.load is not None}
    for kind, folder in sorted(folders, key=lambda found: found[1]):
        assert kind.load is not None
        datasets, _ = kind.load(folder, int(folder.parent.name), content)
        for ds in datasets.values():
            page = site_dir / page_path(ds)[: -len(".md")] / "index.html"
            shown = page_text(page.read_text(encoding="utf-8"))
            for index, record in enumerate(ds.table.rows):
                for column in columns_of(ds.name):
                    value = record[column.key]
                    if value is None:
                        continue
                    checked += 1
                    form = cell_display(value, column.type, thai).replace("\u200b", "")  # a reader sees no word break
                    if form not in shown:
                        lost.append(f"{ds.source.relative_to(content)} row {ds.table.row_numbers[index]} "
                                    f"{column.th}: {value!r}")
    return checked
