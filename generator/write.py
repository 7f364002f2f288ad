"""Write: the only step that touches the disk.

Markdown goes to the build folder (a file is rewritten only when its bytes
change, so live reload sees real edits only); MkDocs builds into a fresh
folder beside the site, which then replaces the site in one rename. A failed
build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
import posixpath
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .catalog import read_program_yaml
from .errors import ContentErrors, error
from .filelock import try_lock
from .render import Rendered
from .reproducible import source_date_epoch
from .resources import PROGRAM_DIR
from .safetext import theme_label

HOOKS = Path(__file__).with_name("mkdocs_hooks.py")
REPO = PROGRAM_DIR  # the checkout, or the installed copy of mkdocs.yml and theme_overrides/


def write_if_changed(path: Path | str, data: bytes, exists: bool = True) -> bool:
    """Write `data` unless the file already holds exactly it. A file that is there is replaced
    in one rename, so a reader (live reload) never sees half of it.

    `exists=False`: the caller knows there is no such file yet and that its folder exists; it
    is written in place (half a file that nobody has read yet is rewritten by the next build,
    which finds its bytes differ) instead of through a temporary file, half the disk work."""
    if not exists:
        with contextlib.suppress(FileExistsError):
            _create(os.fspath(path), data)
            return True
    if _holds(os.fspath(path), data):
        return False
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
    return True


def _holds(path: str, data: bytes) -> bool:
    """Whether the regular file at `path` holds exactly `data` (one open, no buffered reader)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        held = bytearray()
        while len(held) <= len(data) and (chunk := os.read(fd, len(data) + 1 - len(held))):
            held += chunk
        return held == data
    finally:
        os.close(fd)


