"""Generate the example organization's open datasets (fictional, seeded, run once per fiscal year).

    .venv/bin/python tools/make_example_data.py content/years/2569/data 2569
    .venv/bin/python tools/make_example_data.py content/years/2570/data 2570 2026-11-30

The fiscal year (BE) runs from 1 October of the year before; an end date keeps
a year still under way to what has happened by then (no annual report yet).

Contractor ids get a valid 13-digit checksum; every name is invented.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

from openpyxl import Workbook

MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
          "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
WORKS = [
    ("จ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {m}", 250_000, 2_500_000, "e-bidding"),
    ("จ้างเหมาซ่อมแซมท่อระบายน้ำ หมู่ที่ {m}", 40_000, 480_000, "เฉพาะเจาะจง"),
    ("ซื้อวัสดุสำนักงาน กองคลัง ครั้งที่ {n}", 3_000, 45_000, "เฉพาะเจาะจง"),
    ("ซื้ออาหารเสริม (นม) โรงเรียนในเขตเทศบาล ภาคเรียนที่ {s}", 150_000, 900_000, "เฉพาะเจาะจง"),
    ("จ้างเหมาบริการเก็บขยะมูลฝอย เดือน{month}", 35_000, 60_000, "เฉพาะเจาะจง"),
    ("ซื้อวัสดุไฟฟ้าและวิทยุ ครั้งที่ {n}", 5_000, 90_000, "เฉพาะเจาะจง"),
    ("จ้างขุดลอกลำห้วยสายธารคำ ช่วงที่ {n}", 300_000, 1_800_000, "e-bidding"),
    ("ซื้อครุภัณฑ์คอมพิวเตอร์ ครั้งที่ {n}", 20_000, 300_000, "e-market"),
    ("จ้างซ่อมแซมรถบรรทุกน้ำ ทะเบียน สธ {n}", 8_000, 120_000, "เฉพาะเจาะจง"),
    ("จ้างติดตั้งไฟฟ้าส่องสว่างสาธารณะ หมู่ที่ {m}", 90_000, 700_000, "คัดเลือก"),
]
FUNDS = ["เงินงบประมาณรายจ่ายประจำปี", "เงินอุดหนุนเฉพาะกิจ", "เงินสะสม"]
FIRMS = ["ห้างหุ้นส่วนจำกัด ธารคำการช่าง (สมมุติ)", "บริษัท ตัวอย่างวัสดุภัณฑ์ จำกัด (สมมุติ)",
         "ร้านคำเจริญพาณิชย์ (สมมุติ)", "ห้างหุ้นส่วนจำกัด สายน้ำโยธา (สมมุติ)",
         "บริษัท ไอทีทดสอบ จำกัด (สมมุติ)", "สหกรณ์โคนมตัวอย่าง จำกัด (สมมุติ)",
         "ร้านสมมุติการไฟฟ้า (สมมุติ)", "อู่ช่างแดงยานยนต์ (สมมุติ)"]


def with_checksum(first12: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


def thai_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year + 543}"


def money(value: float) -> str:
    return f"{value:,.2f}"


def contracts(rng: random.Random, fiscal: int, until: dt.date, count: int = 220) -> list[list[str]]:
    firm_ids = {f: with_checksum("0" + "".join(rng.choice("0123456789") for _ in range(11))) for f in FIRMS}
    rows: list[tuple[dt.date, list[str]]] = []
    start = dt.date(fiscal - 544, 10, 1)
    days = min(360, (until - start).days)
    for n in range(1, count * days // 360 + 1):
        template, low, high, method = rng.choice(WORKS)
        day = start + dt.timedelta(days=rng.randrange(0, days))
        budget = round(rng.uniform(low, high), -2)
        reference = round(budget * rng.uniform(0.9, 1.0), -2)
        agreed = round(reference * rng.uniform(0.85, 1.0), 2)
        firm = rng.choice(FIRMS)
        work = template.format(m=rng.randint(1, 12), n=n, s=rng.randint(1, 2), month=MONTHS[day.month - 1])
        signed = day < min(until, start.replace(year=start.year + 1)) - dt.timedelta(days=30)
        status = "ลงนามสัญญาแล้ว" if signed else "อยู่ระหว่างดำเนินการ"
        rows.append((day, [f"{fiscal % 100}{n:05d}{rng.randint(100, 999)}", work, money(budget), rng.choice(FUNDS),
                     status, method,
                     money(reference), money(agreed), firm_ids[firm], firm, thai_date(day),
                     thai_date(day + dt.timedelta(days=rng.choice([7, 15, 30, 60, 90, 120])))]))
    return [row for _, row in sorted(rows, key=lambda r: r[0])]


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def main(out: Path, fiscal: int, until: dt.date | None = None) -> None:
    rng = random.Random(fiscal)
    out.mkdir(parents=True, exist_ok=True)
    year_end = dt.date(fiscal - 543, 9, 30)
    until = min(until or year_end, year_end)
    header = ["เลขที่โครงการ", "งานที่ซื้อหรือจ้าง", "วงเงินงบประมาณ", "แหล่งที่มาของงบประมาณ",
              "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง", "ราคาที่ตกลงซื้อหรือจ้าง",
              "เลขประจำตัวผู้เสียภาษีหรือเลขประจำตัวประชาชน", "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
              "วันที่ลงนามในสัญญา", "วันสิ้นสุดสัญญา"]
    rows = contracts(rng, fiscal, until)
    write(out / "contracts.csv", header, rows)
    # The monthly สขร. ๑ summary and the annual report are drawn from the same contracts.
    monthly = []
    by_method: dict[str, list[float]] = {}
    for row in rows:
        _day, month, year = row[10].split()
        agreed = row[7]
        monthly.append([f"{month} {year}", row[1], row[6], row[5], f"{row[9]} {agreed} บาท",
                        f"{row[9]} {agreed} บาท", "เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน",
                        f"สัญญาเลขที่ {row[0]} ลงวันที่ {row[10]}"])
        by_method.setdefault(row[5], []).append(float(agreed.replace(",", "")))
    write(out / "procurement_monthly.csv", ["เดือน", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินงบประมาณ (ราคากลาง)",
          "วิธีซื้อหรือจ้าง", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
          "เหตุผลที่คัดเลือกโดยสังเขป", "เลขที่และวันที่ของสัญญาหรือข้อตกลง"], monthly)
    if until == year_end:  # the annual report is made when the year has ended
        write(out / "procurement_report.csv", ["วิธีการจัดซื้อจัดจ้าง", "จำนวนโครงการ", "มูลค่ารวม"],
              [[m, str(len(v)), money(sum(v))] for m, v in sorted(by_method.items())])
    # Complaints are kept in Excel by the office: one sheet, Thai header row.
    book = Workbook()
    sheet = book.active
    sheet.append(["ช่วงเวลา", "ช่องทาง", "จำนวนเรื่องที่รับ", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ"])
    first = dt.date(fiscal - 544, 10, 1)
    months = [dt.date(first.year + (first.month + k - 1) // 12, (first.month + k - 1) % 12 + 1, 1) for k in range(12)]
    listed = [m for m in months if m <= until]
    for m in listed:
        received = rng.randint(0, 6)
        pending = rng.randint(0, min(received, 1)) if m in listed[-2:] else 0  # the last two months may be open
        channel = rng.choice(["โทรศัพท์", "เว็บไซต์", "ยื่นที่สำนักงาน", "ไลน์ทางการ"])
        sheet.append([f"{MONTHS[m.month - 1]} {m.year + 543}", channel, received, received - pending, pending])
    book.save(out / "complaints.xlsx")


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), dt.date.fromisoformat(sys.argv[3]) if len(sys.argv) > 3 else None)
