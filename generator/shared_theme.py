"""One copy of the theme's files for every organization of a portal (`build-all --share-theme`).

Every organization's site carries the same stylesheets, scripts and fonts (about half a
megabyte). On a portal they are served from one folder, `<out>/_theme/<version>/`, so a
citizen who visits a second office's site has them cached already and a thousand sites
keep one copy. The version is a hash of the files themselves: sites built by another
release of Prongsai (or with other theme files) get their own folder, and no site ever
loads a stylesheet that is not the one it was built with.

The search worker stays in each site: it finds its site's search index relative to its
own address. Pages are rewritten only where a link or script names a shared file, by
its path; the text of the pages is not touched.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from .write import write_if_changed

SHARED = "_theme"
SHARED_DIRS = ("assets/stylesheets", "assets/javascripts", "assets/fonts")
KEEP = ("assets/javascripts/workers/",)  # see the module's docstring

# A theme file named in an attribute, as MkDocs writes it: relative, with one "../" per level.
_REFERENCE = re.compile(r'(?P<attr>(?:href|src)=")(?P<up>(?:\.\./)*)(?P<path>assets/[^"?#]+)')


def _theme_files(site: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for folder in SHARED_DIRS:
        for path in sorted((site / folder).rglob("*")):
            rel = path.relative_to(site).as_posix()
            if path.is_file() and not path.is_symlink() and not rel.startswith(KEEP):
                found[rel] = path.read_bytes()
    return found


def share_theme(site: Path, out: Path) -> int:
    """Serve `site`'s theme files (the site is `out/<slug>/`) from `out/_theme/<version>/`; return how many."""
    files = _theme_files(site)
    if not files:
        return 0
    digest = hashlib.sha256()
    for rel, data in files.items():
        digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    folder = f"{SHARED}/{digest.hexdigest()[:16]}"
    for rel, data in files.items():
        write_if_changed(out / folder / rel, data)

    def shared(match: re.Match[str]) -> str:
        if match.group("path") not in files:
            return match.group(0)
        return f"{match.group('attr')}{match.group('up')}../{folder}/{match.group('path')}"

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        changed = _REFERENCE.sub(shared, text)
        if changed != text:
            write_if_changed(page, changed.encode("utf-8"))
    for rel in files:
        os.remove(site / rel)
    for folder in SHARED_DIRS:  # folders left empty go too (the search worker's stays)
        for path in [*sorted((site / folder).rglob("*"), reverse=True), site / folder]:
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return len(files)
