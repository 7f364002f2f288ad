"""`prongsai publish` against real servers started here on 127.0.0.1 (tests/publish_servers.py):
only changed files are sent, a cut-off upload goes on from where it stopped, files that left the
site are deleted (only ours), and the password never comes from, or goes into, the site."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from publish_servers import PASSWORD, USER, Server, ftp_server, sftp_server

from generator.publish import MANIFEST, PART_SUFFIX, publish
from generator.publish.cli import PublishSettings, connect, run_publish

BIG = 1_500_000


def make_site(site: Path) -> dict[str, bytes]:
    files = {
        "index.html": "<h1>หน้าแรก องค์การบริหารส่วนตำบลโนนพยอม</h1>".encode(),
        "about/index.html": "<p>ข้อมูลหน่วยงาน</p>".encode(),
        "assets/a.css": b"body{font-family:Sarabun}",
        "assets/z-report.pdf": os.urandom(BIG),
        "sitemap.xml": b"<urlset/>",
        "empty.txt": b"",
    }
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    return files


def on_server(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and p.name != MANIFEST}


@pytest.fixture(params=["sftp", "ftp", "ftps"])
def server(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.ssh/known_hosts of this machine
    root = tmp_path / "hosting"
    root.mkdir()
    start = sftp_server(root) if request.param == "sftp" else ftp_server(root, tls=request.param == "ftps")
    with start as running:
        yield running


def settings_for(server: Server, path: str = "public_html") -> PublishSettings:
    return PublishSettings(protocol=server.protocol, host="127.0.0.1", port=server.port, user=USER, path=path,
                           host_key=server.host_key, ca_file=server.ca_file, timeout=30)


class Cut(ConnectionAbortedError):
    pass


def test_only_changes_are_sent_and_a_cut_upload_resumes(server: Server, tmp_path: Path) -> None:
    site = tmp_path / "site"
    files = make_site(site)
    settings = settings_for(server)
    sent = 0

    def drop_midway(n: int) -> None:  # the line drops inside the big file
        nonlocal sent
        sent += n
        if sent > BIG // 3:
            raise Cut

    remote = connect(settings, PASSWORD)
    with pytest.raises(Cut):
        publish(site, remote, progress=drop_midway)
    remote.close()
    hosted = server.root / "public_html"
    parts = [p for p in hosted.rglob(f"*{PART_SUFFIX}") if p.name.startswith(".z-report.pdf")]
    assert len(parts) == 1 and 0 < parts[0].stat().st_size < BIG
    part_size = parts[0].stat().st_size
    assert not (hosted / "assets" / "z-report.pdf").exists()  # never half a file under its real name
    assert not (hosted / "index.html").exists()  # pages wait for their assets

    remote = connect(settings, PASSWORD)
    outcome = publish(site, remote)
    remote.close()
    assert "assets/a.css" not in outcome.sent  # it arrived before the cut, and the manifest says so
    assert outcome.resumed_bytes == part_size
    assert outcome.resumed_bytes > 0 and outcome.sent_bytes < sum(len(d) for d in files.values())
    assert on_server(hosted) == files
    assert not list(hosted.rglob(f"*{PART_SUFFIX}"))

    remote = connect(settings, PASSWORD)
    again = publish(site, remote)
    assert again.sent == [] and again.unchanged == len(files)
    (site / "about" / "index.html").write_bytes("<p>ข้อมูลหน่วยงาน ปรับปรุง</p>".encode())
    (site / "sitemap.xml").unlink()
    (hosted / "theirs.html").write_bytes(b"put here by the hosting's own tool")
    changed = publish(site, remote)
    remote.close()
    assert changed.sent == ["about/index.html"] and changed.deleted == ["sitemap.xml"]
    assert (hosted / "theirs.html").exists()  # not ours to delete
    expected = {**files, "about/index.html": "<p>ข้อมูลหน่วยงาน ปรับปรุง</p>".encode(),
                "theirs.html": b"put here by the hosting's own tool"}
    del expected["sitemap.xml"]
    assert on_server(hosted) == expected


def _args(tmp_path: Path, **kw: object) -> argparse.Namespace:
    base = {"site_dir": tmp_path / "site", "config": tmp_path / "publish.yml", "content": tmp_path / "content",
            "dry_run": False}
    return argparse.Namespace(**(base | kw))


def _config(server: Server, path: Path) -> None:
    lines = [f"protocol: {server.protocol}", "host: 127.0.0.1", f"port: {server.port}", f"user: {USER}",
             "path: www"]
    if server.host_key:
        lines.append(f"host_key: {server.host_key}")
    if server.ca_file:
        lines.append(f"ca_file: {server.ca_file}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_command_reads_publish_yml_and_the_secret_file(server: Server, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    files = make_site(tmp_path / "site")
    (tmp_path / "content").mkdir()
    _config(server, tmp_path / "publish.yml")
    (tmp_path / "publish.secret").write_text(PASSWORD + "\n", encoding="utf-8")
    assert run_publish(_args(tmp_path, dry_run=True)) == 0
    assert "จะส่ง 6 ไฟล์" in capsys.readouterr().out and not (server.root / "www" / "index.html").exists()
    assert run_publish(_args(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "ส่งใหม่ 6 ไฟล์" in out and "6 files sent" in out
    assert on_server(server.root / "www") == files
    assert PASSWORD.encode() not in b"".join(on_server(server.root / "www").values())


def test_a_wrong_password_is_a_message(server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    make_site(tmp_path / "site")
    _config(server, tmp_path / "publish.yml")
    monkeypatch.setenv("PRONGSAI_PUBLISH_PASSWORD", "ผิด")
    assert run_publish(_args(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "เชื่อมต่อ" in err and "Could not connect" in err and "Traceback" not in err


def test_an_unknown_sftp_host_key_is_refused_with_its_fingerprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    root = tmp_path / "hosting"
    root.mkdir()
    make_site(tmp_path / "site")
    with sftp_server(root) as server:
        (tmp_path / "publish.yml").write_text(f"host: 127.0.0.1\nport: {server.port}\nuser: {USER}\n")
        monkeypatch.setenv("PRONGSAI_PUBLISH_PASSWORD", PASSWORD)
        assert run_publish(_args(tmp_path)) == 2
        err = capsys.readouterr().err
        assert server.host_key and server.host_key in err and "host_key" in err
        assert not list(root.iterdir())  # nothing was sent (nor the password)


def test_settings_inside_the_content_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_site(tmp_path / "site")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "publish.yml").write_text("host: example.org\n")
    assert run_publish(_args(tmp_path, config=tmp_path / "content" / "publish.yml")) == 2
    assert "นอกโฟลเดอร์ content" in capsys.readouterr().err


def test_a_bad_setting_names_file_line_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_site(tmp_path / "site")
    (tmp_path / "publish.yml").write_text("host: example.org\nprotocol: scp\n")
    assert run_publish(_args(tmp_path)) == 2
    err = capsys.readouterr().err
    assert "publish.yml:2" in err and "protocol" in err


def test_no_built_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_publish(_args(tmp_path)) == 2
    assert "prongsai build" in capsys.readouterr().err
