"""Open datasets: readers, data checks, pages, charts, downloads and data.json."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.content import load_site
from generator.errors import ContentErrors
from generator.kinds.datasets import columns_of, load_folder
from generator.kinds.datasets.checks import id13_valid
from generator.kinds.datasets.tables import raw_rows, read_table

HEADER = ["เลขที่โครงการ", "งานที่ซื้อหรือจ้าง", "วงเงินงบประมาณ", "แหล่งที่มาของงบประมาณ", "สถานะการจัดซื้อจัดจ้าง",
          "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง", "ราคาที่ตกลงซื้อหรือจ้าง",
          "เลขประจำตัวผู้เสียภาษีหรือเลขประจำตัวประชาชน", "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
          "วันที่ลงนามในสัญญา", "วันสิ้นสุดสัญญา"]
GOOD = ["6801", "จ้างซ่อมถนน", "๑,๐๐๐,๐๐๐.๐๐", "งบประมาณ", "ลงนามแล้ว", "e-bidding", "990,000", "950,000.50",
        "0345561000117", "หจก. ทดสอบ (สมมุติ)", "15 มกราคม 2568", "2568-03-15"]


def write_csv(folder: Path, rows: list[list[str]], name: str = "contracts.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_csv_with_bom_thai_headers_and_thai_digits(tmp_path: Path) -> None:
    path = write_csv(tmp_path, [HEADER, GOOD])
    table, errors = read_table(path, columns_of("contracts"), raw_rows(path))
    assert errors == []
    row = table.rows[0]
    assert row["budget"] == Decimal("1000000.00")
    assert row["agreed_price"] == Decimal("950000.50")
    assert row["contract_date"].isoformat() == "2025-01-15"
    assert row["end_date"].isoformat() == "2025-03-15"
    assert table.row_numbers == [2]


def test_xlsx_reader(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["ช่วงเวลา", "จำนวนเรื่องที่รับ", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"])
    book.active.append(["มกราคม 2568", 3, 2, "๑"])
    path = tmp_path / "complaints.xlsx"
    book.save(path)
    table, errors = read_table(path, columns_of("complaints"), raw_rows(path))
    assert errors == []
    assert table.rows[0] | {"channel": None} == {"period": "มกราคม 2568", "channel": None, "received": 3,
                                                  "completed": 2, "in_progress": 1}


@pytest.mark.parametrize("value", ["1.000,00", "12 ดอลลาร์", "1,00,000", "abc", "9" * 5000])
def test_numbers_are_parsed_strictly_with_row_and_column(tmp_path: Path, value: str) -> None:
    bad = list(GOOD)
    bad[2] = value
    path = write_csv(tmp_path, [HEADER, GOOD, bad])
    _, errors = read_table(path, columns_of("contracts"), raw_rows(path))
    assert len(errors) == 1
    assert errors[0].line == 3
    assert "วงเงินงบประมาณ" in errors[0].th and "แถว 3" in errors[0].th
    assert "budget" in errors[0].en and "Row 3" in errors[0].en


def test_rows_after_a_blank_row_keep_their_own_row_numbers(tmp_path: Path) -> None:
    bad = list(GOOD)
    bad[2] = "abc"
    path = write_csv(tmp_path, [HEADER, GOOD, [], ["", " "], bad])
    table, errors = read_table(path, columns_of("contracts"), raw_rows(path))
    assert [e.line for e in errors] == [5]
    assert "แถว 5" in errors[0].th
    assert table.row_numbers == [2, 5]


def test_errors_of_several_rows_and_columns_come_row_by_row(tmp_path: Path) -> None:
    first, second = list(GOOD), list(GOOD)
    first[7], second[2] = "x", "y"  # agreed price in row 2, budget in row 3
    path = write_csv(tmp_path, [HEADER, first, second])
    _, errors = read_table(path, columns_of("contracts"), raw_rows(path))
    assert [(e.line, e.field.split(" / ")[1]) for e in errors] == [(2, "agreed_price"), (3, "budget")]


def test_yaml_dataset_errors_name_the_line_of_their_row(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "years" / "2568" / "data"
    folder.mkdir(parents=True)
    (folder / "spending_plan.yml").write_text(
        "rows:\n"
        "  - หมวดรายจ่าย: งบกลาง\n"
        "    งบประมาณตามแผน: 100\n"
        "  - หมวดรายจ่าย: งบลงทุน\n"
        "    งบประมาณตามแผน: หนึ่งร้อย\n",
        encoding="utf-8",
    )
    _, errors = load_folder(folder, 2568, tmp_path / "content")
    assert [e.line for e in errors] == [4]


def test_missing_required_column_and_unknown_column(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "ราคากลาง"] + ["หมายเหตุลับ"]
    path = write_csv(tmp_path, [header, GOOD])
    _, errors = read_table(path, columns_of("contracts"), raw_rows(path))
    text = "\n".join(e.format() for e in errors)
    assert "ไม่มีคอลัมน์ 'ราคากลาง'" in text and "reference_price" in text
    assert "หมายเหตุลับ" in text


def test_id_checksum() -> None:
    assert id13_valid("0345561000117")
    assert not id13_valid("0345561000118")
    assert not id13_valid("034556100011")


def notes_for(tmp_path: Path, row: list[str]) -> list[str]:
    folder = tmp_path / "content" / "years" / "2568" / "data"
    write_csv(folder, [HEADER, GOOD, row])
    datasets, errors = load_folder(folder, 2568, tmp_path / "content")
    assert errors == []
    return [n.format() for n in datasets["contracts"].notes]


@pytest.mark.parametrize("index, value, expected, column", [
    (8, "0345561000118", "เลขประจำตัว ๑๓ หลัก", "contractor_id"),
    (2, "-5,000.00", "ติดลบ", "budget"),
    (7, "995,000.00", "สูงกว่าราคากลาง", "agreed_price"),
    (10, "15 มกราคม 2569", "นอกปีงบประมาณ 2568", "contract_date"),
])
def test_data_checks_name_file_row_and_column(tmp_path: Path, index: int, value: str, expected: str,
                                              column: str) -> None:
    row = list(GOOD)
    row[index] = value
    notes = notes_for(tmp_path, row)
    assert notes, "the check found nothing"
    hit = [n for n in notes if expected in n]
    assert hit, notes
    assert hit[0].startswith("content/years/2568/data/contracts.csv:3:")
    assert column in hit[0]


def test_totals_that_do_not_add_up_are_flagged(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "years" / "2568" / "data"
    write_csv(folder, [["ช่วงเวลา", "จำนวนเรื่องที่รับ", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"],
                       ["มกราคม", "5", "3", "1"]], "complaints.csv")
    datasets, _ = load_folder(folder, 2568, tmp_path / "content")
    [note] = datasets["complaints"].notes
    assert note.row == 2 and "received" in note.column and "ไม่เท่ากับผลบวก" in note.th


def test_bad_cell_fails_the_build_with_exit_2(content_copy: Path, tmp_path: Path) -> None:
    from generator.__main__ import main

    folder = content_copy / "years" / "2568" / "data"
    bad = list(GOOD)
    bad[11] = "สามสิบ"
    (folder / "contracts.xlsx").unlink()
    write_csv(folder, [HEADER, bad])
    with pytest.raises(ContentErrors) as caught:
        load_site(content_copy)
    assert any(e.line == 2 and "วันสิ้นสุดสัญญา" in e.field for e in caught.value.errors)
    assert main(["validate", "--content", str(content_copy)]) == 2


def test_unknown_data_file_is_an_error(content_copy: Path) -> None:
    (content_copy / "years" / "2568" / "data" / "budget.csv").write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_site(content_copy)
    assert any("budget.csv" in str(e.path) for e in caught.value.errors)


def parse_rows(html: str) -> list[list[str]]:
    import re

    from tests.conftest import page_text

    start = html.index('<table class="pr-dataset')
    table = html[start: html.index("</table>", start)]
    table = table.split("<tfoot>")[0]
    return [[page_text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)]
            for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S)]


def test_contracts_page_table_chart_and_downloads(example_site: Path) -> None:
    html = (example_site / "2569" / "data" / "contracts" / "index.html").read_text(encoding="utf-8")
    rows = parse_rows(html)
    assert len(rows) - 1 >= 200
    assert "<caption>" in html and 'scope="col"' in html and "pr-sortable" in html
    raw = (example_site / "2569" / "data" / "contracts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    downloaded = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert downloaded[0] == rows[0] and [r[0] for r in downloaded] == [r[0] for r in rows[: len(downloaded)]]
    data = json.loads((example_site / "2569" / "data" / "contracts.json").read_text(encoding="utf-8"))
    # The CSV is for spreadsheets, which must sum it: plain numbers in Arabic digits and ISO dates,
    # though this site shows Thai digits; each row holds the JSON row's values.
    assert len(downloaded) - 1 == len(data["rows"])
    for record, line in zip(data["rows"], downloaded[1:], strict=True):
        for column, cell in zip(data["columns"], line, strict=True):
            value = record[column["key"]]
            if column["type"] == "money":
                assert re.fullmatch(r"-?\d+\.\d\d", cell) and float(cell) == value, (column, cell)
            elif column["type"] == "date":
                assert re.fullmatch(r"\d{4}-\d\d-\d\d", cell) and cell == value, (column, cell)
            else:
                assert cell == str(value), (column, cell)
    assert not re.search("[๐-๙]", "".join(c for line in downloaded for c in line[2:3] + line[6:9] + line[10:]))
    assert len(data["rows"]) == len(rows) - 1
    # ITA 2569's o11 names the monthly summary first; the index links that page, so this one claims no item.
    assert (data["oit"], data["oit_items"]) == (None, [])
    start = html.index('class="pr-chart"')
    start = html.rindex("<svg", 0, start)
    svg = html[start: html.index("</svg>", start) + 6]
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and "วิธีจัดซื้อจัดจ้าง" in root.get("aria-label")
    assert "e-bidding" in svg and "เฉพาะเจาะจง" in svg and "มูลค่าสัญญา" in root.find("{http://www.w3.org/2000/svg}title").text
    assert "href=\"../contracts.csv\"" in html


def test_sort_keys_only_where_the_text_does_not_sort_right(example_site: Path) -> None:
    # Numbers and dates carry a sort key; text sorts by itself, so a key equal to it would only
    # make a long page longer; a table too short to sort carries none at all.
    import re

    html = (example_site / "2569" / "data" / "contracts" / "index.html").read_text(encoding="utf-8")
    body = html[html.index("<tbody>"): html.index("</tbody>")]
    first_row = re.search(r"<tr>(.*?)</tr>", body, re.S).group(1)
    cells = re.findall(r"<t([hd])([^>]*)>", first_row)
    with_key = [i for i, (_, attrs) in enumerate(cells) if "data-sort=" in attrs]
    # budget, reference and agreed prices; signing and end dates (the contractor's tax ID is
    # shown in Arabic digits, as typed into e-GP, and sorts by itself)
    assert with_key == [2, 6, 7, 10, 11] and len(cells) == 12
    short = (example_site / "2569" / "data" / "services" / "index.html").read_text(encoding="utf-8")
    assert "pr-sortable" not in short and "data-sort" not in short


def test_complaints_none_says_so(small_site: Path) -> None:
    from tests.conftest import page_text

    text = page_text((small_site / "2568" / "data" / "complaints" / "index.html").read_text(encoding="utf-8"))
    assert "ไม่มีเรื่องร้องเรียน" in text


def test_complaints_with_cases_do_not_say_none(example_site: Path) -> None:
    from tests.conftest import page_text

    text = page_text((example_site / "2569" / "data" / "complaints" / "index.html").read_text(encoding="utf-8"))
    assert "ไม่มีเรื่องร้องเรียน" not in text and "เรื่องร้องเรียนรายเดือน" in text


def test_data_json_and_catalog_list_every_dataset(example_site: Path) -> None:
    from tests.conftest import page_text

    data = json.loads((example_site / "data.json").read_text(encoding="utf-8"))
    names = {d["id"] for d in data["datasets"]}
    from generator.kinds.datasets import catalog

    assert {f"2569-{name}" for name in catalog()} <= names, "the example has every dataset"
    assert {n for n in names if n.startswith("2570-")}, "and the datasets of the year under way"
    catalog = page_text((example_site / "data" / "index.html").read_text(encoding="utf-8"))
    for entry in data["datasets"]:
        assert entry["title"] and entry["fiscal_year"] in (2569, 2570) and entry["last_update"]
        assert "text/csv" in entry["formats"] and entry["url"].endswith("/")
        path = entry["downloads"]["csv"].split("://", 1)[-1].split("/", 1)[1]
        assert (example_site / path).is_file()
        assert entry["title"] in catalog


def test_flagged_rows_are_noted_on_the_page_and_at_build_time(content_copy: Path, tmp_path: Path, capsys) -> None:
    from generator.pipeline import build
    from tests.conftest import page_text

    row = list(GOOD)
    row[7] = "995,000.00"
    (content_copy / "years" / "2568" / "data" / "contracts.xlsx").unlink()
    write_csv(content_copy / "years" / "2568" / "data", [HEADER, row])
    build(content_copy, tmp_path / "site")
    err = capsys.readouterr().err
    assert "contracts.csv:2: ราคาที่ตกลงซื้อหรือจ้าง / agreed_price" in err and "สูงกว่าราคากลาง" in err
    text = page_text((tmp_path / "site" / "2568" / "data" / "contracts" / "index.html").read_text(encoding="utf-8"))
    assert "ข้อสังเกตจากการตรวจข้อมูล" in text and "แถว 2" in text and "สูงกว่าราคากลาง" in text


def test_xlsx_fixture_with_thai_digit_cells_shows_the_site_digits(small_site: Path) -> None:
    from tests.conftest import page_text

    text = page_text((small_site / "2568" / "data" / "contracts" / "index.html").read_text(encoding="utf-8"))
    assert "145,500.50" in text and "44,800.00" in text and "2568" in text and "๔๔" not in text


def test_annual_procurement_report_must_match_the_contract_list(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "years" / "2568" / "data"
    write_csv(folder, [HEADER, GOOD])
    write_csv(folder, [["วิธีการจัดซื้อจัดจ้าง", "จำนวนโครงการ", "มูลค่ารวม"], ["e-bidding", "2", "950,000.50"]],
              "procurement_report.csv")
    datasets, errors = load_folder(folder, 2568, tmp_path / "content")
    assert errors == [] and datasets["contracts"].notes == []
    [note] = datasets["procurement_report"].notes
    assert note.path.endswith("procurement_report.csv") and note.row == 2 and "count" in note.column
    assert "ไม่ตรงกับรายการสัญญา" in note.th


def test_two_files_for_one_dataset_are_an_error(content_copy: Path) -> None:
    write_csv(content_copy / "years" / "2568" / "data", [HEADER, GOOD])  # beside contracts.xlsx
    with pytest.raises(ContentErrors) as caught:
        load_site(content_copy)
    assert any("มากกว่าหนึ่งไฟล์" in e.th for e in caught.value.errors)


def test_year_index_and_navigation_list_the_datasets(example_site: Path) -> None:
    from tests.conftest import page_text

    html = (example_site / "2569" / "index.html").read_text(encoding="utf-8")
    text = page_text(html)
    assert "ข้อมูลเปิด" in text and "รายการสัญญาจัดซื้อจัดจ้าง ปีงบประมาณ ๒๕๖๙" in text
    assert 'href="data/contracts/"' in html


@pytest.mark.parametrize("encoding", ["cp874", "tis-620", "utf-16"])
def test_csv_saved_by_thai_windows_excel_is_read_as_written(tmp_path: Path, encoding: str) -> None:
    """Excel on Thai Windows saves "CSV" in cp874 (TIS-620 plus a few signs), "Unicode text" as UTF-16."""
    folder = tmp_path / "content" / "years" / "2568" / "data"
    folder.mkdir(parents=True)
    text = "ช่วงเวลา,จำนวนเรื่องที่รับ,ดำเนินการแล้วเสร็จ,อยู่ระหว่างดำเนินการ\nไตรมาส ๑,\"๘๑,๗๐๐ บาท\",1,0\n"
    (folder / "complaints.csv").write_bytes(text.encode(encoding))
    datasets, errors = load_folder(folder, 2568, tmp_path / "content")
    assert errors == []
    [row] = datasets["complaints"].table.rows
    assert row["period"] == "ไตรมาส ๑" and row["received"] == 81700  # "บาท" after an amount is read too


def test_csv_in_another_encoding_gets_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "years" / "2568" / "data"
    folder.mkdir(parents=True)
    (folder / "complaints.csv").write_bytes("période,reçu\n".encode("cp1252") + b"\x81\x8d\n")
    _, errors = load_folder(folder, 2568, tmp_path / "content")
    [problem] = errors
    assert "complaints.csv" in str(problem.path) and "UTF-8" in problem.th and "UTF-8" in problem.en


def test_spending_report_must_use_the_plans_amounts(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "years" / "2568" / "data"
    write_csv(folder, [["หมวดรายจ่าย", "งบประมาณตามแผน"], ["งบกลาง", "100.00"], ["งบลงทุน", "200.00"]],
              "spending_plan.csv")
    write_csv(folder, [["หมวดรายจ่าย", "งบประมาณตามแผน", "เบิกจ่ายจริง"], ["งบกลาง", "100", "90"],
                       ["งบลงทุน", "250", "10"]], "spending_report.csv")
    datasets, errors = load_folder(folder, 2568, tmp_path / "content")
    assert errors == []
    [note] = datasets["spending_report"].notes
    assert note.row == 3 and "planned" in note.column and "ไม่ตรงกับแผน" in note.th and "200.00" in note.th


def test_validate_also_prints_the_data_notes(content_copy: Path, capsys) -> None:
    from generator.__main__ import main

    row = list(GOOD)
    row[8] = "0345561000118"
    (content_copy / "years" / "2568" / "data" / "contracts.xlsx").unlink()
    write_csv(content_copy / "years" / "2568" / "data", [HEADER, row])
    assert main(["validate", "--content", str(content_copy)]) == 0
    err = capsys.readouterr().err
    assert "contracts.csv:2: เลขประจำตัวผู้เสียภาษีหรือเลขประจำตัวประชาชน / contractor_id" in err


def test_last_update_comes_from_the_data_not_the_file_clock(tmp_path: Path) -> None:
    import os
    import shutil

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).parent.parent / "content", content)
    for path in (content / "years" / "2569" / "data").iterdir():
        os.utime(path, (0, 0))  # as if checked out in 1970: must change nothing
    site = load_site(content)
    data = site.years[2569].datasets
    contracts = data["contracts"].table.rows
    # Signing dates, not contract end dates (which run past the fiscal year).
    assert data["contracts"].updated == max(r["contract_date"] for r in contracts)
    assert data["contracts"].updated < max(r["end_date"] for r in contracts)
    assert data["procurement_announcements"].updated == max(
        r["date"] for r in data["procurement_announcements"].table.rows
    )
    from generator.reproducible import content_date

    assert data["spending_plan"].updated == content_date(site)  # no date of its own


def test_procurement_and_budget_totals_are_also_written_in_words(content_copy: Path, tmp_path: Path) -> None:
    from generator.pipeline import build
    from tests.conftest import page_text

    second = list(GOOD)
    second[0], second[7] = "6802", "279,999.50"  # with GOOD's 950,000.50: 1,230,000.00 baht
    (content_copy / "years" / "2568" / "data" / "contracts.xlsx").unlink()
    write_csv(content_copy / "years" / "2568" / "data", [HEADER, GOOD, second])
    build(content_copy, tmp_path / "site")
    text = page_text((tmp_path / "site" / "2568" / "data" / "contracts" / "index.html").read_text(encoding="utf-8"))
    # As announcements of contracts write it: the figure, then the amount in words.
    assert "ราคาที่ตกลงซื้อหรือจ้าง รวมเป็นเงินทั้งสิ้น 1,230,000.00 บาท (หนึ่งล้านสองแสนสามหมื่นบาทถ้วน)" in text
    # Only the price agreed is summed in words, not the budget or reference price beside it.
    assert text.count("รวมเป็นเงินทั้งสิ้น") == 1


def test_totals_in_words_in_the_example_follow_the_site_digits_and_skip_scores(example_site: Path) -> None:
    from tests.conftest import page_text

    def text_of(name: str) -> str:
        return page_text((example_site / "2569" / "data" / name / "index.html").read_text(encoding="utf-8"))

    report = text_of("spending-report")
    assert "เบิกจ่ายจริง รวมเป็นเงินทั้งสิ้น ๔๔,๔๑๘,๘๖๖.๗๕ บาท (สี่สิบสี่ล้านสี่แสนหนึ่งหมื่นแปดพันแปดร้อยหกสิบหกบาทเจ็ดสิบห้าสตางค์)" in report
    assert "งบประมาณตามแผน รวมเป็นเงินทั้งสิ้น ๔๘,๑๔๐,๐๐๐.๐๐ บาท (สี่สิบแปดล้านหนึ่งแสนสี่หมื่นบาทถ้วน)" in report
    # A satisfaction score has two decimals like money, but is no amount of baht.
    assert "รวมเป็นเงินทั้งสิ้น" not in text_of("satisfaction") and "บาท" not in text_of("satisfaction")
