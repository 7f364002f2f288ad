"""`prongsai new`: an empty organization that validates, builds and is checked at once, and the
blank spreadsheet templates that come with it (or with `prongsai templates`)."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from generator.__main__ import main
from generator.content import load_site
from generator.kinds.datasets import catalog
from generator.newsite import fiscal_year, ita_year, new_site
from generator.oit.catalog import catalog_years
from generator.pipeline import build

NAME = "องค์การบริหารส่วนตำบลโนนพยอม"
KIND = "องค์การบริหารส่วนตำบล"
EXAMPLE = Path(__file__).resolve().parent.parent / "content"


@pytest.fixture
def office(tmp_path: Path) -> Path:
    new_site(tmp_path / "office", NAME, KIND, province="ขอนแก่น", today=dt.date(2026, 12, 1))
    return tmp_path / "office"


def test_fiscal_year_starts_in_october() -> None:
    assert fiscal_year(dt.date(2026, 9, 30)) == 2569
    assert fiscal_year(dt.date(2026, 10, 1)) == 2570
    assert fiscal_year(dt.date(2027, 1, 15)) == 2570


def test_the_ita_year_is_the_fiscal_year_when_its_list_is_known() -> None:
    years = catalog_years()
    assert ita_year(max(years)) == max(years)
    assert ita_year(max(years) + 3) == max(years)  # the NACC has not published that list yet
    assert ita_year(min(years)) == min(years)


def test_new_site_validates_builds_and_holds_only_what_was_given(office: Path, tmp_path: Path) -> None:
    content = office / "content"
    settings = yaml.safe_load((content / "site.yml").read_text(encoding="utf-8"))
    assert settings["current_year"] == 2570
    assert settings["ita_years"] == [ita_year(2570)]
    org = yaml.safe_load((content / "organization.yml").read_text(encoding="utf-8"))
    assert org["name"] == NAME and org["kind"] == KIND and org["province"] == "ขอนแก่น"
    assert org["address"] == "" and org["phone"] == [] and org["executives"] == [] and org["units"] == []
    for path in content.glob("*.yml"):  # every file says, in Thai, what to fill in
        comments = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        assert comments and all(re.search("[ก-๙]", c) for c in comments[:1]), path
    site = load_site(content)
    assert site.years == {} and site.pages == []
    build(content, tmp_path / "site")
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert NAME in home
    example_name = yaml.safe_load((EXAMPLE / "organization.yml").read_text(encoding="utf-8"))["name"]
    built = " ".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    assert example_name not in built  # nothing of the fictional example came along


def test_check_lists_every_item_as_missing(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", str(office / "content")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"✗ o1 .*(missing)", out)
    assert "0 of" in out and "items ready (0%)" in out


def test_new_refuses_a_folder_with_content(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (office / "content" / "organization.yml").read_bytes()
    assert main(["new", str(office), "--name", "อื่น", "--kind", KIND]) == 2
    assert "มีโฟลเดอร์" in capsys.readouterr().err
    assert (office / "content" / "organization.yml").read_bytes() == before


def test_new_from_the_command_line_uses_today(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "x"), "--name", NAME, "--kind", "เทศบาลตำบล", "--digits", "arabic"]) == 0
    settings = yaml.safe_load((tmp_path / "x" / "content" / "site.yml").read_text(encoding="utf-8"))
    assert settings["current_year"] == fiscal_year(dt.date.today())
    assert settings["digits"] == "arabic"
    assert "prongsai check" in capsys.readouterr().out


def test_a_template_for_every_dataset_with_the_thai_header(office: Path) -> None:
    for name, spec in catalog().items():
        header = [c["th"] for c in spec["columns"]]
        with open(office / "templates" / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
            assert list(csv.reader(handle)) == [header]
        assert (office / "templates" / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8
        book = load_workbook(office / "templates" / f"{name}.xlsx", read_only=True)
        rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        guide = [r[0] for r in book.worksheets[1].iter_rows(values_only=True)]
        book.close()
        assert rows == [header]
        assert spec["title"] in guide and all(h in guide for h in header)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_filled_template_is_published(office: Path, tmp_path: Path, fmt: str) -> None:
    data = office / "content" / "years" / "2570" / "data"
    data.mkdir(parents=True)
    shutil.copy(office / "templates" / f"spending_plan.{fmt}", data)
    if fmt == "csv":
        with open(data / "spending_plan.csv", "a", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerow(["งบบุคลากร", "1,250,000"])
    else:
        book = load_workbook(data / "spending_plan.xlsx")
        book.worksheets[0].append(["งบบุคลากร", 1250000])
        book.save(data / "spending_plan.xlsx")
    build(office / "content", tmp_path / "site")
    pages = " ".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    assert "งบบุคลากร" in pages and "๑,๒๕๐,๐๐๐" in pages


def test_templates_command(tmp_path: Path) -> None:
    assert main(["templates", "--out", str(tmp_path / "t"), "--format", "csv"]) == 0
    assert sorted(p.stem for p in (tmp_path / "t").iterdir()) == sorted(catalog())
