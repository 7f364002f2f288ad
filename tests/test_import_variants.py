"""Documents of the seed kinds that the importer has never seen: other column orders
and header wording, Arabic digits, blank rows, tables split over pages, Word files.
Each is imported, loaded back, built, and every cell is checked on the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.__main__ import main
from generator.content import load_site
from generator.pipeline import build
from tests.conftest import page_text

T = "\t"


def run_import(tmp: Path, name: str, text: str, *args: str) -> tuple[Path, int]:
    source = tmp / name
    source.write_text(text, encoding="utf-8")
    content = tmp / "content"
    return content, main(["import", str(source), "--into", str(content), *args])


def site_text(tmp: Path, content: Path) -> str:
    build(content, tmp / "site")
    return " ".join(page_text(p.read_text(encoding="utf-8")) for p in sorted((tmp / "site").rglob("*.html")))


def assert_shown(text: str, *pieces: str) -> None:
    missing = [p for p in pieces if p not in text]
    assert not missing, missing


RESULTS = f"""รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567
องค์การบริหารส่วนตำบลหนองบัวแดง อำเภอภูผาหมอก จังหวัดนครทดสอบ


ลำดับ{T}มาตรการ/โครงการ{T}วิธีดำเนินการ{T}ห้วงเวลาดำเนินการ{T}หน่วยงานผู้รับผิดชอบ{T}ผลผลิต{T}ผลลัพธ์
1{T}เปิดเผยแผนจัดซื้อจัดจ้าง{T}1. จัดทำแผนจัดซื้อ 2. ประกาศแผนบนเว็บไซต์ 3. รายงานผลทุกไตรมาส{T}ต.ค. 66 - ก.ย. 67{T}กองคลัง{T}แผนจัดซื้อ 1 ฉบับ{T}ประชาชนตรวจสอบได้

- 12 -
ลำดับ{T}มาตรการ/โครงการ{T}วิธีดำเนินการ{T}ห้วงเวลาดำเนินการ{T}หน่วยงานผู้รับผิดชอบ{T}ผลผลิต{T}ผลลัพธ์
{T}{T}ตรวจรับพัสดุโดยกรรมการที่{T}{T}{T}{T}
แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)
ลำดับ{T}มาตรการ/โครงการ{T}วิธีดำเนินการ{T}ห้วงเวลาดำเนินการ{T}หน่วยงานผู้รับผิดชอบ{T}ผลผลิต{T}ผลลัพธ์
2{T}ช่องทางรับฟังความคิดเห็นออนไลน์{T}<p>เปิดแบบฟอร์มออนไลน์</p><p>ตอบกลับภายใน 7 วัน</p>{T}ม.ค. 67{T}สำนักปลัด{T}ช่องทาง 2 ช่องทาง{T}ได้รับความคิดเห็น 35 เรื่อง

จึงรายงานมาเพื่อทราบ
"""


def test_seven_column_results_report_split_over_pages(tmp_path: Path) -> None:
    content, code = run_import(tmp_path, "results.txt", RESULTS)
    assert code == 0
    site = load_site(content)
    report = site.years[2567].documents["results_report"]
    assert report.columns == ["order", "title", "steps", "period", "responsible", "output", "outcome"]
    first, second = report.measures
    # The continuation row after the repeated header finishes the sentence cut by the page break.
    assert first.steps.list[-1].text.endswith("รายงานผลทุกไตรมาส ตรวจรับพัสดุโดยกรรมการที่")
    assert [i.number for i in first.steps.list] == ["1.", "2.", "3."]
    assert second.group == "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)"
    assert site.organization.name == "องค์การบริหารส่วนตำบลหนองบัวแดง"
    assert (site.organization.district, site.organization.province) == ("ภูผาหมอก", "นครทดสอบ")
    assert site.settings.digits == "arabic"
    text = site_text(tmp_path, content)
    assert_shown(
        text,
        "เปิดเผยแผนจัดซื้อจัดจ้าง",
        "จัดทำแผนจัดซื้อ",
        "ประกาศแผนบนเว็บไซต์",
        "ต.ค. 66 - ก.ย. 67",
        "แผนจัดซื้อ 1 ฉบับ",
        "ประชาชนตรวจสอบได้",
        "ตอบกลับภายใน 7 วัน",
        "ได้รับความคิดเห็น 35 เรื่อง",
        "ห้วงเวลาดำเนินการ",
        "หน่วยงานผู้รับผิดชอบ",
        "จึงรายงานมาเพื่อทราบ",
        "ภาคผนวก" if False else "ผลลัพธ์",
    )


MEASURES_4 = f"""มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
เทศบาลเมืองทดลอง อำเภอริมน้ำ จังหวัดสมมุติ

