"""OIT catalogs, bindings, the ITA page with its downloads, and the readiness check."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.content import load_site
from generator.oit.bindings import dataset_code
from generator.oit.catalog import CATALOG_DIR, catalog_years, load_catalog
from generator.oit.readiness import CHECKS, assess, summary
from tests.conftest import EXAMPLE, SEEDS, article_html, page_text, read_page

CODE_ROW = re.compile(r"<tr>\s*<td>(o\d+)</td>(.*?)</tr>", re.S)
CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)


def write_bindings(content: Path, text: str) -> Path:
    path = content / "oit.yml"
    path.write_text(text, encoding="utf-8")
    return path


def statuses_of(content: Path, year: int = 2568) -> dict[str, object]:
    return {s.code: s for s in assess(load_site(content), year)}


def with_2567_documents(content: Path) -> Path:
    """The small organization's 2568 ITA documents copied as fiscal 2567: the integrity-measure
    items (o39-o41) exist in the ITA 2566-2567 lists only."""
    shutil.copytree(content / "years" / "2568", content / "years" / "2567", ignore=shutil.ignore_patterns("data"))
    return content


# --- catalogs ---------------------------------------------------------------


def test_every_catalog_loads_and_names_its_sources() -> None:
    years = catalog_years()
    assert years == [2565, 2566, 2567, 2568, 2569]
    for year in years:
        catalog = load_catalog(year)
        assert catalog.sources, year
        items = catalog.items
        # ITA 2568 replaced the 41-item lists of 2566-2567 with 26 items.
        assert len(items) >= 26
        assert len({i.code for i in items}) == len(items)
        for item in items:
            assert item.elements, item.code
            assert item.indicator and item.sub_indicator
            for element in item.elements:
                assert element.check is None or element.check in CHECKS, (year, item.code, element.check)
        # ITA 2569 renamed it ข้อมูลการติดต่อและช่องทางการสอบถาม.
        contact = next(i for i in items if i.title.startswith("ข้อมูลการติดต่อ"))
        assert {e.check for e in contact.elements} >= {"org.address", "org.phone", "org.fax", "org.email", "org.map"}
        assert {i.kind for i in items} == {"page", "report", "channel"}
        assert {i.year_rule for i in items} >= {"none", "current", "previous", "covering"}


def test_unconfirmed_items_are_marked() -> None:
    # No source of its year shows these items (tests/test_oit_catalog_2568_2569.py pins the rest).
    assert {i.code for i in load_catalog(2569).items if not i.confirmed} == {"o2", "o6", "o7"}
    assert all(i.confirmed for i in load_catalog(2565).items if i.indicator.startswith("9 ") and i.code != "o27")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds are not beside the repository")
def test_2565_catalog_follows_the_published_list() -> None:
    seed = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    squeezed = re.sub(r"\s+", "", seed)
    catalog = load_catalog(2565)
    for item in catalog.items:
        if item.indicator.startswith("9 "):
            # The seed's sub-indicator 9.4 names two items differently; the official short titles are used here.
            if item.code in ("o22", "o26", "o27", "o28", "o29"):
                continue
            assert re.sub(r"\s+", "", item.title).replace("E-Service", "E-Serice") in squeezed, item.code
    for sub in ("ข้อมูลพื้นฐาน", "การบริหารงาน", "การบริหารเงินงบประมาณ", "การส่งเสริมความโปร่งใส"):
        assert sub in seed
    # Official item titles are facts; the criteria are in the repository's own words, never the seed's.
    details = [line.split("\t", 1)[1].strip() for line in seed.splitlines() if "\t" in line]
    details = [d for d in details if len(d) >= 30]
    assert len(details) > 30
    titles = [re.sub(r"\s+", "", i.title) for y in catalog_years() for i in load_catalog(y).items]
    for path in CATALOG_DIR.glob("*.yml"):
        text = re.sub(r"\s+", "", path.read_text(encoding="utf-8"))
        for detail in details:
            squeezed = re.sub(r"\s+", "", detail)
            for start in range(0, max(1, len(squeezed) - 40), 5):
                window = squeezed[start : start + 40]
                assert window not in text or any(window in t for t in titles), (path.name, detail)


def test_a_broken_catalog_is_refused(tmp_path: Path) -> None:
    from pydantic import ValidationError

    from generator.oit.catalog import Catalog

    data = {"year": 2570, "title": "x", "sources": [], "indicators": [{"number": "9", "title": "t", "sub_indicators": [
        {"number": "9.1", "title": "s", "items": [
            {"code": "o1", "title": "a", "kind": "page", "year_rule": "none", "elements": [], "confirmed": False},
            {"code": "o1", "title": "b", "kind": "pagee", "year_rule": "none", "elements": [], "confirmed": False},
        ]}]}]}
    with pytest.raises(ValidationError):
        Catalog.model_validate(data)


# --- statuses and year rules -------------------------------------------------


def test_each_status_with_the_absent_elements_named(content_copy: Path) -> None:
    write_bindings(
        content_copy,
        "items:\n"
        "  o1: {page: about/structure}\n"
        "  o2: {page: about/executives}\n"
        "  o3: {markdown: pages/contact.md}\n"
        "  o14: {markdown: pages/contact.md, year: 2567}\n",
    )
    got = statuses_of(content_copy)
    assert got["o1"].status == "ready"
    assert got["o2"].status == "incomplete"
    assert any("รูปถ่าย" in p and "นางสาวอรุณี ริมบึง" in p and "นายมานพ ทองตะวัน" in p for p in got["o2"].problems)
    assert any("ช่องทางติดต่อ" in p and "นางสาวอรุณี ริมบึง" in p for p in got["o2"].problems)
    assert got["o3"].status == "incomplete"
    assert got["o3"].problems == ["ยังไม่มีหมายเลขโทรสาร (fax ใน organization.yml)"]
    assert got["o14"].status == "out_of_date"
    assert "2567" in got["o14"].problems[0] and "2568" in got["o14"].problems[0]
    assert got["o4"].status == "missing" and got["o4"].target is None
    statuses = assess(load_site(content_copy), 2568)
    # o1, plus o12 and o19 answered by the fixture's contract list and complaint statistics
    # (datasets written with the 2566-2567 codes o20 and o28, renumbered for ITA 2568).
    assert {s.code for s in statuses if s.ready} == {"o1", "o12", "o19"}
    assert summary(statuses) == (3, len(load_catalog(2568).items))


def test_integrity_measures_are_checked_in_the_years_that_list_them(content_copy: Path) -> None:
    write_bindings(with_2567_documents(content_copy), "items:\n  o40: {page: \"{year}/measures\"}\n")
    assert statuses_of(content_copy, 2567)["o40"].status == "ready"
    # ITA 2568 has no item for the integrity measures: the binding does not apply there.
    assert "o40" not in statuses_of(content_copy)


@pytest.mark.parametrize(
    "code, binding, status",
    [
        # current: data of the ITA year itself
        ("o4", "{markdown: pages/contact.md, year: 2568}", "ready"),
        ("o4", "{markdown: pages/contact.md, year: 2567}", "out_of_date"),
        ("o4", "{markdown: pages/contact.md}", "incomplete"),
        # previous: at least the year before
        ("o13", "{markdown: pages/contact.md, year: 2567}", "ready"),
        ("o13", "{markdown: pages/contact.md, year: 2568}", "ready"),
        ("o13", "{markdown: pages/contact.md, year: 2566}", "out_of_date"),
        # covering: the plan's period includes the ITA year
        ("o5", "{markdown: pages/contact.md, covers: [2566, 2570]}", "ready"),
        ("o5", "{markdown: pages/contact.md, covers: [2561, 2565]}", "out_of_date"),
        ("o5", "{markdown: pages/contact.md}", "incomplete"),
        # none: no year asked
        ("o9", "{markdown: pages/contact.md}", "ready"),
        # a generated page of a fiscal year carries its year
        ("o6", "{page: 2568/measures}", "ready"),
        ("o6", "{page: 2568/ita-analysis, year: 2566}", "out_of_date"),
    ],
)
def test_year_rules(content_copy: Path, code: str, binding: str, status: str) -> None:
    write_bindings(content_copy, f"items:\n  {code}: {binding}\n")
    assert statuses_of(content_copy)[code].status == status


def test_measures_without_actions_are_incomplete(content_copy: Path) -> None:
    # The small organization's measures have no recorded actions yet.
    write_bindings(with_2567_documents(content_copy), "items:\n  o41: {page: 2567/measures}\n")
    got = statuses_of(content_copy, 2567)["o41"]
    assert got.status == "incomplete"
    assert got.problems and "การดำเนินการ" in got.problems[0]


def test_binding_kinds_placeholders_and_year_overrides(content_copy: Path) -> None:
    write_bindings(
        content_copy,
        "items:\n"
        "  o3: {markdown: pages/contact.md}\n"
        "  o10: {url: \"https://eservice.example.org/\"}\n"
        "  o6: {page: \"{year}/measures\"}\n"
        "  o40: {page: \"{year}/measures\"}\n"
        "years:\n"
        "  2568:\n"
        "    o3: {page: about/profile}\n",
    )
    site = load_site(content_copy)
    got = {s.code: s for s in assess(site, 2568)}
    assert (got["o3"].target.kind, got["o3"].target.page) == ("page", "about/index.md")
    assert (got["o10"].target.kind, got["o10"].target.url) == ("url", "https://eservice.example.org/")
    assert got["o6"].target.page == "2568/measures.md"
    # In a year without that data the shared binding leaves the item missing, it is not an error.
    other = {s.code: s for s in assess(site, 2567)}
    assert other["o40"].status == "missing"
    assert other["o3"].target.kind == "markdown"


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("items:\n  o1: {page: about/structur}\n", 2, ["ไม่มีหน้า 'about/structur'", "about/structure"]),
        ("items:\n  o3: {markdown: pages/contacts.md}\n", 2, ["pages/contacts.md", "pages/contact"]),
        ("items:\n  o8:\n    url: \"https://a.example/\"\n    page: about/profile\n", 3, ["อย่างใดอย่างหนึ่ง"]),
        ("years:\n  2568:\n    o99: {page: about/profile}\n", 3, ["o99", "o9"]),
        ("items:\n  o4: {markdown: pages/contact.md, covers: [2570, 2566]}\n", 2, ["covers"]),
    ],
)
def test_bad_bindings_name_file_and_line(content_copy: Path, capsys, text: str, line: int, words: list[str]) -> None:
    write_bindings(content_copy, text)
    assert main(["build", "--content", str(content_copy), "--site-dir", str(content_copy.parent / "out")]) == 2
    err = capsys.readouterr().err
    assert f"oit.yml:{line}" in err
    for word in words:
        assert word in err
    assert not (content_copy.parent / "out").exists()
    assert main(["validate", "--content", str(content_copy)]) == 2
    assert main(["check", "--content", str(content_copy)]) == 2


def test_unknown_binding_key_suggests_the_right_one(content_copy: Path, capsys) -> None:
    write_bindings(content_copy, "items:\n  o1:\n    pgae: about/structure\n")
    assert main(["validate", "--content", str(content_copy)]) == 2
    err = capsys.readouterr().err
    assert "oit.yml:3" in err and "pgae" in err and "'page'" in err


def test_ita_year_without_catalog_is_an_error(content_copy: Path, capsys) -> None:
    site_yml = content_copy / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("ita_years: [2568]", "ita_years: [2590]"))
    assert main(["check", "--content", str(content_copy)]) == 2
    assert "2590" in capsys.readouterr().err
    assert main(["build", "--content", str(content_copy), "--site-dir", str(content_copy.parent / "out")]) == 2
    err = capsys.readouterr().err
    assert "site.yml:" in err and "ita_years" in err and "2590" in err


# --- the check command --------------------------------------------------------


def test_check_reports_in_thai_first_and_exit_codes(capsys) -> None:
    assert main(["check", "--content", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("ความพร้อมของรายการ OIT ปี ๒๕๖๘") and lines[1].startswith("OIT readiness")
    ready, total = summary(assess(load_site(EXAMPLE), 2568))
    percent = round(100 * ready / total)
    assert f"พร้อม {ready} จาก {total} รายการ (ร้อยละ {percent})" in out
    assert "ผู้บริหารที่ยังไม่มีช่องทางติดต่อ (phone หรือ email): นางสาวรัชนีกร ทองสายธาร" in out
    assert "o22 รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา: ยังไม่มี (missing)" in out
    assert main(["check", "--content", str(EXAMPLE), "--strict"]) == 1
    assert main(["check", "--content", str(EXAMPLE), "--year", "2565"]) == 0
    assert "OIT readiness ๒๕๖๕" in capsys.readouterr().out


def test_check_strict_passes_when_everything_is_ready(content_copy: Path, tmp_path: Path, capsys) -> None:
    catalog = load_catalog(2568)
    url_lines = "".join(
        f"  {i.code}: {{url: \"https://x.example/{i.code}\", year: 2568, covers: [2566, 2570]}}\n" for i in catalog.items
    )
    write_bindings(content_copy, "items:\n" + url_lines)
    assert main(["check", "--content", str(content_copy), "--strict"]) == 0
    assert f"พร้อม {len(catalog.items)} จาก {len(catalog.items)} รายการ (ร้อยละ 100)" in capsys.readouterr().out


def test_readme_states_the_example_readiness() -> None:
    ready, total = summary(assess(load_site(EXAMPLE), 2568))
    readme = (EXAMPLE.parent / "README.md").read_text(encoding="utf-8")
    assert f"พร้อม {ready} จาก {total} รายการ" in readme


# --- the built ITA page -------------------------------------------------------


def table_rows(html: str) -> list[list[str]]:
    body = article_html(html)
    table = body[body.index('<table class="pr-oit-table">') : body.index("</table>")]
    rows = []
    for code, rest in CODE_ROW.findall(table):
        cells = [page_text(c) for c in CELL.findall(rest)]
        rows.append([code, *cells])
    return rows


def test_ita_page_table_matches_csv_and_json(example_site: Path) -> None:
    html = read_page(example_site, "ita/2568/")
    rows = table_rows(html)
    catalog = load_catalog(2568)
    assert [r[0] for r in rows] == [i.code for i in catalog.items]
    raw = (example_site / "ita/2568/oit.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    records = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert records[0][:5] == ["รหัส", "รายการ", "ลิงก์", "สถานะ", "เส้นทางจากหน้าแรก"]
    doc = json.loads((example_site / "ita/2568/oit.json").read_text(encoding="utf-8"))
    assert doc["total"] == len(rows) and doc["ita_year"] == 2568
    for row, record, item in zip(rows, records[1:], doc["items"], strict=True):
        code, title, link, status, path = row
        assert record[:3] == [code, title, "" if link == "–" else link]
        assert status.startswith(record[3]) and record[4] == path
        assert (item["code"], item["title"], item["nav_path"], item["status_label"]) == (code, title, path, record[3])
        assert item["link"] == record[2]
    assert 'href="oit.csv"' in html and 'href="oit.json"' in html
    assert f"พร้อม {thai_digits(doc['ready'])} จาก {thai_digits(doc['total'])} รายการ" in page_text(html)


def thai_digits(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def test_absolute_links_use_site_url_and_lead_to_the_bound_page(example_site: Path) -> None:
    doc = json.loads((example_site / "ita/2568/oit.json").read_text(encoding="utf-8"))
    assert doc["site_url"] == "https://saitharnkham.example/"
    linked = [i for i in doc["items"] if i["link"]]
    assert len(linked) >= 20
    for item in linked:
        if item["kind"] == "channel" and "saitharnkham.example/" not in item["link"].split("//", 1)[1][:21]:
            continue
        assert item["link"].startswith("https://saitharnkham.example/"), item
        local = item["link"][len("https://saitharnkham.example/") :]
        page = example_site / local / "index.html"
        assert page.is_file(), item
        assert f"{item['code']} {item['title']}" in page_text(page.read_text(encoding="utf-8"))


def _links(html: str) -> list[tuple[str, str]]:
    return [(unescape(h), page_text(t)) for h, t in re.findall(r'<a[^>]*href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)]


def test_navigation_path_is_what_a_visitor_clicks(example_site: Path) -> None:
    """หน้าแรก › ITA ๒๕๖๘ › <section heading> › <item link>: each step is on the page before it."""
    doc = json.loads((example_site / "ita/2568/oit.json").read_text(encoding="utf-8"))
    home = read_page(example_site, "/")
    ita_html = read_page(example_site, "ita/2568/")
    article = article_html(ita_html)
    for item in doc["items"]:
        parts = item["nav_path"].split(" › ")
        assert parts[0] == "หน้าแรก" == page_text(article_html(home)).split()[0] or parts[0] in page_text(home)
        assert (("ita/2568/", parts[1]) in _links(article_html(home))), parts[1]
        if not item["link"]:
            continue
        # the section heading, then the item's link under it
        section = re.search(r"<h2[^>]*>" + re.escape(parts[2]) + r"<a.*?(?=<h2|\Z)", article, re.S)
        assert section, parts[2]
        targets = dict((text, href) for href, text in _links(section.group(0)))
        assert parts[3] in targets, parts[3]
        href = targets[parts[3]]
        if href.startswith("http") and not href.startswith("https://saitharnkham.example/"):
            assert href == item["link"]
        else:
            resolved = (example_site / "ita/2568" / href).resolve()
            assert resolved == (example_site / item["link"][len("https://saitharnkham.example/") :]).resolve()
    # The navigation has the same title as the home page link.
    nav_link = re.search(r'<a href="ita/2568/" class="md-nav__link[^"]*">(.*?)</a>', home, re.S)
    assert nav_link and page_text(nav_link.group(1)) == "ITA ๒๕๖๘"


def test_bound_pages_show_their_criteria_in_a_collapsible_box(example_site: Path) -> None:
    html = article_html(read_page(example_site, "about/executives/"))
    box = re.search(r'<details class="pr-oit-criteria">(.*?)</details>', html, re.S).group(1)
    text = page_text(box)
    assert "o2 ข้อมูลผู้บริหาร" in text and "รูปถ่ายของผู้บริหารแต่ละคน" in text
    assert "ไม่ครบ" in text
    manual = page_text(article_html(read_page(example_site, "pages/work-manual/")))
    assert "o8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่" in manual
    contact = page_text(article_html(read_page(example_site, "about/")))
    assert "o3 ข้อมูลการติดต่อ" in contact and "ช่องทางสอบถามที่ตอบกลับได้สองทาง" in contact
    # url items carry their box on the ITA page itself
    ita = article_html(read_page(example_site, "ita/2568/"))
    assert re.search(r"<details[^>]*>\s*<summary>ITA ๒๕๖๘ · o10 E-Service", ita)


def test_small_site_ita_page_uses_arabic_digits(small_site: Path) -> None:
    text = page_text(read_page(small_site, "ita/2568/"))
    assert "ITA 2568" in text and "หน้าแรก › ITA 2568 › ข้อมูลพื้นฐาน › o1 โครงสร้างและอำนาจหน้าที่" in text
    assert "https://buengtawan.example/about/structure/" in text


def test_a_note_shows_in_the_criteria_box(content_copy: Path, tmp_path: Path) -> None:
    from generator.pipeline import build

    write_bindings(content_copy, "items:\n  o1: {page: about/structure, note: ปรับปรุงผังทุกต้นปีงบประมาณ}\n")
    out = tmp_path / "site"
    build(content_copy, out)
    box = re.search(r'<details class="pr-oit-criteria">.*?</details>', read_page(out, "about/structure/"), re.S)
    assert box and "ปรับปรุงผังทุกต้นปีงบประมาณ" in page_text(box.group(0))


# --- open datasets answer their items -----------------------------------------


def test_unbound_items_link_to_the_open_dataset_of_the_year() -> None:
    got = {s.code: s for s in assess(load_site(EXAMPLE), 2568)}
    # Not in oit.yml: the dataset pages answer them (datasets name their 2566-2567 code;
    # ITA 2568 renumbered the items, e.g. the procurement plan's o18 is now part of o12).
    assert got["o12"].target.page == "2568/data/procurement-plan.md" and got["o12"].ready
    assert got["o13"].target.page == "2568/data/procurement-report.md"
    assert got["o11"].target.page == "2568/data/services.md" and got["o11"].target.year == 2568
    # Bound in oit.yml: the binding wins over the complaints dataset.
    assert got["o19"].target.page == "pages/complaint-statistics.md"
    # The 2567 list keeps the datasets' own codes; an item dropped in 2568 has no code there.
    assert (dataset_code("o20", 2567), dataset_code("o20", 2568), dataset_code("o20", 2569)) == ("o20", "o12", "o11")
    assert dataset_code("o16", 2568) is None


def test_dataset_of_the_year_before_answers_and_is_judged_by_the_year_rule(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    (content / "years" / "2567" / "data").mkdir()
    (content / "years" / "2568" / "data" / "services.csv").rename(content / "years" / "2567" / "data" / "services.csv")
    got = {s.code: s for s in assess(load_site(content), 2568)}
    assert got["o11"].target.page == "2567/data/services.md"
    assert got["o11"].status == "out_of_date"


def test_datasets_do_not_answer_the_2565_list_whose_codes_differ() -> None:
    got = {s.code: s for s in assess(load_site(EXAMPLE), 2565)}
    assert all(s.target is None or "/data/" not in (s.target.page or "") for s in got.values())


def test_ita_index_links_to_the_dataset_page(example_site: Path) -> None:
    html = (example_site / "ita" / "2568" / "index.html").read_text(encoding="utf-8")
    assert "https://saitharnkham.example/2568/data/procurement-plan/" in html
    page = (example_site / "2568" / "data" / "procurement-plan" / "index.html").read_text(encoding="utf-8")
    assert "ความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ" in page  # the criteria box of o12


def test_ita_page_shows_the_public_note_not_the_research_record(example_site: Path) -> None:
    text = page_text(read_page(example_site, "ita/2568/"))
    catalog = load_catalog(2568)
    assert catalog.note and catalog.research
    assert " ".join(catalog.note.split()) in text
    assert "คู่มือการประเมิน ITA 2568" in catalog.research  # the maintainers' search log ...
    assert "คู่มือการประเมิน ITA 2568" not in text  # ... stays in the catalog file


def test_dataset_pages_show_the_code_of_the_ita_year_they_count_for(example_site: Path) -> None:
    # The contract list is written with the 2566-2567 code o20; ITA 2568 lists it under o12.
    thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
    page = page_text(read_page(example_site, "2568/data/contracts/"))
    assert "ตอบข้อ OIT O12 (ITA ปี 2568)".translate(thai) in page
    catalog = page_text(read_page(example_site, "data/"))
    assert "O20" not in catalog.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    entries = {e["id"]: e for e in json.loads((example_site / "data.json").read_text(encoding="utf-8"))["datasets"]}
    assert (entries["2568-contracts"]["oit"], entries["2568-contracts"]["oit_ita_year"]) == ("o12", 2568)
    assert entries["2568-spending_report_6m"]["oit"] == "o6"  # ITA 2568 put plan and progress in one item
    assert entries["2568-satisfaction"]["oit"] is None  # ITA 2568 has no item for it
