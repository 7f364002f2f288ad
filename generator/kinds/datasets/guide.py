"""The datasets' part of the field guide (schema/fields.th.md): one table of
columns per dataset file, from catalog/datasets.yml."""

from __future__ import annotations

from typing import Any

from ...oit.catalog import catalog_years, load_catalog
from . import SUFFIXES, catalog


def dataset_guide(wording: dict[str, Any], required: str, optional: str) -> list[str]:
    """Markdown lines: the intro, then each dataset's file names and columns."""
    lines = ['<a id="datasets"></a>', "", f"## {wording['title']}", "", wording["intro"].strip(), ""]
    header = wording["columns"]
    for name, spec in catalog().items():
        files = ", ".join(f"`{name}{suffix}`" for suffix in SUFFIXES if suffix != ".yaml")
        lines += [f"### {spec['title']}", "", f"{files} · {wording['oit']} {_codes(name, wording)}", ""]
        lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        for column in spec["columns"]:
            need = required if column.get("required") else optional
            lines.append(f"| {column['th']} | `{column['key']}` | {need} | {wording['types'][column['type']]} |")
        lines.append("")
    return lines


def _codes(name: str, wording: dict[str, Any]) -> str:
    """'o21 (ITA 2566–2567), o12 (ITA 2568), o11 (ITA 2569)': the items that list this dataset
    in each bundled catalog, years with the same codes taken together."""
    spans: list[tuple[int, int, str]] = []
    for year in catalog_years():
        catalog = load_catalog(year)
        if not any(i.datasets for i in catalog.items):
            continue  # a list from before datasets were bound to it
        codes = ", ".join(i.code for i in catalog.items if name in i.datasets) or wording["oit_none"]
        if spans and spans[-1][2] == codes and spans[-1][1] == year - 1:
            spans[-1] = (spans[-1][0], year, codes)
        else:
            spans.append((year, year, codes))
    return ", ".join(f"{codes} (ITA {first}–{last})" if last > first else f"{codes} (ITA {first})"
                     for first, last, codes in spans)
