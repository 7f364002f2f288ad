"""The portal page: one Thai HTML page listing every organization of every shard,
with its OIT readiness and a link to its site. Plain HTML with the Sarabun font
copied beside it, so it works from any static host without MkDocs."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .fields import SLUG
from .multi import load_manifests
from .thai import ThaiStyle
from .write import REPO, write_if_changed

FONTS = (
    "sarabun-thai-400-normal.woff2",
    "sarabun-thai-700-normal.woff2",
    "sarabun-latin-400-normal.woff2",
    "sarabun-latin-700-normal.woff2",
    "OFL.txt",
)


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
