"""One code everywhere: dataset bindings come from each year's catalog, the renumbering and
README tables are derived from both catalogs of each year pair, codes written in content
are checked against their year's list, and an office's own list in its content folder
(content/oit/<year>.yml) is used before the bundled one, through the real command line."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content import load_site
from generator.kinds.datasets import catalog as dataset_catalog
from generator.oit.catalog import CATALOG_DIR, catalog_years, choose, load_catalog, renumbering
from generator.oit.codes import code_warnings, shared_binding_warnings
from generator.oit.readiness import assess
from generator.oit.report import rendered_paths
from tests.conftest import EXAMPLE, SMALL, article_html, page_text, read_page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import oit_tables  # noqa: E402

DATASET_YEARS = [y for y in catalog_years() if any(i.datasets for i in load_catalog(y).items)]
PAIRS = [(a, b) for a, b in itertools.pairwise(DATASET_YEARS) if b == a + 1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


# --- derived tables ---------------------------------------------------------


def test_datasets_name_no_item_code_of_their_own() -> None:
    # A dataset's code lives in each year's catalog only: datasets.yml cannot say "o20" for every year.
    assert all("oit" not in spec for spec in dataset_catalog().values())


def test_renumbering_table_and_readme_table_are_derived_from_the_catalogs() -> None:
    assert (CATALOG_DIR / "renumbered.yml").read_text(encoding="utf-8") == oit_tables.table(), (
        "run .venv/bin/python tools/oit_tables.py")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert oit_tables.readme_with_table(readme) == readme, "run .venv/bin/python tools/oit_tables.py"


@pytest.mark.parametrize("old, new", PAIRS)
def test_renumbering_agrees_with_both_catalogs_of_the_pair(old: int, new: int) -> None:
    before, after = load_catalog(old), load_catalog(new)
    table = renumbering(before, after)
    for key in dataset_catalog():
        was = [i.code for i in before.items if key in i.datasets]
        now = [i.code for i in after.items if key in i.datasets]
        # Each dataset's item of the earlier year leads to its item of the later year, and only there.
        for code in was:
            assert set(now) <= set(table[code]), (key, code, now, table[code])
    for code, codes in table.items():
        shared = set(before.item(code).datasets)
        assert all(shared & set(after.item(c).datasets) for c in codes), (code, codes)


def test_example_bindings_shared_by_both_ita_years_mean_the_same_item_in_both_lists() -> None:
    site = load_site(EXAMPLE)
    years = site.settings.ita_years
    assert years == [2569, 2570]
    catalogs = [choose(site, year).catalog for year in years]
    for code in site.oit.bindings.items:
        titles = {c.item(code).title for c in catalogs if c.item(code)}
        assert len(titles) == 1, code
    assert shared_binding_warnings(site) == []
    # Every item of both years is bound.
    for year in years:
        assert [s.code for s in assess(site, year, rendered_paths(site)) if s.target is None] == [], year


def test_a_shared_binding_whose_code_changed_meaning_is_a_warning(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    site_yml = content / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("ita_years: [2568]", "ita_years: [2568, 2569]"),
                        encoding="utf-8")
    (content / "oit.yml").write_text("items:\n  o1: {page: about/structure}\n  o19: {page: about/profile}\n",
                                     encoding="utf-8")
    warnings = shared_binding_warnings(load_site(content))
    assert [(w.line, w.field) for w in warnings] == [(3, "items.o19")]
    # A code no targeted year's list has binds nothing: said, not silently skipped.
    (content / "oit.yml").write_text("items:\n  o1: {page: about/structure}\n  o45: {page: about/profile}\n",
                                     encoding="utf-8")
    (unused,) = shared_binding_warnings(load_site(content))
    assert (unused.line, unused.field) == (3, "items.o45") and "ไม่มีรายการ 'o45' ในรายการ OIT ปี 2568, 2569" in unused.th
    assert "2568: ข้อมูลสถิติเรื่องร้องเรียน" in warnings[0].th and "2569: ผลการเปิดโอกาส" in warnings[0].th


# --- codes written in content -----------------------------------------------


def test_codes_in_content_follow_their_years_list(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    assert code_warnings(load_site(content)) == []
    report = content / "years" / "2569" / "progress_report.yml"
    text = report.read_text(encoding="utf-8")
    text = text.replace('{kind: oit, code: "o3"}', '{kind: oit, code: "o4", title: ข้อมูลการติดต่อ}', 1)
    text = text.replace('{kind: oit, code: "o24"}', '{kind: oit, code: "o30"}', 1)
    report.write_text(text, encoding="utf-8")
    lines = report.read_text(encoding="utf-8").splitlines()
    o4 = next(n for n, line in enumerate(lines, 1) if 'code: "o4"' in line)
    o30 = next(n for n, line in enumerate(lines, 1) if 'code: "o30"' in line)
    done = run("build", "--content", str(content), "--site-dir", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr  # a note, never a stop
    assert f"years/2569/progress_report.yml:{o4}: measures[1].refs[1].code" in done.stderr
    assert "ซึ่ง o4 คือ 'ข่าวประชาสัมพันธ์'" in done.stderr
    assert f"years/2569/progress_report.yml:{o30}:" in done.stderr and "ไม่มีรายการ 'o30'" in done.stderr
    # The page prints the code and the title the year's list gives, as the ITA index does.
    page = page_text(article_html(read_page(tmp_path / "site", "2569/progress-report/")))
    assert "ข้อ o4 ข่าวประชาสัมพันธ์" in page and "ข้อ o10 ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)" in page


# --- an office's own list, through the real command line ---------------------


CORRECTIONS = """\
# รายการ OIT ปี ๒๕๗๐ ตามคู่มือที่สำนักงาน ป.ป.ช. ประกาศ (แก้จากรายการปี ๒๕๖๙)
based_on: 2569
source: คู่มือการประเมิน ITA ปี ๒๕๗๐ (สมมุติ)
items:
  o4:
    title: ข่าวประชาสัมพันธ์และกิจกรรมของหน่วยงาน
  o27:
    sub_indicator: "9.2"
    title: ข้อมูลเชิงสถิติการให้บริการ
    kind: report
    year_rule: current
    elements:
      - จำนวนผู้รับบริการแยกตามงานบริการ
