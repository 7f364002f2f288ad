"""ITA scores as the NACC publishes them: two decimals (91.30, never 91.3), on the page in
the site's digits and in messages, through the real command line (issue 18)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_broken_input import SMALL, cli, edit

from tests.conftest import page_text

ANALYSIS = "years/2568/ita_analysis.yml"


@pytest.mark.parametrize(("digits", "total", "tool", "indicator"),
                         [("arabic", "91.30", "90.10", "93.50"), ("thai", "๙๑.๓๐", "๙๐.๑๐", "๙๓.๕๐")])
def test_scores_keep_their_trailing_zero_in_the_sites_digits(digits: str, total: str, tool: str, indicator: str,
                                                             tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    edit(ANALYSIS, "total_score: 87.12", "total_score: 91.30")(content)
    edit("site.yml", "digits: arabic", f"digits: {digits}")(content)
    result = cli("build", "--content", content, "--site-dir", tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (page,) = (tmp_path / "site" / "2568").glob("ita-analysis*/index.html")
    text = page_text(page.read_text(encoding="utf-8"))
    assert f"คะแนนรวม {total} คะแนน" in text, text
    assert f"คะแนน {tool}" in text and indicator in text, text


def test_a_message_writes_the_score_as_published(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    edit(ANALYSIS, "total_score: 87.12", "total_score: 91.30")(content)
    edit(ANALYSIS, "level: A", "level: B")(content)
    edit(ANALYSIS, "score: 90.10", "score: 100.50")(content)
    result = cli("build", "--content", content, "--site-dir", tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "ระดับ 'B' ไม่ตรงกับคะแนน 91.30 (คะแนนนี้อยู่ในระดับ A)" in result.stderr
    assert "Level 'B' does not match score 91.30" in result.stderr
    assert "คะแนน 100.50 ต้องอยู่ระหว่าง 0 ถึง 100" in result.stderr
