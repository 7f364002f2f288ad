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
from generator.oit.catalog import CATALOG_DIR, CHECK_NAMES, catalog_years, load_catalog
from generator.oit.readiness import CHECKS, assess, summary
from generator.oit.report import rendered_paths
from tests.conftest import EXAMPLE, SEEDS, article_html, page_text, read_page

CODE_ROW = re.compile(r"<tr>\s*<td[^>]*>(o\d+)</td>(.*?)</tr>", re.S)
CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)


def assess_site(site, year: int):
    """The statuses of ITA year `year`, bound against the pages the site renders."""
    return assess(site, year, rendered_paths(site))


def test_every_check_an_element_may_name_is_implemented() -> None:
    assert set(CHECKS) == CHECK_NAMES


def write_bindings(content: Path, text: str) -> Path:
    path = content / "oit.yml"
    path.write_text(text, encoding="utf-8")
    return path


def statuses_of(content: Path, year: int = 2568) -> dict[str, object]:
    return {s.code: s for s in assess_site(load_site(content), year)}


def with_2567_documents(content: Path) -> Path:
    """The small organization's 2568 ITA documents copied as fiscal 2567: the integrity-measure
    items (o42-o43) exist in the ITA 2566-2567 lists only."""
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
    # ITA 2568 asks for the structure as a chart image too, and the fixture has only the list.
    assert got["o1"].status == "incomplete" and got["o1"].problems == ["ยังไม่มีแผนผังโครงสร้างที่เป็นภาพ"]
    assert got["o1"].fixes == {"ยังไม่มีแผนผังโครงสร้างที่เป็นภาพ": "structure_chart ใน organization.yml (ไฟล์ภาพใน assets/)"}
    assert got["o2"].status == "incomplete"
    assert any("รูปถ่าย" in p and "นางสาวอรุณี ริมบึง" in p and "นายมานพ ทองตะวัน" in p for p in got["o2"].problems)
    assert any("หมายเลขโทรศัพท์หรืออีเมล" in p and "นางสาวอรุณี ริมบึง" in p for p in got["o2"].problems)
    assert got["o3"].status == "incomplete"
    assert got["o3"].problems == ["ยังไม่มีหมายเลขโทรสารของหน่วยงาน", "ยังไม่มีช่องทางถาม-ตอบที่เจ้าหน้าที่ตอบกลับได้"]
    assert got["o14"].status == "out_of_date"
    assert "2567" in got["o14"].problems[0] and "2568" in got["o14"].problems[0]
    assert got["o4"].status == "missing" and got["o4"].target is None
    statuses = assess_site(load_site(content_copy), 2568)
    # o12 and o19 are answered by the fixture's contract list and complaint statistics, the
    # datasets the ITA 2568 catalog names for them; the data proves every element they list.
    assert {s.code for s in statuses if s.ready} == {"o12", "o19"}
    assert summary(statuses) == (2, len(load_catalog(2568).items))


def test_integrity_measures_are_checked_in_the_years_that_list_them(content_copy: Path) -> None:
    write_bindings(with_2567_documents(content_copy), "items:\n  o42: {page: \"{year}/measures\"}\n")
    assert statuses_of(content_copy, 2567)["o42"].status == "ready"
    # ITA 2568 has no item for the integrity measures: the binding does not apply there.
    assert "o42" not in statuses_of(content_copy)


@pytest.mark.parametrize(
    "code, binding, status",
    [
        # current: data of the ITA year itself
        ("o4", "{markdown: pages/contact.md, year: 2568}", "manual"),
        ("o4", "{markdown: pages/contact.md, year: 2567}", "out_of_date"),
        ("o4", "{markdown: pages/contact.md}", "incomplete"),
        # previous: at least the year before
        ("o13", "{markdown: pages/contact.md, year: 2567}", "manual"),
        ("o13", "{markdown: pages/contact.md, year: 2568}", "manual"),
        ("o13", "{markdown: pages/contact.md, year: 2566}", "out_of_date"),
        # covering: the plan's period includes the ITA year
        ("o5", "{markdown: pages/contact.md, covers: [2566, 2570]}", "manual"),
        ("o5", "{markdown: pages/contact.md, covers: [2561, 2565]}", "out_of_date"),
        ("o5", "{markdown: pages/contact.md}", "incomplete"),
        # none: no year asked
        ("o9", "{markdown: pages/contact.md}", "manual"),
        # a generated page of a fiscal year carries its year
        ("o6", "{page: 2568/measures}", "manual"),
        ("o6", "{page: 2568/ita-analysis, year: 2566}", "out_of_date"),
    ],
)
def test_year_rules(content_copy: Path, code: str, binding: str, status: str) -> None:
    # "manual": the year is right and nothing is found missing, but a page written by hand
    # cannot prove its elements: they are listed to check by hand, never counted ready.
    write_bindings(content_copy, f"items:\n  {code}: {binding}\n")
    got = statuses_of(content_copy)[code]
    assert got.status == status
    if status == "manual":
        assert got.manual and set(got.manual) <= {e.text for e in got.item.elements} and not got.ready


