"""Long dataset tables sort by a column when its header is pressed; nothing is fetched from elsewhere."""

from __future__ import annotations


def test_contracts_table_sorts_by_agreed_price(page, example_url: str) -> None:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(example_url) else None)
    page.goto(f"{example_url}/2568/data/contracts/")
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
