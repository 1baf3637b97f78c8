import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import CategoryFactory


@pytest.mark.django_db
def test_home_shows_purpose_disclaimer_categories_and_the_call_to_ask(client):
    CategoryFactory(name="Relapses", description="Telling a relapse from a bad day.")
    response = client.get(reverse("forum:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert settings.SITE_NAME in html
    assert settings.FORUM_DISCLAIMER in html
    assert "Relapses" in html and "Telling a relapse from a bad day." in html
    assert 'href="/ask/"' in html
    assert "No questions have been answered yet" in html
    assert 'role="search"' in html
    assert 'href="#main"' in html  # skip link


@pytest.mark.django_db
def test_unknown_page_gets_the_site_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert settings.FORUM_DISCLAIMER in html


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get(reverse("forum:home"))
    policy = response["Content-Security-Policy"]
    assert "object-src 'none'" in policy
    assert "base-uri 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_healthz_reports_ok(client):
    response = client.get(reverse("forum:healthz"))
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
