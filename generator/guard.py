"""What the build may read: only real files inside the content folder, none too large.

A content folder is often a checkout on a shared CI runner; a symbolic link in it
(`assets/logo.png -> /etc/passwd`, `pages -> ~/.ssh`) would publish the runner's
files. Every link is checked before any file is read, and one that leaves the
folder, is broken or loops stops the build naming the link, never its target's text.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ContentError, error

MAX_ENTRIES = 200_000  # files and folders: a content tree is hundreds; more is a mistake (a copied disk)


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def outside_links(root: Path, shown: str | None = None) -> list[ContentError]:
    """An error for every symbolic link under `root` that resolves outside it (or nowhere);
    `shown`: the folder's name in messages (as given to --content).

    Links are not followed while walking: a link to a folder inside is checked by its target,
    whose own entries are walked where the folder really is."""
    real_root = os.path.realpath(root)
    shown = shown or root.name
    errors: list[ContentError] = []
    stack = [os.fspath(root)]
    seen = 0
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # unreadable folder: the loader names it when it gets there
        seen += len(entries)
        if seen > MAX_ENTRIES:
            return [error(root, None, "", "too_many_files", limit=MAX_ENTRIES, root=shown)]
        for entry in entries:
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if not _inside(target, real_root) or not os.path.exists(target):
                    errors.append(error(entry.path, None, "", "symlink_outside", root=shown))
            elif entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
    return sorted(errors, key=lambda e: str(e.path))


def content_root(content_dir: Path) -> Path | ContentError:
    """The content folder as an absolute path, or the error saying why it cannot be one
    (missing, not a folder, a link loop)."""
    try:
        resolved = content_dir.resolve()
        if resolved.is_dir():
            return resolved
    except (OSError, RuntimeError):  # a symlink loop: RuntimeError up to 3.12, OSError after
        pass
    return error(content_dir, None, "", "content_folder_missing", folder=str(content_dir))


MAX_DATASET_BYTES = 20 * 1024 * 1024  # a dataset file as staff save it (CSV, .xlsx)
MAX_ASSET_BYTES = 50 * 1024 * 1024  # a photo, logo or PDF copied into the site
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all members of an .xlsx/.docx together, unpacked
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Office formats (.doc, .xls)


def archive_problem(path: Path) -> tuple[str, dict[str, object]] | None:
    """(message key, its values) when `path` cannot be an Office file to read safely: empty,
    an old .doc/.xls renamed, damaged or cut short, or a zip bomb (members that unpack to far
    more than any real document; a 148 KB file must not become gigabytes). None: go ahead."""
    import zipfile

    params: dict[str, object] = {"name": path.name, "suffix": path.suffix.lower()}
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
        if not head:
            return "archive_empty", params
        if head == _OLE:
            return "archive_old_format", params
        with zipfile.ZipFile(path) as archive:
            # ZipExtFile never returns more than a member's declared size, so the sizes
            # in the directory bound what reading can unpack.
            unpacked = sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return "archive_damaged", params
    if unpacked > MAX_UNPACKED_BYTES:
        return "archive_too_large", params | {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)}
    return None
