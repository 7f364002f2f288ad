"""The live preview shows mistakes (issue 23, part 8), through the real command: `python -m
generator serve` on a free port; a content file is broken, the preview page then shows the
Thai message with file and line and the English one; once fixed, the message is gone."""

from __future__ import annotations

import html
import json
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import page_text

GUARD_SECONDS = 120  # only so a broken preview fails the test instead of hanging it
BAD_FIELD = "nmae"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Preview:
    """The serve command in a child process; its log lines are read as they come."""

    def __init__(self, content: Path, build_dir: Path) -> None:
        self.url = f"http://127.0.0.1:{free_port()}/"
        cmd = [sys.executable, "-m", "generator", "serve", "--content", str(content),
               "--build-dir", str(build_dir), "--dev-addr", self.url[7:-1]]
        self.proc = subprocess.Popen(cmd, stderr=subprocess.STDOUT, stdout=subprocess.PIPE, text=True,
                                     encoding="utf-8", errors="replace")
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.log: list[str] = []

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put("")

    def wait_for(self, text: str) -> None:
        """Read the log until a line holds `text` (the preview logs each build it serves)."""
        while True:
            try:
                line = self.lines.get(timeout=GUARD_SECONDS)
            except queue.Empty:
                pytest.fail(f"the preview never logged {text!r}:\n{''.join(self.log)}")
            self.log.append(line)
            if line == "":
                pytest.fail(f"the preview stopped before {text!r}:\n{''.join(self.log)}")
            if text in line:
                return

    def page(self) -> str:
        with urllib.request.urlopen(self.url, timeout=GUARD_SECONDS) as response:
            return page_text(html.unescape(response.read().decode("utf-8")))


@pytest.fixture
def preview(content_copy: Path, tmp_path: Path) -> Iterator[Preview]:
    running = Preview(content_copy, tmp_path / "build")
    try:
        running.wait_for("Serving on")
        yield running
    finally:
        running.proc.terminate()
        running.proc.wait(timeout=GUARD_SECONDS)


def test_the_preview_shows_a_mistake_until_it_is_fixed(preview: Preview, content_copy: Path) -> None:
    org = content_copy / "organization.yml"
    good = org.read_text(encoding="utf-8")
    assert "ข้อมูลมีข้อผิดพลาด" not in preview.page()

    org.write_text(good + f"{BAD_FIELD}: เทศบาล\n", encoding="utf-8")
    line = good.count("\n") + 1
    preview.wait_for("Preview rebuilt")
    shown = preview.page()
    assert "ข้อมูลมีข้อผิดพลาด" in shown
    assert f"organization.yml:{line}: {BAD_FIELD}" in shown
    assert f"ไม่รู้จักช่องข้อมูล '{BAD_FIELD}'" in shown and f"Unknown field '{BAD_FIELD}'" in shown

    org.write_text(good, encoding="utf-8")
    preview.wait_for("Preview rebuilt")
    shown = preview.page()
    assert "ข้อมูลมีข้อผิดพลาด" not in shown and BAD_FIELD not in shown


def _served_text(preview: Preview) -> str:
    """Every chunk of the search index the preview serves, joined ("" while it is being written)."""
    def get(path: str) -> bytes:
        with urllib.request.urlopen(preview.url + path, timeout=GUARD_SECONDS) as response:
            return response.read()

    try:
        meta = json.loads(get("search/search_index.json"))["config"]["prongsai"]
        return " ".join(json.loads(get(f"search/prongsai/chunks/{n}.json"))[2] for n in range(meta["chunks"]))
    except urllib.error.HTTPError:
        return ""


def _wait_for_search(preview: Preview, has: str, wanted: bool) -> None:
    deadline = time.monotonic() + GUARD_SECONDS
    while True:
        text = _served_text(preview)
        if text and (has in text) == wanted:
            return
        assert time.monotonic() < deadline, f"the preview's search index never {'had' if wanted else 'lost'} {has!r}"
        time.sleep(0.2)


def test_an_edit_reaches_the_previews_search_too(preview: Preview, content_copy: Path) -> None:
    marker = "คำทดสอบตัวอย่างใหม่"
    _wait_for_search(preview, marker, wanted=False)
    org = content_copy / "organization.yml"
    text = org.read_text(encoding="utf-8")
    org.write_text(text.replace("\noffice_hours: ", f"\noffice_hours: {marker} ", 1), encoding="utf-8")
    preview.wait_for("Preview rebuilt")
    # The index is written just after the pages: it has the edit within moments of the page.
    _wait_for_search(preview, marker, wanted=True)
    org.write_text(text, encoding="utf-8")
    preview.wait_for("Preview rebuilt")
    _wait_for_search(preview, marker, wanted=False)


def test_a_waiting_browser_learns_of_the_next_build_and_a_missing_page_is_the_thai_404(
    preview: Preview, content_copy: Path
) -> None:
    with urllib.request.urlopen(preview.url, timeout=GUARD_SECONDS) as response:
        page = response.read().decode("utf-8")
    seen = int(page.rsplit("})(", 1)[1].split(")", 1)[0])  # the build number the page was served from
    answer: list[int] = []
    waiting = threading.Thread(target=lambda: answer.append(int(urllib.request.urlopen(
        f"{preview.url}__prongsai/reload?after={seen}", timeout=GUARD_SECONDS).read())))
    waiting.start()
    org = content_copy / "organization.yml"
    org.write_text(org.read_text(encoding="utf-8").replace("\noffice_hours: ", "\noffice_hours: ใหม่ ", 1),
                   encoding="utf-8")
    waiting.join(GUARD_SECONDS)
    assert answer and answer[0] > seen
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{preview.url}no-such-page/", timeout=GUARD_SECONDS)
    assert missing.value.code == 404 and "ไม่พบหน้า" in missing.value.read().decode("utf-8")
