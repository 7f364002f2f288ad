"""Helpers for the browser suite: the pages a built site has, and what a real
Chromium sees on each (console errors, failed requests, links, images, tables).

Written over the built site generically (sitemap.xml plus 404.html), so every
page another branch adds is covered without touching these tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urlsplit

# Everything the checks need from one loaded page, read in a single round trip.
PAGE_FACTS_JS = """() => {
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return el.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0;
  };
  const links = [...document.querySelectorAll('a[href]')].map((a) => ({
    href: a.href, raw: a.getAttribute('href'), visible: visible(a),
    inTable: !!a.closest('article table'),
  }));
  const resources = [];
  for (const el of document.querySelectorAll('img[src], script[src], iframe[src], source[src], video[src], audio[src]'))
    resources.push(el.src);
  for (const el of document.querySelectorAll('link[href]'))
    if (!['canonical', 'alternate'].includes(el.rel)) resources.push(el.href);
  for (const el of document.querySelectorAll('[srcset]'))
    for (const part of el.srcset.split(','))
      if (part.trim()) resources.push(new URL(part.trim().split(/\\s+/)[0], document.baseURI).href);
  const images = [...document.querySelectorAll('img')].map((img) => ({
    src: img.src, alt: img.getAttribute('alt'),
    hidden: img.getAttribute('aria-hidden') === 'true' || img.getAttribute('role') === 'presentation',
  }));
  const tables = [...document.querySelectorAll('article table')].map((t) => ({
    caption: t.caption ? t.caption.textContent.trim() : '',
    headers: t.querySelectorAll('th').length,
    html: t.outerHTML.slice(0, 200),
  }));
  return {
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
    names: [...document.querySelectorAll('a[name]')].map((el) => el.name),
    links, resources, images, tables,
  };
}"""


@dataclass
class PageVisit:
    url: str
    status: int | None = None
    errors: list[str] = field(default_factory=list)  # console errors, page errors, failed requests
    facts: dict = field(default_factory=dict)
    violations: list[dict] = field(default_factory=list)  # axe-core findings (all impacts)


def site_pages(site: Path) -> list[str]:
    """Site-relative URL paths of every page: those in sitemap.xml, then 404.html."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    paths = [urlsplit(loc.strip()).path for loc in re.findall(r"<loc>(.*?)</loc>", sitemap, re.S)]
    # The sitemap names pages under site_url (maybe in a sub-folder); the local server serves the site at its root.
    home = min(paths, key=len) if paths else "/"
    base = home if home.endswith("/") else "/"
    out = [p[len(base) :] if p.startswith(base) else p.lstrip("/") for p in paths]
    if (site / "404.html").is_file():
        out.append("404.html")
    return list(dict.fromkeys(out))


def canonical_base(site: Path) -> str | None:
    """The site's own address (site_url) as the sitemap gives it, e.g. 'https://example.go.th/'."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = [loc.strip() for loc in re.findall(r"<loc>(.*?)</loc>", sitemap, re.S)]
    home = min(locs, key=len) if locs else ""
    return home if home.startswith(("http://", "https://")) and home.endswith("/") else None


def file_for(site: Path, url_path: str) -> Path:
    """The file in the built site that a site-relative URL path is served from."""
    rel = unquote(url_path).lstrip("/")
    path = site / rel
    if rel == "" or rel.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def local_path(url: str, base_url: str, canonical: str | None = None) -> str | None:
    """Site-relative path of an absolute URL on the local server (or, given the site's own
    address `canonical`, under it), or None if it is elsewhere."""
    if canonical and url.startswith(canonical):
        url = base_url + url[len(canonical) :]
    if not url.startswith(base_url):
        return None
    return urldefrag(url)[0][len(base_url) :].split("?")[0]


def visit(page, base_url: str, rel: str, axe=None) -> PageVisit:
    """Load one page in Chromium and record what went wrong and what is on it
    (and, given an `Axe`, what axe-core finds)."""
    result = PageVisit(base_url + rel)

    def on_console(msg) -> None:
        if msg.type == "error":
            result.errors.append(f"console: {msg.text}")

    def on_pageerror(exc) -> None:
        result.errors.append(f"pageerror: {exc}")

    in_flight: set[int] = set()

    def on_request(req) -> None:
        in_flight.add(id(req))

    def on_finished(req) -> None:
        in_flight.discard(id(req))

    def on_failed(req) -> None:
        in_flight.discard(id(req))
        result.errors.append(f"request failed: {req.url} ({req.failure})")

    def on_response(resp) -> None:
        if resp.status >= 400 and resp.url != result.url:
            result.errors.append(f"HTTP {resp.status}: {resp.url}")

    handlers = {
        "console": on_console,
        "pageerror": on_pageerror,
        "request": on_request,
        "requestfinished": on_finished,
        "requestfailed": on_failed,
        "response": on_response,
    }
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        response = page.goto(result.url, wait_until="load")
        result.status = response.status if response else None
        result.facts = page.evaluate(PAGE_FACTS_JS)
        if axe is not None:
            result.violations = axe.run(page).response["violations"]
        if in_flight:
            # Something is still loading (the search index, a chart's data): its errors count too.
            page.wait_for_load_state("networkidle", timeout=10_000)
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)
    return result


def browser_window(chromium: Any, width: int, height: int) -> Iterator[Any]:
    """One tab in a fresh Thai-locale context of the given window size, closed afterwards."""
    context = chromium.new_context(locale="th-TH", viewport={"width": width, "height": height})
    try:
        yield context.new_page()
    finally:
        context.close()
