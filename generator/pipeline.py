"""The whole build, top-down: load → validate → model → render → write."""

from __future__ import annotations

from pathlib import Path

from .content import load_site
from .errors import ContentErrors, error
from .render import render_site
from .reproducible import content_epoch
from .write import BuildFailed, build_site, write_docs


def default_build_dir(site_dir: Path) -> Path:
    """The Markdown tree lives beside the site, so parallel builds never share it."""
    site_dir = site_dir.resolve()
    return site_dir.parent / f".{site_dir.name}.build"


def build(content_dir: Path, site_dir: Path, build_dir: Path | None = None) -> int:
    """Build `content_dir` into `site_dir`; return the page count. Raises ContentErrors."""
    site = load_site(content_dir)
    show_dataset_notes(site)
    rendered = render_site(site)
    build_dir = build_dir or default_build_dir(site_dir)
    config_path = write_docs(rendered, site, build_dir, site_dir)
    try:
        build_site(config_path, site_dir, content_epoch(site))
    except BuildFailed as exc:
        raise ContentErrors([error(config_path, None, "", "build_failed", problem=str(exc))]) from None
    return len(rendered.pages)


def show_dataset_notes(site: object) -> None:
    """Data checks never stop a build; staff see each finding with file, row and column."""
    import sys

    from .catalog import message

    notes = [n for year in site.years.values() for ds in year.datasets.values() for n in ds.notes]  # type: ignore[attr-defined]
    if notes:
        head = message("dataset_warnings", count=len(notes))
        print(f"{head['th']}\n{head['en']}", file=sys.stderr)
        for note in notes:
            print(note.format(), file=sys.stderr)
