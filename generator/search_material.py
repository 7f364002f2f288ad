"""Material for MkDocs' side of search and of what the built site ships.

Material's search plugin writes every page's text into search/search_index.json, which
its page script fetches on every first visit. Here that file is split into Prongsai's
index in pieces (generator/search_index.py) under search/prongsai/, and replaced by a
stub that only tells the worker where the pieces are. Material's own search engine
(lunr, its language files, its worker) and the source maps are left out: nothing uses
them. This is the only module that knows Material's file layout.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .catalog import labels
from .search_index import Section, build_index, plain

INDEX = Path("search") / "search_index.json"
PIECES = Path("search") / "prongsai"
UNUSED = ("assets/javascripts/lunr",)
UNUSED_GLOBS = ("assets/javascripts/workers/search.*.js", "**/*.map")


def _clean(html: object) -> str:
    # One space for any run of whitespace, as the worker shows it (and fewer bytes).
    return " ".join(plain(str(html or "")).split())


def split_search_index(site_dir: Path) -> int:
    """Replace Material's whole-site index by the pieces; return the number of sections indexed."""
    path = site_dir / INDEX
    if not path.is_file():
        return 0
    data = json.loads(path.read_bytes())
    docs = data["docs"]
    sections = [Section(str(d.get("location", "")), _clean(d.get("title")), _clean(d.get("text"))) for d in docs]
    index = build_index(sections)
    root = site_dir / PIECES
    for name, body in index.files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    # Material's page script passes on only `config` and `docs` to the worker.
    words = labels()["search"]
    meta = {**index.meta, "labels": {"searching": words["still_searching"], "more": words["more"],
                                     "shown_of": words["shown_of"]}}
    stub = {"config": {**data.get("config", {}), "prongsai": meta}, "docs": []}
    path.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(sections)


def drop_unused(site_dir: Path) -> None:
    """Leave out the theme's files that nothing on a Prongsai site loads."""
    for name in UNUSED:
        shutil.rmtree(site_dir / name, ignore_errors=True)
    for pattern in UNUSED_GLOBS:
        for path in site_dir.glob(pattern):
            path.unlink()


def finish_site(site_dir: Path) -> None:
    """What the built site needs after MkDocs and before it is published."""
    split_search_index(site_dir)
    drop_unused(site_dir)