def _create(path: str, data: bytes) -> None:
    """A new file holding `data`. os.open rather than open(): a build creates a file per page
    and download, and the buffered file object asks the OS three more questions for each."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:  # a write may take only part of the bytes
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _tree(root: Path) -> tuple[set[str], list[str]]:
    """Files (relative, with /) and folders (deepest first) under `root`; empty if there is none.
    os.walk reads each folder once and stats nothing, unlike rglob with is_file."""
    files: set[str] = set()
    folders: list[str] = []
    for folder, _, names in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if rel == "." else f"{rel}/"
        folders.append(prefix)
        files.update(prefix + name for name in names)
    return files, sorted(folders, key=len, reverse=True)


def sync_tree(root: Path, files: dict[str, bytes]) -> int:
    """Make `root` hold exactly `files`; return how many files changed."""
    present, folders = _tree(root)
    for folder in sorted({posixpath.dirname(rel) for rel in files if rel not in present}):
        (root / folder).mkdir(parents=True, exist_ok=True)
    # Paths as text: a Path object per file costs more than creating the file on a fast disk.
    base = os.fspath(root)
    changed = sum(write_if_changed(f"{base}/{rel}", data, rel in present) for rel, data in files.items())
    for rel in sorted(present - files.keys()):
        (root / rel).unlink()
        changed += 1
    for folder in folders:  # deepest first, so a folder emptied of folders goes too
        with contextlib.suppress(OSError):  # not empty: it still holds wanted files
            if folder:
                (root / folder).rmdir()
    return changed


def docs_files(rendered: Rendered) -> dict[str, bytes]:
    files = {p.path: p.content.encode("utf-8") for p in rendered.pages}
    for rel, source in rendered.assets.items():
        files[rel] = source.read_bytes()
    files.update(rendered.downloads)
    return files


def mkdocs_config(
    rendered: Rendered, site: Any, build_dir: Path, site_dir: Path, base: Path = REPO / "mkdocs.yml"
) -> dict[str, Any]:
    """The project's mkdocs.yml with this organization's name, address, nav and absolute paths."""
    config: dict[str, Any] = read_program_yaml(base)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((base.parent / theme["custom_dir"]).resolve())
    org = site.organization
    if org.logo:
        theme["logo"] = f"assets/{org.logo}"
        theme["favicon"] = f"assets/{org.logo}"
    palette = theme.get("palette")
    if isinstance(palette, list):
        theme["palette"] = [dict(p, primary=site.settings.color) for p in palette]
    config.update(
        site_name=theme_label(org.name),
        site_description=theme_label(f"{org.name} {org.district} {org.province}", 300),
        docs_dir=str((build_dir / "docs").resolve()),
        site_dir=str(site_dir.resolve()),
        nav=[entry.as_mkdocs() for entry in rendered.nav],
        theme=theme,
        hooks=[str(HOOKS)],
    )
    if site.settings.site_url:
        config["site_url"] = site.settings.site_url
    extra = dict(config.get("extra") or {})
    extra["prongsai"] = {"digits": site.settings.digits}
    if site.settings.footer_note:
        extra["prongsai"]["footer_note"] = site.settings.footer_note
    config["extra"] = extra
    return config


def write_docs(rendered: Rendered, site: Any, build_dir: Path, site_dir: Path) -> Path:
    """Write the Markdown tree and the generated mkdocs.yml; return the config path."""
    sync_tree(build_dir / "docs", docs_files(rendered))
    config = mkdocs_config(rendered, site, build_dir, site_dir)
    config_path = build_dir / "mkdocs.yml"
    # Written as JSON, which is YAML too (MkDocs and any YAML reader take it): PyYAML's dumper
    # asks its Python representer and resolver about every value, four times the work.
    text = json.dumps(config, ensure_ascii=False, indent=2) + "\n"
    write_if_changed(config_path, text.encode("utf-8"))
    return config_path


class BuildFailed(Exception):
    pass


@contextlib.contextmanager
def site_lock(site_dir: Path, lock: Path | None = None) -> Iterator[None]:
    """One build of a site at a time: a second one says another is running (ContentErrors)
    instead of both swapping folders. Held, it also clears staging folders a killed build left.

    `lock`: the lock file, by default `.<site>.lock` beside the site (build-all keeps its
    locks with its Markdown trees, out of the folder it publishes)."""
    try:
        site_dir = site_dir.resolve()
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        lock = lock or site_dir.parent / f".{site_dir.name}.lock"
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except (OSError, RuntimeError) as exc:
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        refused = error(site_dir, None, "", "site_not_writable", folder=site_dir, problem=problem)
        raise ContentErrors([refused]) from None
    try:
        if not try_lock(fd):
            raise ContentErrors([error(site_dir, None, "", "build_running", folder=site_dir)])
        for kind in ("new", "old"):  # what build_site and swap_in name their folders
            for stale in site_dir.parent.glob(f".{glob.escape(site_dir.name)}.{kind}-*"):
                shutil.rmtree(stale, ignore_errors=True)
        yield
    finally:
        os.close(fd)  # releases the lock


def build_site(config_path: Path, site_dir: Path, epoch: int | None = None) -> None:
    """Run MkDocs into a staging folder, then swap it in for `site_dir`.

    `epoch` (seconds) is the build date MkDocs writes, so equal content gives equal bytes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=site_dir.parent, prefix=f".{site_dir.name}.new-"))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(str(config_path), site_dir=str(staging))
        with source_date_epoch(epoch):
            build(config)
    except (MkDocsException, OSError, ValueError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    keep_unchanged_times(site_dir, staging)
    swap_in(staging, site_dir)


def keep_unchanged_times(old_root: Path, new_root: Path) -> int:
    """Give each new file whose bytes equal the old one the old file's times.

    MkDocs rewrites every page; copying the times back means live reload,
    rsync and CDN uploads see only files that really changed.
    """
    if not old_root.is_dir():
        return 0
    kept = 0
    for new in new_root.rglob("*"):
        if not new.is_file():
            continue
        old = old_root / new.relative_to(new_root)
        try:
            old_stat = old.stat()
        except OSError:
            continue
        if old_stat.st_size != new.stat().st_size or old.read_bytes() != new.read_bytes():
            continue
        os.utime(new, ns=(old_stat.st_atime_ns, old_stat.st_mtime_ns))
        kept += 1
    return kept


def swap_in(staging: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(dir=site_dir.parent, prefix=f".{site_dir.name}.old-"))
        old.rmdir()
        os.rename(site_dir, old)
    try:
        os.rename(staging, site_dir)
    except OSError:
        if old is not None:
            os.rename(old, site_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
