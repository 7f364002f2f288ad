"""The ITA index page of each target year, its CSV/JSON twins, and the
criteria box on every page an OIT item is bound to."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..errors import ContentErrors, error
from ..kinds.datasets.page import csv_bytes
from ..yamlio import read_yaml
from .catalog import choose, usable_years
from .readiness import ItemStatus, assess, summary

COLUMNS = ("code", "title", "link", "status", "nav_path")


@dataclass
class Row:
    """One line of the ITA table, as shown on the page and in the downloads."""

    status: ItemStatus
    link: str
    nav_path: str
    status_label: str

    def as_dict(self) -> dict[str, Any]:
        item = self.status.item
        return {
            "code": item.code,
            "title": item.title,
            "indicator": item.indicator,
            "sub_indicator": item.sub_indicator,
            "kind": item.kind,
            "link": self.link,
            "status": self.status.status,
            "status_label": self.status_label,
            "problems": self.status.problems,
            "nav_path": self.nav_path,
            "confirmed": item.confirmed,
        }


def index_path(year: int) -> str:
    return f"ita/{year}/index.md"


def page_url(path: str) -> str:
    """Docs path → the page's URL path under use_directory_urls (about/x.md → about/x/)."""
    if path == "index.md":
        return ""
    if path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


def absolute(site: Any, path: str) -> str:
    base = str(site.settings.site_url or "/")
    return base.rstrip("/") + "/" + page_url(path)


def check_years(site: Any) -> None:
    """Every year in ita_years needs a catalog; the error points at site.yml."""
    available = usable_years(site)
    bad = [y for y in site.settings.ita_years if y not in available]
    if bad:
        where = site.content_dir / "site.yml"
        years = ", ".join(str(y) for y in available)
        line = read_yaml(where).line_of(("ita_years",)) if where.is_file() else None
        raise ContentErrors([error(where, line, "ita_years", "oit_no_catalog", year=y, available=years) for y in bad])


def nav_titles(ctx: Any) -> list[tuple[str, str]]:
    """(nav title, page path) of each ITA page, for the home page and the navigation."""
    check_years(ctx.site)
    return [(ctx.label("oit", "nav", year=ctx.thai.year(y)), index_path(y)) for y in ctx.site.settings.ita_years]


def rows_for(ctx: Any, year: int, statuses: list[ItemStatus]) -> list[Row]:
    home = ctx.label("nav", "home")
    ita = ctx.label("oit", "nav", year=ctx.thai.year(year))
    rows = []
    for st in statuses:
        item, target = st.item, st.target
        if target is None:
            link = ""
        elif target.url:
            link = target.url
        else:
            link = absolute(ctx.site, target.page)
        section = item.sub_indicator.split(" ", 1)[1]
        nav_path = " › ".join([home, ita, section, f"{item.code} {item.title}"])
        rows.append(Row(st, link, nav_path, ctx.labels["oit"]["status"][st.status]))
    return rows


def oit_csv(rows: list[Row], headers: dict[str, str]) -> bytes:
    table = []
    for row in rows:
        d = row.as_dict()
        table.append([d["code"], d["title"], d["link"], d["status_label"], d["nav_path"], "; ".join(d["problems"])])
    return csv_bytes([headers[c] for c in COLUMNS] + [headers["problems"]], table)


def json_bytes(ctx: Any, year: int, rows: list[Row]) -> bytes:
    ready = sum(1 for r in rows if r.status.ready)
    doc = {
        "ita_year": year,
        "organization": ctx.site.organization.name,
        "site_url": str(ctx.site.settings.site_url or ""),
        "ready": ready,
        "total": len(rows),
        "items": [r.as_dict() for r in rows],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def criteria_box(ctx: Any, year: int, st: ItemStatus) -> str:
    template = ctx.env.get_template("oit/criteria.html.j2")
    text = template.render(year=year, st=st, rule=rule_text(ctx, year, st.item.year_rule))
    return text.strip()


def rule_text(ctx: Any, year: int, rule: str) -> str:
    text = str(ctx.labels["oit"]["year_rule"][rule])
    return text.format(year=ctx.thai.year(year), previous=ctx.thai.year(year - 1))


def _insert_after_title(content: str, box: str) -> str:
    first, _, rest = content.partition("\n")
    if first.startswith("# "):
        return f"{first}\n\n{box}\n{rest}"
    return f"{box}\n\n{content}"


def apply(ctx: Any, pages: list[Any]) -> tuple[list[Any], dict[str, bytes]]:
    """Add the ITA pages and criteria boxes; return (new pages, downloads)."""
    by_path = {p.path: p for p in pages}
    paths = set(by_path)
    new_pages = []
    downloads: dict[str, bytes] = {}
    for year in ctx.site.settings.ita_years:
        chosen = choose(ctx.site, year)
        assert chosen is not None  # check_years ran when the navigation was made
        catalog = chosen.catalog
        statuses = assess(ctx.site, year, paths)
        rows = rows_for(ctx, year, statuses)
        for st in statuses:
            if st.target is not None and st.target.page is not None:
                page = by_path[st.target.page]
                page.content = _insert_after_title(page.content, criteria_box(ctx, year, st))
        ready, total = summary(statuses)
        path = index_path(year)
        headers = ctx.labels["oit"]["columns"]
        sections = []
        for ind in catalog.indicators:
            for sub in ind.sub_indicators:
                codes = {i.code for i in sub.items}
                sections.append((ind, sub, [r for r in rows if r.status.item.code in codes]))
        boxes = {
            r.status.code: Markup(criteria_box(ctx, year, r.status))
            for r in rows
            if r.status.target is None or r.status.target.url
        }
        new_pages.append(
            ctx.page(
                "oit/ita.md.j2",
                path,
                ctx.label("oit", "page_title", year=ctx.thai.year(year)),
                catalog=catalog,
                provisional=ctx.label("oit", "provisional", year=ctx.thai.year(year),
                                      base=ctx.thai.year(chosen.based_on or year)),
                year=year,
                rows=rows,
                sections=sections,
                boxes=boxes,
                headers=headers,
                ready=ready,
                total=total,
                percent=round(100 * ready / total) if total else 0,
                manual=sum(1 for st in statuses if st.status == "manual"),
            )
        )
        base = path[: -len("index.md")]
        downloads[f"{base}oit.csv"] = oit_csv(rows, headers)
        downloads[f"{base}oit.json"] = json_bytes(ctx, year, rows)
    return new_pages, downloads
