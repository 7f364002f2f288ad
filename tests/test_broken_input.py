"""Broken content through the real command line: each mistake gives its
documented message (Thai, then English, with file and line), exit code 2,
no traceback, and the site that was there before stays byte for byte.

The messages are listed in the README ("ข้อความแจ้งข้อผิดพลาด").
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SMALL = REPO / "tests" / "fixtures" / "small_org"


def cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built by the CLI from good content: the 'previous site' every case must leave alone."""
    work = tmp_path_factory.mktemp("broken")
    result = cli("build", "--content", SMALL, "--site-dir", work / "site", cwd=work)
    assert result.returncode == 0, result.stderr
    return work / "site"


def edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(content: Path) -> None:
        path = content / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def append(rel: str, text: str) -> Callable[[Path], None]:
    def apply(content: Path) -> None:
        with open(content / rel, "a", encoding="utf-8") as handle:
            handle.write(text)

    return apply


def new_file(rel: str, data: bytes) -> Callable[[Path], None]:
    def apply(content: Path) -> None:
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return apply


ORG = "organization.yml"
MEASURES = "years/2568/measures.yml"
MEMO = "years/2568/memos/measures-memo.yml"
BOMB = """lol1: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
lol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
lol4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
lol5: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
"""


@dataclass
class Case:
    id: str
    mutate: Callable[[Path], None]
    file: str  # content-relative file named in the message
    line_of: str | None  # text of the line the message must point at (None: the whole file)
    field: str | None  # field path printed after file:line
    th: str  # part of the Thai message
    en: str  # part of the English message


