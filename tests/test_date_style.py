"""site.yml's date_style reaches the built pages: months in full or abbreviated, in the site's digits."""

from __future__ import annotations

import re
from pathlib import Path

from generator.pipeline import build
from tests.conftest import article_html, page_text, read_page


def built_year_page(site: Path) -> str:
    return page_text(article_html(read_page(site, "2568/")))


def test_date_style_reaches_the_year_page_and_the_data_tables(small_site: Path, content_copy: Path,
                                                              tmp_path: Path) -> None:
    settings = content_copy / "site.yml"
    text = settings.read_text(encoding="utf-8")
    assert re.search(r"(?m)^date_style: abbr$", text), "the small organization writes abbreviated dates"
    settings.write_text(text.replace("date_style: abbr", "date_style: full"), encoding="utf-8")
    build(content_copy, tmp_path / "site")

    abbr, full = built_year_page(small_site), built_year_page(tmp_path / "site")
    # The fiscal year 2568 runs from 1 October 2567 to 30 September 2568 (Arabic digits: site setting).
    assert "1 ต.ค. 2567 – 30 ก.ย. 2568" in abbr and "ตุลาคม" not in abbr
    assert "1 ตุลาคม 2567 – 30 กันยายน 2568" in full
    contracts = "2568/data/contracts/"
    abbr_table = page_text(article_html(read_page(small_site, contracts)))
    full_table = page_text(article_html(read_page(tmp_path / "site", contracts)))
    months = re.compile(r"\d{1,2} (ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.) 25\d\d")
    full_months = re.compile(r"\d{1,2} (มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน"
                             r"|ตุลาคม|พฤศจิกายน|ธันวาคม) 25\d\d")
    assert months.search(abbr_table) and not full_months.search(abbr_table)
    assert full_months.search(full_table) and not months.search(full_table)
