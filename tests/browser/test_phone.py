"""On a phone the search field is in the header, not behind the menu."""

import pytest

from tests.browser.conftest import VIEWPORTS
from tests.factories import answered_question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_from_the_phone_header(browser, live_server):
    question = answered_question(title="Does heat make my legs weaker for a while?")
    page = browser.new_context(viewport=VIEWPORTS["phone"]).new_page()
    page.goto(f"{live_server.url}/")
    assert page.locator("#phone-search").is_visible() and not page.locator("#site-search").is_visible()
    page.fill("#phone-search", "heat legs")
    page.press("#phone-search", "Enter")
    page.wait_for_url("**/search/?q=heat+legs")
    page.locator(".search-hit a", has_text=question.title).click()
    page.wait_for_url(f"**{question.get_absolute_url()}")
    desktop = browser.new_context(viewport=VIEWPORTS["desktop"]).new_page()
    desktop.goto(f"{live_server.url}/")
    assert desktop.locator("#site-search").is_visible() and not desktop.locator("#phone-search").is_visible()