def test_measures_without_actions_are_incomplete(content_copy: Path) -> None:
    # The small organization's measures have no recorded actions yet.
    write_bindings(with_2567_documents(content_copy), "items:\n  o43: {page: 2567/measures}\n")
    got = statuses_of(content_copy, 2567)["o43"]
    assert got.status == "incomplete"
    assert got.problems and "การดำเนินการ" in got.problems[0]


def test_binding_kinds_placeholders_and_year_overrides(content_copy: Path) -> None:
    write_bindings(
        content_copy,
        "items:\n"
        "  o3: {markdown: pages/contact.md}\n"
        "  o10: {url: \"https://eservice.example.org/\"}\n"
        "  o6: {page: \"{year}/measures\"}\n"
        "  o42: {page: \"{year}/measures\"}\n"
        "years:\n"
        "  2568:\n"
        "    o3: {page: about/profile}\n",
    )
    site = load_site(content_copy)
    got = {s.code: s for s in assess_site(site, 2568)}
    assert (got["o3"].target.kind, got["o3"].target.page) == ("page", "about/index.md")
    assert (got["o10"].target.kind, got["o10"].target.url) == ("url", "https://eservice.example.org/")
    assert got["o6"].target.page == "2568/measures.md"
    # In a year without that data the shared binding leaves the item missing, it is not an error.
    other = {s.code: s for s in assess_site(site, 2567)}
    assert other["o42"].status == "missing"
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


