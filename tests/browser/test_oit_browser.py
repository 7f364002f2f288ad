"""An assessor's walk in a real browser: home → ITA page → the item's page, criteria opened by a click."""

from __future__ import annotations


def test_assessor_reaches_an_item_by_clicking_and_opens_its_criteria(page, example_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(example_url)
    page.locator("article").get_by_role("link", name="ITA ๒๕๗๐").click()
    page.wait_for_url("**/ita/2570/")
    assert "o1 โครงสร้าง" in page.locator("article table").inner_text()
    page.locator("article").get_by_role("link", name="o2 ข้อมูลผู้บริหาร").click()
    page.wait_for_url("**/about/executives/")
    box = page.locator("details.pr-oit-criteria").first
    criteria = box.locator("li").first
    assert not criteria.is_visible()
    box.locator("summary").click()
    assert criteria.is_visible()
    assert "o2 ข้อมูลผู้บริหาร" in box.inner_text()


def test_csv_download_link_serves_the_table(page, example_url: str) -> None:
    page.goto(example_url + "ita/2570/")
    href = page.locator("article").get_by_role("link", name="CSV").get_attribute("href")
    response = page.request.get(example_url + "ita/2570/" + href)
    assert response.ok
    assert response.body().startswith(b"\xef\xbb\xbf")
    assert "o1,โครงสร้าง หน้าที่และอำนาจ," in response.body().decode("utf-8-sig")
