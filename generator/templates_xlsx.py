"""Blank spreadsheet templates: one CSV and one .xlsx per open dataset of catalog/datasets.yml, with
the Thai header row the loader reads, so staff start from a file that is already named and shaped right."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .catalog import field_docs
from .kinds.datasets import catalog
from .write import write_if_changed

FORMATS = ("csv", "xlsx")


def header(name: str) -> list[str]:
    return [column["th"] for column in catalog()[name]["columns"]]


def csv_template(name: str) -> bytes:
    """The header row only, UTF-8 with a byte-order mark so that Excel shows the Thai letters."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerow(header(name))
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def xlsx_template(name: str) -> bytes:
    """Sheet 1: the Thai header row (bold, frozen, columns wide enough); sheet 2: what each column takes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    spec = catalog()[name]
    guide = field_docs()["guide"]
    wording = guide["datasets"]
    book = Workbook()
    sheet = book.active
    sheet.title = name[:31]
    sheet.append(header(name))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(14, min(48, len(str(cell.value)) + 4))
    sheet.freeze_panes = "A2"
    about = book.create_sheet(wording["columns"][0][:31])
    about.append([spec["title"]])
    about["A1"].font = Font(bold=True)
    about.append(wording["columns"])
    for column in spec["columns"]:
        need = guide["required"] if column.get("required") else guide["optional"]
        about.append([column["th"], column["key"], need, wording["types"][column["type"]]])
    for letter, width in zip("ABCD", (40, 20, 12, 40), strict=True):
        about.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_templates(folder: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Write every dataset's template into `folder`; returns the paths written or already current."""
    made = {"csv": csv_template, "xlsx": xlsx_template}
    paths = []
    for name in catalog():
        for fmt in formats:
            path = folder / f"{name}.{fmt}"
            write_if_changed(path, made[fmt](name))
            paths.append(path)
    return paths
