"""Staff's older Excel (.xls) and LibreOffice (.ods) files are read like .xlsx and CSV: same rows,
same typed values, same row numbers in errors; and the blank templates load once a row is filled."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from test_datasets import GOOD, HEADER

from generator.content import load_site
from generator.errors import ContentErrors
from generator.kinds.datasets import columns_of
from generator.kinds.datasets.tables import raw_rows, read_table

SMALL = Path(__file__).resolve().parent / "fixtures" / "small_org"
# A signing date as a real date cell (a spreadsheet's own date type), not as text.
DATE_CELL = dt.date(2025, 1, 15)


def _cells() -> list[object]:
    row: list[object] = list(GOOD)
    row[2] = 1000000  # a number cell
    row[10] = DATE_CELL
    return row


def write_xls(path: Path, rows: list[list[object]]) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("สัญญา")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write(r, c, value, date_style)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_ods(path: Path, rows: list[list[object]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="สัญญา")
    for row in rows:
        tr = TableRow()
        for value in row:
            if isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
            elif isinstance(value, int):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("writer,suffix", [(write_xls, ".xls"), (write_ods, ".ods")])
def test_xls_and_ods_rows_are_typed_like_csv(tmp_path: Path, writer, suffix: str) -> None:
    path = writer(tmp_path / f"contracts{suffix}", [HEADER, _cells(), []])
    table, errors = read_table(path, columns_of("contracts"), raw_rows(path))
    assert errors == []
    row = table.rows[0]
    assert row["work"] == "จ้างซ่อมถนน"
    assert row["budget"] == Decimal("1000000")
    assert row["contract_date"] == DATE_CELL
    assert row["contractor_id"] == "0345561000117"
    assert table.row_numbers == [2]


@pytest.mark.parametrize("writer,suffix", [(write_xls, ".xls"), (write_ods, ".ods")])
def test_a_bad_cell_in_xls_or_ods_names_file_row_and_column(tmp_path: Path, writer, suffix: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    data = content / "years" / "2568" / "data"
    (data / "contracts.xlsx").unlink()
    bad = _cells()
    bad[6] = "ราคากลางไม่ทราบ"
    writer(data / f"contracts{suffix}", [HEADER, _cells(), bad])
    with pytest.raises(ContentErrors) as caught:
        load_site(content)
    text = caught.value.format(content)
    assert f"contracts{suffix}" in text and "แถว 3" in text and "ราคากลาง" in text


def test_a_broken_xls_is_an_error_not_a_crash(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    (content / "years" / "2568" / "data" / "complaints.yml").unlink()
    (content / "years" / "2568" / "data" / "complaints.ods").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    with pytest.raises(ContentErrors) as caught:
        load_site(content)
    assert "complaints.ods" in caught.value.format(content)
