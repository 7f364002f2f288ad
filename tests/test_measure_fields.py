"""Fields of measure rows staff type by hand from real reports: a deadline given as a
month, a picture (QR code, chart) in a row, and the table's total rows."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.content import load_site
from generator.fields import Month
from generator.htmltext import without_breaks
from tests.conftest import EXAMPLE, page_text

REPORT = """title: รายงานความก้าวหน้า
period: ตุลาคม–มีนาคม
measures:
  - title: เผยแพร่รายงานการใช้จ่ายงบประมาณ
    responsible: กองคลัง
    deadline: ภายในเดือนเมษายน ๒๕๖๙
    actions:
      - text: เผยแพร่ไตรมาสแรกแล้ว
    images:
      - file: qr-budget.png
        alt: คิวอาร์โค้ดไปยังรายงานฉบับเต็ม
  - title: อบรมพนักงานใหม่
    responsible: สำนักปลัด
    deadline: มีนาคม 2569
    actions:
      - text: อบรมแล้ว ๑ รุ่น
    images:
      - file: chart-training.png
        alt: แผนภูมิจำนวนผู้เข้าอบรม
        column: responsible
  - title: ตรวจรับงานจ้าง
    deadline: 2569-03-31  # YAML reads this as a date: a Buddhist Era year all the same
totals:
  - label: รวมทั้งสิ้น ๓ มาตรการ
    values:
      actions: ดำเนินการแล้ว ๒ มาตรการ
"""

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(EXAMPLE, target)
    (target / "years" / "2569" / "progress_report.yml").write_text(REPORT, encoding="utf-8")
    for name in ("qr-budget.png", "chart-training.png"):
        (target / "assets" / name).write_bytes(PNG)
    return target


def test_a_month_deadline_a_row_image_and_a_total_typed_by_staff(content: Path, tmp_path: Path) -> None:
    report = load_site(content).years[2569].documents["progress_report"]
    first, second, third = report.measures
    assert (first.deadline, second.deadline, third.deadline) == (Month(2026, 4), Month(2026, 3), dt.date(2026, 3, 31))
    assert main(["build", "--content", str(content), "--site-dir", str(tmp_path / "site")]) == 0
    page = without_breaks((tmp_path / "site" / "2569" / "progress-report" / "index.html").read_text(encoding="utf-8"))
    text = page_text(page)
    # Printed as the paper prints it, in the site's digits (the example writes Thai digits).
    assert "ภายในเดือนเมษายน ๒๕๖๙" in text and "ภายในเดือนมีนาคม ๒๕๖๙" in text and "ภายใน ๓๑ มีนาคม ๒๕๖๙" in text
    assert "ตุลาคม–มีนาคม" in text
    rows = page.split("<tr")
    qr = next(r for r in rows if "เผยแพร่รายงานการใช้จ่ายงบประมาณ" in r)
    assert 'src="../../assets/qr-budget.png" alt="คิวอาร์โค้ดไปยังรายงานฉบับเต็ม"' in qr
    # The image sits in the row's last column unless it names one.
    assert qr.index("qr-budget.png") > qr.index('class="pr-col-actions"')
    chart = next(r for r in rows if "อบรมพนักงานใหม่" in r)
    cell = chart[chart.index('class="pr-col-responsible"') :]
    assert cell.index("chart-training.png") < cell.index("</td>")
    assert (tmp_path / "site" / "assets" / "qr-budget.png").read_bytes() == PNG
    foot = page[page.index("<tfoot>") : page.index("</tfoot>")]
    assert "รวมทั้งสิ้น ๓ มาตรการ" in foot and "ดำเนินการแล้ว ๒ มาตรการ" in foot


def test_a_row_image_that_is_not_in_assets_is_an_error_naming_it(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content / "assets" / "qr-budget.png").unlink()
    assert main(["build", "--content", str(content), "--site-dir", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert "progress_report.yml" in err and "ไม่พบไฟล์ 'qr-budget.png'" in err


def test_a_deadline_month_that_does_not_exist_is_an_error(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = content / "years" / "2569" / "progress_report.yml"
    report.write_text(REPORT.replace("มีนาคม 2569\n", "มีนาคมม 2569\n", 1), encoding="utf-8")
    assert main(["build", "--content", str(content), "--site-dir", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert "progress_report.yml:14: measures[2].deadline" in err
    assert "อ่านกำหนดเสร็จ 'มีนาคมม 2569' ไม่ได้" in err and "or a month, e.g. เมษายน ๒๕๖๙" in err


WHOLE_MONTHS = """title: รายงานความก้าวหน้า
measures:
  - title: อบรมคุณธรรมจริยธรรม
    start: 1 ตุลาคม 2567
    end: 31 มีนาคม 2568
  - title: ตรวจนับพัสดุประจำปี
    start: 1 มกราคม 2567
    end: 29 กุมภาพันธ์ 2567
  - title: รณรงค์ไม่รับของขวัญ
    start: 2 ตุลาคม 2567
    end: 31 ตุลาคม 2567
  - title: เปิดรับเรื่องร้องเรียนทางออนไลน์
    start: 1 ตุลาคม 2567
    end: 30 ตุลาคม 2567
"""


def test_a_period_of_whole_months_is_written_as_a_month_range_in_the_site_style(
    content_copy: Path, tmp_path: Path
) -> None:
    # The small office writes Arabic digits and abbreviated dates: the range follows its style.
    (content_copy / "years" / "2568" / "progress_report.yml").write_text(WHOLE_MONTHS, encoding="utf-8")
    assert main(["build", "--content", str(content_copy), "--site-dir", str(tmp_path / "site")]) == 0
    page = without_breaks((tmp_path / "site" / "2568" / "progress-report" / "index.html").read_text(encoding="utf-8"))
    rows = page[page.index("<tbody>") : page.index("</tbody>")].split("<tr")[1:]

    def period(title: str) -> str:  # the text of the row of this measure
        return page_text(next(r for r in rows if title in r))

    assert "ต.ค. 67 – มี.ค. 68" in period("อบรมคุณธรรมจริยธรรม")
    assert "ม.ค. – ก.พ. 67" in period("ตรวจนับพัสดุประจำปี")  # one year: written once; 29 Feb ends a month
    # Not from the first of a month, or not to its last day: the two dates as they are.
    assert "2 ต.ค. 2567 – 31 ต.ค. 2567" in period("รณรงค์ไม่รับของขวัญ")
    assert "1 ต.ค. 2567 – 30 ต.ค. 2567" in period("เปิดรับเรื่องร้องเรียนทางออนไลน์")


def test_the_example_results_report_writes_whole_month_periods_as_months(example_site: Path) -> None:
    text = page_text((example_site / "2569" / "results-report" / "index.html").read_text(encoding="utf-8"))
    assert "ตุลาคม ๒๕๖๘ – กันยายน ๒๕๖๙" in text and "พฤศจิกายน ๒๕๖๘ – กันยายน ๒๕๖๙" in text
    assert "๑ ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙" not in text
    assert "๑๐ ธ.ค. ๒๕๖๘ – ๒๘ ก.พ. ๒๕๖๙" in text and "๑ ต.ค. ๒๕๖๘ – ๒๐ ธ.ค. ๒๕๖๘" in text
