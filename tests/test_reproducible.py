"""Two builds of the same content give byte-identical sites, whatever the
clock, the folder names or the files' modification times say."""

from __future__ import annotations

import calendar
import datetime as dt
import gzip
import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

from generator.content import load_site
from generator.pipeline import build
from generator.reproducible import content_date

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "content"


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(example_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another clone: a different folder, every file touched, another clock in the environment.
    clone = tmp_path / "elsewhere" / "content"
    shutil.copytree(EXAMPLE, clone)
    for path in clone.rglob("*"):
        os.utime(path, (2_000_000_000, 2_000_000_000))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    second = tmp_path / "other-site"
    build(clone, second)
    first, again = tree_digest(example_site), tree_digest(second)
    assert sorted(first) == sorted(again)
    differ = [rel for rel in first if first[rel] != again[rel]]
    assert not differ, f"files differ between two builds: {differ[:10]}"
    # The caller's own setting is left as it was.
    assert os.environ["SOURCE_DATE_EPOCH"] == "1234567890"


def test_sitemap_dates_come_from_the_content(example_site: Path) -> None:
    newest = content_date(load_site(EXAMPLE))
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {newest.isoformat()}
    with gzip.open(example_site / "sitemap.xml.gz") as handle:
        assert handle.read().decode("utf-8") == sitemap
    mtime = int.from_bytes((example_site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert mtime == calendar.timegm(newest.timetuple())


def test_a_date_in_a_dataset_cell_dates_the_content(tmp_path: Path) -> None:
    # A contract's end date, written only in the spreadsheet, is the newest date of the content.
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    before = content_date(load_site(content))
    contracts = content / "years" / "2569" / "data" / "contracts.csv"
    lines = contracts.read_text(encoding="utf-8-sig").splitlines()
    last = lines[-1].rsplit(",", 1)[0]
    contracts.write_text("\n".join([*lines, f"{last},31 ธันวาคม 2580"]) + "\n", encoding="utf-8-sig")
    assert before < dt.date(2037, 12, 31)
    assert content_date(load_site(content)) == dt.date(2037, 12, 31)
