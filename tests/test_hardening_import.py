"""Importing text as Thai offices save it, through the real command line (issue 19):
what the file says reaches the built page letter for letter, whatever the encoding
Windows chose, and a file no encoding reads whole is refused by name, never read
with characters replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_broken_input import cli

from tests.conftest import page_text

BODY = "เงื่อนไขในระบบคือ a<b, c>d และยอดเบิกต่ำกว่า <5,000 บาท ต้องแนบใบสำคัญ"
MEMO = f"""บันทึกข้อความ
ส่วนราชการ กองคลัง เทศบาลตำบลโนนสำราญ
ที่ นส ๗๗๐๐๑/๐๐๙
วันที่ ๔ ธันวาคม ๒๕๖๘
เรื่อง รายงานเงื่อนไขการเบิกจ่ายเงินยืม
เรียน นายกเทศมนตรีตำบลโนนสำราญ
{BODY}
จึงเรียนมาเพื่อโปรดทราบ
(นางสาวพรรณี ศรีโนน)
ผู้อำนวยการกองคลัง
"""


def imported_page(tmp: Path, raw: bytes) -> str:
    """Import `raw` as a .txt, build the site, and return the memo page's text."""
    source = tmp / "บันทึก.txt"
    source.write_bytes(raw)
    result = cli("import", source, "--into", tmp / "content", cwd=tmp)
    assert result.returncode == 0, result.stdout + result.stderr
    result = cli("build", "--content", tmp / "content", "--site-dir", tmp / "site", cwd=tmp)
    assert result.returncode == 0, result.stderr
    (page,) = (tmp / "site" / "2569" / "memos").rglob("index.html")
    return page_text(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("encoding", ["utf-8", "cp874", "tis-620", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_in_every_thai_windows_encoding_reaches_the_page_as_written(encoding: str, tmp_path: Path) -> None:
    text = imported_page(tmp_path, MEMO.encode(encoding))
    assert BODY in text, text  # a<b, c>d is text, not a tag to strip
    assert "รายงานเงื่อนไขการเบิกจ่ายเงินยืม" in text and "\ufffd" not in text


REFUSED = [
    # Latin-1 accents: neither UTF-8 nor Thai in cp874
    ("latin-1", "Café naïve, Zürich".encode("latin-1") * 20, "ไม่ได้บันทึกเป็น UTF-8, UTF-16 หรือรหัสอักษรไทยของ Windows",
     "is not UTF-8, UTF-16 or Windows' Thai encoding"),
    # UTF-16 with its mark, cut in the middle of a surrogate pair
    ("utf-16-broken", MEMO.encode("utf-16") + "😀".encode("utf-16-le")[:2], "บันทึกเป็น UTF-16 แต่มีบางส่วนที่อ่านเป็นตัวอักษรไม่ได้",
     "is saved as UTF-16 but part of it does not read as text"),
    # UTF-8 with its mark and a stray byte
    ("utf-8-broken", b"\xef\xbb\xbf" + MEMO.encode("utf-8") + b"\xff", "บันทึกเป็น UTF-8 แต่มีบางส่วน",
     "is saved as UTF-8 but part of it"),
]


@pytest.mark.parametrize(("name", "raw", "th", "en"), REFUSED, ids=[r[0] for r in REFUSED])
def test_text_no_encoding_reads_whole_is_refused_by_name(name: str, raw: bytes, th: str, en: str,
                                                         tmp_path: Path) -> None:
    source = tmp_path / "บันทึก.txt"
    source.write_bytes(raw)
    result = cli("import", source, "--into", tmp_path / "content", cwd=tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 2 and "Traceback" not in out, out
    lines = result.stderr.splitlines()
    at = next(i for i, line in enumerate(lines) if th in line)
    assert "บันทึก.txt" in lines[at] and "Notepad" in lines[at], out  # Thai first, naming the file and what to do
    assert en in lines[at + 1] and "Save As with Encoding UTF-8" in lines[at + 1], out
    assert not (tmp_path / "content").exists(), "nothing is written"
