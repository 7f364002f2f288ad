"""The schema holds the three real documents in ../shared/seeds/ without loss.

Each seed is mapped field by field into content files (a deliberately plain
mapping: cells and paragraphs go in as written), built, and every non-empty
cell and paragraph must then be readable on the site. The seeds are read at
test time; the repository keeps no copy of their text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.pipeline import build
from generator.safetext import visible_text
from tests.conftest import SEEDS, page_text

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")


def seed(prefix: str) -> list[str]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8").splitlines()


def organization(name: str) -> dict[str, Any]:
    kind = "องค์การบริหารส่วนตำบล" if name.startswith("องค์การ") else "เทศบาลตำบล"
    return {"name": name, "kind": kind, "district": "-", "province": "-", "address": "-", "phone": "-"}


def build_content(tmp: Path, files: dict[str, Any]) -> str:
    for rel, data in files.items():
        path = tmp / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    build(tmp / "content", tmp / "site")
    return " ".join(page_text(p.read_text(encoding="utf-8")) for p in sorted((tmp / "site").rglob("*.html")))


def missing_from(text: str, pieces: list[str]) -> list[str]:
    wanted = [" ".join(visible_text(p).split()) for p in pieces if p.strip()]
    assert len(wanted) > 10
    return [w for w in wanted if w not in text]


def test_seed_000_measures_report_and_memo(tmp_path: Path) -> None:
    lines = seed("000")
    memo_at = lines.index("บันทึกข้อความ")
    rows: list[dict[str, Any]] = []
    intro: list[str] = []
    group: str | None = None
    pieces: list[str] = []
    for line in lines[:memo_at]:
        if "\t" in line:
            cells = line.split("\t")
            if cells[0].startswith("ประเด็นที่ต้อง"):
                continue
            issue, responsible, steps, monitoring, action = (cells + [""] * 5)[:5]
            row = {"issue": issue, "responsible": responsible, "steps": steps, "monitoring": monitoring}
            if action.strip():
                row["actions"] = [{"text": action}]
            if group:
                row["group"] = group
            rows.append(row)
            pieces += cells
        elif line.strip():
            pieces.append(line)
            if rows:
                group = f"{group} {line.strip()}" if group and rows[-1].get("group") != group else line.strip()
            else:
                intro.append(line)
    report = {"title": intro[0], "intro": intro[1:], "measures": rows}

    memo_lines = [x.strip() for x in lines[memo_at + 1:] if x.strip()]
    head = {k: next(x for x in memo_lines if x.startswith(k + " ")) for k in ("ส่วนราชการ", "ที่", "วันที่", "เรื่อง", "เรียน")}
    unit, phone = head["ส่วนราชการ"].removeprefix("ส่วนราชการ ").split(" : โทร ")
    subject_at = memo_lines.index(head["เรื่อง"])
    greeting_at = memo_lines.index(head["เรียน"])
    first_sign = memo_lines.index("(ลงชื่อ)")
    body = memo_lines[greeting_at + 1 : first_sign - 2]
    signatures: list[dict[str, Any]] = []
    label: str | None = None
    for line in memo_lines[first_sign - 1 :]:
        if line.startswith("ความเห็นของ"):
            label = line
        elif line == "(ลงชื่อ)":
            signatures.append({"name": "", "position": []} | ({"comment_label": label} if label else {}))
            label = None
        elif line.startswith("(") and line.endswith(")") and not signatures[-1]["name"]:
            signatures[-1]["name"] = line[1:-1]
        elif signatures and signatures[-1]["name"]:
            signatures[-1]["position"].append(line)
    memo = {
        "unit": unit, "phone": phone, "reference": head["ที่"].removeprefix("ที่ "),
        "date": head["วันที่"].removeprefix("วันที่ "), "subject": " ".join(memo_lines[subject_at:greeting_at])[6:],
        "salutation": head["เรียน"].removeprefix("เรียน "), "body": body, "closing": memo_lines[first_sign - 2],
        "signatures": signatures,
    }
    text = build_content(tmp_path, {
        "organization.yml": organization("เทศบาลตำบลตลาดแร้ง"),
        "years/2566/progress_report.yml": report, "years/2566/memos/report.yml": memo,
    })
    pieces += [unit, phone, memo["reference"], memo["salutation"], memo["closing"], *body]
    pieces += [s["name"] for s in signatures] + [p for s in signatures for p in s["position"]]
    pieces += [s.get("comment_label", "") for s in signatures]
    assert len(signatures) == 5
    assert "๑๐ มีนาคม ๒๕๖๖" in text
    assert not missing_from(text, pieces)


def test_seed_001_ita_analysis_and_measures(tmp_path: Path) -> None:
    lines = seed("001")
    tools: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    paragraphs: list[str] = []
    pieces: list[str] = []
    fields = ["title", "steps", "responsible", "period", "monitoring"]
    for line in lines:
        cells = line.split("\t")
        if len(cells) == 2:
            if cells[0].startswith("ตัวชี้วัด"):
                continue
            pieces += cells
            if cells[0].startswith("แบบวัด"):
                code = re.search(r"\((IIT|EIT|OIT)\)", cells[0]).group(1)
                if not tools or tools[-1]["tool"] != code:
                    tools.append({"tool": code, "title": cells[0], "indicators": []})
            elif not cells[0].strip():
                tools[-1]["indicators"][-1]["issues"].append(cells[1])
            else:
                tools[-1]["indicators"].append({"name": cells[0], "issues": [cells[1]]})
        elif len(cells) == 5:
            if cells[0].startswith("มาตรการ"):
                continue
            pieces += cells
            if not cells[0].strip():
                for name, cell in zip(fields, cells, strict=True):
                    if cell.strip():
                        measures[-1][name] = [measures[-1].get(name, ""), cell]
            else:
                measures.append(dict(zip(fields, cells, strict=True)))
        elif line.strip():
            paragraphs.append(line.strip())
    score, level = re.search(r"([๐-๙.]+) คะแนน อยู่ในระดับ ([A-F])", " ".join(paragraphs)).groups()
    analysis = {"assessed_year": 2563, "total_score": score.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")),
                "level": level, "intro": paragraphs[:4], "tools": tools}
    plan = {"title": paragraphs[0], "intro": paragraphs[4:], "measures": measures,
            "headers": {"title": "มาตรการ/แนวทาง", "steps": "วิธีการดำเนินการ", "period": "ระยะเวลาดำเนินการ",
                        "monitoring": "การติดตามผล"}}
    text = build_content(tmp_path, {
        "organization.yml": organization("องค์การบริหารส่วนตำบลคึมใหญ่"),
        "years/2564/ita_analysis.yml": analysis, "years/2564/measures.yml": plan,
    })
    assert "คะแนนรวม ๗๐.๖๒ คะแนน" in text and "ระดับ C" in text
    assert not missing_from(text, pieces + paragraphs)


def test_seed_004_announcement_with_oit_tables(tmp_path: Path) -> None:
    lines = [x.strip() for x in seed("004") if x.strip()]
    title, subject = lines[0], lines[1].removeprefix("เรื่อง ")
    date_at = next(i for i, x in enumerate(lines) if x.startswith("ประกาศ ณ วันที่"))
    first_section = next(i for i, x in enumerate(lines) if x.startswith("๑. "))
    sections: list[dict[str, Any]] = []
    pieces = lines[2:date_at] + lines[date_at + 1 :]
    table: dict[str, Any] | None = None
    for line in lines[first_section : date_at - 1]:
        section_head = re.match(r"^([๐-๙]+)\s*\.\s*(.*)$", line)
        cells = line.split("\t")
        if section_head and len(cells) == 1:
            sections.append({"number": section_head.group(1), "heading": section_head.group(2), "body": []})
            table = None
        elif len(cells) == 2:
            if table is None or cells[0] == "ข้อมูล":
                if cells[0] == "ข้อมูล" and table is not None:
                    continue
                table = {"columns": ["ข้อมูล", "รายละเอียดที่เผยแพร่"], "rows": []}
                sections[-1]["body"].append({"table": table})
                if cells[0] == "ข้อมูล":
                    continue
            table["rows"].append({"group": cells[0]} if not cells[1].strip() else cells)
        else:
            table = None
            sections[-1]["body"].append(line)
    signer_name = lines[-2].strip("()")
    announcement = {
        "title": title, "subject": subject, "preamble": lines[2:first_section], "sections": sections,
        "closing": lines[date_at - 1], "date": lines[date_at].removeprefix("ประกาศ ณ วันที่ "),
        "signers": [{"name": signer_name, "position": lines[-1]}],
    }
    text = build_content(tmp_path, {
        "organization.yml": organization("เทศบาลตำบลคำบง"), "years/2565/announcements/guidelines.yml": announcement,
    })
    assert "ประกาศ ณ วันที่ ๒๕ กุมภาพันธ์ พ.ศ. ๒๕๖๕" in text
    pieces = [p for line in pieces for p in line.split("\t") if p != lines[date_at]]
    assert not missing_from(text, [re.sub(r"^([๐-๙]+)\s*\.\s*", "", p) for p in pieces])
