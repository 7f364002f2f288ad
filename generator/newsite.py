"""`prongsai new DIR`: a complete empty organization that validates and builds at once.

DIR/content/ holds only what is true on day one (the name and kind given, the fiscal year from
today's date, the ITA year whose catalog we ship); every other field is empty with a Thai comment
saying what goes there. DIR/templates/ holds one blank spreadsheet per dataset; they stay out of
content/ so that no empty table is ever published as if it were data.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .kinds.organization import OrgKind
from .oit.catalog import catalog_years
from .templates_xlsx import write_templates
from .write import write_if_changed

TEMPLATES = Path(__file__).parent / "templates" / "newsite"
KINDS: tuple[str, ...] = get_args(OrgKind)
# template -> file in DIR
FILES = {
    "site.yml.j2": "content/site.yml",
    "organization.yml.j2": "content/organization.yml",
    "oit.yml.j2": "content/oit.yml",
    "README.md.j2": "README.md",
    "gitignore.j2": ".gitignore",
    "publish.yml.j2": "publish.yml",
}


def fiscal_year(today: dt.date) -> int:
    """Thai fiscal year (BE) of `today`: it starts on 1 October and is named by the year it ends in."""
    return today.year + 543 + (1 if today.month >= 10 else 0)


def ita_year(fiscal: int) -> int:
    """The ITA year to prepare for: the ITA of year N is assessed during fiscal year N; when its item
    list is not published yet, the newest list we have."""
    years = catalog_years()
    return max((y for y in years if y <= fiscal), default=min(years))


class NotEmpty(Exception):
    pass


@dataclass
class NewSite:
    folder: Path
    fiscal_year: int
    ita_year: int
    files: list[Path]


def new_site(
    folder: Path, name: str, kind: str, *, district: str = "", province: str = "", digits: str = "thai",
    today: dt.date | None = None,
) -> NewSite:
    """Write the organization into `folder` (which must not hold a content/ folder yet)."""
    if kind not in KINDS:
        raise ValueError(kind)
    if (folder / "content").exists():
        raise NotEmpty(folder / "content")
    today = today or dt.date.today()
    fiscal = fiscal_year(today)
    values = {
        "name": name.strip(), "kind": kind, "district": district.strip(), "province": province.strip(),
        "digits": digits, "fiscal_year": fiscal, "ita_year": ita_year(fiscal), "today": today.isoformat(),
    }
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False
    )
    env.filters["yaml"] = lambda text: json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string
    files = []
    for template, rel in FILES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(path, env.get_template(template).render(values).encode("utf-8"))
        files.append(path)
    (folder / "content" / "pages").mkdir(exist_ok=True)
    (folder / "content" / "assets").mkdir(exist_ok=True)
    files += write_templates(folder / "templates")
    return NewSite(folder, fiscal, values["ita_year"], files)
