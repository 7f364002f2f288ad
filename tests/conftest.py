"""Shared fixtures: the example sites are built once per test session."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from generator import program_cache
from generator.htmltext import rendered_text, without_breaks
from generator.pipeline import build

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "content"
SMALL = REPO / "tests" / "fixtures" / "small_org"
# The real documents beside the repository; a clone elsewhere names them with PRONGSAI_SEEDS.
SEEDS = Path(os.environ.get("PRONGSAI_SEEDS") or REPO.parent / "shared" / "seeds")

# Property tests judge behaviour, not speed (speed is for the benchmarks): no deadline and no
# too-slow health check, which a loaded CI machine trips; the same examples on every run.
settings.register_profile("prongsai", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
settings.load_profile("prongsai")


def page_text(markup: str) -> str:
    """What a reader sees on a page, whitespace collapsed."""
    return " ".join(rendered_text(markup).split())


def article_html(markup: str) -> str:
    """The page's main content, without navigation."""
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', markup, re.S)
    assert match, "page has no article"
    # The theme's print control sits above the document; it is not part of it.
    return re.sub(r'<div class="pr-toolbar">.*?</div>', "", match.group(1), count=1, flags=re.S)


def read_page(site: Path, url_path: str) -> str:
    """A built page's HTML without the line-break marks between Thai words (<wbr>, <pr-w>),
    so that text is found as it was written."""
    path = site / url_path.strip("/") / "index.html" if not url_path.endswith(".html") else site / url_path
    return without_breaks(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "site"
    build(EXAMPLE, out)
    return out


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("small") / "site"
    build(SMALL, out)
    return out


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the small organization, for tests that break it."""
    target = tmp_path / "content"
    shutil.copytree(SMALL, target)
    return target




@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with injection strings in every text field (tests/hostile_content.py), built once."""
    from hostile_content import make_hostile

    work = tmp_path_factory.mktemp("hostile")
    make_hostile(EXAMPLE, work / "content")
    build(work / "content", work / "site")
    return work / "site"


# The per-user cache of compiled templates, parsed YAML and the theme mirror, in a test's
# own folder.
@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setattr(program_cache, "template_cache", lambda: program_cache.TemplateCache(str(folder)))
    return folder
