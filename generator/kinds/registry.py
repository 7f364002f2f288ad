"""The registry of document kinds. Each kind's module declares, once, a DocumentKind named
KIND: its model, where its files live, its template, page path, title and navigation
label; its field words are the model's entries in catalog/fields.yml. The loader,
render, the JSON Schema and field-guide export and the "unknown file" message all read
the declarations from here, so adding a kind is one module, one template, its field
words and example content."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from ..nav import NavEntry
from ..oit.bindings import OitBindings
from ..oit.local import Corrections
from ..site import SiteSettings

if TYPE_CHECKING:  # types only: render imports the kinds at run time
    from ..content import FiscalYear, Site
    from ..errors import ContentError
    from ..render import OutPage, RenderContext

SCHEMA_DIR = "schema"  # where the modelines point, from the repository root
# The fiscal years' entries in the navigation and their pages come at this place among the
# site-wide kinds: those of a lower order (about, news) before them, the others (pages, data) after.
YEARS_ORDER = 50

# Where a block goes on the home page, which itself gives the head (name, logo), the current year's
# key documents, the ITA pages and the list of fiscal years: "lead" after the head, "main" after the
# key documents, "lists" after the ITA pages, "end" after the fiscal years.
HomePlace = Literal["lead", "main", "lists", "end"]


@dataclass(frozen=True)
class HomeBlock:
    """A section of the home page: a template included there (with the home page's `link`
    and `asset`), which reads its values as `block`."""

    template: str
    values: dict[str, object]
    place: HomePlace = "main"


@dataclass
class Section:
    """What a kind adds to the site: its pages, its entry in the navigation, files that are not
    pages (a feed, CSV and JSON downloads), blocks on the home page. A yearly kind's Section of a
    fiscal year is that year's part: a navigation entry is then the group its pages make in the
    year (no entry: the pages are listed in the year as they are)."""

    pages: list[OutPage]
    nav: NavEntry | None = None
    downloads: dict[str, bytes] = field(default_factory=dict)
    home: list[HomeBlock] = field(default_factory=list)


@dataclass(frozen=True)
class Answer:
    """The page that answers the OIT items whose catalog entry names a kind (`kinds: [news]`),
    and the fiscal years its documents are of (the item's year rule is checked against them)."""

    page: str
    years: frozenset[int]


# A yearly folder of files that are not one model each (the tables of open datasets): read by
# the kind itself, (folder, fiscal year, content folder) -> (documents by name, errors).
FolderLoader = Callable[[Path, int, Path], tuple[dict[str, Any], list["ContentError"]]]


@dataclass(frozen=True)
class DocumentKind:
    name: str  # its JSON Schema is schema/<name>.schema.json
    model: type[BaseModel] | None  # None: files that are no YAML model (tables), read by `load`
    files: tuple[str, ...]  # where its files live: globs under content/, e.g. years/*/memos/*.yml
    order: int = 50  # place among the kinds: navigation, year pages, the field guide
    # A kind of one file per document in a folder (years/*/<folder>/*.yml) is rendered from these:
    template: str | None = None
    page: str | None = None  # its page path: {year} and {slug} filled in
    title: Callable[[Any], str] | None = None  # a document's page title
    nav: str | None = None  # labels.nav key of its group in the year's navigation
    # Any other kind renders itself: (ctx) for the site, (ctx, year) for a fiscal year's files.
    render: Callable[..., list[OutPage]] | None = None
    # A site-wide part with its own navigation entry, files or home-page blocks: a Section.
    section: Callable[[RenderContext], Section] | None = None
    # A yearly kind whose part of a fiscal year has more than pages (downloads, its own group).
    year_section: Callable[[RenderContext, FiscalYear], Section] | None = None
    load: FolderLoader | None = None  # a yearly folder the kind reads itself (see FolderLoader)
    guide: Callable[[dict[str, Any]], list[str]] | None = None  # its field-guide section, without a model
    # Answers the OIT items whose catalog entry lists this kind's name in `kinds`.
    answers: Callable[[Site], Answer | None] | None = None

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"

    def modeline(self) -> str:
        up = "../" * (self.files[0].count("/") + 1)
        return f"# yaml-language-server: $schema={up}{SCHEMA_DIR}/{self.schema_file}"

    @property
    def yearly(self) -> bool:
        return self.files[0].startswith("years/")

    @property
    def folder(self) -> str | None:
        """The folder of a yearly kind with one file per document (years/*/<folder>/*.yml)."""
        parts = PurePosixPath(self.files[0]).parts
        return parts[2] if self.yearly and len(parts) == 4 else None

    @property
    def year_files(self) -> list[str]:
        """The file stems of a yearly kind with one file per year (years/*/<stem>.yml)."""
        return [PurePosixPath(f).stem for f in self.files if f.startswith("years/") and f.count("/") == 2]

    def pages(self, ctx: RenderContext, year: FiscalYear | None = None) -> list[OutPage]:
        if self.render is not None:
            return self.render(ctx) if year is None else self.render(ctx, year)
        assert year is not None and self.folder and self.template and self.page and self.title
        return [
            ctx.page(self.template, self.page.format(year=year.year, slug=slug), self.title(doc), doc=doc, year=year)
            for slug, doc in year.folders.get(self.folder, {}).items()
        ]

    def year_part(self, ctx: RenderContext, year: FiscalYear) -> Section:
        """The kind's part of a fiscal year: its pages, grouped under its `nav` label if it has one."""
        if self.year_section is not None:
            return self.year_section(ctx, year)
        made = self.pages(ctx, year)
        if not (self.nav and made):
            return Section(made)
        return Section(made, NavEntry(ctx.label("nav", self.nav), children=[NavEntry(p.title, p.path) for p in made]))


# Files that are settings rather than documents, declared here with the others.
SITE = DocumentKind("site", SiteSettings, ("site.yml",), order=0)
OIT = DocumentKind("oit", OitBindings, ("oit.yml",), order=90)
# An office's own OIT list of one ITA year (oit/local.py reads it; its schema is for editors).
OIT_CATALOG = DocumentKind("oit_catalog", Corrections, ("oit/*.yml",), order=91)


@cache
def document_kinds() -> tuple[DocumentKind, ...]:
    """Every declared kind, in order: the KIND of each module of generator/kinds, site.yml, oit.yml
    and oit/<year>.yml."""
    package = importlib.import_module(__package__ or "generator.kinds")
    found = [SITE, OIT, OIT_CATALOG]
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        kind = getattr(module, "KIND", None)
        if isinstance(kind, DocumentKind):
            found.append(kind)
    return tuple(sorted(found, key=lambda k: (k.order, k.name)))


def declared_files(content: Path) -> list[tuple[DocumentKind, Path]]:
    """Every file of `content` that a declared kind says is one of its own, by kind."""
    return [(k, path) for k in document_kinds() for pattern in k.files for path in sorted(content.glob(pattern))]


def year_file_models() -> dict[str, type[BaseModel]]:
    """years/<BE>/<stem>.yml: the model of each stem."""
    return {stem: k.model for k in document_kinds() if k.model for stem in k.year_files}


def year_folder_kinds() -> dict[str, DocumentKind]:
    """years/<BE>/<folder>/: the kind of each folder."""
    return {k.folder: k for k in document_kinds() if k.folder}


def markdown_folders() -> list[tuple[DocumentKind, str]]:
    """Site-wide kinds of one Markdown file (front matter, then body) per document: <folder>/*.md."""
    return [(k, PurePosixPath(k.files[0]).parts[0]) for k in document_kinds()
            if not k.yearly and PurePosixPath(k.files[0]).match("*/*.md")]


def answering(site: Site) -> dict[str, Answer]:
    """{kind name: what answers the OIT items naming it} for this site's content."""
    found = {k.name: k.answers(site) for k in document_kinds() if k.answers is not None}
    return {name: answer for name, answer in found.items() if answer is not None}


def root_names() -> list[str]:
    """What may sit at the top of the content folder (files and folders)."""
    names = {PurePosixPath(f).parts[0] for k in document_kinds() for f in k.files}
    # assets/ holds files the documents rely on
    return sorted(names | {"assets"}, key=lambda n: ("." not in n, n))