ผู้รับผิดชอบ{T}แนวทาง/มาตรการ{T}ขั้นตอนการดำเนินงาน{T}หมายเหตุ
กองช่าง{T}ลดขั้นตอนการขออนุญาตก่อสร้าง{T}๑.ทบทวนขั้นตอน๒.ประกาศขั้นตอนใหม่{T}ทดลองใช้ ๓ เดือน
{T}{T}๓.ประเมินผลจากผู้ขออนุญาต{T}
"""


def test_four_column_measures_in_another_order_with_thai_run_together_numbering(tmp_path: Path) -> None:
    content, code = run_import(tmp_path, "plan.txt", MEASURES_4)
    assert code == 0
    site = load_site(content)
    doc = site.years[2568].documents["measures"]
    assert doc.columns == ["responsible", "title", "steps", "notes"]
    (measure,) = doc.measures
    steps = measure.steps if isinstance(measure.steps, list) else [measure.steps]
    items = [b for b in steps if hasattr(b, "list")]
    assert [i.text for b in items for i in b.list] == ["ทบทวนขั้นตอน", "ประกาศขั้นตอนใหม่", "ประเมินผลจากผู้ขออนุญาต"]
    assert site.organization.kind == "เทศบาลเมือง" and site.settings.digits == "thai"
    text = site_text(tmp_path, content)
    assert_shown(text, "ลดขั้นตอนการขออนุญาตก่อสร้าง", "ทดลองใช้ ๓ เดือน", "ขั้นตอนการดำเนินงาน", "กองช่าง")


ITA = f"""การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568
เทศบาลตำบลทดสอบ อำเภอหนึ่ง จังหวัดสอง
ผลการประเมินปีงบประมาณ พ.ศ. 2567 ได้ 78.40 คะแนน ระดับ B

ตัวชี้วัด{T}คะแนน{T}ประเด็นที่ต้องพัฒนา{T}ข้อเสนอแนะ
แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก{T}{T}{T}
1. คุณภาพการดำเนินงาน{T}81.20{T}ผู้รับบริการรอนาน{T}ใช้บัตรคิว
2. ประสิทธิภาพการสื่อสาร{T}70.05{T}ข่าวไม่เป็นปัจจุบัน{T}
{T}{T}ช่องทางติดต่อไม่ชัดเจน{T}ปรับปรุงเว็บไซต์ทุกสัปดาห์
"""


def test_ita_table_with_score_column_and_arabic_digits(tmp_path: Path) -> None:
    content, code = run_import(tmp_path, "ita.txt", ITA)
    assert code == 0
    analysis = load_site(content).years[2568].documents["ita_analysis"]
    assert (analysis.total_score, analysis.level, analysis.assessed_year) == (78.4, "B", 2567)
    (tool,) = analysis.tools
    assert tool.tool == "EIT"
    assert [(i.number, i.name, i.score) for i in tool.indicators] == [
        ("1", "คุณภาพการดำเนินงาน", 81.2),
        ("2", "ประสิทธิภาพการสื่อสาร", 70.05),
    ]
    text = site_text(tmp_path, content)
    assert_shown(text, "ผู้รับบริการรอนาน", "ใช้บัตรคิว", "ช่องทางติดต่อไม่ชัดเจน", "ปรับปรุงเว็บไซต์ทุกสัปดาห์")


MEMO = """บันทึกข้อความ
ส่วนราชการ กองคลัง องค์การบริหารส่วนตำบลทดลอง โทร 0 4300 1234
ที่ ทด 1234/56 วันที่ 3 ตุลาคม 2567
เรื่อง ขออนุมัติเผยแพร่แผนการใช้จ่ายงบประมาณ
ประจำปีงบประมาณ พ.ศ. 2568
เรียน นายกองค์การบริหารส่วนตำบลทดลอง

