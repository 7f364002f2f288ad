"""`python -m generator check`: the readiness report staff read before the assessment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalog import labels, message_text
from ..errors import ContentErrors, error
from .catalog import CATALOG_DIR, choose, usable_years
from .readiness import assess, summary

MARKS = {"ready": "✓", "incomplete": "!", "out_of_date": "!", "missing": "✗"}
ENGLISH = {"ready": "ready", "incomplete": "incomplete", "out_of_date": "out of date", "missing": "missing"}


def _say(key: str, **params: object) -> None:
    print(message_text(key, **params))


def catalog_line(site: Any, year: int) -> str:
    """Which catalog the site uses for `year`, and from which file (for check and build)."""
    chosen = choose(site, year)
    if chosen is None:
        return ""
    if chosen.origin == "content":
        inside = chosen.path.is_relative_to(site.content_dir)
        path = chosen.path.relative_to(site.content_dir) if inside else chosen.path
        key = "oit_catalog_corrected" if chosen.based_on else "oit_catalog_content"
    else:
        path = Path("generator", "catalog", "oit", chosen.path.relative_to(CATALOG_DIR))
        key = f"oit_catalog_{chosen.origin}"
    return message_text(key, year=year, base=chosen.based_on, path=path)


def show_catalogs(site: Any) -> None:
    """Say, for every ITA year the site targets, which catalog the build used."""
    for year in site.settings.ita_years:
        line = catalog_line(site, year)
        if line:
            print(line)


def report_lines(site: Any, year: int) -> tuple[list[str], int, int]:
    """The report of one ITA year: one line per item (plus its problems), and (ready, total)."""
    statuses = assess(site, year)
    words = labels()["oit"]["status"]
    lines = []
    for st in statuses:
        where = ""
        if st.target is not None:
            where = f" → {st.target.url or st.target.page}"
        lines.append(f"{MARKS[st.status]} {st.code} {st.item.title}: {words[st.status]} ({ENGLISH[st.status]}){where}")
        lines += [f"    - {p}" for p in st.problems]
    ready, total = summary(statuses)
    return lines, ready, total


def run_check(site: Any, year: int | None, strict: bool) -> int:
    """Print the report of `year` (or of every year in ita_years); the exit code."""
    years = [year] if year else list(site.settings.ita_years)
    if not years:
        _say("oit_check_none")
        return 2
    available = usable_years(site)
    bad = [y for y in years if y not in available]
    if bad:
        where = site.content_dir / "site.yml"
        listed = ", ".join(str(y) for y in available)
        raise ContentErrors([error(where, None, "ita_years", "oit_no_catalog", year=y, available=listed) for y in bad])
    all_ready = True
    for y in years:
        lines, ready, total = report_lines(site, y)
        _say("oit_check_head", year=site.settings.thai.year(y), org=site.organization.name)
        print(catalog_line(site, y))
        print("\n".join(lines))
        percent = round(100 * ready / total) if total else 0
        _say("oit_check_share", ready=ready, total=total, percent=percent)
        all_ready = all_ready and ready == total
    return 1 if strict and not all_ready else 0
