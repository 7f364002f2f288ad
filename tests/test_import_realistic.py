"""Realistic documents of other offices (tests/import_documents.py): each is imported
into a fresh folder, loaded, built, and checked field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.content import load_site
from generator.pipeline import build
from generator.thai import fiscal_year, fiscal_year_range
from tests import import_documents as docs
from tests.conftest import page_text


def imported(tmp: Path, name: str, *args: str) -> tuple[Path, str]:
    """Import one document; the content folder and what the command printed."""
    import contextlib
    import io

    source = docs.write(tmp, name)
    content = tmp / "content"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", str(source), "--into", str(content), *args]) == 0
    return content, out.getvalue()


def built_text(tmp: Path, content: Path) -> str:
    build(content, tmp / "site")
    return " ".join(page_text(p.read_text(encoding="utf-8")) for p in sorted((tmp / "site").rglob("*.html")))


@pytest.mark.parametrize("name", docs.names())
def test_every_realistic_document_imports_and_builds(tmp_path: Path, name: str) -> None:
    content, _out = imported(tmp_path, name)
    site = load_site(content)
    (year,) = site.years
    first, last = fiscal_year_range(year)
    # Every dated document of the year is dated inside it (no placeholder from another era).
    for entry in [*site.years[year].announcements.values(), *site.years[year].memos.values()]:
        assert first <= entry.date <= last, (name, entry.date)
    assert built_text(tmp_path, content)


def test_an_undated_announcement_gets_a_date_inside_its_fiscal_year_not_the_law_it_cites(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "no-gift-policy.txt")
    site = load_site(content)
    today = fiscal_year(dt.date.today())
    # The only year in the text is that of the act it cites (๒๕๖๑): not the document's.
    assert set(site.years) == {today}
    (notice,) = site.years[today].announcements.values()
    assert notice.date == fiscal_year_range(today)[0]
    assert [s.name for s in notice.signers] == ["นายสมหมาย ตั้งมั่น"]
    assert notice.signers[0].position == ["นายกองค์การบริหารส่วนตำบลโคกสว่างเหนือ"]
    assert "ไม่พบปีงบประมาณ" in out and "no fiscal year" in out and "ไม่พบวันที่ของเอกสาร" in out
    text = built_text(tmp_path, content)
    assert "ผู้บริหารและพนักงานทุกคนไม่รับของขวัญ" in text and "พ.ศ. ๒๕๖๑" in text


def test_the_year_in_the_file_name_when_the_text_names_none(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "spending-6m-2568.txt")
    assert set(load_site(content).years) == {2568}
    assert "จากชื่อไฟล์" in out and "file name" in out


def test_the_year_of_a_month_heading(tmp_path: Path) -> None:
    # "สรุปผล … ในรอบเดือน กุมภาพันธ์ ๒๕๖๘" is fiscal year ๒๕๖๘.
    content, _out = imported(tmp_path, "procurement-feb.txt")
    assert set(load_site(content).years) == {2568}


def test_a_hospital_is_not_silently_made_a_municipality(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "hospital.txt")
    org = load_site(content).organization
    assert org.name == "โรงพยาบาลสมเด็จพระยุพราชนาแห้ว"
    assert "ไม่ใช่องค์กรปกครองส่วนท้องถิ่น" in out and "not a local government" in out


def test_the_organization_name_ends_where_the_sentence_begins(tmp_path: Path) -> None:
    text = (
        "รายงานผลการดำเนินงานตามแผนป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n"
        "องค์การบริหารส่วนตำบลบ้านจีนมีชัยได้ดำเนินโครงการตามแผนครบทุกโครงการ\n"
        "ประกาศ ณ วันที่ ๕ กันยายน พ.ศ. ๒๕๖๘\n"
        "(นายสมคิด ทองดี)\n"
        "นายกองค์การบริหารส่วนตำบลบ้านจีนมีชัย\n"
    )
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["import", str(source), "--into", str(tmp_path / "c")]) == 0
    org = load_site(tmp_path / "c").organization
    assert (org.name, org.kind) == ("องค์การบริหารส่วนตำบลบ้านจีนมีชัย", "องค์การบริหารส่วนตำบล")
