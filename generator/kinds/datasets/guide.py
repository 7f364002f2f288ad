"""The datasets' part of the field guide (schema/fields.th.md): one table of
columns per dataset file, from catalog/datasets.yml."""

from __future__ import annotations

from typing import Any

from ...oit.bindings import dataset_code_periods
from . import SUFFIXES, catalog


def dataset_guide(wording: dict[str, Any], required: str, optional: str) -> list[str]:
    """Markdown lines: the intro, then each dataset's file names and columns."""
    lines = ['<a id="datasets"></a>', "", f"## {wording['title']}", "", wording["intro"].strip(), ""]
    header = wording["columns"]
    for name, spec in catalog().items():
        files = ", ".join(f"`{name}{suffix}`" for suffix in SUFFIXES if suffix != ".yaml")
        lines += [f"### {spec['title']}", "", f"{files} · {wording['oit']} {_codes(spec['oit'], wording)}", ""]
        lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        for column in spec["columns"]:
            need = required if column.get("required") else optional
            lines.append(f"| {column['th']} | `{column['key']}` | {need} | {wording['types'][column['type']]} |")
        lines.append("")
    return lines


def _codes(code: str, wording: dict[str, Any]) -> str:
    """'O20 (ITA 2566-2567), O12 (ITA 2568 onwards)': the item in each numbering of the lists."""
    parts = []
    for start, end, item in dataset_code_periods(code):
        years = f"{start} {wording['oit_onwards']}" if end is None else f"{start}–{end}" if end > start else f"{start}"
        parts.append(f"{item.upper() if item else wording['oit_none']} (ITA {years})")
    return ", ".join(parts)
