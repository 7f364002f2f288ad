"""The OIT catalogs of ITA 2568 and 2569 against the evidence, item by item.

Each row: code, the official Thai title, and the id of the catalog source that shows
that code with that title for that year (None: no source of the year shows it, and the
item must be unconfirmed). The sources are described in the catalog files and in
../shared/OIT-SOURCES.md; the code stays out of this repository.
"""

from __future__ import annotations

import pytest

from generator.kinds.datasets import catalog as dataset_catalog
from generator.oit.catalog import Catalog, load_catalog

RTRDA = "rtrda-headings"  # a central agency's site code: its 2568 headings and what replaced them in 2569
GUIDES = "rtrda-guides"  # the same site's 2569 guide and document pages
MAESAI_PLAN = "maesai-plan"  # a tambon's 2568 plan page, built from its o6 file
MAESAI_ITA = "maesai-ita"  # the same tambon's ITA page with the new O25-O26 of 2569

ITA_2568 = [
    ("o1", "โครงสร้างและอำนาจหน้าที่", RTRDA),
    ("o2", "ข้อมูลผู้บริหาร", None),
    ("o3", "ข้อมูลการติดต่อ", RTRDA),
    ("o4", "ข่าวประชาสัมพันธ์", RTRDA),
    ("o5", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", None),
    ("o6", "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี", MAESAI_PLAN),
    ("o7", "รายงานผลการดำเนินงานประจำปี", None),
    ("o8", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", RTRDA),
    ("o9", "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ", RTRDA),
    ("o10", "E-Service", RTRDA),
    ("o11", "ข้อมูลสถิติการให้บริการ", RTRDA),
    ("o12", "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", RTRDA),
    ("o13", "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี", RTRDA),
    ("o14", "แผนการบริหารและพัฒนาทรัพยากรบุคคล", RTRDA),
    ("o15", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", RTRDA),
    ("o16", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", RTRDA),
    ("o17", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", RTRDA),
    ("o18", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", RTRDA),
    ("o19", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", RTRDA),
    ("o20", "การเปิดโอกาสให้เกิดการมีส่วนร่วม", RTRDA),
    ("o21", "ประกาศเจตนารมณ์และการสร้างวัฒนธรรมตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่", RTRDA),
    ("o22", "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา", RTRDA),
    ("o23", "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน", RTRDA),
    ("o24", "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ", RTRDA),
    # The source adds its ministry to these two titles.
    ("o25", "แผนปฏิบัติการป้องกันการทุจริตและประพฤติมิชอบ", RTRDA),
    ("o26", "รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริตและประพฤติมิชอบ", RTRDA),
]

ITA_2569 = [
    ("o1", "โครงสร้าง หน้าที่และอำนาจ", RTRDA),
    ("o2", "ข้อมูลผู้บริหาร", None),
    ("o3", "ข้อมูลการติดต่อและช่องทางการสอบถาม", RTRDA),
    ("o4", "ข่าวประชาสัมพันธ์", RTRDA),
    ("o5", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", GUIDES),
    ("o6", "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี", None),
    ("o7", "รายงานผลการดำเนินงานประจำปี", None),
    ("o8", "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", GUIDES),
    ("o9", "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ", GUIDES),
    ("o10", "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)", RTRDA),
    ("o11", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน", RTRDA),
    ("o12", "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน", RTRDA),
    ("o13", "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล", GUIDES),
    ("o14", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", GUIDES),
    ("o15", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", RTRDA),
    ("o16", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", RTRDA),
    ("o17", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", RTRDA),
    ("o18", "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", RTRDA),
    ("o19", "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน", GUIDES),
    (
        "o20",
        "การขับเคลื่อนนโยบาย No Gift Policy จากการปฏิบัติหน้าที่และการเสริมสร้างความรู้เกี่ยวกับหลักเกณฑ์"
        "การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าพนักงานของรัฐ",
        GUIDES,
    ),
    ("o21", "การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ", RTRDA),
    ("o22", "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตของหน่วยงาน", RTRDA),
    ("o23", "แผนปฏิบัติการป้องกันการทุจริต", RTRDA),
    ("o24", "รายงานผลการดำเนินการป้องกันการทุจริต", RTRDA),
    ("o25", "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", RTRDA),
    ("o26", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", RTRDA),
]

LISTS = {2568: ITA_2568, 2569: ITA_2569}


@pytest.mark.parametrize("year", sorted(LISTS))
def test_codes_and_titles_follow_the_sources(year: int) -> None:
    catalog = load_catalog(year)
    got = [(i.code, i.title) for i in catalog.items]
    assert got == [(code, title) for code, title, _ in LISTS[year]]
    assert len(got) == 26


@pytest.mark.parametrize("year", sorted(LISTS))
def test_an_item_is_confirmed_exactly_where_a_source_of_its_year_shows_it(year: int) -> None:
    catalog = load_catalog(year)
    of_year = {s.id: s for s in catalog.sources if s.id and year in s.years}
    for code, _, source in LISTS[year]:
        item = catalog.item(code)
        assert item is not None
        if source is None:
            assert not item.confirmed, code
            assert item.research, f"{code}: an unconfirmed item says what was searched"
        else:
            assert item.confirmed, code
            assert source in item.sources and source in of_year, (code, source)


def test_each_source_names_its_years_and_kind_of_agency() -> None:
    for year in LISTS:
        catalog: Catalog = load_catalog(year)
        ids = [s.id for s in catalog.sources]
        assert None not in ids and len(set(ids)) == len(ids), year
        for source in catalog.sources:
            assert source.years and source.agency, (year, source.id)
        # At least one local government source for the year, as the issue prefers.
        assert any(s.agency == "local" and year in s.years for s in catalog.sources), year


@pytest.mark.parametrize("year", sorted(LISTS))
def test_datasets_named_by_items_exist(year: int) -> None:
    keys = set(dataset_catalog())
    named = [(i.code, key) for i in load_catalog(year).items for key in i.datasets]
    assert named, "some items are answered by open datasets"
    assert [pair for pair in named if pair[1] not in keys] == []
    # One dataset answers at most one item of a year.
    datasets = [key for _, key in named]
    assert len(datasets) == len(set(datasets))


def test_2569_moved_the_items_after_o10() -> None:
    # The same code means different items in the two years: the assessor of 2569 looks for
    # the monthly procurement summary under o11, no longer for service statistics.
    before, after = load_catalog(2568), load_catalog(2569)
    assert before.item("o11").datasets == ["services"]
    assert after.item("o11").datasets == ["procurement_monthly", "contracts"]
    assert after.item("o18").datasets == ["complaints"] and before.item("o19").datasets == ["complaints"]
    assert after.item("o25").sub_indicator.startswith("10.2")
