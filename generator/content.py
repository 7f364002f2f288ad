"""Load and validate: the content folder becomes a typed Site, or a list of
errors that each name a file, a line and a field."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import ContentError, ContentErrors, error
from .fields import SLUG
from .guard import MAX_ASSET_BYTES, content_root, outside_links
from .kinds.announcement import Announcement
from .kinds.ita_analysis import ItaAnalysis
from .kinds.memo import Memo
from .kinds.organization import Organization
from .kinds.pages import Page, PageMeta, split_front_matter, too_complex
from .kinds.registry import DocumentKind, markdown_folders, root_names, year_file_models, year_folder_kinds
from .oit.bindings import load_bindings
from .oit.local import load_local_catalogs
from .reproducible import content_date
from .site import SiteSettings
from .validation import check_duplicate_ids, errors_from_validation
from .yamlio import Located, YamlError, parse_yaml, read_text, read_yaml

YAML_SUFFIXES = (".yml", ".yaml")


@dataclass
class FiscalYear:
    year: int
    documents: dict[str, Any] = field(default_factory=dict)  # years/<BE>/<stem>.yml, by stem
    folders: dict[str, dict[str, Any]] = field(default_factory=dict)  # years/<BE>/<folder>/<slug>.yml

    @property
    def datasets(self) -> dict[str, Any]:  # open datasets, years/<BE>/data/ (kinds/open_data.py)
        return self.folders.get("data", {})

    @property
    def announcements(self) -> dict[str, Announcement]:
        return self.folders.get("announcements", {})

    @property
    def memos(self) -> dict[str, Memo]:
        return self.folders.get("memos", {})

    @property
    def ita_analysis(self) -> ItaAnalysis | None:
        return self.documents.get("ita_analysis")


@dataclass
class Site:
    content_dir: Path
    settings: SiteSettings
    organization: Organization
    years: dict[int, FiscalYear]
    pages: list[Page[PageMeta]]
    assets: list[Path]
    files: int
    oit: Any = None  # oit.bindings.LoadedBindings from content/oit.yml, if present
    settings_lines: Located | None = None  # site.yml as read, for the line of a setting in a message

    def setting_line(self, key: str) -> int | None:
        return self.settings_lines.line_of((key,)) if self.settings_lines else None
    oit_catalogs: dict[int, Any] = field(default_factory=dict)  # oit.catalog.Chosen from content/oit/<year>.yml
    # Site-wide Markdown documents (<folder>/<slug>.md) by kind name: pages, news posts...
    documents: dict[str, list[Page[BaseModel]]] = field(default_factory=dict)

    @property
    def current_year(self) -> int | None:
        if self.settings.current_year:
            return self.settings.current_year
        return max(self.years) if self.years else None


class _Loader:
    """Collects every error of every file before giving up."""

    def __init__(self, content_dir: Path, label: str | None = None) -> None:
        self.root = content_dir
        self.label = label or content_dir.name  # the folder as given to --content, for messages
        self.errors: list[ContentError] = []
        self.files = 0
        self.read: dict[str, Located] = {}  # top-level files as read, by name

    def located(self, path: Path) -> Located | None:
        """A content YAML file as read (counted), or None with its error collected."""
        self.files += 1
        try:
            return read_yaml(path)
        except YamlError as exc:
            self.errors.append(exc.content_error)
            return None

    def model(self, path: Path, model: type[BaseModel]) -> Any:
        located = self.located(path)
        if located is None:
            return None
        if path.parent == self.root:
            self.read[path.name] = located
        return self.validate(located, model)

    def validate(self, located: Located, model: type[BaseModel]) -> Any:
        if not isinstance(located.data, dict):
            self.errors.append(error(located.path, located.line_of(()), "", "not_a_mapping"))
            return None
        duplicates = check_duplicate_ids(located)
        try:
            value = model.model_validate(located.data, context={"content_dir": self.root, "content_label": self.label})
        except ValidationError as exc:
            self.errors.extend(errors_from_validation(exc, located, model))
            return None
        if duplicates:
            self.errors.extend(duplicates)
            return None
        return value

    def required(self, name: str, model: type[BaseModel]) -> Any:
        path = self.root / name
        if not path.is_file():
            self.errors.append(error(path, None, "", "missing_required_file", name=name))
            return None
        return self.model(path, model)

    def unknown(self, path: Path, allowed: str, folders: str = "") -> None:
        key = "unknown_file" if folders else "unknown_file_in"
        self.errors.append(error(path, None, "", key, allowed=allowed, folders=folders))

    def years(self) -> dict[int, FiscalYear]:
        years: dict[int, FiscalYear] = {}
        folder = self.root / "years"
        if not folder.is_dir():
            return years
        year_files, year_folders = year_file_models(), year_folder_kinds()
        allowed = ", ".join(f"{name}.yml" for name in year_files)
        folders = ", ".join(f"{name}/" for name in year_folders)
        for year_dir in _visible(folder):
            if not (year_dir.is_dir() and year_dir.name.isdigit() and 2400 <= int(year_dir.name) <= 2800):
                self.errors.append(error(year_dir, None, "", "bad_year_folder", name=year_dir.name))
                continue
            fiscal = FiscalYear(int(year_dir.name))
            for path in _visible(year_dir):
                if path.is_dir() and path.name in year_folders:
                    self.year_folder(path, year_folders[path.name], fiscal)
                elif path.is_file() and path.suffix in YAML_SUFFIXES and path.stem in year_files:
                    if path.stem in fiscal.documents:
                        self.unknown(path, allowed, folders)
                        continue
                    value = self.model(path, year_files[path.stem])
                    if value is not None:
                        fiscal.documents[path.stem] = value
                else:
                    self.unknown(path, allowed, folders)
            years[fiscal.year] = fiscal
        return dict(sorted(years.items(), reverse=True))

    def year_folder(self, folder: Path, kind: DocumentKind, fiscal: FiscalYear) -> None:
        """A yearly kind's folder: files the kind reads itself (tables), or one model each."""
        if kind.load is not None:
            found, problems = kind.load(folder, fiscal.year, self.root)
            fiscal.folders[folder.name] = found
            self.errors.extend(problems)
            self.files += len(found) + len(problems)
        else:
            assert kind.model is not None, kind.name  # a kind declares a model or a loader
            self.folder_documents(folder, kind.model, fiscal.folders.setdefault(folder.name, {}))

    def folder_documents(self, folder: Path, model: type[BaseModel], target: dict[str, Any]) -> None:
        for path in _visible(folder):
            if not (path.is_file() and path.suffix in YAML_SUFFIXES):
                self.unknown(path, f"{folder.name}/*.yml")
                continue
            if not SLUG.match(path.stem) or path.stem in target:
                self.errors.append(error(path, None, "", "bad_slug", name=path.name))
                continue
            value = self.model(path, model)
            if value is not None:
                target[path.stem] = value

    def markdown_documents(self) -> dict[str, list[Page[BaseModel]]]:
        """Every site-wide Markdown kind's files, by kind name, in file name order."""
        return {kind.name: self.markdown_folder(self.root / folder, kind.model) for kind, folder in markdown_folders()}

    def markdown_folder(self, folder: Path, model: type[BaseModel]) -> list[Page[BaseModel]]:
        pages: list[Page[BaseModel]] = []
        if not folder.is_dir():
            return pages
        for path in _visible(folder):
            if not (path.is_file() and path.suffix == ".md"):
                self.unknown(path, f"{folder.name}/*.md")
                continue
            if not SLUG.match(path.stem):
                self.errors.append(error(path, None, "", "bad_slug", name=path.name))
                continue
            self.files += 1
            try:
                text = read_text(path)
            except YamlError as exc:
                self.errors.append(exc.content_error)
                continue
            front, body, body_line = split_front_matter(text)
            if front is None:
                self.errors.append(error(path, 1, "title", "missing", field="title"))
                continue
            if (complex_at := too_complex(body, body_line)) is not None:
                line, key, limit = complex_at
                self.errors.append(error(path, line, "", key, limit=limit))
                continue
            try:
                located = parse_yaml("\n" + front, path)  # keeps line numbers true to the file
            except YamlError as exc:
                self.errors.append(exc.content_error)
                continue
            meta = self.validate(located, model)
            if meta is not None:
                pages.append(Page(path.stem, meta, body))
        return pages

    def assets(self) -> list[Path]:
        folder = self.root / "assets"
        if not folder.is_dir():
            return []
        # os.walk, as rglob("*") walks (symlinked folders not entered), without the pattern
        # machinery rglob sets up on every call
        found = []
        for parent, _, names in os.walk(folder):
            rel = Path(parent).relative_to(folder)
            found += [rel / n for n in names if not n.startswith(".") and os.path.isfile(os.path.join(parent, n))]
        for rel in found:
            if (size := (folder / rel).stat().st_size) > MAX_ASSET_BYTES:
                self.errors.append(error(folder / rel, None, "", "asset_too_large", size=size, limit=MAX_ASSET_BYTES))
        return sorted(found)

    def root_files(self) -> None:
        known = root_names()
        listed = [n for n in known if "." in n]
        for path in _visible(self.root):
            if path.name not in known:
                self.unknown(path, ", ".join(listed), ", ".join(f"{n}/" for n in known if n not in listed))


