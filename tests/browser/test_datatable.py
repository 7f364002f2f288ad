"""Long dataset tables sort by a column when its header is pressed; nothing is fetched from elsewhere."""

from __future__ import annotations


def test_contracts_table_sorts_by_agreed_price(page, example_url: str) -> None:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(example_url) else None)
    page.goto(f"{example_url}/2569/data/contracts/")
    rows = page.locator("table.pr-sortable tbody tr")
    assert rows.count() >= 200
    header = page.get_by_role("button", name="ราคาที่ตกลงซื้อหรือจ้าง")
    header.click()
    keys = page.eval_on_selector_all("table.pr-sortable tbody tr td:nth-child(8)", "c => c.map(x => x.dataset.sort)")
    assert keys == sorted(keys)
    header.click()
    keys = page.eval_on_selector_all("table.pr-sortable tbody tr td:nth-child(8)", "c => c.map(x => x.dataset.sort)")
    assert keys == sorted(keys, reverse=True)
    th = page.locator("table.pr-sortable thead th").nth(7)
    assert th.get_attribute("aria-sort") == "descending"
    assert outside == []


def test_chart_text_is_readable_on_a_phone(page, example_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{example_url}/2569/data/complaints/")
    chart = page.locator("svg.pr-chart")
    assert chart.get_attribute("role") == "img" and "เรื่องร้องเรียน" in chart.get_attribute("aria-label")
    heights = page.eval_on_selector_all("svg.pr-chart text", "ts => ts.map(t => t.getBoundingClientRect().height)")
    assert heights and min(heights) >= 11, f"chart text {min(heights):.1f} px high at 360 px width"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the chart pushes the page sideways"


def test_a_text_column_sorts_by_its_text(page, example_url: str) -> None:
    # Text cells carry no sort key: the script sorts them by what they show.
    page.goto(f"{example_url}/2569/data/contracts/")
    header = page.get_by_role("button", name="รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก")
    header.click()
    names = page.eval_on_selector_all("table.pr-sortable tbody tr td:nth-child(10)", "c => c.map(x => x.textContent)")
    assert len(set(names)) > 5 and names == sorted(names)
    header.click()
    names = page.eval_on_selector_all("table.pr-sortable tbody tr td:nth-child(10)", "c => c.map(x => x.textContent)")
    assert names == sorted(names, reverse=True)
    # the row header (first column) sorts too
    page.get_by_role("button", name="เลขที่โครงการ").click()
    numbers = page.eval_on_selector_all("table.pr-sortable tbody tr th", "c => c.map(x => x.textContent)")
    assert numbers == sorted(numbers)


def _luminance(rgb: str) -> float:
    channels = [float(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_chart_text_keeps_its_contrast_in_both_schemes(chromium, example_url: str) -> None:
    # In the dark scheme the labels were black on the dark background.
    for scheme in ("light", "dark"):
        context = chromium.new_context(locale="th-TH", color_scheme=scheme)
        tab = context.new_page()
        tab.goto(f"{example_url}/2569/data/spending-report/", wait_until="load")
        fills = tab.eval_on_selector_all("svg.pr-chart text", "ts => ts.map(t => getComputedStyle(t).fill)")
        background = tab.evaluate("getComputedStyle(document.querySelector('.md-main')).backgroundColor")
        if "rgba(0, 0, 0, 0)" in background:
            background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
        context.close()
        assert fills
        back = _luminance(background)
        for fill in set(fills):
            light, dark = sorted((_luminance(fill), back), reverse=True)
            ratio = (light + 0.05) / (dark + 0.05)
            assert ratio >= 4.5, f"{scheme}: chart text {fill} on {background}: {ratio:.2f}:1"
