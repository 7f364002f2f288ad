"""The portal page: one Thai HTML page listing every organization of every shard,
with its OIT readiness and a link to its site. Plain HTML with the Sarabun font
copied beside it, so it works from any static host without MkDocs."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .fields import SLUG
from .thai import ThaiStyle
from .write import REPO, write_if_changed

MANIFESTS = "_manifests"  # out/_manifests/shard-<i>-of-<n>.json, one per shard
FONTS = (
    "sarabun-thai-400-normal.woff2",
    "sarabun-thai-700-normal.woff2",
    "sarabun-latin-400-normal.woff2",
    "sarabun-latin-700-normal.woff2",
    "OFL.txt",
)


@dataclass
class OrgResult:
    """What the portal and the operator need to know about one organization's build."""

    slug: str
    ok: bool
    name: str = ""
    kind: str = ""
    province: str = ""
    pages: int = 0
    seconds: float = 0.0  # build time; kept out of the manifest so an unchanged rebuild changes no file
    oit_year: int | None = None  # ITA year assessed (the latest of site.yml's ita_years)
    oit_ready: int | None = None  # OIT items ready
    oit_total: int | None = None  # OIT items in that year's catalog
    errors: str = ""


def load_manifests(out: Path) -> list[OrgResult]:
    """Every organization listed by any shard manifest in `out`, by slug."""
    by_slug: dict[str, OrgResult] = {}
    for path in sorted((out / MANIFESTS).glob("*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            by_slug[entry["slug"]] = OrgResult(**entry)
    return [by_slug[s] for s in sorted(by_slug)]


def write_portal(out: Path, digits: str = "thai") -> Path:
    """`out/index.html` from the manifests in `out/_manifests/`; rewritten only when it changes."""
    # A manifest is data too: only a slug-rule folder name is ever a link (see multi.refusal).
    results = [r if not r.ok or SLUG.match(r.slug) else replace(r, ok=False) for r in load_manifests(out)]
    style = ThaiStyle(digits=digits)  # type: ignore[arg-type]
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = style.number
    env.filters["digits"] = lambda v: style.digits_of(str(v))
    html = env.get_template("portal.html.j2").render(
        orgs=results,
        failed=[r for r in results if not r.ok],
        provinces=sorted({r.province for r in results if r.province}),
    )
    fonts = REPO / "theme_overrides" / "assets" / "fonts"
    for name in FONTS:
        target = out / "_portal" / "fonts" / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fonts / name, target)
    path = out / "index.html"
    write_if_changed(path, html.encode("utf-8"))
    return path
