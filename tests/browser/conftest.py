"""Shared browser fixtures: Debian's Chromium driven by Playwright, and the
built example sites served over HTTP from this machine (never the internet)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.chromium import CHROMIUM_FLAGS, MISSING, find_chromium


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output readable
        pass


def serve_dir(root: Path) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 at a free port; yields the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def example_url(example_site: Path) -> Iterator[str]:
    yield from serve_dir(example_site)


@pytest.fixture(scope="session")
def small_url(small_site: Path) -> Iterator[str]:
    yield from serve_dir(small_site)


@pytest.fixture(scope="session")
def chromium():
    path = find_chromium()
    if path is None:
        pytest.fail(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    yield from serve_dir(hostile_site)