def test_check_reports_in_thai_first_and_exit_codes(capsys, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    org = content / "organization.yml"  # the advisor without the phone the example gives her
    org.write_text(org.read_text(encoding="utf-8").replace('    phone: "0 4400 7201 ต่อ 105"\n', ""), encoding="utf-8")
    assert main(["check", "--content", str(content)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("ความพร้อมของรายการ OIT ปี ๒๕๖๙") and lines[1].startswith("OIT readiness")
    ready, total = summary(assess_site(load_site(content), 2569))
    percent = round(100 * ready / total)
    assert f"พร้อม {ready} จาก {total} รายการ (ร้อยละ {percent})" in out
    # What is missing, then (for staff only) where to add it.
    assert ("ยังไม่มีหมายเลขโทรศัพท์หรืออีเมลของผู้บริหาร: นางสาวรัชนีกร ทองสายธาร"
            " → phone หรือ email ของผู้บริหารใน organization.yml") in out
    # What no data can prove is listed to check by hand, and is not counted ready.
    assert "? o8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่: ตรวจเองก่อนส่ง (check by hand)" in out
    assert "    ? ตรวจเองก่อนส่ง: คู่มือหรือแนวทางที่เจ้าหน้าที่ใช้ปฏิบัติงานตามภารกิจ" in out
    # Which catalog each year used, and that an item no source of its year shows says so.
    assert "ใช้รายการ OIT ปี 2569 ที่มากับโปรแกรม (generator/catalog/oit/2569.yml)" in out
    assert "รายการ OIT ปี 2570 ยังไม่ประกาศ จึงใช้รายการปี 2569" in out
    assert "(ยังไม่มีแหล่งที่มาของปี 2569 ที่ยืนยันรายการนี้" in out
    # Research notes and sources only with --verbose.
    assert "แหล่งที่มา (source)" not in out
    assert main(["check", "--content", str(content), "--strict"]) == 1
    assert main(["check", "--content", str(content), "--year", "2565"]) == 0
    assert "OIT readiness ๒๕๖๕" in capsys.readouterr().out


def test_check_strict_passes_only_when_the_data_proves_every_element(content_copy: Path, capsys) -> None:
    catalog = load_catalog(2568)
    url_lines = "".join(
        f"  {i.code}: {{url: \"https://x.example/{i.code}\", year: 2568, covers: [2566, 2570]}}\n" for i in catalog.items
    )
    write_bindings(content_copy, "items:\n" + url_lines)
    # Every item is bound and of the right year, but a link to another site proves nothing.
    assert main(["check", "--content", str(content_copy), "--strict"]) == 1
    out = capsys.readouterr().out
    assert f"พร้อม 0 จาก {len(catalog.items)} รายการ" in out and f"ตรวจเองก่อนส่ง {len(catalog.items)} รายการ" in out
    # A list that asks only what the data shows: the structure with its units, heads and chart.
    chart = (content_copy / "assets" / "executives" / "chief-executive.svg").read_bytes()
    (content_copy / "assets" / "chart.svg").write_bytes(chart)
    org = content_copy / "organization.yml"
    org.write_text(org.read_text(encoding="utf-8") + "structure_chart: chart.svg\n", encoding="utf-8")
    (content_copy / "oit").mkdir()
    others = ", ".join(i.code for i in catalog.items if i.code != "o1")
    (content_copy / "oit" / "2568.yml").write_text(
        "items:\n"
        "  o1:\n"
        "    elements:\n"
        "      - {text: แผนผังโครงสร้าง, check: structure.chart}\n"
        "      - {text: ส่วนงานภายใน, check: structure.units}\n"
        "      - {text: หัวหน้าส่วนงาน, check: structure.heads}\n"
        f"remove: [{others}]\n",
        encoding="utf-8",
    )
    write_bindings(content_copy, "items:\n  o1: {page: about/structure}\n")
    assert main(["check", "--content", str(content_copy), "--strict"]) == 0
    assert "พร้อม 1 จาก 1 รายการ (ร้อยละ 100)" in capsys.readouterr().out


def test_verbose_check_shows_sources_and_research() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(EXAMPLE), "--year", "2569",
                           "--verbose"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    catalog = load_catalog(2569)
    source = next(s for s in catalog.sources if s.url)
    assert f"แหล่งที่มา (source): {source.name} {source.url}" in done.stdout
    assert " ".join(catalog.research.split())[:40] in done.stdout


def test_readme_states_the_example_readiness() -> None:
    site = load_site(EXAMPLE)
    readme = (EXAMPLE.parent / "README.md").read_text(encoding="utf-8")
    for year in site.settings.ita_years:
        statuses = assess_site(site, year)
        ready, total = summary(statuses)
        manual = sum(1 for st in statuses if st.status == "manual")
        assert f"ITA {year}: **พร้อม {ready} จาก {total} รายการ** ตรวจเองก่อนส่ง {manual} รายการ" in readme, year


# --- the built ITA page -------------------------------------------------------


def table_rows(html: str) -> list[list[str]]:
    body = article_html(html)
    table = body[body.index('<table class="pr-oit-table') : body.index("</table>")]
    rows = []
    for code, rest in CODE_ROW.findall(table):
        cells = [page_text(c) for c in CELL.findall(rest)]
        rows.append([code, *cells])
    return rows


def test_ita_page_table_matches_csv_and_json(example_site: Path) -> None:
    html = read_page(example_site, "ita/2569/")
    rows = table_rows(html)
    catalog = load_catalog(2569)
    assert [r[0] for r in rows] == [i.code for i in catalog.items]
    raw = (example_site / "ita/2569/oit.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    records = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert records[0][:5] == ["รหัส", "รายการ", "ลิงก์", "สถานะ", "เส้นทางจากหน้าแรก"]
    doc = json.loads((example_site / "ita/2569/oit.json").read_text(encoding="utf-8"))
    assert doc["total"] == len(rows) and doc["ita_year"] == 2569
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
    doc = json.loads((example_site / "ita/2569/oit.json").read_text(encoding="utf-8"))
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
    """หน้าแรก › ITA ๒๕๖๙ › <section heading> › <item link>: each step is on the page before it."""
    doc = json.loads((example_site / "ita/2569/oit.json").read_text(encoding="utf-8"))
    home = read_page(example_site, "/")
    ita_html = read_page(example_site, "ita/2569/")
    article = article_html(ita_html)
    for item in doc["items"]:
        parts = item["nav_path"].split(" › ")
        assert parts[0] == "หน้าแรก" == page_text(article_html(home)).split()[0] or parts[0] in page_text(home)
        assert (("ita/2569/", parts[1]) in _links(article_html(home))), parts[1]
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
            resolved = (example_site / "ita/2569" / href).resolve()
            assert resolved == (example_site / item["link"][len("https://saitharnkham.example/") :]).resolve()
    # The navigation has the same title as the home page link.
    nav_link = re.search(r'<a href="ita/2569/" class="md-nav__link[^"]*">(.*?)</a>', home, re.S)
    assert nav_link and page_text(nav_link.group(1)) == "ITA ๒๕๖๙"


def test_bound_pages_show_their_criteria_in_a_collapsible_box(example_site: Path, small_site: Path) -> None:
    html = article_html(read_page(example_site, "about/executives/"))
    box = re.search(r'<details class="pr-oit-criteria">(.*?)</details>', html, re.S).group(1)
    text = page_text(box)
    assert "o2 ข้อมูลผู้บริหาร" in text and "รูปถ่ายของผู้บริหารแต่ละคน" in text
    assert "สถานะ: พร้อม" in text  # every executive of the example has a photo and a phone
    # What is missing is said in Thai (the small organization's chief executive has no phone)
    html = article_html(read_page(small_site, "about/executives/"))
    text = page_text(re.search(r'<details class="pr-oit-criteria">(.*?)</details>', html, re.S).group(1))
    assert "ไม่ครบ" in text and "ยังไม่มีหมายเลขโทรศัพท์หรืออีเมลของผู้บริหาร: นางสาวอรุณี ริมบึง" in text
    manual = page_text(article_html(read_page(example_site, "pages/work-manual/")))
    assert "o8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่" in manual
    assert "คู่มือหรือแนวทางที่เจ้าหน้าที่ใช้ปฏิบัติงานตามภารกิจ (ตรวจเองก่อนส่ง)" in manual
    contact = page_text(article_html(read_page(example_site, "about/")))
    assert "o3 ข้อมูลการติดต่อและช่องทางการสอบถาม" in contact and "ช่องทางสอบถามที่ตอบกลับได้" in contact
    # url items carry their box on the ITA page itself
    ita = article_html(read_page(example_site, "ita/2569/"))
    assert re.search(r"<details[^>]*>\s*<summary>ITA ๒๕๖๙ · o10 ระบบการให้บริการผ่านช่องทางออนไลน์", ita)


def test_public_pages_carry_no_research_sources_or_field_names(example_site: Path) -> None:
    # Assessors and citizens read Thai: no research notes, no links to the sources' sites or
    # code, no English field names, no "not confirmed" caveat (that is for staff, in check).
    for year in (2569, 2570):
        html = article_html(read_page(example_site, f"ita/{year}/"))
        text = page_text(html)
        catalog = load_catalog(2569)
        for source in catalog.sources:
            assert source.url is None or str(source.url) not in html
        for item in catalog.items:
            assert not item.research or " ".join(item.research.split())[:30] not in text
        assert "organization.yml" not in text and "oit.yml" not in text and "ยังไม่ได้ยืนยัน" not in text
        hrefs = re.findall(r'href="(https?://[^"]+)"', html)
        assert all(h.startswith("https://saitharnkham.example/") or h.endswith(".example/") for h in hrefs), hrefs
    boxes = page_text(article_html(read_page(example_site, "about/executives/")))
    assert "phone" not in boxes and "email" not in boxes


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
    site = load_site(EXAMPLE)
    got = {s.code: s for s in assess_site(site, 2569)}
    # Not in oit.yml: the datasets the ITA 2569 catalog names for the item answer it.
    assert got["o11"].target.page == "2569/data/procurement-monthly.md" and got["o11"].ready
    assert got["o12"].target.page == "2569/data/procurement-report.md"
    assert got["o18"].target.page == "2569/data/complaints.md" and got["o18"].target.year == 2569
    # ITA 2570 (the 2569 list, provisionally) takes the data of its own fiscal year where it has it.
    later = {s.code: s for s in assess_site(site, 2570)}
    assert later["o11"].target.page == "2570/data/procurement-monthly.md"
    assert later["o12"].target.page == "2569/data/procurement-report.md"  # no FY 2570 annual report yet
    # The same dataset answers another code in ITA 2568: a code means what its year's list says.
    assert [i.code for i in load_catalog(2568).items if "complaints" in i.datasets] == ["o19"]
    assert [i.code for i in load_catalog(2569).items if "complaints" in i.datasets] == ["o18"]


def test_dataset_of_the_year_before_answers_and_is_judged_by_the_year_rule(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    (content / "years" / "2568" / "data").mkdir(parents=True)
    monthly = content / "years" / "2569" / "data" / "procurement_monthly.csv"
    monthly.rename(content / "years" / "2568" / "data" / "procurement_monthly.csv")
    (content / "years" / "2569" / "data" / "contracts.csv").unlink()
    got = {s.code: s for s in assess_site(load_site(content), 2569)}
    assert got["o11"].target.page == "2568/data/procurement-monthly.md"
    assert got["o11"].status == "out_of_date"


def test_datasets_do_not_answer_the_2565_list_whose_codes_differ() -> None:
    got = {s.code: s for s in assess_site(load_site(EXAMPLE), 2565)}
    assert all(s.target is None or "/data/" not in (s.target.page or "") for s in got.values())


def test_ita_index_links_to_the_dataset_page(example_site: Path) -> None:
    html = (example_site / "ita" / "2569" / "index.html").read_text(encoding="utf-8")
    assert "https://saitharnkham.example/2569/data/procurement-monthly/" in html
    page = (example_site / "2569" / "data" / "procurement-monthly" / "index.html").read_text(encoding="utf-8")
    assert "o11 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน" in page_text(page)  # the criteria box of o11


def test_provisional_list_says_so_on_its_ita_page(example_site: Path) -> None:
    text = page_text(read_page(example_site, "ita/2570/"))
    assert "รายการของปี ๒๕๗๐ ยังไม่ประกาศ หน่วยงานเตรียมข้อมูลตามรายการของปี ๒๕๖๙ ไปพลางก่อน" in text
    assert "ยังไม่ประกาศ" not in page_text(read_page(example_site, "ita/2569/"))


def test_dataset_pages_show_the_code_of_the_ita_year_they_count_for(example_site: Path) -> None:
    # The contract list answers o11 of ITA 2569 (o12 in 2568): the code the index links, as it prints it.
    page = page_text(read_page(example_site, "2569/data/contracts/"))
    index = json.loads((example_site / "ita/2569/oit.json").read_text(encoding="utf-8"))
    linked = {i["code"]: i["link"] for i in index["items"]}
    entries = {e["id"]: e for e in json.loads((example_site / "data.json").read_text(encoding="utf-8"))["datasets"]}
    for fiscal, name in ((2569, "procurement_monthly"), (2569, "hr_report"), (2570, "hr_plan")):
        entry = entries[f"{fiscal}-{name}"]
        assert entry["oit_items"], name
        for pair in entry["oit_items"]:
            index = json.loads((example_site / f"ita/{pair['ita_year']}/oit.json").read_text(encoding="utf-8"))
            links = {i["code"]: i["link"] for i in index["items"]}
            assert links[pair["code"]] == entry["url"], (name, pair)
    # The contract list is not what the index links for o11 (the monthly summary is): it claims nothing.
    assert entries["2569-contracts"]["oit_items"] == [] and "ตอบข้อ OIT" not in page
    assert linked["o11"].endswith("/2569/data/procurement-monthly/")
    # FY 2569's annual HR report counts for ITA 2569 and, as the year before, for ITA 2570.
    assert entries["2569-hr_report"]["oit_items"] == [{"ita_year": 2569, "code": "o14"}, {"ita_year": 2570, "code": "o14"}]
    hr = page_text(read_page(example_site, "2569/data/hr-report/"))
    assert "ตอบข้อ OIT o14 (ITA ปี ๒๕๖๙), o14 (ITA ปี ๒๕๗๐)" in hr
    assert entries["2569-services"]["oit_items"] == []  # ITA 2569 has no item for it

