"""News (ข่าวประชาสัมพันธ์): the index newest first in pages, each post, the home page's
latest news, the Atom and RSS feeds, the OIT news item of each ITA year, and bad post files
refused by the real command with file, line and field."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from generator.content import load_site
from generator.kinds.news import LATEST, PER_PAGE, posts
from generator.kinds.registry import document_kinds, root_names
from generator.pipeline import render_site
from generator.thai import parse_date
from tests.conftest import EXAMPLE, REPO, SMALL, article_html, page_text, read_page

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://saitharnkham.example/"


def front_matter(path: Path) -> dict[str, object]:
    """A post's front matter as written in its file (read here, not through the generator)."""
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def written_posts() -> list[tuple[dt.date, str, str]]:
    """(date, slug, title) of every example post, newest first."""
    found = []
    for path in sorted((EXAMPLE / "news").glob("*.md")):
        meta = front_matter(path)
        found.append((parse_date(meta["date"]), path.stem, str(meta["title"])))
    found.sort(key=lambda p: p[1])
    return sorted(found, key=lambda p: p[0], reverse=True)


def hrefs(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"#]*)"', html)


def resolves(site: Path, page_url: str, href: str) -> Path:
    """The built file a link on the page at `page_url` (site-relative, e.g. news/) leads to."""
    target = urljoin(f"http://x/{page_url}", href).removeprefix("http://x/")
    path = site / target
    return path / "index.html" if target.endswith("/") or not target else path


def listed_titles(html: str) -> list[str]:
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", article_html(html), re.S)
    return [page_text(re.sub(r'<a class="headerlink".*?</a>', "", h)) for h in headings]


def test_news_is_a_declared_kind_of_the_content_folder() -> None:
    assert "news" in [k.name for k in document_kinds()] and "news" in root_names()


def test_the_index_lists_posts_newest_first_in_pages_that_link_each_other(example_site: Path) -> None:
    expected = written_posts()
    assert len(expected) > PER_PAGE, "the example should fill more than one index page"
    first = read_page(example_site, "news")
    second = read_page(example_site, "news/page/2")
    assert listed_titles(first) == [t for _, _, t in expected[:PER_PAGE]]
    assert listed_titles(second) == [t for _, _, t in expected[PER_PAGE:]]
    # Each title links its post; the pager's Thai links lead to the other page, both ways.
    for href in hrefs(article_html(first)):
        assert resolves(example_site, "news/", href).is_file(), href
    next_link = re.search(r'<a href="([^"]+)">หน้าถัดไป', first)
    back_link = re.search(r'<a href="([^"]+)">‹ หน้าก่อนหน้า', second)
    assert next_link and back_link
    assert resolves(example_site, "news/", next_link.group(1)) == example_site / "news/page/2/index.html"
    assert resolves(example_site, "news/page/2/", back_link.group(1)) == example_site / "news/index.html"
    assert "หน้า ๑ จาก ๒" in page_text(first) and "หน้า ๒ จาก ๒" in page_text(second)


def test_a_post_shows_its_buddhist_era_date_image_and_attachment(example_site: Path) -> None:
    site = load_site(EXAMPLE)
    with_image = next(p for p in posts(site) if p.meta.images)
    with_file = next(p for p in posts(site) if p.meta.attachments)
    html = read_page(example_site, f"news/{with_image.slug}")
    text = page_text(article_html(html))
    day = with_image.meta.date
    assert site.settings.thai.date(day) in text and str(day.year + 543) not in text  # Thai digits
    image = with_image.meta.images[0]
    img = re.search(r'<img src="([^"]+)" alt="([^"]+)"', article_html(html))
    assert img and resolves(example_site, f"news/{with_image.slug}/", img.group(1)).is_file()
    assert img.group(2) == image.caption and image.caption in text
    html = read_page(example_site, f"news/{with_file.slug}")
    attachment = with_file.meta.attachments[0]
    link = re.search(r'<a href="([^"]+)">' + re.escape(attachment.title), html)
    assert link, "the attachment is not linked by its title"
    assert resolves(example_site, f"news/{with_file.slug}/", link.group(1)).read_bytes().startswith(b"%PDF")


def test_the_home_page_shows_the_latest_posts(example_site: Path) -> None:
    text = page_text(article_html(read_page(example_site, "")))
    latest = written_posts()
    shown = [text.find(title) for _, _, title in latest[:LATEST]]
    assert -1 not in shown and shown == sorted(shown), "the latest posts, newest first"
    assert latest[LATEST][2] not in text
    assert "ข่าวประชาสัมพันธ์ล่าสุด" in text and "ข่าวประชาสัมพันธ์ทั้งหมด" in text


def test_the_atom_and_rss_feeds_carry_the_posts(example_site: Path) -> None:
    expected = written_posts()
    feed = ET.parse(example_site / "news" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [t for _, _, t in expected]
    for entry, (day, slug, _) in zip(entries, expected, strict=True):
        updated = dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated") or "")
        assert updated.date() == day and updated.utcoffset() == dt.timedelta(hours=7)
        link = entry.find(f"{ATOM}link").get("href")  # type: ignore[union-attr]
        assert link == f"{SITE_URL}news/{slug}/" == entry.findtext(f"{ATOM}id")
        assert (example_site / "news" / slug / "index.html").is_file()
    assert dt.datetime.fromisoformat(feed.findtext(f"{ATOM}updated") or "").date() == expected[0][0]
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    channel = ET.parse(example_site / "news" / "rss.xml").getroot().find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert [parsedate_to_datetime(i.findtext("pubDate") or "").date() for i in items] == [d for d, _, _ in expected]
    index = read_page(example_site, "news")
    for name in ("feed.xml", "rss.xml"):
        assert any(resolves(example_site, "news/", h).name == name for h in hrefs(index)), name


def test_without_site_url_the_feed_links_are_relative(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    settings = content / "site.yml"
    settings.write_text(re.sub(r"^site_url:.*\n", "", settings.read_text(encoding="utf-8"), flags=re.M), "utf-8")
    feed = ET.fromstring(render_site(load_site(content)).downloads["news/feed.xml"])
    entry = feed.findall(f"{ATOM}entry")[0]
    assert entry.find(f"{ATOM}link").get("href") == f"{written_posts()[0][1]}/"  # type: ignore[union-attr]
    assert (entry.findtext(f"{ATOM}id") or "").startswith("urn:uuid:")


@pytest.mark.parametrize("year, code", [(2566, "o7"), (2567, "o7"), (2568, "o4"), (2569, "o4"), (2570, "o4")])
def test_the_ita_index_links_the_news_for_the_news_item(year: int, code: str, tmp_path: Path) -> None:
    """Bound through each year's catalog (its news item names the kind), not by oit.yml; 2570
    uses the provisional copy of 2569. The example's news is of FY 2569 and 2570, so older
    ITA years find the item out of date."""
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    settings = content / "site.yml"
    text = re.sub(r"^ita_years:.*$", f"ita_years: [{year}]", settings.read_text(encoding="utf-8"), flags=re.M)
    settings.write_text(text, "utf-8")
    # The example's oit.yml is written for ITA 2569-2570, where o7 is another item: an office
    # assessed in 2566 binds its own o7 there (oit.yml wins over a catalog's binding).
    bindings = content / "oit.yml"
    bindings.write_text(re.sub(rf"^\s*{code}:.*\n", "", bindings.read_text(encoding="utf-8"), flags=re.M), "utf-8")
    site = load_site(content)
    rendered = render_site(site)
    items = {i["code"]: i for i in json.loads(rendered.downloads[f"ita/{year}/oit.json"])["items"]}
    assert items[code]["title"] == "ข่าวประชาสัมพันธ์"
    assert items[code]["link"] == f"{SITE_URL}news/"
    assert items[code]["status"] == ("manual" if year >= 2569 else "out_of_date")
    index = next(p for p in rendered.pages if p.path == "news/index.md")
    assert f"ITA {site.settings.thai.year(year)} · {code} ข่าวประชาสัมพันธ์" in index.content  # the criteria box


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})


BAD_POSTS = {
    "no-date": ("title: ข่าวไม่มีวันที่\n", 2, "date", "ขาดช่องข้อมูลที่จำเป็น 'date'"),
    "impossible-date": ("title: ข่าววันที่ผิด\ndate: 2569-02-30\n", 3, "date", "เดือนกุมภาพันธ์ พ.ศ. 2569 มี 28 วัน"),
    "outside-image": ("title: ข่าวภาพนอกโฟลเดอร์\ndate: 2026-01-05\nimages:\n  - file: ../../../etc/passwd\n", 5,
                      "images[1].file", "ห้ามขึ้นต้นด้วย / และห้ามมี .."),
}


def test_bad_post_files_are_refused_with_file_line_and_field(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(SMALL, content)
    (content / "news").mkdir()
    for slug, (front, _, _, _) in BAD_POSTS.items():
        (content / "news" / f"{slug}.md").write_text(f"---\n{front}---\nเนื้อข่าว\n", encoding="utf-8")
    done = cli("build", "--content", content, "--site-dir", tmp_path / "site")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()
    for slug, (_, line, field, thai) in BAD_POSTS.items():
        shown = re.search(rf"news/{slug}\.md:{line}: {re.escape(field)}\n  (.+)\n  (.+)\n", done.stderr)
        assert shown, f"{slug}: {done.stderr}"
        assert thai in shown.group(1) and shown.group(2).isascii()  # Thai first, then English


def test_hostile_posts_stay_text_in_pages_and_feeds(hostile_site: Path) -> None:
    from hostile_content import PAYLOADS

    feed = ET.parse(hostile_site / "news" / "feed.xml").getroot()  # still well-formed XML
    titles = [e.findtext(f"{ATOM}title") or "" for e in feed.findall(f"{ATOM}entry")]
    assert titles and all(PAYLOADS[0].text in t for t in titles)  # the payload as text, escaped by the writer
    ET.parse(hostile_site / "news" / "rss.xml")
    post = next((hostile_site / "news").glob("*/index.html")).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in article_html(post)
