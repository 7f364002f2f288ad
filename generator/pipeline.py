"""The whole build, top-down: load → validate → model → render → write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import Site, load_site
from .errors import ContentErrors, error
from .icu_lines import icu_version
from .oit import page as oit_page
from .render import RenderContext, Rendered, render_documents
from .reproducible import content_epoch
from .wordbreak import keep_segmented
from .write import BuildFailed, build_site, site_lock, write_docs


def default_build_dir(site_dir: Path) -> Path:
    """The Markdown tree lives beside the site, so parallel builds never share it."""
    site_dir = site_dir.resolve()
    return site_dir.parent / f".{site_dir.name}.build"


@dataclass
class Generated:
    """What the generator made for one site: the model, its pages and the MkDocs config."""

    site: Site
    rendered: Rendered
    config_path: Path


def render_site(site: Site) -> Rendered:
    """Render, then the OIT step: every page, download and navigation entry of the site."""
    ctx = RenderContext(site)
    rendered = render_documents(site, ctx)
    oit_page.annotate(ctx, rendered)
    return rendered


def generate(content_dir: Path, build_dir: Path, site_dir: Path) -> Generated:
    """The generator's own work: load and validate the content, render it, write the Markdown
    tree and mkdocs.yml into `build_dir`. Raises ContentErrors; `site_dir` is not touched."""
    site = load_site(content_dir)
    rendered = render_site(site)
    return Generated(site, rendered, write_docs(rendered, site, build_dir, site_dir))


def publish(generated: Generated, site_dir: Path) -> None:
    """MkDocs builds the written tree and the result replaces `site_dir` (dated by the content)."""
    try:
        build_site(generated.config_path, site_dir, content_epoch(generated.site))
    except BuildFailed as exc:
        raise ContentErrors([error(generated.config_path, None, "", "build_failed", problem=str(exc))]) from None
    keep_segmented()  # the Thai runs the built pages' line breaks were decided for
    if icu_version() is None:
        import sys

        from .catalog import message

        note = message("no_icu")
        print(f"{note['th']}\n{note['en']}", file=sys.stderr)


def build(content_dir: Path, site_dir: Path, build_dir: Path | None = None) -> int:
    """Build `content_dir` into `site_dir`; return the page count. Raises ContentErrors."""
    with site_lock(site_dir):
        generated = generate(content_dir, build_dir or default_build_dir(site_dir), site_dir)
        show_dataset_notes(generated.site)
        publish(generated, site_dir)
    from .oit.report import show_catalogs

    show_catalogs(generated.site)
    return len(generated.rendered.pages)


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
