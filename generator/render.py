"""Render: a validated Site becomes Markdown pages, a navigation and assets.

Pure: nothing here touches the disk except reading templates.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator
from markupsafe import Markup

from .catalog import labels
from .content import Site
from .kinds import announcement, ita_analysis, measures, memo, organization, pages
from .kinds.datasets.page import render_catalog, render_dataset
from .oit import page as oit_page
from .program_cache import FOLD_KEY, TEMPLATE_CACHE
from .richtext import RichRenderer
from .safetext import inline_html, md_text, theme_label
from .thai import fiscal_year_range, six_month_range

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class OutPage:
    path: str
    title: str
    content: str


@dataclass
class NavEntry:
    title: str
    path: str | None = None
    children: list[NavEntry] = field(default_factory=list)

    def as_mkdocs(self) -> Any:
        title = theme_label(self.title)
        if self.children:
            return {title: [c.as_mkdocs() for c in self.children]}
        return {title: self.path}


@dataclass
class Rendered:
    pages: list[OutPage]
    nav: list[NavEntry]
    assets: dict[str, Path]
    # Generated files that are not pages (CSV/JSON downloads, SVG charts), by docs-relative path.
    downloads: dict[str, bytes] = field(default_factory=dict)

    def files(self) -> dict[str, str]:
        return {p.path: p.content for p in self.pages}


class _Neutralised(str):
    """Text md_text made safe: Jinja's escape takes it as it is (__html__), as it would Markup,
    but it is made without Markup's Python-level constructor, once per printed value."""

    __slots__ = ()

    def __html__(self) -> str:
        return self