ด้วยกองคลังได้จัดทำแผนการใช้จ่ายงบประมาณแล้วเสร็จ
1. แผนรายไตรมาส
2. สรุปงบประมาณรายกอง
จึงเรียนมาเพื่อโปรดพิจารณา
ลงชื่อ.................
(นางสาวทดลอง ใจดี)
ผู้อำนวยการกองคลัง
ความเห็นของปลัด
เห็นควรอนุมัติ
(นายสมมุติ ตั้งใจ)
ปลัดองค์การบริหารส่วนตำบล
"""


def test_memo_with_reference_and_date_on_one_line(tmp_path: Path) -> None:
    content, code = run_import(tmp_path, "memo.txt", MEMO)
    assert code == 0
    site = load_site(content)
    (memo,) = site.years[2568].memos.values()
    assert (memo.reference, memo.phone, memo.date.isoformat()) == ("ทด 1234/56", "0 4300 1234", "2024-10-03")
    assert memo.subject == "ขออนุมัติเผยแพร่แผนการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. 2568"
    assert [s.name for s in memo.signatures] == ["นางสาวทดลอง ใจดี", "นายสมมุติ ตั้งใจ"]
    assert memo.signatures[1].comment == "เห็นควรอนุมัติ"
    assert site.organization.phone == ["0 4300 1234"]
    text = site_text(tmp_path, content)
    assert_shown(text, "แผนรายไตรมาส", "สรุปงบประมาณรายกอง", "จึงเรียนมาเพื่อโปรดพิจารณา", "ปลัดองค์การบริหารส่วนตำบล")


ANNOUNCEMENT = f"""ประกาศเทศบาลตำบลทดลองใหม่
เรื่อง มาตรการเปิดเผยข้อมูลต่อสาธารณะ
เทศบาลตำบลทดลองใหม่ จึงกำหนดแนวทาง ดังนี้
1. การเปิดเผยข้อมูลพื้นฐาน
1.1 เผยแพร่โครงสร้างหน่วยงาน
1.2 เผยแพร่ข้อมูลผู้บริหาร
รายการข้อมูล{T}รายละเอียดการเผยแพร่
การบริหารงาน{T}
แผนดำเนินงานประจำปี{T}เผยแพร่ภายในเดือนตุลาคม
2. การรับฟังความคิดเห็น
มีกล่องรับความคิดเห็นหน้าสำนักงาน
ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป
ประกาศ ณ วันที่ 5 ตุลาคม พ.ศ. 2567
(นายทดสอบ ประกาศดี)
นายกเทศมนตรีตำบลทดลองใหม่
"""


def test_announcement_with_sections_lists_and_a_criteria_table(tmp_path: Path) -> None:
    content, code = run_import(tmp_path, "notice.txt", ANNOUNCEMENT)
    assert code == 0
    (notice,) = load_site(content).years[2568].announcements.values()
    assert [s.heading for s in notice.sections] == ["การเปิดเผยข้อมูลพื้นฐาน", "การรับฟังความคิดเห็น"]
    assert notice.closing == "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป" and notice.signers[0].name == "นายทดสอบ ประกาศดี"
    assert notice.date.isoformat() == "2024-10-05"
    text = site_text(tmp_path, content)
    assert_shown(
        text,
        "เผยแพร่โครงสร้างหน่วยงาน",
        "รายละเอียดการเผยแพร่",
        "การบริหารงาน",
        "เผยแพร่ภายในเดือนตุลาคม",
        "มีกล่องรับความคิดเห็นหน้าสำนักงาน",
        "นายกเทศมนตรีตำบลทดลองใหม่",
    )


CRITERIA = f"""รายการข้อมูลที่ต้องเผยแพร่ (OIT) ประจำปีงบประมาณ พ.ศ. 2568
ข้อ{T}ข้อมูล{T}รายละเอียดที่เผยแพร่
o1{T}โครงสร้าง{T}แผนผังแสดงโครงสร้าง | การแบ่งส่วนราชการ
o2{T}ข้อมูลผู้บริหาร{T}ชื่อ ตำแหน่ง ช่องทางติดต่อ
"""


def test_oit_criteria_table_becomes_a_page(tmp_path: Path) -> None:
    content, code = run_import(tmp_path, "criteria.txt", CRITERIA, "--kind", "oit_criteria")
    assert code == 0
    (page,) = load_site(content).pages
    assert page.meta.title.startswith("รายการข้อมูลที่ต้องเผยแพร่")
    text = site_text(tmp_path, content)
    assert_shown(text, "แผนผังแสดงโครงสร้าง | การแบ่งส่วนราชการ", "ชื่อ ตำแหน่ง ช่องทางติดต่อ", "รายละเอียดที่เผยแพร่")


def test_unplaced_text_goes_to_marked_notes_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MEMO.replace("จึงเรียนมาเพื่อโปรดพิจารณา\n", "จึงเรียนมาเพื่อโปรดพิจารณา\nข้อความหลงตำแหน่ง\n")
    content, code = run_import(tmp_path, "memo.txt", text)
    assert code == 0
    out = capsys.readouterr().out
    assert "memo.txt:12" in out and "import_notes" in out and out.index("วางข้อความ") < out.index("fits no field")
    html = site_text(tmp_path, content)
    assert "หมายเหตุจากการนำเข้าเอกสาร" in html and "ข้อความหลงตำแหน่ง" in html


def test_existing_files_are_never_overwritten_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, code = run_import(tmp_path, "plan.txt", MEASURES_4)
    assert code == 0
    target = content / "years" / "2568" / "measures.yml"
    target.write_text(target.read_text(encoding="utf-8") + "# แก้ไขแล้ว\n", encoding="utf-8")
    _content, code = run_import(tmp_path, "plan.txt", MEASURES_4)
    assert code == 2
    assert "แก้ไขแล้ว" in target.read_text(encoding="utf-8")
    assert "--force" in capsys.readouterr().err
    org = content / "organization.yml"
    org.write_text(org.read_text(encoding="utf-8").replace("สมมุติ", "จริง"), encoding="utf-8")
    _content, code = run_import(tmp_path, "plan.txt", MEASURES_4, "--force")
    assert code == 0 and "แก้ไขแล้ว" not in target.read_text(encoding="utf-8")
    assert "province: จริง" in org.read_text(encoding="utf-8")  # the staff's profile is never replaced


def test_a_second_year_merges_into_an_existing_tree(tmp_path: Path) -> None:
    content, code = run_import(tmp_path, "plan.txt", MEASURES_4)
    org_before = (content / "organization.yml").read_text(encoding="utf-8")
    content, code = run_import(tmp_path, "results.txt", RESULTS)
    assert code == 0
    assert (content / "organization.yml").read_text(encoding="utf-8") == org_before
    site = load_site(content)
    assert set(site.years) == {2567, 2568}


def test_unknown_format_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "scan.pdf"
    source.write_bytes(b"%PDF-1.4")
    assert main(["import", str(source), "--into", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert "scan.pdf" in err and "ไม่รู้จักรูปแบบ" in err and "unknown format" in err
    assert not (tmp_path / "c").exists()


def test_memo_docx_and_measures_docx_made_with_python_docx(tmp_path: Path) -> None:
    import docx

    plan = docx.Document()
    plan.add_paragraph("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568")
    plan.add_paragraph("องค์การบริหารส่วนตำบลเวิร์ด อำเภอเอกสาร จังหวัดตาราง")
    plan.add_paragraph("เพื่อยกระดับผลการประเมิน จึงกำหนดมาตรการ ดังนี้")
    table = plan.add_table(rows=4, cols=5)
    header = ["ประเด็นที่ต้องพัฒนา", "มาตรการ", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"]
    rows = [
        ["การใช้งบประมาณ", "เปิดเผยแผนใช้จ่าย", "1. จัดทำสรุป 2. ประกาศบนเว็บไซต์", "กองคลัง", "ไตรมาส 1"],
        ["", "", "ชี้แจงในที่ประชุมพนักงาน", "", ""],
        ["การใช้อำนาจ", "ประกาศหลักเกณฑ์มอบหมายงาน", "ประกาศหลักเกณฑ์", "สำนักปลัด", "ต.ค. 67"],
    ]
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        cell.text = value
    for row, values in zip(table.rows[1:], rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    # The responsible unit is one merged cell down two rows, as Word users make it.
    table.cell(1, 3).merge(table.cell(2, 3))
    table.cell(1, 3).text = "กองคลัง"
    table.cell(3, 2).add_paragraph("ติดประกาศที่สำนักงาน")
    plan.add_paragraph("ทบทวนมาตรการทุกหกเดือน", style="List Number")
    plan.add_paragraph("รายงานผลต่อผู้บริหาร", style="List Number")
    plan_path = tmp_path / "plan.docx"
    plan.save(str(plan_path))

    memo = docx.Document()
    for line in MEMO.splitlines():
        memo.add_paragraph(line)
    memo_path = tmp_path / "memo.docx"
    memo.save(str(memo_path))

    content = tmp_path / "content"
    assert main(["import", str(plan_path), str(memo_path), "--into", str(content)]) == 0
    site = load_site(content)
    doc = site.years[2568].documents["measures"]
    assert [m.title for m in doc.measures] == ["เปิดเผยแผนใช้จ่าย", "ประกาศหลักเกณฑ์มอบหมายงาน"]
    assert doc.measures[0].responsible == "กองคลัง"
    assert len(site.years[2568].memos) == 1
    assert site.organization.name == "องค์การบริหารส่วนตำบลเวิร์ด"
    # Word's own list numbering (the List Number style) comes back as a list.
    closing = doc.closing if isinstance(doc.closing, list) else [doc.closing]
    assert [i for b in closing if hasattr(b, "list") for i in b.list] == ["ทบทวนมาตรการทุกหกเดือน", "รายงานผลต่อผู้บริหาร"]
    text = site_text(tmp_path, content)
    assert_shown(
        text,
        "จัดทำสรุป",
        "ประกาศบนเว็บไซต์",
        "ชี้แจงในที่ประชุมพนักงาน",
        "ติดประกาศที่สำนักงาน",
        "ไตรมาส 1",
        "ทบทวนมาตรการทุกหกเดือน",
        "รายงานผลต่อผู้บริหาร",
        "เพื่อยกระดับผลการประเมิน",
        "ขั้นตอนการดำเนินการ",
        "แผนรายไตรมาส",
        "นางสาวทดลอง ใจดี",
    )


def test_kind_and_year_options_override_detection(tmp_path: Path) -> None:
    content, code = run_import(tmp_path, "plan.txt", MEASURES_4, "--kind", "progress_report", "--year", "2569")
    assert code == 0
    site = load_site(content)
    assert set(site.years[2569].documents) == {"progress_report"}
    assert "ลดขั้นตอนการขออนุญาตก่อสร้าง" in site_text(tmp_path, content)


def test_a_table_of_unknown_shape_is_kept_in_the_notes(tmp_path: Path) -> None:
    odd = MEASURES_4 + f"รหัส{T}ยอดเงิน{T}วันที่โอน\nA1{T}1,500{T}1 ม.ค. 68\n"
    content, code = run_import(tmp_path, "plan.txt", odd)
    assert code == 0
    doc = load_site(content).years[2568].documents["measures"]
    assert doc.import_notes is not None
    text = site_text(tmp_path, content)
    assert_shown(text, "หมายเหตุจากการนำเข้าเอกสาร", "ยอดเงิน", "1,500", "1 ม.ค. 68")


def test_an_empty_file_is_an_error_not_an_empty_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, code = run_import(tmp_path, "blank.txt", "\n \n\t\n")
    assert code == 2 and not content.exists()
    assert "blank.txt" in capsys.readouterr().err


def test_report_kind_from_its_heading_when_the_columns_do_not_tell(tmp_path: Path) -> None:
    annual = MEASURES_4.replace("มาตรการส่งเสริม", "สรุปผลการดำเนินการตามมาตรการส่งเสริม", 1)
    content, code = run_import(tmp_path, "annual.txt", annual)
    assert code == 0 and set(load_site(content).years[2568].documents) == {"results_report"}
    six = MEASURES_4.replace("มาตรการส่งเสริม", "รายงานความก้าวหน้า รอบ 6 เดือน มาตรการส่งเสริม", 1)
    (tmp_path / "b").mkdir()
    content, code = run_import(tmp_path / "b", "six.txt", six)
    assert code == 0 and set(load_site(content).years[2568].documents) == {"progress_report"}


def test_a_stray_tab_in_a_paragraph_does_not_make_a_table(tmp_path: Path) -> None:
    content, code = run_import(tmp_path, "notice.txt", ANNOUNCEMENT.replace("ประกาศ ณ วันที่ 5", "ประกาศ ณ วันที่\t5"))
    assert code == 0
    (notice,) = load_site(content).years[2568].announcements.values()
    assert notice.date.isoformat() == "2024-10-05" and notice.signers[0].name == "นายทดสอบ ประกาศดี"
