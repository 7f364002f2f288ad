"""Render: a validated Site becomes Markdown pages, a navigation and assets.

Pure: nothing here touches the disk except reading templates. A page's Markdown is
made when it is first read, so that the OIT step, which runs after every page is
known, can still pass its criteria box into the page's template.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .catalog import labels
from .content import Site
from .fields import Month
from .kinds.registry import YEARS_ORDER, document_kinds
from .nav import NavEntry
from .program_cache import template_cache
from .richtext import RichRenderer
from .safetext import inline_html, md_text
from .thai import fiscal_year_range, six_month_range

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(eq=False)
class OutPage:
    path: str
    title: str
    template: str
    values: dict[str, Any] = field(repr=False)
    make: Callable[[OutPage], str] = field(repr=False)
    oit_boxes: list[Markup] = field(default_factory=list)  # the OIT criteria of the items bound here

    @cached_property
    def content(self) -> str:
        return self.make(self)


@dataclass
class Rendered:
    pages: list[OutPage]
    nav: list[NavEntry]
    assets: dict[str, Path]
    # Generated files that are not pages (CSV/JSON downloads, SVG charts), by docs-relative path.
    downloads: dict[str, bytes] = field(default_factory=dict)

    def files(self) -> dict[str, str]:
        return {p.path: p.content for p in self.pages}


def _safe_default(value: Any) -> Any:
    """Anything a template prints without a filter is flattened and neutralised for Markdown."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return Markup(md_text(str(value)))


_TEL_EXTENSION = ("ต่อ", "ext", "#", ",", "/")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def tel_target(number: str) -> str:
    """A dialable tel: target: staff write "0 4312 3456 ต่อ 12"; phones want "043123456"."""
    first = str(number)
    for stop in _TEL_EXTENSION:  # cut at the first of them: the number before an extension
        first = first.split(stop, 1)[0]
    digits = first.translate(_THAI_DIGITS)
    return ("+" if digits.strip().startswith("+") else "") + "".join(c for c in digits if c.isdecimal())


@lru_cache(maxsize=4096)
def relative(target: str, start: str) -> str:
    """Path from folder `start` to `target`, both relative to the docs folder. Rooted at "/" so
    relpath needs no working directory (it asks the OS for one on every call otherwise)."""
    return posixpath.relpath(f"/{target}", f"/{start}")


def _styled(method: str) -> Callable[..., str]:
    """A filter that writes in the site's style (digits, date style): marked @pass_context, so
    Jinja never folds it into a template's compiled code, which is then the same for any site."""

    @jinja2.pass_context
    def apply(context: jinja2.runtime.Context, value: Any, *args: Any) -> str:
        return getattr(context["thai"], method)(value, *args)

    return apply


@jinja2.pass_context
def _rich(context: jinja2.runtime.Context, value: Any, prefix: str = "") -> Markup:
    return Markup(RichRenderer(context["thai"]).html(value, prefix))


@jinja2.pass_context
def _digits(context: jinja2.runtime.Context, value: Any) -> str:
    return context["thai"].digits_of(str(value))


@jinja2.pass_context
def _text_digits(context: jinja2.runtime.Context, value: Any) -> str:
    return context["thai"].text_digits(str(value))


@jinja2.pass_context
def _date(context: jinja2.runtime.Context, value: Any, style: str | None = None) -> str:
    if isinstance(value, Month):  # a deadline given as a month: the month, whatever the style
        return context["thai"].month(value.year, value.month)
    return context["thai"].date(value, style) if value else ""


FILTERS: dict[str, Callable[..., Any]] = {
    "rich": _rich,
    "inline": lambda v: Markup(inline_html(str(v))) if v is not None else "",
    "date": _date,
    "num": _styled("number"),
    "score": _styled("score"),
    "year": _styled("year"),
    "digits": _digits,
    "text_digits": _text_digits,
    "money": _styled("money"),
    "bahttext": _styled("baht_text"),
    "month_range": _styled("month_range"),
    "url": lambda v: Markup(jinja2.filters.escape(v)),
    "tel": tel_target,
}


