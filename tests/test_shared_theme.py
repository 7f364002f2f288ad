"""build-all --share-theme: one copy of the theme's files for all organizations of a portal."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from generator.__main__ import main

SMALL = Path(__file__).parent / "fixtures" / "small_org"
_LINK = re.compile(r'(?:href|src)="([^"]+)"')


def _orgs(tmp_path: Path, slugs: tuple[str, ...]) -> Path:
    orgs = tmp_path / "orgs"
    for slug in slugs:
        shutil.copytree(SMALL, orgs / slug)
    return orgs


def _local_targets(page: Path) -> list[Path]:
    """Files a page's links and scripts point at on this server (anchors and other sites left out)."""
    targets = []
    for link in _LINK.findall(page.read_text(encoding="utf-8")):
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or not parts.path or link.startswith("#"):
            continue
        if parts.path.startswith("/"):  # only MkDocs' 404 page, which is served at any depth
            assert page.name == "404.html", (page, link)
            continue
        target = (page.parent / parts.path).resolve()
        targets.append(target / "index.html" if parts.path.endswith("/") else target)
    return targets


def test_organizations_share_one_copy_and_every_link_still_resolves(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build-all", "--orgs", str(_orgs(tmp_path, ("tambon-a", "tambon-b"))), "--out", str(out),
                 "--jobs", "1", "--org-memory-mb", "0", "--share-theme"]) == 0
    versions = list((out / "_theme").iterdir())
    assert len(versions) == 1  # both sites were built with the same theme files
    shared = versions[0]
    assert list((shared / "assets" / "stylesheets").glob("main.*.css"))
    assert (shared / "assets" / "fonts" / "sarabun-thai-400-normal.woff2").is_file()
    for slug in ("tambon-a", "tambon-b"):
        site = out / slug
        assert not (site / "assets" / "stylesheets").exists() and not (site / "assets" / "fonts").exists()
        # the search worker stays: it finds this site's own index beside it
        assert (site / "assets" / "javascripts" / "workers" / "prongsai-search.js").is_file()
        pages = list(site.rglob("*.html"))
        assert len(pages) > 5
        for page in pages:
            missing = [t for t in _local_targets(page) if not t.exists()]
            assert not missing, (page, missing[:3])
        home = (site / "index.html").read_text(encoding="utf-8")
        assert f'href="../_theme/{shared.name}/assets/stylesheets/' in home
        assert '"search": "assets/javascripts/workers/prongsai-search.js"' in home


def test_without_the_option_each_site_keeps_its_own_theme(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build-all", "--orgs", str(_orgs(tmp_path, ("tambon-a",))), "--out", str(out),
                 "--jobs", "1", "--org-memory-mb", "0"]) == 0
    assert not (out / "_theme").exists()
    assert list((out / "tambon-a" / "assets" / "stylesheets").glob("main.*.css"))
