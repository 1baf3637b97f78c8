"""Anonymous public pages come from the cache, and every change that shows on them invalidates it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from forum.models import Answer, Comment
from forum.services import comments as comment_services
from forum.services.answers import answer_publish, answer_revise
from tests.factories import QuestionFactory, UserFactory, answered_question


@pytest.fixture
def page_cache(settings):
    settings.FORUM_PAGE_CACHE_SECONDS = 300


def _get(client, url):
    return client.get(url).content.decode()


@pytest.mark.django_db
def test_a_cached_page_is_served_without_queries(client, page_cache, django_assert_num_queries):
    question = answered_question(title="A cached question?")
    _get(client, question.get_absolute_url())
    with django_assert_num_queries(0):
        assert "A cached question?" in _get(client, question.get_absolute_url())


@pytest.mark.django_db
def test_signed_in_people_never_get_the_anonymous_copy(client, page_cache, user):
    question = answered_question()
    anonymous_html = _get(client, question.get_absolute_url())
    client.force_login(user)
    signed_in_html = _get(client, question.get_absolute_url())
    assert "Sign in to comment" in anonymous_html and "Sign in to comment" not in signed_in_html


@pytest.mark.django_db
def test_answering_a_question_invalidates_cached_pages(client, page_cache, expert, django_capture_on_commit_callbacks):
    answered_question(title="Already answered?")
    assert "Already answered?" in _get(client, "/")
    question = QuestionFactory(status="approved", approved_at=timezone.now(), title="Freshly answered question?")
    assert "Freshly answered question?" not in _get(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        answer_publish(question=question, expert_user=expert.user, body="A new answer for everyone. " * 3)
    assert "Freshly answered question?" in _get(client, "/")


@pytest.mark.django_db
def test_editing_an_answer_invalidates_the_qa_page(client, page_cache, expert, django_capture_on_commit_callbacks):
    question = answered_question(expert=expert)
    answer = Answer.objects.get(question=question)
    assert "Fatigue after a relapse is common" in _get(client, question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        answer_revise(answer=answer, expert_user=expert.user, body="A revised answer with new advice. " * 3)
    assert "A revised answer with new advice." in _get(client, question.get_absolute_url())


@pytest.mark.django_db
def test_approving_a_comment_invalidates_the_qa_page(client, page_cache, moderator, django_capture_on_commit_callbacks):
    question = answered_question()
    held = Comment.objects.create(question=question, author=UserFactory(), body="Held comment text",
                                  body_html="<p>Held comment text</p>")  # fmt: skip
    assert "Held comment text" not in _get(client, question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_approve(comment=held, moderator=moderator)
    assert "Held comment text" in _get(client, question.get_absolute_url())


@pytest.mark.django_db
def test_closing_comments_invalidates_the_qa_page(client, page_cache, moderator, django_capture_on_commit_callbacks):
    question = answered_question()
    assert "Comments are closed." not in _get(client, question.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comments_close(question=question, moderator=moderator)
    assert "Comments are closed." in _get(client, question.get_absolute_url())


@pytest.mark.django_db
def test_feeds_and_sitemap_follow_new_answers(client, page_cache, expert, django_capture_on_commit_callbacks):
    assert "Feed newcomer?" not in _get(client, reverse("forum:feed_latest"))
    question = QuestionFactory(status="approved", approved_at=timezone.now(), title="Feed newcomer?")
    with django_capture_on_commit_callbacks(execute=True):
        answer_publish(question=question, expert_user=expert.user, body="Answer for the feed. " * 3)
    assert "Feed newcomer?" in _get(client, reverse("forum:feed_latest"))
    assert question.get_absolute_url() in _get(client, "/sitemap.xml")
