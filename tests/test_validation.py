"""What a staff member sees when content is wrong: file, line, field, Thai then English, exit 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

ORG = """\
name: เทศบาลตำบลทดลองใจ
kind: เทศบาลตำบล
district: ภูเมฆา
province: แดนสมมุติ
address: ๙ หมู่ ๑
phone: "0 4400 0000"
executives:
  - id: mayor
    name: นายสมมุติ ใจดี
    position: นายกเทศมนตรี
"""
MEASURES = """\
measures:
  - id: m1
    title: เปิดเผยข้อมูลงบประมาณ
    responsible: กองคลัง
  - id: m2
    title: ประชุมชี้แจงบุคลากร
    responsible: สำนักปลัด
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write(tmp_path / "content", {"organization.yml": ORG, "years/2568/measures.yml": MEASURES})


def validate(content: Path) -> subprocess.CompletedProcess[str]:
    return run("validate", "--content", str(content))


def assert_thai_then_english(out: str, thai: str, english: str) -> None:
    assert thai in out and english in out, out
    assert out.index(thai) < out.index(english)


def test_valid_content_passes(content: Path) -> None:
    result = validate(content)
    assert result.returncode == 0, result.stderr
    assert "ไม่พบข้อผิดพลาด" in result.stdout


def test_unknown_key_names_file_line_and_suggests(content: Path) -> None:
    (content / "years/2568/measures.yml").write_text(MEASURES.replace("    responsible: สำนักปลัด", "    responsibel: สำนักปลัด"))
    result = validate(content)
    assert result.returncode == 2
    assert "years/2568/measures.yml:7: measures[2].responsibel" in result.stderr
    assert_thai_then_english(result.stderr, "หมายถึง 'responsible' หรือไม่", "Did you mean 'responsible'?")
    assert "Traceback" not in result.stderr


def test_wrong_type(content: Path) -> None:
    write(content, {"years/2568/ita_analysis.yml": "assessed_year: 2567\ntotal_score: [80]\n"})
    result = validate(content)
    assert result.returncode == 2
    assert "ita_analysis.yml:2: total_score" in result.stderr
    assert_thai_then_english(result.stderr, "ต้องเป็นตัวเลข", "expected a number")


def test_missing_required_field(content: Path) -> None:
    (content / "organization.yml").write_text(ORG.replace("province: แดนสมมุติ\n", ""))
    result = validate(content)
    assert result.returncode == 2
    assert "organization.yml:1: province" in result.stderr
    assert_thai_then_english(result.stderr, "ขาดช่องข้อมูลที่จำเป็น 'province'", "Required field 'province' is missing")


def test_duplicate_ids(content: Path) -> None:
    (content / "years/2568/measures.yml").write_text(MEASURES.replace("id: m2", "id: m1"))
    result = validate(content)
    assert result.returncode == 2
    assert "measures.yml:5: measures[2].id" in result.stderr
    assert_thai_then_english(result.stderr, "รหัส 'm1' ซ้ำกับรายการในบรรทัด 2", "already used on line 2")


def test_unparseable_date(content: Path) -> None:
    write(content, {"years/2568/memos/m.yml": "unit: สำนักปลัด\ndate: 31 กุมภาพันธ์ 2568\nsubject: ก\nsalutation: ข\nbody: ค\n"})
    result = validate(content)
    assert result.returncode == 2
    assert "memos/m.yml:2: date" in result.stderr
    assert_thai_then_english(result.stderr, "อ่านวันที่ '31 กุมภาพันธ์ 2568' ไม่ได้", "Cannot read the date")


def test_level_must_match_score(content: Path) -> None:
    write(content, {"years/2568/ita_analysis.yml": "assessed_year: 2567\ntotal_score: 70.62\nlevel: B\n"})
    result = validate(content)
    assert result.returncode == 2
    assert "ita_analysis.yml:3: level" in result.stderr
    assert_thai_then_english(result.stderr, "คะแนนนี้อยู่ในระดับ C", "that score is level C")


def test_missing_and_escaping_file_references(content: Path) -> None:
    text = ORG.replace("    position: นายกเทศมนตรี\n", "    position: นายกเทศมนตรี\n    photo: ../../x.png\n")
    (content / "organization.yml").write_text(text + "logo: logo.png\n")
    result = validate(content)
    assert result.returncode == 2
    assert "organization.yml:12: logo" in result.stderr and "ไม่พบไฟล์ 'logo.png'" in result.stderr
    assert "organization.yml:11: executives[1].photo" in result.stderr and "ห้ามมี .." in result.stderr


def test_unknown_files_are_not_silently_ignored(content: Path) -> None:
    write(content, {"years/2568/measure.yml": "measures: []\n", "years/25x8/measures.yml": "measures: []\n"})
    result = validate(content)
    assert result.returncode == 2
    assert "years/2568/measure.yml" in result.stderr and "Unknown file" in result.stderr
    assert "25x8" in result.stderr


def test_every_error_is_reported_in_one_run(content: Path) -> None:
    (content / "organization.yml").write_text(ORG.replace("district:", "distric:"))
    write(content, {"years/2568/ita_analysis.yml": "assessed_year: 2567\ntotal_score: 130\n"})
    result = validate(content)
    assert result.returncode == 2
    assert "distric" in result.stderr and "total_score" in result.stderr
    assert "พบข้อผิดพลาด 3 รายการ" in result.stderr  # unknown key, missing district, score range


def test_failed_build_leaves_previous_site_untouched(content: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    first = run("build", "--content", str(content), "--site-dir", str(site))
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (content / "organization.yml").write_text(ORG + "bad: [\n")
    second = run("build", "--content", str(content), "--site-dir", str(site))
    assert second.returncode == 2
    assert "เว็บไซต์เดิมยังอยู่ครบ" in second.stderr
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site.new")]
