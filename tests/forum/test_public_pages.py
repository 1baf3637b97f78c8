from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from core.cache import memory
from forum.models import Question
from forum.selectors import related_questions
from tests.factories import (
    CategoryFactory,
    ExpertProfileFactory,
    QuestionFactory,
    TagFactory,
    UserFactory,
    answered_question,
)


@pytest.mark.django_db
def test_answered_question_page_shows_question_answer_credentials_and_dates(client):
    expert = ExpertProfileFactory(public_name="Dr Ana Ruiz", postnominals="MD", position="Neurologist",
                                  institution="Harbour Hospital")  # fmt: skip
    question = answered_question(expert=expert, title="Does heat worsen MS symptoms for a while?")
    response = client.get(question.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Does heat worsen MS symptoms for a while?" in html
    assert "Dr Ana Ruiz" in html and "MD" in html and "Neurologist" in html and "Harbour Hospital" in html
    assert "Verified expert" in html
    assert expert.get_absolute_url() in html
    assert "Last reviewed" in html and "Published" in html
    assert "Asked by Anonymous" in html


@pytest.mark.django_db
def test_asker_name_is_shown_only_when_chosen(client):
    named = answered_question(is_anonymous=False, author=UserFactory(display_name="Juniper"))
    hidden = answered_question(is_anonymous=True, author=UserFactory(display_name="Secretname"))
    assert "Asked by Juniper" in client.get(named.get_absolute_url()).content.decode()
    page = client.get(hidden.get_absolute_url()).content.decode()
    assert "Secretname" not in page
    assert hidden.author.email not in page


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["wrong-slug", "x"])
def test_wrong_or_missing_slug_redirects_to_the_canonical_url(client, slug):
    question = answered_question()
    response = client.get(f"/questions/{question.pk}/{slug}/")
    assert response.status_code == 301
    assert response["Location"] == question.get_absolute_url()
    response = client.get(f"/questions/{question.pk}/")
    assert response.status_code == 301
    assert response["Location"] == question.get_absolute_url()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [Question.Status.PENDING, Question.Status.APPROVED, Question.Status.REJECTED, Question.Status.WITHDRAWN]
)
def test_unpublished_questions_are_404_for_visitors_and_other_patients(client, status):
    question = QuestionFactory(status=status, rejection_reason="Not suitable." if status == "rejected" else "")
    assert client.get(question.get_absolute_url()).status_code == 404
    client.force_login(UserFactory())
    assert client.get(question.get_absolute_url()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [Question.Status.PENDING, Question.Status.APPROVED, Question.Status.REJECTED, Question.Status.WITHDRAWN]
)
def test_author_and_moderators_see_unpublished_questions(client, moderator, status):
    question = QuestionFactory(status=status, rejection_reason="Not suitable." if status == "rejected" else "")
    client.force_login(question.author)
    assert client.get(question.get_absolute_url()).status_code == 200
    client.force_login(moderator)
    assert client.get(question.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_verified_experts_see_approved_but_not_pending_questions(client, expert):
    approved = QuestionFactory(status=Question.Status.APPROVED)
    pending = QuestionFactory(status=Question.Status.PENDING)
    client.force_login(expert.user)
    assert client.get(approved.get_absolute_url()).status_code == 200
    assert client.get(pending.get_absolute_url()).status_code == 404
    suspended = ExpertProfileFactory(status="suspended")
    client.force_login(suspended.user)
    assert client.get(approved.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_lists_show_only_answered_questions(client):
    category = CategoryFactory()
    tag = TagFactory()
    public = answered_question(category=category, tags=[tag], title="A public question about fatigue?")
    QuestionFactory(category=category, tags=[tag], title="A pending question about fatigue?")
    for url in [reverse("forum:home"), category.get_absolute_url(), tag.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert public.title in html, url
        assert "A pending question about fatigue?" not in html, url


@pytest.mark.django_db
def test_archive_month_and_year_count_answers_by_publication_month(client):
    for day in (3, 17, 28):
        answered_question(answered_at=datetime(2025, 3, day, 12, tzinfo=UTC))
    answered_question(answered_at=datetime(2025, 4, 2, 12, tzinfo=UTC))
    QuestionFactory(created_at=datetime(2025, 3, 5, tzinfo=UTC))  # pending: not counted
    month = client.get("/archive/2025/03/")
    assert month.status_code == 200
    assert "3 answered questions" in month.content.decode()
    year = client.get("/archive/2025/").content.decode()
    assert "4 answered questions" in year
    assert 'href="/archive/2025/03/"' in year and 'href="/archive/2025/04/"' in year
    assert client.get("/archive/2025/05/").status_code == 404
    assert client.get("/archive/2025/13/").status_code == 404


@pytest.mark.django_db
def test_sidebar_lists_months_with_counts(client):
    answered_question(answered_at=datetime(2024, 11, 10, tzinfo=UTC))
    answered_question(answered_at=datetime(2024, 11, 20, tzinfo=UTC))
    html = client.get(reverse("forum:home")).content.decode()
    assert "November 2024" in html and "(2)" in html
    assert "No comments yet." in html


@pytest.mark.django_db
def test_pagination_pages_and_out_of_range(client, settings):
    settings.FORUM_PAGE_SIZE = 5
    category = CategoryFactory()
    for _ in range(12):
        answered_question(category=category)
    assert client.get(category.get_absolute_url() + "?page=3").status_code == 200
    assert client.get(category.get_absolute_url() + "?page=4").status_code == 404
    assert client.get(category.get_absolute_url() + "?page=abc").status_code == 404


@pytest.mark.django_db
def test_related_questions_share_category_or_tags(client):
    tag = TagFactory()
    question = answered_question(tags=[tag])
    sibling = answered_question(tags=[tag], title="Another question sharing the tag?")
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Related questions" in html and sibling.title in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["about", "disclaimer", "privacy", "terms", "accessibility"])
def test_static_pages(client, name):
    response = client.get(reverse(f"forum:{name}"))
    assert response.status_code == 200
    assert "Medical disclaimer" in response.content.decode()


@pytest.mark.django_db
def test_sitemap_lists_public_questions_only_and_robots_points_to_it(client):
    public = answered_question()
    hidden = QuestionFactory()
    xml = client.get("/sitemap.xml").content.decode()
    assert public.get_absolute_url() in xml
    assert f"/questions/{hidden.pk}/" not in xml
    assert "/archive/" in xml
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /admin/" in robots


@pytest.mark.django_db
def test_expert_directory_and_profile(client):
    expert = ExpertProfileFactory(public_name="Dr Mo Said")
    ExpertProfileFactory(public_name="Dr Applied Only", status="applied")
    answered_question(expert=expert, title="What does an MRI with contrast show?")
    directory = client.get("/experts/").content.decode()
    assert "Dr Mo Said" in directory and "Dr Applied Only" not in directory
    profile = client.get(expert.get_absolute_url()).content.decode()
    assert "What does an MRI with contrast show?" in profile
    assert expert.licence_number not in profile
    assert client.get("/experts/expert-that-does-not-exist/").status_code == 404


def _build(n):
    category = CategoryFactory(slug="load-cat")
    tag = TagFactory(slug="load-tag")
    expert = ExpertProfileFactory()
    questions = [
        answered_question(category=category, tags=[tag, TagFactory()], expert=expert,
                          answered_at=datetime(2025, 6, 1 + i % 28, tzinfo=UTC))
        for i in range(n)
    ]  # fmt: skip
    return category, tag, expert, questions


PUBLIC_PAGES = [
    lambda c, t, e, qs: reverse("forum:home"),
    lambda c, t, e, qs: qs[0].get_absolute_url(),
    lambda c, t, e, qs: c.get_absolute_url(),
    lambda c, t, e, qs: t.get_absolute_url(),
    lambda c, t, e, qs: "/archive/2025/",
    lambda c, t, e, qs: "/archive/2025/06/",
    lambda c, t, e, qs: "/experts/",
    lambda c, t, e, qs: e.get_absolute_url(),
    lambda c, t, e, qs: "/sitemap.xml",
    lambda c, t, e, qs: reverse("search:search") + "?q=fatigue+relapse",
]


@pytest.mark.django_db
@pytest.mark.parametrize("n", [2, 45])
@pytest.mark.parametrize("page", range(len(PUBLIC_PAGES)))
def test_public_page_query_count_does_not_grow_with_items(client, django_assert_max_num_queries, settings, n, page):
    """Built from the database with nothing cached (as after Redis restarted empty); each part the page
    shares with others (the sidebar, its figures) is built once."""
    settings.FORUM_PAGE_CACHE_SECONDS = 300
    built = _build(n)
    url = PUBLIC_PAGES[page](*built)
    cache.clear()
    memory.clear()
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.django_db
def test_related_questions_rank_by_shared_tags_then_recency_and_skip_unpublished(django_assert_num_queries):
    a, b, c = TagFactory(), TagFactory(), TagFactory()
    now = timezone.now()
    question = answered_question(tags=[a, b])
    both = answered_question(tags=[a, b, c], answered_at=now - timedelta(days=30), title="Shares both tags?")
    newer_one = answered_question(tags=[b], answered_at=now - timedelta(days=1), title="Shares one, newer?")
    older_one = answered_question(tags=[a], answered_at=now - timedelta(days=9), title="Shares one, older?")
    QuestionFactory(status=Question.Status.PENDING, tags=[a, b], title="Not published yet?")
    answered_question(tags=[c], title="Shares nothing?")
    with django_assert_num_queries(2):  # the tags (prefetched on the page) and the related rows
        related = related_questions(question, limit=3)
    assert [r.pk for r in related] == [both.pk, newer_one.pk, older_one.pk]
