"""The ITA 2566 and 2567 OIT catalogs against the item lists found in public sources.

Each row pins an item's code and official title and names the catalog source (its `id`)
that shows that item: first for ITA 2566, then for ITA 2567. A 2567 row that names a 2566
source marks an item no page of 2567 was found to show (it stays `confirmed: false`).
"""

from __future__ import annotations

import re

import pytest

from generator.catalog import read_program_yaml
from generator.oit.catalog import CATALOG_DIR, Catalog, load_catalog

# code, title, source that shows it in 2566, source that shows it in 2567
ITEMS: list[tuple[str, str, str, str]] = [
    ("o1", "โครงสร้าง", "nongkhao-2566", "song-2567"),
    ("o2", "ข้อมูลผู้บริหาร", "nongkhao-2566", "song-2567"),
    ("o3", "อำนาจหน้าที่", "banklongsuan-2566", "song-2567"),
    ("o4", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "nongkhao-2566", "nongkhao-2566"),
    ("o5", "ข้อมูลการติดต่อ", "bansamyaek-2566", "bansamyaek-2566"),
    ("o6", "กฎหมายที่เกี่ยวข้อง", "nongkhao-2566", "nongkhao-2566"),
    ("o7", "ข่าวประชาสัมพันธ์", "nongkhao-2566", "nongkhao-2566"),
    ("o8", "Q&A", "nongkhao-2566", "bansamyaek-2566"),
    ("o9", "Social Network", "nongkhao-2566", "bansamyaek-2566"),
    ("o10", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", "nongkhao-2566", "nongkhao-2566"),
    ("o11", "แผนดำเนินงานและการใช้งบประมาณประจำปี", "nongkhao-2566", "nongkhao-2566"),
    (
        "o12",
        "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ ๖ เดือน",
        "bansamyaek-2566",
        "bansamyaek-2566",
    ),
    ("o13", "รายงานผลการดำเนินงานประจำปี", "nongkhao-2566", "nongkhao-2566"),
    ("o14", "คู่มือหรือมาตรฐานการปฏิบัติงาน", "nongkhao-2566", "bansamyaek-2566"),
    ("o15", "คู่มือหรือมาตรฐานการให้บริการ", "nongkhao-2566", "nongkhao-2566"),
    ("o16", "ข้อมูลเชิงสถิติการให้บริการ", "bansamyaek-2566", "bansamyaek-2566"),
    ("o17", "รายงานผลการสำรวจความพึงพอใจการให้บริการ", "bansamyaek-2566", "bansamyaek-2566"),
    ("o18", "E-Service", "bansamyaek-2566", "bansamyaek-2566"),
    ("o19", "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "dusitaram-2566", "bansamyaek-2566"),
    ("o20", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", "dusitaram-2566", "bansamyaek-2566"),
    ("o21", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", "dusitaram-2566", "bansamyaek-2566"),
    ("o22", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", "dusitaram-2566", "bansamyaek-2566"),
    ("o23", "นโยบายหรือแผนการบริหารทรัพยากรบุคคล", "bansamyaek-2566", "bansamyaek-2566"),
    ("o24", "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล", "pracharath-2566", "bansamyaek-2566"),
    ("o25", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "pracharath-2566", "bansamyaek-2566"),
    ("o26", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", "bansamyaek-2566", "bansamyaek-2566"),
    ("o27", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "mkschool-2566", "bansamyaek-2566"),
    ("o28", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "mkschool-2566", "bansamyaek-2566"),
    ("o29", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "bansamyaek-2566", "bansamyaek-2566"),
    ("o30", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", "bansamyaek-2566", "bansamyaek-2566"),
    ("o31", "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่", "skm-2566", "bansamyaek-2566"),
    ("o32", "การสร้างวัฒนธรรม No Gift Policy", "skm-2566", "bansamyaek-2566"),
    ("o33", "รายงานผลตามนโยบาย No Gift Policy", "skm-2566", "bansamyaek-2566"),
    ("o34", "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี", "bansamyaek-2566", "bansamyaek-2566"),
    ("o35", "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ", "bansamyaek-2566", "bansamyaek-2566"),
    ("o36", "แผนปฏิบัติการป้องกันการทุจริต", "bansamyaek-2566", "bansamyaek-2566"),
    ("o37", "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ ๖ เดือน", "bansamyaek-2566", "bansamyaek-2566"),
    ("o38", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", "bansamyaek-2566", "bansamyaek-2566"),
    ("o39", "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ", "skm-2566", "bansamyaek-2566"),
    ("o40", "การขับเคลื่อนจริยธรรม", "skm-2566", "bansamyaek-2566"),
    ("o41", "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ", "skm-2566", "bansamyaek-2566"),
    ("o42", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "bansamyaek-2566", "bansamyaek-2566"),
    (
        "o43",
        "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "bansamyaek-2566",
        "bansamyaek-2566",
    ),
]

# Sub-indicators and the codes they hold, as the sources group them (see each catalog's research).
GROUPS = {
    "9.1 ข้อมูลพื้นฐาน": (1, 10),
    "9.2 การบริหารงาน": (11, 18),
    "9.3 การจัดซื้อจัดจ้าง": (19, 22),
    "9.4 การบริหารและพัฒนาทรัพยากรบุคคล": (23, 26),
    "9.5 การส่งเสริมความโปร่งใส": (27, 30),
    "10.1 การดำเนินการเพื่อป้องกันการทุจริต": (31, 38),
    "10.2 มาตรการภายในเพื่อส่งเสริมคุณธรรมและความโปร่งใส": (39, 43),
}

YEARS = (2566, 2567)


def _source_years(catalog: Catalog) -> dict[str, list[int]]:
    return {s.id: s.years for s in catalog.sources if s.id}


@pytest.mark.parametrize("year", YEARS)
def test_the_list_has_43_items_in_the_pinned_order(year: int) -> None:
    catalog = load_catalog(year)
    assert [(i.code, i.title) for i in catalog.items] == [(code, title) for code, title, _, _ in ITEMS]
    assert len(catalog.items) == 43


@pytest.mark.parametrize("year", YEARS)
def test_each_item_cites_the_source_that_shows_it(year: int) -> None:
    catalog = load_catalog(year)
    years = _source_years(catalog)
    column = YEARS.index(year)
    for code, _title, *shown_by in ITEMS:
        item = catalog.item(code)
        assert item is not None, code
        source = shown_by[column]
        assert source in item.sources, (year, code, source)
        # A source of the catalog's own year confirms the item; any other leaves it open.
        assert item.confirmed == (year in years[source]), (year, code, source)


def test_confirmed_counts() -> None:
    assert all(i.confirmed for i in load_catalog(2566).items)
    assert [i.code for i in load_catalog(2567).items if i.confirmed] == ["o1", "o2", "o3"]


@pytest.mark.parametrize("year", YEARS)
def test_open_items_say_what_was_searched(year: int) -> None:
    for item in load_catalog(year).items:
        if not item.confirmed:
            assert item.research and "คำค้น" in item.research, (year, item.code)


@pytest.mark.parametrize("year", YEARS)
def test_sub_indicators_hold_the_codes_the_sources_group_them_under(year: int) -> None:
    got: dict[str, list[int]] = {}
    for item in load_catalog(year).items:
        got.setdefault(item.sub_indicator, []).append(int(item.code[1:]))
    assert {k: (v[0], v[-1]) for k, v in got.items()} == GROUPS
    assert all(v == list(range(v[0], v[-1] + 1)) for v in got.values())


@pytest.mark.parametrize("year", YEARS)
def test_dataset_keys_exist_and_agree_with_the_datasets_own_codes(year: int) -> None:
    specs = read_program_yaml(CATALOG_DIR.parent / "datasets.yml")
    catalog = load_catalog(year)
    named = {key for item in catalog.items for key in item.datasets}
    assert named <= set(specs), named - set(specs)
    # One dataset answers at most one item of the year (datasets.yml itself names no code).
    listed = [key for item in catalog.items for key in item.datasets]
    assert len(listed) == len(set(listed))


@pytest.mark.parametrize("year", YEARS)
def test_the_public_note_is_thai_without_links_or_research(year: int) -> None:
    catalog = load_catalog(year)
    assert catalog.note
    ids = [s.id for s in catalog.sources if s.id]
    assert not re.search(r"https?:|www\.|\.go\.th|\.ac\.th|github", catalog.note)
    assert not any(i in catalog.note for i in ids)
    # Only item codes and the assessment's own abbreviations in Latin letters.
    assert set(re.findall(r"[A-Za-z]+", catalog.note)) <= {"o", "ITA", "OIT"}
