"""Many organizations: shards, one failure not stopping the others, the portal, kept mtimes."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from generator.__main__ import main
from generator.multi import in_shard, org_dirs
from generator.pipeline import build

SMALL = Path(__file__).parent / "fixtures" / "small_org"
# Shards (of 8) of org-00000 … org-00005: sha256 of the folder name, as operators' earlier runs placed them.
SHARDS_OF_FIRST_SIX = [6, 3, 7, 2, 3, 1]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v for k, v in attrs if k == "href" and v]


def test_shards_are_stable_and_complete() -> None:
    slugs = [f"org-{i:05d}" for i in range(500)]
    for n in (1, 3, 8):
        owners = [[i for i in range(1, n + 1) if in_shard(s, (i, n))] for s in slugs]
        assert all(len(o) == 1 for o in owners)  # every org in exactly one shard
        assert all(sum(o == [i] for o in owners) > 500 / n / 2 for i in range(1, n + 1))  # no shard left idle
    # the same on every machine and Python run (a salted hash() would differ): fixed expectations
    assert [next(i for i in range(1, 9) if in_shard(s, (i, 8))) for s in slugs[:6]] == SHARDS_OF_FIRST_SIX


def test_adding_organizations_moves_none_to_another_shard(tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"org-{i}").mkdir()
    before = {i: [d.name for d in org_dirs(tmp_path, (i, 4))] for i in range(1, 5)}
    for i in range(30, 60):
        (tmp_path / f"org-{i}").mkdir()
    after = {i: [d.name for d in org_dirs(tmp_path, (i, 4))] for i in range(1, 5)}
    assert all(set(before[i]) <= set(after[i]) for i in before)


def test_shard_selection_on_disk(tmp_path: Path) -> None:
    for i in range(20):
        (tmp_path / f"org-{i}").mkdir()
    picked = [d.name for i in (1, 2, 3) for d in org_dirs(tmp_path, (i, 3))]
    assert sorted(picked) == sorted(f"org-{i}" for i in range(20))


def test_one_failure_is_reported_and_others_build(tmp_path: Path, capsys) -> None:
    orgs = _orgs(tmp_path, ("alpha", "broken", "gamma"))
    bad = orgs / "broken" / "site.yml"
    bad.write_text(bad.read_text(encoding="utf-8") + "digits: roman\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["build-all", "--orgs", str(orgs), "--out", str(out), "--jobs", "2"])
    assert code == 2
    err = capsys.readouterr().err
    assert "broken" in err and "site.yml" in err
    assert (out / "alpha" / "index.html").is_file() and (out / "gamma" / "index.html").is_file()
    assert not (out / "broken").exists()
    portal = (out / "index.html").read_text(encoding="utf-8")
    assert "สร้างไม่สำเร็จ" in portal

    parser = Links()
    parser.feed(portal)
    org_links = [h for h in parser.hrefs if h.endswith("/index.html")]
    assert sorted(org_links) == ["alpha/index.html", "gamma/index.html"]
    for href in org_links:
        assert (out / href).is_file()
    assert "บึงตะวัน" in portal  # organization names shown, failed one too (from its organization.yml)
    assert "http" not in portal.split("<body>")[1].split("</body>")[0]  # no external requests
    assert (out / "_portal" / "fonts" / "sarabun-thai-400-normal.woff2").is_file()


def test_portal_merges_shard_manifests(tmp_path: Path) -> None:
    orgs = _orgs(tmp_path, ("a1", "b2", "c3", "d4"))
    out = tmp_path / "out"
    for i in (1, 2):
        assert main(["build-all", "--orgs", str(orgs), "--out", str(out), "--shard", f"{i}/2", "--jobs", "1"]) == 0
    assert main(["portal", "--out", str(out)]) == 0
    portal = (out / "index.html").read_text(encoding="utf-8")
    for slug in ("a1", "b2", "c3", "d4"):
        assert f'href="{slug}/index.html"' in portal


def _mtimes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_unchanged_rebuild_keeps_every_mtime(content_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(content_copy, site)
    before = _mtimes(site)
    build(content_copy, site)
    assert _mtimes(site) == before

    page = content_copy / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nบรรทัดใหม่สำหรับทดสอบ\n", encoding="utf-8")
    build(content_copy, site)
    after = _mtimes(site)
    changed = {p for p in after if after[p] != before.get(p)}
    assert any(p.endswith("index.html") and "contact" in p for p in changed)
    allowed = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"}
    # The search pieces that hold the new line's characters change too.
    assert {p for p in changed if "contact" not in p and not p.startswith("search/prongsai/")} <= allowed
    assert "search/prongsai/pages.json" not in changed


def _orgs(tmp_path: Path, slugs: tuple[str, ...]) -> Path:
    orgs = tmp_path / "orgs"
    for slug in slugs:
        shutil.copytree(SMALL, orgs / slug)
    return orgs


def _text(markup: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", markup).split())


def test_failure_message_thai_first_with_name(tmp_path: Path, capsys) -> None:
    orgs = _orgs(tmp_path, ("good", "bad"))
    org = orgs / "bad" / "organization.yml"
    org.write_text(org.read_text(encoding="utf-8").replace("name:", "name_typo:", 1), encoding="utf-8")
    assert main(["build-all", "--orgs", str(orgs), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 2
    err = capsys.readouterr().err
    thai = err.index("สร้างเว็บไซต์ไม่สำเร็จ")
    english = err.index("failed to build")
    assert thai < english
    assert "โฟลเดอร์ bad" in err[: thai + 200]
    assert "bad/organization.yml" in err  # the file to fix, relative to the organizations folder
    assert (tmp_path / "out" / "good" / "index.html").is_file()


def test_bad_shard_and_missing_folder_are_clear_errors(tmp_path: Path, capsys) -> None:
    assert main(["build-all", "--orgs", str(tmp_path), "--out", str(tmp_path / "o"), "--shard", "3/2"]) == 2
    assert "ค่า --shard" in capsys.readouterr().err
    assert main(["build-all", "--orgs", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.index("ไม่พบโฟลเดอร์หน่วยงาน") < err.index("not found")


def test_portal_shows_the_checkers_readiness_for_the_latest_ita_year(tmp_path: Path) -> None:
    """The figure on the portal is the OIT checker's own summary, for the latest of site.yml's ita_years."""
    from generator.content import load_site
    from generator.oit.readiness import assess, summary
    from generator.pipeline import render_site

    orgs = _orgs(tmp_path, ("one",))
    site_yml = orgs / "one" / "site.yml"
    text = re.sub(r"(?m)^ita_years:.*\n?", "", site_yml.read_text(encoding="utf-8"))
    site_yml.write_text(text.rstrip("\n") + "\nita_years: [2567, 2568]\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build-all", "--orgs", str(orgs), "--out", str(out), "--jobs", "1"]) == 0
    site = load_site(orgs / "one")
    ready, total = summary(assess(site, 2568, {p.path for p in render_site(site).pages}))
    assert total > 0
    shown = f"พร้อม {ready} จาก {total} ข้อ (ITA ปี 2568)"
    thai = shown.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert thai in _text((out / "index.html").read_text(encoding="utf-8"))
    assert main(["portal", "--out", str(out), "--digits", "arabic"]) == 0
    assert shown in _text((out / "index.html").read_text(encoding="utf-8"))


def test_build_all_twice_keeps_mtimes_and_one_change_touches_one_org(tmp_path: Path) -> None:
    orgs = _orgs(tmp_path, ("north", "south"))
    out = tmp_path / "out"
    args = ["build-all", "--orgs", str(orgs), "--out", str(out), "--jobs", "1"]
    assert main(args) == 0
    before = _mtimes(out)
    assert main(args) == 0
    assert _mtimes(out) == before  # nothing published changes: manifests and portal included

    page = orgs / "south" / "pages" / "contact.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nเปิดทำการวันเสาร์ด้วย\n", encoding="utf-8")
    assert main(args) == 0
    after = _mtimes(out)
    changed = {p for p in after if after[p] != before.get(p)}
    assert "south/pages/contact/index.html" in changed
    assert all(p.startswith("south/") for p in changed)
    assert "เปิดทำการวันเสาร์ด้วย" in (out / "south" / "pages" / "contact" / "index.html").read_text(encoding="utf-8")


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging: a pool that deadlocks must not stall the whole suite."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"build-all did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_worker_that_dies_fails_only_its_organization(tmp_path: Path, monkeypatch, capsys) -> None:
    import generator.pipeline

    real_load = generator.pipeline.load_site

    def load_or_die(content: Path):
        if content.name == "crashes":
            os._exit(9)  # as the kernel's out-of-memory killer would end the worker
        return real_load(content)

    monkeypatch.setattr(generator.pipeline, "load_site", load_or_die)  # forked workers inherit it
    orgs = _orgs(tmp_path, ("alpha", "crashes", "gamma", "delta"))
    out = tmp_path / "out"
    with deadline(240):
        code = main(["build-all", "--orgs", str(orgs), "--out", str(out), "--jobs", "2"])
    assert code == 2
    err = capsys.readouterr().err
    assert "crashes" in err and "หยุดทำงานกะทันหัน" in err and "stopped abruptly" in err
    assert err.index("หยุดทำงานกะทันหัน") < err.index("stopped abruptly")
    for slug in ("alpha", "gamma", "delta"):
        assert (out / slug / "index.html").is_file(), slug
    assert not (out / "crashes").exists()


def test_more_organizations_than_one_batch_of_workers(tmp_path: Path, monkeypatch) -> None:
    """Workers are replaced between batches; every organization is built exactly once."""
    import generator.multi

    monkeypatch.setattr(generator.multi, "TASKS_PER_WORKER", 1)  # batches of 2 with 2 jobs
    slugs = [f"org-{i}" for i in range(5)]
    orgs = _orgs(tmp_path, tuple(slugs))
    with deadline(240):
        results = generator.multi.build_all(orgs, tmp_path / "out", jobs=2)
    assert [r.slug for r in results] == slugs and all(r.ok for r in results)
    assert all((tmp_path / "out" / s / "index.html").is_file() for s in slugs)


def test_each_organization_is_dated_by_its_own_content(tmp_path: Path) -> None:
    # Like a single build, build-all writes the content's newest date into the sitemap, not
    # the clock's: the same content gives the same site on any machine, any day.
    from generator.content import load_site
    from generator.reproducible import content_date

    orgs = _orgs(tmp_path, ("one",))
    out = tmp_path / "out"
    assert main(["build-all", "--orgs", str(orgs), "--out", str(out), "--jobs", "1"]) == 0
    sitemap = (out / "one" / "sitemap.xml").read_text(encoding="utf-8")
    newest = content_date(load_site(orgs / "one")).isoformat()
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {newest}
