"""`python -m generator check`: the readiness report staff read before the assessment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..catalog import labels, message_text
from ..errors import ContentErrors, error
from .catalog import CATALOG_DIR, choose, usable_years
from .codes import show_code_warnings
from .readiness import assess, summary

MARKS = {"ready": "✓", "manual": "?", "incomplete": "!", "out_of_date": "!", "missing": "✗"}
ENGLISH = {"ready": "ready", "manual": "check by hand", "incomplete": "incomplete", "out_of_date": "out of date",
           "missing": "missing"}


def _say(key: str, **params: object) -> None:
    print(message_text(key, **params))


def catalog_line(site: Any, year: int) -> str:
    """Which catalog the site uses for `year`, and from which file (for check and build)."""
    chosen = choose(site, year)
    if chosen is None:
        return ""
    folder = site.content_dir.name  # the content folder by its name, as messages name it
    if chosen.origin == "content":
        inside = chosen.path.is_relative_to(site.content_dir)
        path = folder / chosen.path.relative_to(site.content_dir) if inside else chosen.path
        key = "oit_catalog_corrected" if chosen.based_on else "oit_catalog_content"
    else:
        path = Path("generator", "catalog", "oit", chosen.path.relative_to(CATALOG_DIR))
        key = f"oit_catalog_{chosen.origin}"
    return message_text(key, year=year, base=chosen.based_on, path=path, folder=folder)


def show_catalogs(site: Any) -> None:
    """Say, for every ITA year the site targets, which catalog the build used, and warn of
    OIT codes in the content that their year's catalog lacks."""
    for year in site.settings.ita_years:
        line = catalog_line(site, year)
        if line:
            print(line)
    show_code_warnings(site)


def rendered_paths(site: Any) -> set[str]:
    """The docs-relative paths of the pages the site renders (what an item can be bound to)."""
    from ..render import render_documents

    return {p.path for p in render_documents(site).pages}


def report_lines(site: Any, year: int, verbose: bool = False) -> tuple[list[str], int, int]:
    """The report of one ITA year: one line per item (plus what is missing, what to check by
    hand, and whether a source confirms the item), and (ready, total)."""
    statuses = assess(site, year, rendered_paths(site))
    oit = labels()["oit"]
    chosen = choose(site, year)
    sources = {s.id: s for s in chosen.catalog.sources} if chosen else {}
    lines = []
    for st in statuses:
        where = ""
        if st.target is not None:
            where = f" → {st.target.url or st.target.page}"
        lines.append(f"{MARKS[st.status]} {st.code} {st.item.title}: {oit['status'][st.status]} "
                     f"({ENGLISH[st.status]}){where}")
        lines += [f"    - {p}" + (f" → {st.fixes[p]}" if p in st.fixes else "") for p in st.problems]
        lines += [f"    ? {oit['by_hand']}: {text}" for text in st.manual]
        if not st.item.confirmed:
            lines.append("    " + message_text("oit_unconfirmed", year=year).replace("\n", "\n    "))
        if verbose:
            for sid in st.item.sources:
                source = sources.get(sid)
                if source is not None:
                    lines.append(f"    แหล่งที่มา (source): {source.name}" + (f" {source.url}" if source.url else ""))
            if st.item.research:
                lines.append(f"    บันทึกการตรวจสอบ (research): {' '.join(st.item.research.split())}")
    ready, total = summary(statuses)
    return lines, ready, total


def run_check(site: Any, year: int | None, strict: bool, verbose: bool = False) -> int:
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
    show_code_warnings(site)
    all_ready = True
    for y in years:
        lines, ready, total = report_lines(site, y, verbose)
        _say("oit_check_head", year=site.settings.thai.year(y), org=site.organization.name)
        print(catalog_line(site, y))
        chosen = choose(site, y)
        if verbose and chosen is not None:
            for text in (chosen.catalog.note, chosen.catalog.research):
                if text:
                    print(" ".join(text.split()))
        print("\n".join(lines))
        percent = round(100 * ready / total) if total else 0
        _say("oit_check_share", ready=ready, total=total, percent=percent)
        by_hand = sum(1 for line in lines if line.startswith(MARKS["manual"] + " "))
        if by_hand:
            _say("oit_check_by_hand", count=by_hand)
        all_ready = all_ready and ready == total
    return 1 if strict and not all_ready else 0