remove: [o26]
"""


def test_content_folder_corrections_take_precedence_through_the_cli(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    (content / "oit").mkdir()
    (content / "oit" / "2570.yml").write_text(CORRECTIONS, encoding="utf-8")
    check = run("check", "--content", str(content), "--year", "2570")
    assert check.returncode == 0, check.stderr
    assert "ใช้รายการ OIT ปี 2570 จากรายการปี 2569 ที่มากับโปรแกรม แก้ไขตาม content/oit/2570.yml" in check.stdout
    assert "o4 ข่าวประชาสัมพันธ์และกิจกรรมของหน่วยงาน:" in check.stdout
    assert "✗ o27 ข้อมูลเชิงสถิติการให้บริการ: ยังไม่มี (missing)" in check.stdout
    assert " o26 " not in check.stdout
    site = tmp_path / "site"
    build = run("build", "--content", str(content), "--site-dir", str(site))
    assert build.returncode == 0, build.stderr
    assert "แก้ไขตาม content/oit/2570.yml" in build.stdout
    ita = page_text(article_html(read_page(site, "ita/2570/")))
    assert "o27 ข้อมูลเชิงสถิติการให้บริการ" in ita and "o26 " not in ita
    assert "ยังไม่ประกาศ" not in ita  # the office's list is the published one
    # ITA 2569 keeps the bundled list.
    assert "o26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม" in page_text(read_page(site, "ita/2569/"))


def test_a_mistake_in_the_content_folder_list_names_file_and_line_and_keeps_the_site(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    site = tmp_path / "site"
    assert run("build", "--content", str(content), "--site-dir", str(site)).returncode == 0
    before = (site / "index.html").read_bytes()
    (content / "oit").mkdir()
    broken = CORRECTIONS.replace('sub_indicator: "9.2"', 'sub_indicator: "9.9"').replace("remove: [o26]", "remove: [o62]")
    (content / "oit" / "2570.yml").write_text(broken.replace("    title: ข่าว", "    titel: ข่าว"), encoding="utf-8")
    done = run("build", "--content", str(content), "--site-dir", str(site))
    assert done.returncode == 2
    assert "oit/2570.yml:6: items.o4.titel" in done.stderr and "'title'" in done.stderr
    assert "Traceback" not in done.stderr
    (content / "oit" / "2570.yml").write_text(broken, encoding="utf-8")
    done = run("check", "--content", str(content))
    assert done.returncode == 2
    lines = broken.splitlines()
    sub = next(n for n, line in enumerate(lines, 1) if "9.9" in line)
    remove = next(n for n, line in enumerate(lines, 1) if line.startswith("remove"))
    assert f"oit/2570.yml:{sub}: items.o27.sub_indicator" in done.stderr and "ไม่มีตัวชี้วัดย่อยที่ 9.9" in done.stderr
    assert f"oit/2570.yml:{remove}: remove[1]" in done.stderr and "'o62'" in done.stderr
    assert (site / "index.html").read_bytes() == before


def test_a_whole_list_in_the_content_folder_is_validated_like_the_bundled_ones(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    (content / "oit").mkdir()
    whole = (CATALOG_DIR / "2568.yml").read_text(encoding="utf-8")
    (content / "oit" / "2568.yml").write_text(whole.replace("check: org.fax", "check: org.faxx"), encoding="utf-8")
    done = run("check", "--content", str(content))
    assert done.returncode == 2 and "org.faxx" in done.stderr and "oit/2568.yml:" in done.stderr
    (content / "oit" / "2568.yml").write_text(whole, encoding="utf-8")
    done = run("check", "--content", str(content))
    assert done.returncode == 0 and "ใช้รายการ OIT ปี 2568 ของหน่วยงานเอง (content/oit/2568.yml)" in done.stdout


def test_codes_in_free_pages_follow_the_lists_of_the_years_they_answer(tmp_path: Path) -> None:
    """pages/*.md: a code opening a line is compared with the title after it, one inside a
    sentence only has to exist; the years are those oit.yml binds the page for."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    assert "ข้อ o" not in "".join(p.read_text(encoding="utf-8") for p in (content / "pages").glob("*.md"))
    page = content / "pages" / "annual-plan.md"  # bound to o6 of ITA 2569 only
    lines = page.read_text(encoding="utf-8").splitlines()
    lines += [
        "",
        "- o12 รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน",  # right for 2569
        "- o6 แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี ดูตารางด้านล่าง",
        "ผลการจัดซื้อจัดจ้างเผยแพร่ตามข้อ o11 และข้อ o45 ของแบบ OIT",  # o45: no such item
        "",
        "| ข้อ | รายการ |",
        "| --- | --- |",
        "| o4 | ข้อมูลการติดต่อ |",  # o4 is the news in 2569
        "",
        "ภาพ https://www.saitharnkham.example/o99 และไฟล์ photo12.jpg",  # not codes
    ]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = len(lines) - 10 + 1
    done = run("build", "--content", str(content), "--site-dir", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr  # a note, never a stop
    err = done.stderr.splitlines()
    warned = [line for line in err if line.startswith("content/pages/annual-plan.md:")]
    assert warned == [f"content/pages/annual-plan.md:{first + 3}", f"content/pages/annual-plan.md:{first + 7}"], err
    at = err.index(warned[0])
    assert "ไม่มีรายการ 'o45' ในรายการ OIT ปี 2569 ซึ่งเป็นปีที่หน้านี้ตอบ" in err[at + 1]
    assert "The OIT list of 2569, which this page answers" in err[at + 2]
    at = err.index(warned[1])
    assert "'o4 ข้อมูลการติดต่อ' ไม่ตรงกับรายการ OIT ปี 2569 ซึ่ง o4 คือ 'ข่าวประชาสัมพันธ์'" in err[at + 1]
    # An unbound page speaks of every ITA year the site targets.
    (content / "pages" / "odd.md").write_text("---\ntitle: หน้าอื่น\n---\nอ้างถึงข้อ o27\n", encoding="utf-8")
    done = run("check", "--content", str(content))
    assert "content/pages/odd.md:4" in done.stderr and "ในรายการ OIT ปี 2569, 2570" in done.stderr
