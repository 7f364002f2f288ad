"""The home page opens in a real browser, in Thai, with the organization's name."""

from pathlib import Path

from generator.content import load_site

EXAMPLE = Path(__file__).resolve().parents[2] / "content"


def test_home_page_opens_in_chromium(page, example_url: str) -> None:
    name = load_site(EXAMPLE).organization.name
    page.goto(example_url)
    assert page.locator("html").get_attribute("lang") == "th"
    assert name in page.locator("article").inner_text()