CASES = [
    Case(
        "yaml-syntax",
        edit(MEASURES, "title: ชี้แจงแผนการใช้จ่ายงบประมาณแก่บุคลากร", "title: ชี้แจง: แผน: งบ"),
        MEASURES,
        "title: ชี้แจง: แผน: งบ",
        None,
        "อ่านไฟล์ YAML ไม่ได้",
        "This YAML cannot be read",
    ),
    Case(
        "wrong-type",
        edit(ORG, "name: นางสาวอรุณี ริมบึง", "name: {first: อรุณี}"),
        ORG,
        "name: {first: อรุณี}",
        "executives[2].name",
        "ค่าไม่ถูกชนิด: ต้องเป็นข้อความ",
        "Wrong type: expected text, got dict.",
    ),
    Case(
        "missing-field",
        edit(ORG, "name: องค์การบริหารส่วนตำบลบึงตะวัน\n", ""),
        ORG,
        "short_name:",  # the mapping that lacks it starts on the first key
        "name",
        "ขาดช่องข้อมูลที่จำเป็น 'name'",
        "Required field 'name' is missing",
    ),
    Case(
        "unknown-field",
        edit(MEASURES, "    responsible: กองคลัง\n    start:", "    responsibel: กองคลัง\n    start:"),
        MEASURES,
        "responsibel: กองคลัง",
        "measures[1].responsibel",
        "ไม่รู้จักช่องข้อมูล 'responsibel' หมายถึง 'responsible' หรือไม่",
        "Unknown field 'responsibel'. Did you mean 'responsible'?",
    ),
    Case(
        "missing-asset",
        edit(ORG, "photo: executives/chief-executive.svg", "photo: executives/nobody.svg"),
        ORG,
        "photo: executives/nobody.svg",
        "executives[1].photo",
        "ไม่พบไฟล์ 'executives/nobody.svg' ที่อ้างถึง",
        "Referenced file 'executives/nobody.svg' not found",
    ),
    Case(
        "asset-outside",
        edit(ORG, "photo: executives/chief-executive.svg", "photo: ../../x"),
        ORG,
        "photo: ../../x",
        "executives[1].photo",
        "ที่อยู่ไฟล์ '../../x' ใช้ไม่ได้",
        "File reference '../../x' is not allowed",
    ),
    Case(
        "slug-outside",
        edit(ORG, "id: chief-executive", "id: ../../x"),
        ORG,
        "id: ../../x",
        "executives[1].id",
        "ชื่อไฟล์ '../../x' ใช้เป็นที่อยู่หน้าเว็บไม่ได้",
        "'../../x' cannot be used as a page address",
    ),
    Case(
        "duplicate-id",
        edit(ORG, "  - name: นางสาวอรุณี ริมบึง\n", "  - name: นางสาวอรุณี ริมบึง\n    id: chief-executive\n"),
        ORG,
        "    id: chief-executive\n    position: รองนายก",
        "executives[2].id",
        "รหัส 'chief-executive' ซ้ำกับรายการในบรรทัด 18",
        "The id 'chief-executive' is already used on line 18",
    ),
    Case(
        "duplicate-key",
        edit(ORG, "province: แดนสมมุติ\n", "province: แดนสมมุติ\nprovince: ดินแดนอื่น\n"),
        ORG,
        "province: ดินแดนอื่น",
        "province",
        "ช่องข้อมูล 'province' ซ้ำกันในส่วนเดียวกัน",
        "The key 'province' appears twice",
    ),
    Case(
        "bad-date",
        edit(MEMO, "date: 20 พ.ย. 2567", "date: 31 ก.พ. 2567"),
        MEMO,
        "date: 31 ก.พ. 2567",
        "date",
        "อ่านวันที่ '31 ก.พ. 2567' ไม่ได้",
        "Cannot read the date '31 ก.พ. 2567'",
    ),
    Case(
        "script-url",
        append(ORG, "website: javascript:alert(1)\n"),
        ORG,
        "website: javascript:alert(1)",
        "website",
        "ลิงก์ 'javascript:alert(1)' ใช้ไม่ได้ ต้องขึ้นต้นด้วย https://",
        "Link 'javascript:alert(1)' is not allowed",
    ),
    Case(
        "data-url",
        append(ORG, "website: 'data:text/html,<script>alert(1)</script>'\n"),
        ORG,
        "website: 'data:text/html",
        "website",
        "ลิงก์ 'data:text/html,<script>alert(1)</script>' ใช้ไม่ได้",
        "Link 'data:text/html,<script>alert(1)</script>' is not allowed",
    ),
    Case(
        "alias-bomb",
        append(ORG, BOMB),
        ORG,
        "lol2: &b [*a",
        "lol2[1]",
        "ไม่รองรับการอ้างอิงซ้ำ (anchor/alias",
        "YAML anchors and aliases (&, *, <<) are not supported",
    ),
    Case(
        "five-megabytes",
        edit(ORG, "office_hours: วันจันทร์ถึงวันศุกร์", "office_hours: " + "ก" * (5 * 1024 * 1024 // 3)),
        ORG,
        None,
        None,
        "ไฟล์ใหญ่เกินไป",
        "File too large",
    ),
    Case(
        "not-utf8",
        new_file(MEMO, "subject: café crème\n".encode("latin-1")),  # Windows' Thai code page: test_hardening
        MEMO,
        None,
        None,
        "ไฟล์ไม่ได้บันทึกเป็น UTF-8",
        "The file is not UTF-8",
    ),
    Case(
        "unknown-file",
        new_file("years/2568/notes.txt", b"draft\n"),
        "years/2568/notes.txt",
        None,
        None,
        "ไม่รู้จักไฟล์นี้",
        "Unknown file.",
    ),
    Case(
        "spreadsheet-missing-column",
        new_file("years/2568/data/spending_report.csv", "หมวดรายจ่าย,เบิกจ่ายจริง\nงบกลาง,100\n".encode()),
        "years/2568/data/spending_report.csv",
        "หมวดรายจ่าย",
        "งบประมาณตามแผน / planned",
        "ไม่มีคอลัมน์ 'งบประมาณตามแผน' ซึ่งจำเป็น",
        "Required column 'งบประมาณตามแผน' (planned) is missing",
    ),
    Case(
        "page-without-title",
        new_file("pages/empty.md", "ข้อความที่ไม่มีส่วนหัว\n".encode()),
        "pages/empty.md",
        "ข้อความที่ไม่มีส่วนหัว",
        "title",
        "ขาดช่องข้อมูลที่จำเป็น 'title'",
        "Required field 'title' is missing",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_broken_content_is_refused_and_the_site_kept(case: Case, built: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    case.mutate(content)
    before = tree_digest(built)
    neighbours = sorted(p.name for p in built.parent.iterdir())

    result = cli("build", "--content", content, "--site-dir", built, cwd=tmp_path)

    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    where = f"content/{case.file}"
    if case.line_of is not None:
        text = (content / case.file).read_text(encoding="utf-8")
        line = text[: text.index(case.line_of)].count("\n") + 1
        where += f":{line}"
    header = f"{where}: {case.field}" if case.field else where
    lines = result.stderr.splitlines()
    assert header in lines, f"expected a line {header!r} in:\n{result.stderr}"
    at = lines.index(header)
    assert case.th in lines[at + 1] and case.en in lines[at + 2], result.stderr
    assert "ยังไม่ได้สร้างเว็บไซต์ เว็บไซต์เดิมยังอยู่ครบ" in result.stderr
    assert "Nothing was built and the previous site is untouched." in result.stderr
    assert tree_digest(built) == before, "the previous site changed"
    assert sorted(p.name for p in built.parent.iterdir()) == neighbours, "the build left files beside the site"


def test_validate_reports_the_same_without_building(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    append(ORG, BOMB)(content)
    result = cli("validate", "--content", content, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "YAML anchors and aliases" in result.stderr


def test_readme_documents_every_message() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## ข้อความแจ้งข้อผิดพลาด", 1)[1]
    for case in CASES:
        # The fixed wording of each message (before the first filled-in value) is in the README table.
        for text in (case.th, case.en):
            fixed = next(p.strip() for p in re.split(r"'[^']*'|\(|:", text) if len(p.strip()) >= 4)
            assert fixed and fixed in section, f"README lacks the message for {case.id}: {fixed!r}"
