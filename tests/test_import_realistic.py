"""Realistic documents of other offices (tests/import_documents.py): each is imported
into a fresh folder, loaded, built, and checked field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.content import load_site
from generator.fields import Month
from generator.htmltext import without_breaks
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


def imported_text(tmp: Path, name: str, text: str) -> tuple[Path, str]:
    """Import a variant of a document, written as `name`; the content folder and the output."""
    import contextlib
    import io

    source = tmp / name
    source.write_text(text, encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", str(source), "--into", str(tmp / "c")]) == 0
    return tmp / "c", out.getvalue()


def built_text(tmp: Path, content: Path) -> str:
    build(content, tmp / "site")
    return " ".join(page_text(p.read_text(encoding="utf-8")) for p in sorted((tmp / "site").rglob("*.html")))


@pytest.mark.parametrize("name", docs.names())
def test_every_realistic_document_imports_and_builds(tmp_path: Path, name: str) -> None:
    content, _out = imported(tmp_path, name)
    site = load_site(content)
    assert len(site.years) + len(site.pages) >= 1
    for year, documents in site.years.items():
        first, last = fiscal_year_range(year)
        # Every dated document of the year is dated inside it (no placeholder from another era).
        for entry in [*documents.announcements.values(), *documents.memos.values()]:
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


def test_memo_labels_on_their_own_lines_with_tabs_and_in_another_order(tmp_path: Path) -> None:
    content, _out = imported(tmp_path, "memo-labels.txt")
    site = load_site(content)
    (memo,) = site.years[2568].memos.values()
    assert memo.unit == "กองยุทธศาสตร์และงบประมาณ องค์การบริหารส่วนตำบลห้วยหินลาด"
    assert (memo.phone, memo.reference, memo.date) == ("๐ ๔๔๑๒ ๓๓๐๘", "นม ๘๘๒๐๑/๐๑๗", dt.date(2025, 1, 12))
    assert memo.subject == "ขอเผยแพร่แผนการจัดซื้อจัดจ้างประจำปี"
    assert memo.salutation == "นายกองค์การบริหารส่วนตำบลห้วยหินลาด"
    assert memo.import_notes is None
    author, approver = memo.signatures
    assert (author.name, author.position, author.comment) == ("นางวิไลพร ศรีสุข", ["นักวิเคราะห์นโยบายและแผนชำนาญการ"], None)
    assert (approver.comment, approver.position) == ("ชอบ เห็นควรอนุมัติ", ["ปลัดองค์การบริหารส่วนตำบลห้วยหินลาด"])


def test_a_utf16_memo_with_the_subject_before_the_reference(tmp_path: Path) -> None:
    content, _out = imported(tmp_path, "memo-utf16.txt")
    (memo,) = load_site(content).years[2568].memos.values()
    assert (memo.reference, memo.date, memo.subject) == (
        "สพ ๕๒๑๐๑/๒๓๔",
        dt.date(2025, 3, 3),
        "รายงานผลการรับฟังความคิดเห็นของประชาชน",
    )
    assert memo.closing == "จึงเรียนมาเพื่อโปรดทราบ" and memo.signatures[0].position == ["หัวหน้าสำนักปลัด"]


def test_pdf_damaged_thai_in_cp874_is_repaired_with_a_warning(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "pdf-damaged.txt")
    (notice,) = load_site(content).years[2568].announcements.values()
    assert notice.signers[0].name == "นายอำนาจ ดีพร้อม"
    text = built_text(tmp_path, content)
    assert "บ้านโป่งงามกำหนดให้ผู้บังคับบัญชา" in text and "ก าหนด" not in text
    assert "ซ่อมข้อความภาษาไทย" in out and "repaired 2 place(s)" in out


def test_a_monthly_procurement_summary_becomes_its_dataset(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "procurement-feb.txt")
    site = load_site(content)
    table = site.years[2568].datasets["procurement_monthly"].table
    # The header repeated after the page turn and the page number are not rows.
    assert [r["work"] for r in table.rows] == ["ซื้อวัสดุสำนักงาน", "จ้างซ่อมรถกระเช้า", "ซื้อน้ำดื่มสำหรับประชุมสภา"]
    assert {r["month"] for r in table.rows} == {"กุมภาพันธ์ ๒๕๖๘"}
    assert [str(r["budget"]) for r in table.rows] == ["12500.00", "45000.00", "2400.00"]
    assert table.rows[1]["contract"] == "จซ ๘/๒๕๖๘ ลว. ๑๐ ก.พ. ๖๘"
    assert "หัวตารางที่พิมพ์ซ้ำ" in out and '"- ๒ -"' in out
    text = built_text(tmp_path, content)
    assert "จ้างซ่อมรถกระเช้า" in text and "อู่ช่างเอก" in text


def test_complaint_statistics_with_a_total_row(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "complaints.txt")
    site = load_site(content)
    rows = site.years[2567].datasets["complaints"].table.rows
    assert [(r["period"], r["received"], r["completed"], r["in_progress"]) for r in rows] == [
        ("ตุลาคม 2566", 2, 2, 0),
        ("พฤศจิกายน 2566", 1, 0, 1),
        ("ธันวาคม 2566", 0, 0, 0),
    ]
    assert "แถวรวมของตาราง" in out and "ยอดรวมในเอกสาร" not in out
    assert site.organization.kind == "เทศบาลเมือง" and site.organization.district == "บึงทอง"


def test_a_total_that_does_not_add_up_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "complaints.txt"
    source.write_text(docs.COMPLAINTS.replace("รวม\t3\t2\t1", "รวม\t4\t2\t1"), encoding="utf-8")
    out_dir = tmp_path / "c"
    assert main(["import", str(source), "--into", str(out_dir)]) == 0
    out = capsys.readouterr().out
    assert "complaints.txt:7" in out and "จำนวนเรื่องที่รับ คือ 4 แต่ผลรวมของแถวคือ 3" in out
    assert len(load_site(out_dir).years[2567].datasets["complaints"].table.rows) == 3


def test_six_month_spending_and_the_staff_plan_become_their_datasets(tmp_path: Path) -> None:
    content, _out = imported(tmp_path, "spending-6m-2568.txt")
    rows = load_site(content).years[2568].datasets["spending_report_6m"].table.rows
    assert [(r["category"], str(r["planned"]), str(r["spent"])) for r in rows] == [
        ("งบบุคลากร", "5200000", "2580400"),
        ("งบดำเนินงาน", "3100000", "1200350.50"),
        ("งบลงทุน", "4800000", "960000"),
    ]
    (tmp_path / "b").mkdir()
    content, _out = imported(tmp_path / "b", "hr-plan.txt")
    rows = load_site(content).years[2568].datasets["hr_plan"].table.rows
    assert [(r["project"], r["target"], str(r["budget"]), r["period"]) for r in rows] == [
        ("อบรมจริยธรรมพนักงานใหม่", "พนักงานบรรจุใหม่", "20000", "พฤศจิกายน ๒๕๖๗"),
        ("อบรมงานสารบรรณอิเล็กทรอนิกส์", "เจ้าหน้าที่ธุรการ", "15000", "มีนาคม ๒๕๖๘"),
    ]


def test_a_contract_list_with_columns_missing_gets_placeholders_with_warnings(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "contracts.txt")
    rows = load_site(content).years[2568].datasets["contracts"].table.rows
    assert [(r["project_number"], r["contractor"], r["contract_date"]) for r in rows] == [
        ("67129001234", "หจก.วังหินการโยธา", dt.date(2024, 12, 15)),
        ("68019005678", "ร้านไอทีพลัส", dt.date(2025, 1, 20)),
    ]
    assert out.count("ซึ่งชุดข้อมูลต้องมี") == 3  # fund source, status, tax id


def test_a_table_of_no_known_kind_becomes_a_free_page_with_a_real_table(tmp_path: Path) -> None:
    content, _out = imported(tmp_path, "vehicle-log.txt")
    (page,) = load_site(content).pages
    assert page.meta.title == "ทะเบียนคุมการใช้รถส่วนกลาง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
    build(content, tmp_path / "site")
    html = without_breaks(next((tmp_path / "site").rglob("import-vehicle-log/index.html")).read_text(encoding="utf-8"))
    assert "<th>ทะเบียนรถ</th>" in html.replace(' scope="col"', "") and "<td>กข ๑๒๓๔</td>" in html


def test_an_ita_result_written_as_prose_becomes_an_ita_analysis(tmp_path: Path) -> None:
    content, _out = imported(tmp_path, "ita-prose.txt")
    site = load_site(content)
    analysis = site.years[2568].documents["ita_analysis"]
    assert (analysis.total_score, analysis.level, analysis.assessed_year) == (70.62, "C", 2567)
    assert not site.years[2568].announcements
    assert "การรายงานผลการจัดซื้อจัดจ้างให้ครบทุกเดือน" in built_text(tmp_path, content)


def test_a_progress_report_gets_references_dated_actions_nested_steps_and_checkboxes(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "progress.txt")
    report = load_site(content).years[2568].documents["progress_report"]
    first, second, third = report.measures
    assert [(r.kind, r.code, r.title) for r in first.refs] == [("oit", "o11", "การกำกับติดตามการใช้จ่ายงบประมาณ")]
    assert first.issue is None
    assert [(r.kind, r.code) for r in second.refs] == [("sub_indicator", "๙.๓")]
    assert [(r.kind, r.code) for r in third.refs] == [("eit", "e๖")]
    # ๑. with (๑) (๒) under it, then ๒.: nested as written.
    (step_one, step_two) = first.steps.list
    assert (step_one.number, step_one.text, step_two.number) == ("๑.", "รวบรวมข้อมูลจากกองคลัง", "๒.")
    assert [(i.number, i.text) for i in step_one.items] == [("(๑)", "ข้อมูลเบิกจ่าย"), ("(๒)", "ข้อมูลหนี้ผูกพัน")]
    assert [i.number for i in second.steps.list] == ["-", "-"] and second.steps.style == "dash"
    assert report.period == "รอบ ๖ เดือน (ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘)"
    # Dated actions keep their numbers as written, the gap included.
    assert [(a.number, a.date) for a in first.actions] == [("๑.", dt.date(2025, 1, 7)), ("๓.", dt.date(2025, 4, 2))]
    assert third.actions[0].text == '<input type="checkbox" checked/> ดำเนินการแล้ว <input type="checkbox"/> ยังไม่ดำเนินการ'
    # o11 is in the 2568 OIT list; no warning about it.
    assert "o11 in" not in out and "ไม่มี o11" not in out
    text = built_text(tmp_path, content)
    assert "ข้อ o11" in text and "ดำเนินการเมื่อวันที่ ๗ มกราคม พ.ศ. ๒๕๖๘" in text and "☑ ดำเนินการแล้ว" in text


def test_a_code_the_catalog_lacks_is_a_warning(tmp_path: Path) -> None:
    _content, out = imported_text(tmp_path, "progress.txt", docs.PROGRESS.replace("ข้อ o11", "ข้อ o97"))
    assert "ไม่มี o97 ในรายการข้อมูล OIT ของปี 2568" in out and "o97 is not in the OIT list" in out


def test_nested_lists_a_paragraph_between_them_and_a_page_turn(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "nested.txt")
    (notice,) = load_site(content).years[2568].announcements.values()
    one, two = notice.sections
    assert (one.number, one.heading, two.heading) == ("๑", "ด้านการจัดซื้อจัดจ้าง", "ด้านการใช้ทรัพย์สินของทางราชการ")
    first_list, between, second_list = one.body
    assert [i.number for i in first_list.list] == ["๑.๑", "๑.๒"]
    assert between == "ทั้งนี้ให้กองคลังตรวจสอบก่อนลงนามทุกครั้ง"
    assert [i.number for i in second_list.list] == ["(๑)", "(๒)"]
    assert [(i.number, i.text) for i in two.body.list] == [
        ("-", "ห้ามนำรถยนต์ส่วนกลางไปใช้ส่วนตัว"),
        ("-", "ห้ามนำวัสดุสำนักงานกลับบ้าน"),
    ]
    assert notice.closing is None and '"- ๒ -"' in out


def test_a_word_table_with_a_two_row_merged_header_repeated_on_its_second_page(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "results-merged.docx")
    report = load_site(content).years[2568].documents["results_report"]
    assert report.columns == ["title", "responsible", "period", "output", "outcome"]
    assert report.headers["output"] == "ผลการดำเนินการ ผลผลิต"
    assert [(m.title, m.output, m.outcome) for m in report.measures] == [
        ("เผยแพร่ข้อมูลงบประมาณ", "รายงาน 4 ฉบับ", "ประชาชนรับรู้"),
        ("อบรมคุณธรรมพนักงาน", "ผู้เข้าอบรม 40 คน", "ร้อยละ 90 ผ่านแบบทดสอบ"),
    ]
    assert "หัวตารางที่พิมพ์ซ้ำ" in out


def test_approvers_comments_without_a_label_are_kept_apart_from_the_position_above(tmp_path: Path) -> None:
    text = docs.MEMO_UTF16.replace(
        "หัวหน้าสำนักปลัด\n",
        "หัวหน้าสำนักปลัด\n- ทราบ\n- เห็นควรเผยแพร่ทางเว็บไซต์\n(นายวีระ ศักดิ์ดี)\nปลัดเทศบาลตำบลหนองหญ้าไซ\n",
    )
    source = tmp_path / "memo.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["import", str(source), "--into", str(tmp_path / "c")]) == 0
    (memo,) = load_site(tmp_path / "c").years[2568].memos.values()
    author, approver = memo.signatures
    assert author.position == ["หัวหน้าสำนักปลัด"]
    assert approver.comment == ["- ทราบ", "- เห็นควรเผยแพร่ทางเว็บไซต์"]
    assert (approver.name, approver.position) == ("นายวีระ ศักดิ์ดี", ["ปลัดเทศบาลตำบลหนองหญ้าไซ"])
    assert memo.import_notes is None


def test_a_six_month_report_with_its_period_as_months_a_month_deadline_and_a_total(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "progress-months.txt")
    report = load_site(content).years[2569].documents["progress_report"]
    assert report.period == "ระหว่างเดือนตุลาคม ๒๕๖๘ ถึงเดือนมีนาคม ๒๕๖๙"
    assert report.intro is None  # the period line is the period, not an intro paragraph
    first, second = report.measures  # the total row is no third measure, nor part of the second
    assert (first.deadline, first.period) == (Month(2025, 12), None)
    assert [(a.number, a.date, a.text) for a in first.actions] == [("๑.", dt.date(2025, 11, 20), "แจกคู่มือครบทุกกอง")]
    assert (second.period, second.deadline, second.notes) == ("มกราคม – กุมภาพันธ์ ๒๕๖๙", None, "งบประมาณ (บาท): ๔๐,๐๐๐")
    (total,) = report.totals
    assert (total.label, total.values) == ("รวมงบประมาณ", {"notes": "งบประมาณ (บาท): ๕๕,๐๐๐"})
    assert "อ่านเป็นแถวรวมของตาราง" in out and "read as the table's total row" in out
    assert "ผลรวมของแถว" not in out  # 15,000 + 40,000 is the 55,000 written
    build(content, tmp_path / "site")
    page = without_breaks(next((tmp_path / "site").rglob("progress-report/index.html")).read_text(encoding="utf-8"))
    text = page_text(page)
    assert "ระหว่างเดือนตุลาคม ๒๕๖๘ ถึงเดือนมีนาคม ๒๕๖๙" in text and "ภายในเดือนธันวาคม ๒๕๖๘" in text
    foot = page[page.index("<tfoot>") : page.index("</tfoot>")]
    assert "รวมงบประมาณ" in foot and "๕๕,๐๐๐" in foot


def test_a_stated_total_of_a_measure_table_that_does_not_add_up_is_reported(tmp_path: Path) -> None:
    _content, out = imported_text(tmp_path, "progress.txt", docs.PROGRESS_MONTHS.replace("๕๕,๐๐๐", "๖๕,๐๐๐"))
    assert "progress.txt:7" in out and "คือ ๖๕,๐๐๐ แต่ผลรวมของแถวคือ 55000" in out


def test_a_plan_with_month_only_deadlines_and_aims_numbered_without_dots(tmp_path: Path) -> None:
    content, _out = imported(tmp_path, "plan-month-deadlines.txt")
    plan = load_site(content).years[2569].documents["measures"]
    assert [(m.deadline, m.period) for m in plan.measures] == [
        (Month(2026, 4), None),
        (dt.date(2026, 3, 31), None),
        (None, "มิถุนายน ๒๕๖๙"),  # a month alone is when it is done, not a deadline: kept as written
    ]
    heading, aims = plan.intro
    assert heading == "วัตถุประสงค์"
    assert [(i.number, i.text) for i in aims.list] == [
        ("๑", "เพื่อป้องกันการทุจริตในการจัดซื้อจัดจ้าง"),
        ("๒", "เพื่อให้ประชาชนมีส่วนร่วมตรวจสอบการใช้งบประมาณ"),
    ]
    text = built_text(tmp_path, content)
    assert "ภายในเดือนเมษายน ๒๕๖๙" in text and "ภายใน ๓๑ มีนาคม ๒๕๖๙" in text and "มิถุนายน ๒๕๖๙" in text
    assert "๑ เพื่อป้องกันการทุจริตในการจัดซื้อจัดจ้าง" in text


def test_lines_cut_by_page_breaks_are_joined_and_dotted_blanks_dropped_and_listed(tmp_path: Path) -> None:
    content, out = imported(tmp_path, "hearing-wrapped.txt")
    (notice,) = load_site(content).years[2569].announcements.values()
    # "การปฏิ" / page 2 / "บัติงาน": one word cut in two, joined with no space.
    assert notice.preamble == (
        "เทศบาลเมืองกันทรารมย์เหนือได้จัดทำร่างแผนปฏิบัติการป้องกันการทุจริตเพื่อให้ประชาชนมีส่วนร่วม"
        "เสนอแนวทางการปฏิบัติงานที่โปร่งใส จึงขอเชิญประชาชนร่วมแสดงความคิดเห็น ดังนี้"
    )
    one, two = notice.sections
    assert one.heading.endswith("ไปรษณีย์อิเล็กทรอนิกส์ของ เทศบาลภายในวันที่ ๓๐ พฤศจิกายน ๒๕๖๘")
    assert one.body is None
    assert two.heading == "ผู้แสดงความคิดเห็นระบุชื่อ และหมายเลขโทรศัพท์ ที่ติดต่อได้"
    # The empty form under the signature (who posted it, and when) is no signer and no note.
    assert [s.name for s in notice.signers] == ["นายธีรวัฒน์ แสงทอง"]
    assert notice.import_notes is None
    assert out.count("ตัดจุดไข่ปลาที่เว้นไว้ให้กรอกด้วยมือออก") == 3 and "hearing-wrapped.txt:14" in out
    text = built_text(tmp_path, content)
    assert "แนวทางการปฏิบัติงานที่โปร่งใส" in text and "...." not in text and "ผู้ปิดประกาศ" not in text


def test_a_line_after_a_page_break_that_starts_something_new_is_not_joined(tmp_path: Path) -> None:
    text = docs.WRAPPED_WITH_BLANKS.replace("บัติงานที่โปร่งใส", "(๑) บัติงานที่โปร่งใส").replace(
        "ร่วมเสนอแนวทางการปฏิ\n", "ร่วมเสนอแนวทาง.\n"
    )
    content, _out = imported_text(tmp_path, "notice.txt", text)
    (notice,) = load_site(content).years[2569].announcements.values()
    first, second = notice.preamble
    assert first.endswith("ร่วมเสนอแนวทาง.") and second.list[0].number == "(๑)"
