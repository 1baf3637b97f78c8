"""What search engines read: one canonical address per page (unknown parameters and page=1 dropped), a
distinct title and description on later pages, no indexing of search results, /favicon.ico, and sitemap dates
that follow the answer (published, revised or reviewed), not whatever last touched the row."""

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from forum.models import Answer
from tests.factories import CategoryFactory, answered_question


def canonical(html: str) -> str:
    match = re.search(r'<link rel="canonical" href="([^"]*)">', html)
    assert match, "no canonical link"
    return match.group(1)


@pytest.mark.django_db
@override_settings(SITE_URL="https://forum.example.org", FORUM_PAGE_SIZE=1)
def test_canonical_addresses_titles_and_descriptions(client):
    topic = CategoryFactory(slug="relapses", name="Relapses")
    for _ in range(2):
        answered_question(category=topic)
    first = client.get("/categories/relapses/?utm_source=newsletter&page=1").content.decode()
    assert canonical(first) == "https://forum.example.org/categories/relapses/"
    second = client.get("/categories/relapses/?page=2&junk=1").content.decode()
    assert canonical(second) == "https://forum.example.org/categories/relapses/?page=2"
    title = re.compile(r"<title>(.*?)</title>", re.S)
    assert title.search(first).group(1) != title.search(second).group(1) and "page 2" in second
    description = re.compile(r'<meta name="description" content="([^"]*)"')
    assert description.search(first).group(1) != description.search(second).group(1)


@pytest.mark.django_db
def test_search_results_are_not_indexed_and_the_icon_is_found(client):
    assert '<meta name="robots" content="noindex, follow">' in client.get("/search/?q=fatigue").content.decode()
    assert "noindex" not in client.get("/").content.decode()
    icon = client.get("/favicon.ico")
    assert icon.status_code == 301 and icon["Location"].endswith(".svg")


@pytest.mark.django_db
def test_sitemap_dates_follow_the_answer(client):
    question = answered_question(answered_at=timezone.now() - timedelta(days=400))
    reviewed = timezone.now() - timedelta(days=3)
    Answer.objects.filter(question=question).update(last_reviewed_at=reviewed)
    question.save()  # a row touched today (a comment count, say) does not move the date
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<lastmod>{reviewed.date().isoformat()}</lastmod>" in sitemap
    assert f"<lastmod>{timezone.now().date().isoformat()}</lastmod>" not in sitemap.split(question.slug)[1][:200]


@pytest.mark.django_db
@override_settings(SITE_URL="https://forum.example.org")
def test_a_qa_page_describes_itself_in_json_ld_and_open_graph(client):
    import json

    from tests.factories import ExpertProfileFactory

    reviewer = ExpertProfileFactory(public_name="Dr Second Look")
    question = answered_question(title="Is <b>heat</b> & humidity a trigger?")
    Answer.objects.filter(question=question).update(reviewed_by=reviewer)
    html = client.get(question.get_absolute_url()).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1 and "<b>" not in scripts[0]  # markup in the data is escaped, never closes the script
    graph = {node["@type"]: node for node in json.loads(scripts[0])["@graph"]}
    asked = graph["QAPage"]["mainEntity"]
    assert asked["name"] == "Is <b>heat</b> & humidity a trigger?" and asked["answerCount"] == 1
    accepted = asked["acceptedAnswer"]
    assert accepted["text"].startswith("Fatigue after a relapse is common") and accepted["dateCreated"]
    assert accepted["author"]["url"].startswith("https://forum.example.org/experts/")
    page = graph["MedicalWebPage"]
    assert page["reviewedBy"]["name"].startswith("Dr Second Look") and page["lastReviewed"]
    assert page["url"] == canonical(html)
    assert '<meta property="og:title" content="Is &lt;b&gt;heat&lt;/b&gt; &amp; humidity a trigger?">' in html