class RenderContext:
    """What every kind's page functions need: the site, Thai style, templates and links."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.thai = site.settings.thai
        self.labels = labels()
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            finalize=_safe_default,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            bytecode_cache=template_cache(),
            auto_reload=False,  # one build, one environment: no need to stat a template on every use
        )
        env.filters.update(FILTERS)
        env.tests["month"] = lambda value: isinstance(value, Month)
        env.globals.update(
            org=site.organization,
            site=site,
            labels=self.labels,
            thai=self.thai,
            fy_start=lambda y: fiscal_year_range(y)[0],
            fy_end=lambda y: fiscal_year_range(y)[1],
            six_month_range=six_month_range,
        )
        self.env = env

    def page(self, template: str, path: str, title: str, **values: Any) -> OutPage:
        return OutPage(path, title, template, values, self._markdown)

    def _markdown(self, page: OutPage) -> str:
        path = page.path

        def link(target: str) -> Markup:
            # Targets are generated paths (years, slugs checked as [a-z0-9-]), never free text.
            return Markup(relative(target, posixpath.dirname(path)))

        def asset(ref: str) -> Markup:
            # Raw HTML is not rewritten by MkDocs: go from the page's URL folder, not its .md file.
            stem = path[: -len("index.md")] if path.endswith("index.md") else path[: -len(".md")] + "/"
            return Markup(relative(f"assets/{ref}", stem.rstrip("/")))

        box = Markup("\n{}\n").format(Markup("\n\n").join(page.oit_boxes)) if page.oit_boxes else ""
        text = self.env.get_template(page.template).render(
            page_path=path, link=link, asset=asset, title=page.title, oit_box=box, **page.values
        )
        return text.strip() + "\n"

    def label(self, group: str, key: str, **params: Any) -> str:
        return str(self.labels[group][key]).format(**params)


def render_documents(site: Site, ctx: RenderContext | None = None) -> Rendered:
    """Every page of the site's documents, its navigation and the assets to copy: each declared
    kind's site-wide Section and its part of every fiscal year, in the kinds' order."""
    ctx = ctx or RenderContext(site)
    kinds = document_kinds()
    sections = [(k.order, k.section(ctx)) for k in kinds if k.section is not None]
    before = [s for order, s in sections if order < YEARS_ORDER]
    after = [s for order, s in sections if order >= YEARS_ORDER]
    yearly = [k for k in kinds if k.yearly]
    year_pages: list[OutPage] = []
    year_navs: list[NavEntry] = []
    downloads: dict[str, bytes] = {}
    for year in site.years.values():
        parts = [kind.year_part(ctx, year) for kind in yearly]
        documents = [p for part in parts if part.nav is None for p in part.pages]  # listed as they are
        groups = [(part.nav.title, part.pages) for part in parts if part.nav is not None]  # kinds of many a year
        index = ctx.page(
            "year.md.j2",
            f"{year.year}/index.md",
            ctx.label("nav", "year_index", year=ctx.thai.year(year.year)),
            year=year,
            documents=documents,
            groups=groups,
        )
        year_navs.append(NavEntry(
            ctx.label("nav", "year", year=ctx.thai.year(year.year)),
            children=[NavEntry(index.title, index.path), *(NavEntry(p.title, p.path) for p in documents),
                      *(part.nav for part in parts if part.nav is not None)],
        ))
        year_pages += [index, *documents, *(p for _, made in groups for p in made)]
        for part in parts:
            downloads.update(part.downloads)
    home = ctx.page(
        "home.md.j2",
        "index.md",
        ctx.label("nav", "home"),
        years=year_navs,
        current=site.years.get(site.current_year) if site.current_year else None,
        ita=[],  # (title, path) of each ITA page: the OIT step fills it in
        blocks=[block for _, s in sections for block in s.home],  # what kinds add (contact, latest news)
    )
    nav = [NavEntry(home.title, home.path), *(s.nav for s in before if s.nav is not None), *year_navs,
           *(s.nav for s in after if s.nav is not None)]
    for _, section in sections:
        downloads.update(section.downloads)
    out = [home, *(p for s in before for p in s.pages), *year_pages, *(p for s in after for p in s.pages)]
    assets = {f"assets/{rel.as_posix()}": site.content_dir / "assets" / rel for rel in site.assets}
    return Rendered(out, nav, assets, downloads)
