"""Round trip of the real documents in ../shared/seeds/: import each into a fresh
content folder, build it, and every non-empty cell and paragraph is on the site.

The seeds are read at test time; the repository keeps no copy of their text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.content import load_site
from generator.importer.furniture import decoration, unblank
from generator.importer.reader import read
from generator.pipeline import build
from generator.safetext import visible_text
from tests.conftest import SEEDS, page_text

SEED_DIR = SEEDS
pytestmark = pytest.mark.skipif(not SEED_DIR.is_dir(), reason=f"{SEED_DIR} (the shared seeds) is absent")

# What the site shows in its own form: list numbers, score phrases, field labels and
# punctuation the page lays out itself. The words between them must all be there.
_CUT = re.compile(
    r"(?:(?<![0-9๐-๙])[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]+)*\s?[.)](?![0-9๐-๙])|[0-9๐-๙]+(?:\.[0-9๐-๙]+)?\s*คะแนน"
    r"|[:()*]|\s-\s|^-|^(?:เรื่อง|เรียน|ที่|วันที่|ส่วนราชการ|ประกาศ ณ วันที่)\s|โทร"
    # A reference code: the page prints a row's references above the rest of its cell.
    r"|(?:ตัวชี้วัด(?:ย่อย)?ที่|ข้อ)\s*[0-9๐-๙.]+|(?<![A-Za-z])[eio][0-9๐-๙]{1,2}(?![0-9๐-๙]))"
)


def pieces_of(lines: list) -> list[str]:
    out = []
    for line in lines:
        if line.blank or decoration(line):
            continue
        # Dotted blanks left for a hand to fill in are dropped and listed by the import report.
        line = unblank(line, [])
        if line is None:
            continue
        for cell in line.cells:
            for piece in _CUT.split(visible_text(re.sub(r"<[^>]+>", " ", cell))):
                piece = " ".join(piece.split())
                if len(piece) > 2:
                    out.append(piece)
    return out


def import_and_build(tmp: Path, *files: Path, args: tuple[str, ...] = ()) -> tuple[str, Path]:
    content = tmp / "content"
    assert main(["import", *map(str, files), "--into", str(content), *args]) == 0
    load_site(content)
    build(content, tmp / "site")
    text = " ".join(page_text(p.read_text(encoding="utf-8")) for p in sorted((tmp / "site").rglob("*.html")))
    return text, content


def seed(prefix: str) -> Path:
    return next(SEED_DIR.glob(f"{prefix}_*.txt"))


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_every_cell_and_paragraph_of_a_seed_is_on_the_built_site(tmp_path: Path, prefix: str) -> None:
    path = seed(prefix)
    text, _content = import_and_build(tmp_path, path)
    wanted = pieces_of(read(path))
    assert len(wanted) > 30
    dates = {"000": "๑๐ มีนาคม ๒๕๖๖", "004": "๒๕ กุมภาพันธ์ พ.ศ. ๒๕๖๕"}
    # Spaces in extracted Thai are line-wrap artifacts (a repeated page header may differ only in them);
    # the page writes an action's date in the official form, with พ.ศ., and a checkbox as ☐ or ☑.
    flat = re.sub("[☐☑]", "", text.replace(" ", "").replace("พ.ศ.", ""))
    missing = [
        w
        for w in wanted
        if w.replace(" ", "").replace("พ.ศ.", "") not in flat
        and not (prefix in dates and w.startswith(dates[prefix][:2]))
    ]
    assert not missing, missing[:10]
    if prefix in dates:
        assert dates[prefix] in text


def test_seed_documents_land_in_their_kinds(tmp_path: Path) -> None:
    _text, content = import_and_build(tmp_path, seed("000"), seed("001"), seed("004"))
    site = load_site(content)
    years = site.years
    assert set(years[2566].documents) == {"progress_report"} and len(years[2566].memos) == 1
    assert set(years[2564].documents) == {"ita_analysis", "measures"}
    analysis = years[2564].documents["ita_analysis"]
    assert analysis.total_score == 70.62 and analysis.level == "C" and analysis.assessed_year == 2563
    assert [t.tool for t in analysis.tools] == ["IIT", "EIT", "OIT"]
    assert len(years[2565].announcements) == 1
    memo = next(iter(years[2566].memos.values()))
    assert len(memo.signatures) == 5


def _numbers(value: object) -> list[list[str]]:
    """The item numbers of each list in a rich value, each nested list on its own."""
    from generator.richtext import ListBlock, ListItem, blocks_of

    out: list[list[str]] = []

    def walk(items: list) -> None:
        out.append([i.number for i in items if isinstance(i, ListItem)])
        for item in items:
            if isinstance(item, ListItem) and item.items:
                walk(item.items)

    for block in blocks_of(value):
        if isinstance(block, ListBlock):
            walk(block.list)
    return out


def test_seed_structure_lists_actions_references_and_checkboxes(tmp_path: Path) -> None:
    import datetime as dt

    _text, content = import_and_build(tmp_path, seed("000"), seed("004"))
    site = load_site(content)
    report = site.years[2566].documents["progress_report"]
    refs = [[(r.kind, r.code) for r in m.refs] for m in report.measures]
    # "ตัวชี้วัดที่ ๒", "ตัวชี้วัดย่อยที่ ๙.๓" … and the EIT question "e๖" are references, not text.
    assert refs[:4] == [
        [("indicator", "๒")],
        [("sub_indicator", "๙.๓")],
        [("sub_indicator", "๙.๔")],
        [("sub_indicator", "๙.๕")],
    ]
    assert ("sub_indicator", "๑๐.๒") in refs[5] and [("indicator", "๗"), ("eit", "e๖")] in refs
    # "ดำเนินการเมื่อวันที่ ๒๑ มีนาคม ๒๕๖๖" is an action with its date.
    assert [a.date for a in report.measures[2].actions] == [dt.date(2023, 3, 21)]
    # Every list of steps counts up as written: no step appears twice.
    for measure in report.measures:
        for numbers in _numbers(measure.steps):
            assert len(numbers) == len(set(numbers)), numbers
    eit = next(m for m in report.measures if ("eit", "e๖") in [(r.kind, r.code) for r in m.refs])
    assert '<input type="checkbox"/> เข้าถึงง่าย ไม่ซับซ้อน' in eit.issue
    (notice,) = site.years[2565].announcements.values()
    assert _numbers(notice.preamble) == [[f"({n})" for n in "๑๒๓๔๕๖๗๘๙"] + ["(๑๐)"]]
    assert notice.sections[0].heading == "ตัวชี้วัดการปฏิบัติหน้าที่"
    assert _numbers(notice.sections[0].body)[0][:3] == ["๑.๑", "๑.๒", "๑.๓"]
    assert len(_numbers(notice.sections[0].body)[0]) == 16