def _visible(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def load_site(content_dir: Path) -> Site:
    """Read and validate the whole content folder. Raises ContentErrors."""
    root = content_root(content_dir)
    if isinstance(root, ContentError):
        raise ContentErrors([root])
    label = content_dir.name if content_dir.name not in ("", ".", "..") else root.name
    content_dir = root
    if links := outside_links(content_dir, label):  # before any file is read
        raise ContentErrors(links)
    loader = _Loader(content_dir, label)
    loader.root_files()
    settings = loader.required("site.yml", SiteSettings) if (content_dir / "site.yml").exists() else SiteSettings()
    organization = loader.required("organization.yml", Organization)
    years = loader.years()
    documents = loader.markdown_documents()
    pages = sorted(documents.get("page", []), key=lambda p: (p.meta.order, p.slug))  # type: ignore[attr-defined]
    assets = loader.assets()
    oit = load_bindings(loader, content_dir / "oit.yml")
    oit_catalogs = load_local_catalogs(loader, content_dir / "oit")
    if loader.errors:
        raise ContentErrors(loader.errors)
    site = Site(content_dir, settings, organization, years, pages, assets, loader.files, oit,
                settings_lines=loader.read.get("site.yml"), oit_catalogs=oit_catalogs, documents=documents)
    _date_undated_datasets(site)
    return site


def _date_undated_datasets(site: Site) -> None:
    """A dataset without a date of its own was last updated with the content as a whole."""
    undated = [ds for year in site.years.values() for ds in year.datasets.values() if ds.updated is None]
    if undated:
        newest = content_date(site)
        for ds in undated:
            ds.updated = newest
