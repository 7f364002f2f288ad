"""The theme's folders as MkDocs lists them, without Material's 14,348 icons.

At the start of every build, before any event, MkDocs lists every file of the theme's
folders to find the static files to copy. Material's folder holds its icons in a dot
folder (.icons/), which MkDocs never copies (it leaves out dot names after listing),
yet listing and sorting them out took 60-100 ms of each build: of `make site`, of
each preview update and of each organization of `build-all`.

So a theme folder that has a dot folder is replaced in MkDocs' public `theme.dirs`
(before the build asks the theme for its template environment) by a mirror of it: the
same folders, each file a symbolic link to the theme's own, and each dot folder one
link to the theme's. Jinja finds every template and icon through the links, and its
listing does not follow a linked folder, so it never reads the icons. The site is the
same, byte for byte.

A mirror is made once, in the generator's cache folder, for the folder's place and
list of files (an upgraded theme gets a new one); each build checks that it is whole
(a cleaner of temp folders may have deleted part of it) and mends it if not. Where
links cannot be made, or a mirror holds what its theme does not, the theme's own folder
is used: that only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil

from . import program_cache

# Bump when what a mirror holds changes.
_VERSION = "1"


def _dots(folder: str) -> list[str]:
    """The folder's dot folders, at its top."""
    return sorted(entry.name for entry in os.scandir(folder) if entry.name.startswith(".") and entry.is_dir())


def _listing(folder: str, dots: list[str]) -> tuple[list[str], list[str]]:
    """The folder's sub-folders and files (relative, '/'-separated), its dot folders left out."""
    dirs: list[str] = []
    files: list[str] = []
    for root, subdirs, names in os.walk(folder):
        rel = os.path.relpath(root, folder).replace(os.sep, "/")
        prefix = "" if rel == "." else f"{rel}/"
        if not prefix:
            subdirs[:] = [d for d in subdirs if d not in dots]
        dirs += [prefix + d for d in subdirs]
        files += [prefix + n for n in names]
    return sorted(dirs), sorted(files)


def _whole(mirror: str, dirs: list[str], files: list[str], dots: list[str]) -> bool:
    if not all(os.path.islink(os.path.join(mirror, d)) and os.path.isdir(os.path.join(mirror, d)) for d in dots):
        return False
    return _listing(mirror, dots) == (dirs, files)


def _fill(folder: str, mirror: str, dirs: list[str], files: list[str], dots: list[str]) -> None:
    """Add what the mirror lacks. Nothing is ever removed or replaced, so a build that is
    using the mirror meanwhile (another organization's) always finds what it found before."""
    os.makedirs(mirror, 0o700, exist_ok=True)
    for d in dirs:
        os.makedirs(os.path.join(mirror, d), exist_ok=True)
    for name, is_dir in [*((f, False) for f in files), *((d, True) for d in dots)]:
        with contextlib.suppress(FileExistsError):  # made already, or by another process just now
            os.symlink(os.path.join(folder, name), os.path.join(mirror, name), target_is_directory=is_dir)


def _make(folder: str, mirror: str, dirs: list[str], files: list[str], dots: list[str]) -> None:
    """A new mirror is made beside its place and moved there whole; a damaged one is mended."""
    if os.path.isdir(mirror):
        _fill(folder, mirror, dirs, files, dots)
        return
    tmp = f"{mirror}.{os.getpid()}.tmp"
    try:
        _fill(folder, tmp, dirs, files, dots)
        with contextlib.suppress(OSError):  # another process moved its own there first
            os.rename(tmp, mirror)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def mirrored(folder: str) -> str:
    """The folder to give MkDocs for theme folder `folder`: its mirror, or itself when it has
    no dot folder or no mirror can be made."""
    try:
        source = os.path.realpath(folder)
        dots = _dots(source)
        disk = program_cache.template_cache()
        if not dots or disk is None:  # the custom_dir and MkDocs' own templates: as they are, unwalked
            return folder
        dirs, files = _listing(source, dots)
        key = hashlib.sha256("\n".join([_VERSION, source, *dots, *dirs, *files]).encode()).hexdigest()[:16]
        mirror = os.path.join(disk.directory, f"prongsai-theme-{key}")
        if _whole(mirror, dirs, files, dots):
            return mirror
        _make(source, mirror, dirs, files, dots)
        return mirror if _whole(mirror, dirs, files, dots) else folder
    except OSError:
        return folder


def mirror_theme(dirs: list[str]) -> list[str]:
    """MkDocs' theme folders, each with a dot folder replaced by its mirror."""
    return [mirrored(folder) for folder in dirs]
