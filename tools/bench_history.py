"""What a visitor pays as an office's site accumulates years: python tools/bench_history.py [--years 2,10].

Builds the example as it is (two fiscal years) and with its oldest year copied back
year by year to make ten (every year number inside a copy shifted), then prints for
each: first-visit bytes of the home page and of a long page (raw and gzipped, as a
plain server without compression sends them), HTML bytes per page, bytes a search
fetches per query, site size and build time. A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tools.search_bench import (  # noqa: E402  (shared with the recall benchmark)
    MORE,
    NOT_SEARCHING,
    listen,
    served,
    show_more,
    whole_list,
)

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync"]
QUERIES = ["เทศบาล", "คุณธรรม", "จัดซื้อจัดจ้าง", "ร้องเรียน", "งบประมาณ"]
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def chromium() -> str:
    found = os.environ.get("PRONGSAI_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        sys.exit("ต้องมี Chromium (apt-get install chromium) / Chromium is required")
    return found


def _shift(text: str, years: dict[int, int]) -> str:
    """Every BE and CE year number of `years` (old -> new), in Arabic or Thai digits, replaced."""
    def swap(match: re.Match[str]) -> str:
        raw = match.group(0)
        thai = not raw.isascii()
        value = int(raw.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
        new = str(years.get(value, value))
        return new.translate(THAI) if thai else new
    return re.sub(r"(?<![\d๐-๙])(?:2[05]\d\d|[๒][๐๕][๐-๙][๐-๙])(?![\d๐-๙])", swap, text)


def make_history(out: Path, years: int) -> Path:
    """The example content with `years` fiscal years: the oldest year copied back as needed."""
    shutil.copytree(REPO / "content", out)
    have = sorted(int(p.name) for p in (out / "years").iterdir() if p.name.isdigit())
    oldest = have[0]
    for target in range(have[-1] - years + 1, oldest):
        shift = target - oldest
        mapping = {y: y + shift for y in range(oldest - 4, oldest + 4)}
        mapping |= {y - 543: y - 543 + shift for y in range(oldest - 4, oldest + 4)}
        folder = out / "years" / str(target)
        shutil.copytree(out / "years" / str(oldest), folder)
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in {".yml", ".csv", ".md"}:
                path.write_text(_shift(path.read_text(encoding="utf-8-sig"), mapping), encoding="utf-8")
    return out


def _bodies(page, action, bodies: list[bytes] | None = None) -> list[bytes]:  # page: a Playwright page
    bodies = [] if bodies is None else bodies

    def keep(response) -> None:
        with contextlib.suppress(Exception):  # a redirect or an aborted request has no body
            bodies.append(response.body())

    page.on("response", keep)
    action()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", keep)
    return bodies


def _sizes(bodies: list[bytes]) -> tuple[int, int]:
    return sum(map(len, bodies)), sum(len(gzip.compress(b, 6)) for b in bodies)


@dataclass
class Figures:
    pages: int
    html: list[int]
    site: int
    first_home: tuple[int, int] = (0, 0)
    first_long: tuple[int, int] = (0, 0)
    query: list[int] = field(default_factory=list)  # bytes a query fetches for the whole list, asked for
    query_first: list[int] = field(default_factory=list)  # ... until its first results are shown
    pages_found: list[int] = field(default_factory=list)  # pages in the whole list
    slow_first: list[float] = field(default_factory=list)  # s from last keystroke to results, cold
    slow_again: list[float] = field(default_factory=list)  # the same once its pieces are cached
    slow_more: list[float] = field(default_factory=list)  # s from a click on "more" to the next pages


def measure(site: Path) -> Figures:
    from playwright.sync_api import sync_playwright

    html_files = list(site.rglob("*.html"))
    longest = max(html_files, key=lambda p: p.stat().st_size)
    result = Figures(len(html_files), sorted(p.stat().st_size for p in html_files),
                     sum(p.stat().st_size for p in site.rglob("*") if p.is_file()))
    with served(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=FLAGS, headless=True)
        for name, url in (("home", base), ("long", base + longest.relative_to(site).parent.as_posix() + "/")):
            context = browser.new_context(locale="th-TH")
            tab = context.new_page()
            setattr(result, f"first_{name}", _sizes(_bodies(tab, lambda tab=tab, url=url: tab.goto(url))))
            context.close()
        for word in QUERIES:
            context = browser.new_context(locale="th-TH")
            tab = context.new_page()
            tab.goto(base)
            tab.wait_for_load_state("networkidle")
            box = tab.locator("input.md-search__input")
            box.focus()
            listen(tab)

            at_first: list[int] = []
            found: list[int] = []
            bodies: list[bytes] = []

            def ask(box=box, word=word, tab=tab, at_first=at_first, bodies=bodies, found=found) -> None:
                box.fill(word)
                box.press("End")
                tab.wait_for_function(SHOWN)
                tab.wait_for_load_state("networkidle")
                at_first.append(len(bodies))
                found.append(whole_list(tab, word))  # the visitor asks for more until the list is whole

            _bodies(tab, ask, bodies)
            result.query_first.append(_sizes(bodies[: at_first[0]])[0])
            result.query.append(_sizes(bodies)[0])
            result.pages_found.append(found[0])
            context.close()
        for word in QUERIES:
            cold, warm, more = _slow_phone(browser, base, word)
            result.slow_first.append(cold)
            result.slow_again.append(warm)
            if more is not None:
                result.slow_more.append(more)
        browser.close()
    return result


# A cheap phone on a poor line: Chromium's CPU slowed 4x and a network like DevTools' slow 3G
# (400 ms round trip, about 50 KB/s each way).
SLOW_NETWORK = {"offline": False, "latency": 400, "downloadThroughput": 50 * 1024, "uploadThroughput": 50 * 1024}
SHOWN = "() => document.querySelectorAll('li.md-search-result__item').length > 0"


def _slow_phone(browser, base: str, word: str) -> tuple[float, float, float | None]:  # browser: Playwright's
    """Seconds from the last keystroke to the first results on a throttled phone: with the
    pieces still to fetch, and again once they have arrived (what the phone's CPU costs);
    and from a click on "แสดงผลเพิ่ม" to the next pages, if the list has more."""
    context = browser.new_context(locale="th-TH", viewport={"width": 360, "height": 740}, is_mobile=True)
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    tab.goto(base)
    tab.wait_for_load_state("networkidle")
    box = tab.locator("input.md-search__input")
    box.focus()
    times = []
    for _ in range(2):
        box.fill("")
        box.press("End")
        tab.wait_for_function("() => !document.querySelector('li.md-search-result__item')")
        start = time.perf_counter()
        box.fill(word)  # Thai is typed as text input, which the theme reads on the key's release
        box.press("End")
        tab.wait_for_function(SHOWN, timeout=120_000)
        times.append(time.perf_counter() - start)
    more = None
    tab.wait_for_function(NOT_SEARCHING, timeout=120_000)
    if tab.locator(MORE).count():
        start = time.perf_counter()
        show_more(tab)
        tab.wait_for_function(NOT_SEARCHING, timeout=120_000)
        more = time.perf_counter() - start
    context.close()
    return times[0], times[1], more


def build(content: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content), "--site-dir", str(site)],
                   check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", default="2,10", help="fiscal-year counts to compare (default 2,10)")
    args = parser.parse_args(argv)
    kb = 1024
    rows = []
    with tempfile.TemporaryDirectory(prefix="prongsai-history-") as tmp:
        for years in (int(y) for y in args.years.split(",")):
            content = make_history(Path(tmp) / f"content-{years}", years)
            site = Path(tmp) / f"site-{years}"
            seconds = build(content, site)
            rows.append((years, seconds, measure(site)))
    print("| years | pages | home first visit raw / gzip | longest page raw / gzip | HTML per page mean / max"
          " | search per query until first results (median, max) / whole list asked for (median, max)"
          " | pages found (median, max)"
          " | slow phone: results after last key, cold / cached (median, max) / next pages after a click (max)"
          " | site | build |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for years, seconds, m in rows:
        home, long, queries = m.first_home, m.first_long, sorted(m.query)
        print(f"| {years} | {m.pages} | {home[0] / kb:.0f} / {home[1] / kb:.0f} KB"
              f" | {long[0] / kb:.0f} / {long[1] / kb:.0f} KB"
              f" | {sum(m.html) / len(m.html) / kb:.0f} / {m.html[-1] / kb:.0f} KB"
              f" | {_median(m.query_first) / kb:.0f} KB, {max(m.query_first) / kb:.0f} KB"
              f" / {queries[len(queries) // 2] / kb:.0f} KB, {queries[-1] / kb:.0f} KB"
              f" | {_median(m.pages_found):.0f}, {max(m.pages_found)}"
              f" | {_median(m.slow_first):.1f} s, {max(m.slow_first):.1f} s / {_median(m.slow_again):.2f} s,"
              f" {max(m.slow_again):.2f} s / {max(m.slow_more, default=0):.1f} s"
              f" | {m.site / kb / kb:.1f} MB | {seconds:.1f} s |")
    if len(rows) > 1:
        small, large = rows[0][2], rows[-1][2]
        ratio = large.first_home[1] / small.first_home[1]
        print(f"\nhome page first visit, gzipped, {rows[-1][0]} years against {rows[0][0]}: x{ratio:.2f}"
              " (target <= 1.15)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