def _safe_default(value: Any) -> Any:
    """Anything a template prints without a filter is flattened and neutralised for Markdown."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return _Neutralised(md_text(str(value)))


class _FinalizedOutputCodeGenerator(CodeGenerator):
    """Jinja's code generator, except that a printed value is passed through _safe_default
    alone: it returns Markup or text it escaped itself (md_text), so the escape() that
    autoescape wraps around it changed nothing and built two Markup objects a value. Jinja's
    own NativeCodeGenerator overrides the same two steps. Any other setting keeps Jinja's code."""

    def _finalized(self, frame: Any, finalize: Any) -> bool:
        ctx = frame.eval_ctx
        return bool(ctx.autoescape and not ctx.volatile and finalize.src and self.environment.finalize is _safe_default)

    def _output_child_pre(self, node: Any, frame: Any, finalize: Any) -> None:
        if self._finalized(frame, finalize):
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: Any, frame: Any, finalize: Any) -> None:
        if self._finalized(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class _Environment(jinja2.Environment):
    code_generator_class = _FinalizedOutputCodeGenerator

    def make_globals(self, d: Any = None) -> Any:
        # A dict, not Jinja's ChainMap: every render copies its template's globals, and copying
        # a ChainMap runs Python code for each key. Ours are all set before a template is loaded.
        return {**self.globals, **(d or {})}


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


class RenderContext:
    """What every kind's page functions need: the site, Thai style, templates and links."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.thai = site.settings.thai
        self.rich = RichRenderer(self.thai)
        self.labels = labels()
        env = _Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            finalize=_safe_default,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            bytecode_cache=TEMPLATE_CACHE,
            auto_reload=False,  # one build, one environment: no need to stat a template on every use
        )
        env.filters.update(
            rich=lambda v, prefix="": Markup(self.rich.html(v, prefix)),
            inline=lambda v: Markup(inline_html(str(v))) if v is not None else "",
            date=lambda v, style=None: self.thai.date(v, style) if v else "",
            num=lambda v, d=None: self.thai.number(v, d),
            score=self.thai.score,
            year=self.thai.year,
            digits=lambda v: self.thai.digits_of(str(v)),
            url=lambda v: Markup(jinja2.filters.escape(v)),
            tel=tel_target,
            money=self.thai.money,
            bahttext=self.thai.baht_text,
            month_range=lambda start, end, style="abbr": self.thai.month_range(start, end, style),
        )
        env.globals.update(
            org=site.organization,
            site=site,
            labels=self.labels,
            thai=self.thai,
            fy_start=lambda y: fiscal_year_range(y)[0],
            fy_end=lambda y: fiscal_year_range(y)[1],
            six_month_range=six_month_range,
            **{FOLD_KEY: repr(self.thai)},  # settings-dependent filters fold into the bytecode
        )
        self.env = env

    def page(self, template: str, path: str, title: str, **values: Any) -> OutPage:
        def link(target: str) -> Markup:
            # Targets are generated paths (years, slugs checked as [a-z0-9-]), never free text.
            return Markup(relative(target, posixpath.dirname(path)))

        def asset(ref: str) -> Markup:
            # Raw HTML is not rewritten by MkDocs: go from the page's URL folder, not its .md file.
            stem = path[: -len("index.md")] if path.endswith("index.md") else path[: -len(".md")] + "/"
            return Markup(relative(f"assets/{ref}", stem.rstrip("/")))

        text = self.env.get_template(template).render(page_path=path, link=link, asset=asset, title=title, **values)
        return OutPage(path, title, text.strip() + "\n")

    def label(self, group: str, key: str, **params: Any) -> str:
        return str(self.labels[group][key]).format(**params)


def render_site(site: Site) -> Rendered:
    """Every page of the site, its navigation and the assets to copy."""
    ctx = RenderContext(site)
    out: list[OutPage] = []
    nav: list[NavEntry] = []

    about_pages = organization.render(ctx)
    year_navs: list[NavEntry] = []
    downloads: dict[str, bytes] = {}
    for year in site.years.values():
        year_pages: list[OutPage] = []
        year_pages += ita_analysis.render(ctx, year)
        year_pages += measures.render(ctx, year)
        ann = announcement.render(ctx, year)
        memos = memo.render(ctx, year)
        data_pages: list[OutPage] = []
        for ds in year.datasets.values():
            page, files = render_dataset(ctx, ds)
            data_pages.append(page)
            downloads.update(files)
        index = ctx.page(
            "year.md.j2",
            f"{year.year}/index.md",
            ctx.label("nav", "year_index", year=ctx.thai.year(year.year)),
            year=year,
            documents=year_pages,
            announcements=ann,
            memos=memos,
            datasets=data_pages,
        )
        entry = NavEntry(
            ctx.label("nav", "year", year=ctx.thai.year(year.year)),
            children=[NavEntry(index.title, index.path), *(NavEntry(p.title, p.path) for p in year_pages)],
        )
        if ann:
            entry.children.append(
                NavEntry(ctx.label("nav", "announcements"), children=[NavEntry(p.title, p.path) for p in ann])
            )
        if memos:
            entry.children.append(
                NavEntry(ctx.label("nav", "memos"), children=[NavEntry(p.title, p.path) for p in memos])
            )
        if data_pages:
            entry.children.append(
                NavEntry(ctx.label("datasets", "group"), children=[NavEntry(p.title, p.path) for p in data_pages])
            )
        year_navs.append(entry)
        out += [index, *year_pages, *ann, *memos, *data_pages]

    free = pages.render(ctx)
    ita = oit_page.nav_titles(ctx)
    home = ctx.page(
        "home.md.j2",
        "index.md",
        ctx.label("nav", "home"),
        about=about_pages,
        years=year_navs,
        pages=free,
        current=site.years.get(site.current_year) if site.current_year else None,
        ita=ita,
    )
    nav.append(NavEntry(home.title, home.path))
    nav.extend(NavEntry(title, children=[NavEntry(title, path)]) for title, path in ita)
    nav.append(NavEntry(ctx.label("nav", "about"), children=[NavEntry(p.title, p.path) for p in about_pages]))
    nav.extend(year_navs)
    if free:
        nav.append(NavEntry(ctx.label("nav", "more"), children=[NavEntry(p.title, p.path) for p in free]))
    all_datasets = [ds for year in site.years.values() for ds in year.datasets.values()]
    data_catalog: list[OutPage] = []
    if all_datasets:
        catalog_page, data_json = render_catalog(ctx, all_datasets)
        downloads["data.json"] = data_json
        data_catalog = [catalog_page]
        nav.append(NavEntry(catalog_page.title, catalog_page.path))
    out = [home, *about_pages, *out, *free, *data_catalog]
    ita_pages, ita_downloads = oit_page.apply(ctx, out)
    out += ita_pages
    downloads.update(ita_downloads)
    assets = {f"assets/{rel.as_posix()}": site.content_dir / "assets" / rel for rel in site.assets}
    return Rendered(out, nav, assets, downloads)
