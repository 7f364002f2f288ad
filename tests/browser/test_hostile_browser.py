"""The hostile build (injection strings in every text field) in a real
Chromium: no page opens a dialog, throws, or loads anything from elsewhere,
and the strings are on screen as text."""

from __future__ import annotations

from pathlib import Path

from hostile_content import PAYLOADS
from sitecheck import site_pages

WATCH_JS = "() => document.body.innerText"


def test_hostile_pages_run_nothing_and_show_the_text(chromium, hostile_site: Path, hostile_url: str) -> None:
    context = chromium.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    dialogs: list[str] = []
    errors: list[str] = []
    foreign: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
    page.on(
        "console",
        lambda msg: msg.type == "error" and "net::ERR_FAILED" not in msg.text and errors.append(f"{page.url}: {msg.text}"),
    )

    def outside(route) -> None:
        # Nothing leaves this machine. Free Markdown pages may show staff's images from the web
        # (by design); any other request elsewhere (a script, a frame, a redirect) is a finding.
        if route.request.resource_type != "image":
            foreign.append(f"{route.request.resource_type} {route.request.url}")
        route.abort()

    page.route(lambda url: not url.startswith(hostile_url), outside)
    shown: list[str] = []
    try:
        for rel in site_pages(hostile_site):
            page.goto(hostile_url + rel, wait_until="load")
            # Focus and hover everything once, so autofocus/onfocus/onmouseover payloads would fire.
            page.keyboard.press("Tab")
            page.mouse.move(300, 300)
            page.mouse.move(900, 600)
            shown.append(" ".join(page.evaluate(WATCH_JS).split()))
    finally:
        context.close()
    assert not dialogs, dialogs
    assert not errors, errors[:10]
    assert not foreign, foreign[:10]
    text = "\n".join(shown)
    missing = [p.text[:60] for p in PAYLOADS if p.verbatim and " ".join(p.text.split()) not in text]
    assert not missing, missing
