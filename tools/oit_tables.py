"""Write the tables derived from the bundled OIT catalogs (run after changing an item's
`datasets:`; tests/test_oit_bindings.py checks both are current):
generator/catalog/oit/renumbered.yml and the README's table of datasets and their items.

    .venv/bin/python tools/oit_tables.py

For each pair of consecutive ITA years whose lists both name datasets: the code an open
dataset's item had in the earlier list → its code(s) in the later one ([] when the later
list has no item for it). The generator itself reads each year's catalog, never this table;
it is for people who move bindings from one year to the next.
"""

from __future__ import annotations

import sys
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.kinds.datasets import catalog as dataset_catalog
from generator.oit.catalog import CATALOG_DIR, catalog_years, load_catalog, renumbering

README = Path(__file__).resolve().parent.parent / "README.md"
README_HEAD = "| file | dataset |"

HEAD = """\
# สร้างด้วย tools/oit_tables.py จากรายการ OIT ของแต่ละปี (datasets ของแต่ละรายการ) ห้ามแก้ด้วยมือ
# ปีที่ระบุ: รหัสในรายการของปีก่อนหน้า (ซ้าย) ตรงกับรหัสในรายการของปีนั้น (ขวา) สำหรับชุดข้อมูลเปิดชุดเดียวกัน
# [] คือรายการของปีนั้นไม่มีข้อที่ชุดข้อมูลนั้นตอบ
# Generated from the catalogs by tools/oit_tables.py; do not edit. Per ITA year: the code of the
# year before (left) and the code(s) of that year (right) that the same open datasets answer.
"""


def _years() -> list[int]:
    """ITA years whose catalog names the datasets that answer its items."""
    return [y for y in catalog_years() if any(i.datasets for i in load_catalog(y).items)]


def table() -> str:
    years = _years()
    lines = [HEAD.rstrip("\n")]
    for old, new in pairwise(years):
        if new != old + 1:
            continue
        lines.append(f"{new}:  # {old} -> {new}")
        for code, codes in renumbering(load_catalog(old), load_catalog(new)).items():
            lines.append(f"  {code}: [{', '.join(codes)}]")
    return "\n".join(lines) + "\n"


def readme_table() -> list[str]:
    """Markdown lines: each dataset and the item it answers in each ITA year's list."""
    years = _years()
    lines = ["| file | dataset | " + " | ".join(f"ITA {y}" for y in years) + " |",
             "| --- | --- |" + " --- |" * len(years)]
    for key, spec in dataset_catalog().items():
        cells = []
        for year in years:
            items = [i for i in load_catalog(year).items if key in i.datasets]
            cells.append(", ".join(i.code + ("" if i.confirmed else " (unconfirmed)") for i in items) or "–")
        lines.append(f"| `{key}` | {spec['title']} | " + " | ".join(cells) + " |")
    return lines


def readme_with_table(text: str) -> str:
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(README_HEAD))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    return "\n".join(lines[:start] + readme_table() + lines[end:])


if __name__ == "__main__":
    (CATALOG_DIR / "renumbered.yml").write_text(table(), encoding="utf-8")
    README.write_text(readme_with_table(README.read_text(encoding="utf-8")), encoding="utf-8")
