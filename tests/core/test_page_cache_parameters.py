"""An anonymous page's cached copy is keyed on the query parameters the page reads, and on no other:
tracking tags and junk parameters are served the same copy and never store another."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from comments.models import Comment
from core.cache import memory
from tests.factories import CategoryFactory, ExpertProfileFactory, UserFactory, answered_question


@pytest.fixture
def page_cache(settings):
    settings.FORUM_PAGE_CACHE_SECONDS = 300


def _main(response):
    """The page's own content (the sidebar lists recent questions on every page)."""
    return response.content.decode().split('id="main"', 1)[1].split("</main>", 1)[0].split("<aside", 1)[0]


def _page_keys():
    return {key for key in memory.entries if key.startswith("page:")}


@pytest.mark.django_db
def test_unknown_parameters_share_the_copy_of_the_page_without_them(client, page_cache, django_assert_num_queries):
    answered_question(title="One page for every tracking tag?")
    plain = client.get("/").content
    keys = _page_keys()
    assert keys == {"page:/?"}
    for url in ("/?utm_source=x", "/?junk=1", "/?utm_source=y&utm_medium=email&fbclid=abc", "/?page=2&q=x"):
        with django_assert_num_queries(0):  # served from the copy, nothing rendered
            response = client.get(url)
        assert response.status_code == 200 and response.content == plain, url
    assert _page_keys() == keys
    assert set(cache._cache) >= {f":1:{key}" for key in keys}  # noqa: SLF001
    assert not any("utm" in key or "junk" in key for key in cache._cache)  # noqa: SLF001


@pytest.mark.django_db
def test_the_parameters_a_page_reads_still_make_their_own_copies(client, page_cache):
    answered_question(title="Walking with a stick in winter?")
    answered_question(title="Balance exercises at home?")
    walking, balance = _main(client.get("/search/?q=walking")), _main(client.get("/search/?q=balance"))
    assert "with a stick in winter" in walking and "exercises at home" not in walking  # titles are highlighted
    assert "exercises at home" in balance and "with a stick in winter" not in balance
    assert _main(client.get("/search/?q=walking&utm_source=x")) == walking
    assert _main(client.get("/search/?utm_source=x&q=balance")) == balance
    assert _page_keys() == {"page:/search/?q=walking", "page:/search/?q=balance"}


@pytest.mark.django_db
def test_the_order_of_the_parameters_does_not_make_another_copy(client, page_cache):
    category = CategoryFactory(slug="mobility")
    answered_question(title="Walking with a stick in winter?", category=category)
    first = client.get("/search/?q=walking&category=mobility").content
    assert client.get("/search/?category=mobility&junk=1&q=walking").content == first
    assert _page_keys() == {"page:/search/?category=mobility&q=walking"}


@pytest.mark.django_db
def test_each_public_page_keeps_the_parameters_it_reads(client, page_cache, settings):
    settings.FORUM_PAGE_SIZE = 1
    expert = ExpertProfileFactory(slug="dr-keys")
    category = CategoryFactory(slug="keys")
    older = answered_question(title="Older question on page two?", category=category, expert=expert)
    newer = answered_question(title="Newer question on page one?", category=category, expert=expert)
    comment = Comment.objects.create(question=newer, author=UserFactory(), body="Reply to me", body_html="x",
                                     status=Comment.Status.APPROVED)  # fmt: skip
    for url in (reverse("forum:category", args=["keys"]), expert.get_absolute_url()):
        second, first = _main(client.get(f"{url}?page=2&junk=1")), _main(client.get(f"{url}?junk=2"))
        assert older.title in second and newer.title not in second, url
        assert newer.title in first and older.title not in first, url
    elsewhere = _main(client.get(f"{reverse('experts:list')}?specialty=elsewhere&junk=3"))
    assert expert.public_name not in elsewhere
    assert expert.public_name in _main(client.get(f"{reverse('experts:list')}?junk=3"))
    reply = client.get(f"{newer.get_absolute_url()}?reply_to={comment.pk}&utm_source=x")
    assert reply.status_code == 200
    assert {key for key in _page_keys() if "junk" in key or "utm" in key} == set()
    assert f"page:{newer.get_absolute_url()}?reply_to={comment.pk}" in _page_keys()


@pytest.mark.django_db
def test_a_page_is_given_only_the_parameters_it_reads_with_or_without_the_cache(client):
    """Signed in or with the cache off, a page sees the same parameters as the copy it is keyed on."""
    question = answered_question(title="Only what the page reads?")
    client.force_login(UserFactory())
    response = client.get(f"{question.get_absolute_url()}?utm_source=x")
    assert response.status_code == 200
    assert dict(response.wsgi_request.GET) == {}
    response = client.get("/search/?q=read&utm_source=x&page=1")
    assert dict(response.wsgi_request.GET) == {"q": ["read"], "page": ["1"]}
