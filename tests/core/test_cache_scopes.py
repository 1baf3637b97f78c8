"""Every service that changes what public pages show invalidates exactly the scopes it changes, and the
ones that change nothing public invalidate nothing (forum/scopes.py lists the scopes)."""

from datetime import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.services import account_delete
from comments import services as comment_services
from comments.models import Comment
from core.cache import cached_part, invalidate, versions
from experts.services import claims, profiles
from experts.services.answers import answer_mark_reviewed, answer_publish, answer_revise
from forum.models import Answer, Question
from forum.services import answers as forum_answers
from forum.services import questions as question_services
from moderation.services import report_create, spam_account_remove
from notifications.services import preferences_update
from tests.factories import CategoryFactory, QuestionFactory, TagFactory, UserFactory, answered_question
from tests.support.cache import assert_invalidates, invalidations

DIRECTORY_AND_COUNTS = ["figures", "experts"]


def month(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"month:{local.year:04d}-{local.month:02d}"


def listed(question: Question) -> list[str]:
    """The scopes of a public Q&A's page and of every list it shows in, spelled out from its rows."""
    question = Question.objects.select_related("category", "answer__expert").get(pk=question.pk)
    return [
        f"question:{question.pk}", "latest", "search", f"category:{question.category.slug}",
        *(f"tag:{tag.slug}" for tag in question.tags.all()), month(question.answered_at),
        f"expert:{question.answer.expert.slug}",
    ]  # fmt: skip


def trusted_commenter(question: Question) -> object:
    author = UserFactory()
    Comment.objects.create(question=question, author=author, body="e", body_html="e", status="approved")
    return author


@pytest.mark.django_db
def test_publishing_an_answer_invalidates_the_qa_its_lists_and_the_figures(expert):
    question = QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now(), tags=[TagFactory()])
    with invalidations() as bumped:
        answer_publish(question=question, expert_user=expert.user, body="A clear answer for you. " * 3)
    assert bumped == {*listed(question), *DIRECTORY_AND_COUNTS}
    assert f"tag:{question.tags.get().slug}" in bumped and f"expert:{expert.slug}" in bumped


@pytest.mark.django_db
def test_revising_an_answer_invalidates_the_qa_and_its_lists_not_the_figures(expert):
    question = answered_question(expert=expert, tags=[TagFactory(), TagFactory()])
    with assert_invalidates(listed(question)):
        answer_revise(answer=Answer.objects.get(question=question), expert_user=expert.user, body="Better. " * 5)
    with assert_invalidates(f"question:{question.pk}"):
        answer_mark_reviewed(answer=Answer.objects.get(question=question), expert_user=expert.user)


@pytest.mark.django_db
def test_taking_a_qa_out_of_public_view_invalidates_its_page_lists_and_figures(moderator):
    question = answered_question()
    with assert_invalidates(listed(question), DIRECTORY_AND_COUNTS):
        question_services.question_remove(question=question, moderator=moderator, reason="Outdated")
    question = answered_question()
    with assert_invalidates(listed(question), DIRECTORY_AND_COUNTS):
        question_services.question_mark_spam(question=question, moderator=moderator)
    question = answered_question()
    with assert_invalidates(listed(question), DIRECTORY_AND_COUNTS):
        forum_answers.answer_remove(answer=Answer.objects.get(question=question), moderator=moderator, reason="Old")
    with assert_invalidates():  # not public: no page changes
        question_services.question_remove(question=QuestionFactory(), moderator=moderator, reason="Duplicate")


@pytest.mark.django_db
def test_filing_a_public_qa_under_another_topic_invalidates_both_topics(moderator):
    question = answered_question()
    old = listed(question)
    other = CategoryFactory()
    with assert_invalidates(old, f"category:{other.slug}", "figures"):
        question_services.question_edit(
            question=question, editor=moderator, title=question.title, body=question.body, category=other,
            reason="Better topic",
        )  # fmt: skip


@pytest.mark.django_db
def test_what_no_public_page_shows_invalidates_nothing(user, moderator, expert):
    question = QuestionFactory(author=user)
    with assert_invalidates():
        question = question_services.question_approve(question=question, moderator=moderator)
    with assert_invalidates():
        claims.question_claim(question=question, expert_user=expert.user)
    with assert_invalidates():
        claims.question_release(question=question, expert_user=expert.user)
    with assert_invalidates():
        question_services.question_reject(question=question, moderator=moderator, reason="Please add detail.")
    with assert_invalidates():
        preferences_update(user=user, comment_replies=False)
    with assert_invalidates():
        report_create(reporter=user, target=answered_question(), reason="wrong", details="")


@pytest.mark.django_db
def test_a_held_comment_changes_only_who_has_commented(user):
    question = answered_question()
    with assert_invalidates(f"commenters:{question.pk}"):
        comment = comment_services.comment_post(question=question, author=user, body="My first comment here.")
    assert comment.status == Comment.Status.PENDING


@pytest.mark.django_db
def test_published_comments_invalidate_the_qa_its_lists_and_the_latest_comments(moderator):
    question = answered_question(tags=[TagFactory()])
    author = trusted_commenter(question)
    shown = [*listed(question), "recent-comments"]
    with assert_invalidates(shown, f"commenters:{question.pk}"):
        comment = comment_services.comment_post(question=question, author=author, body="Cooling vests help me.")
    with assert_invalidates(f"question:{question.pk}", "recent-comments"):  # the count stays
        comment_services.comment_edit(comment=comment, user=author, body="Cooling vests help me a lot.")
    with assert_invalidates(shown):
        comment_services.comment_delete(comment=comment, user=author)
    newcomer = UserFactory()
    held = comment_services.comment_post(question=question, author=newcomer, body="A first comment from me.")
    with assert_invalidates(shown):
        comment_services.comment_approve(comment=held, moderator=moderator)
    with assert_invalidates(shown):
        comment_services.comment_remove(comment=held, moderator=moderator, reason="Off topic")


@pytest.mark.django_db
def test_closing_and_reopening_a_thread_invalidates_its_qa_only(moderator):
    question = answered_question()
    with assert_invalidates(f"question:{question.pk}"):
        question_services.comments_close(question=question, moderator=moderator)
    with assert_invalidates(f"question:{question.pk}"):
        question_services.comments_reopen(question=question, moderator=moderator)


@pytest.mark.django_db
def test_suspending_an_expert_invalidates_the_directory_their_page_and_their_qas(moderator, expert):
    first, second = answered_question(expert=expert), answered_question(expert=expert)
    with assert_invalidates("experts", f"expert:{expert.slug}", f"question:{first.pk}", f"question:{second.pk}"):
        profiles.expert_suspend(profile=expert, moderator=moderator, notes="Licence under review")


@pytest.mark.django_db
def test_removing_a_spam_account_invalidates_its_qas_and_the_threads_it_commented_in(moderator):
    moderator.is_superuser = True
    moderator.save()
    spammer = UserFactory()
    own = answered_question(author=spammer)
    elsewhere = answered_question()
    Comment.objects.create(question=elsewhere, author=spammer, body="buy", body_html="buy", status="approved")
    expected = [*listed(own), *DIRECTORY_AND_COUNTS, *listed(elsewhere), "recent-comments"]
    with assert_invalidates(expected):
        spam_account_remove(account=spammer, moderator=moderator)


@pytest.mark.django_db
def test_erasing_an_account_invalidates_the_qas_that_show_their_name():
    person = UserFactory()
    asked = answered_question(author=person)
    QuestionFactory(author=person)  # pending: on no public page
    commented = answered_question()
    Comment.objects.create(question=commented, author=person, body="hi", body_html="hi", status="approved")
    with assert_invalidates(f"question:{asked.pk}", f"question:{commented.pk}", f"commenters:{commented.pk}"):
        account_delete(user=person)


@pytest.mark.django_db
def test_an_unknown_or_malformed_scope_fails_in_the_service_not_after_commit():
    with pytest.raises(ValueError):
        invalidate("two words")
    with pytest.raises(ValueError):
        invalidate("")


@pytest.mark.django_db
@override_settings(FORUM_PAGE_CACHE_SECONDS=300)
def test_a_part_is_rebuilt_only_after_one_of_its_scopes_is_invalidated():
    built = []

    def build():
        built.append(1)
        return {"n": len(built)}

    assert cached_part("scoped-test", build, scopes=["figures"]) == {"n": 1}
    with assert_invalidates("question:1", "latest"):
        invalidate("question:1", "latest")
    assert cached_part("scoped-test", build, scopes=["figures"]) == {"n": 1}  # other scopes moved
    before = versions(["figures"])
    with assert_invalidates("figures"):
        invalidate("figures")
    assert versions(["figures"]) != before
    assert cached_part("scoped-test", build, scopes=["figures"]) == {"n": 2}
    with assert_invalidates("site"):
        invalidate("site")
    assert cached_part("scoped-test", build, scopes=["figures"]) == {"n": 3}  # site is part of every entry


@pytest.mark.django_db
@override_settings(FORUM_PAGE_CACHE_SECONDS=300)
def test_after_a_comment_the_next_page_does_not_recount_the_archive(client, django_capture_on_commit_callbacks):
    question = answered_question()
    author = trusted_commenter(question)
    client.get(question.get_absolute_url())  # builds the sidebar and its figures
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_post(question=question, author=author, body="Cooling vests help me too.")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(question.get_absolute_url()).content.decode()
    assert "Cooling vests help me too." in html  # the page did change
    assert not [q for q in queries.captured_queries if "date_trunc" in q["sql"].lower()]


@pytest.mark.django_db
@override_settings(FORUM_PAGE_CACHE_SECONDS=300)
def test_a_comment_leaves_an_unrelated_qa_cached(client, django_capture_on_commit_callbacks):
    commented, unrelated = answered_question(), answered_question()
    author = trusted_commenter(commented)
    client.get(unrelated.get_absolute_url())  # its head, thread and related questions are cached
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_post(question=commented, author=author, body="Cooling vests help me too.")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(unrelated.get_absolute_url()).content.decode()
    assert "Cooling vests help me too." in html  # the sidebar's latest comments did change
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "forum_answer" not in tables  # the Q&A itself came from the cache
    assert not [q for q in queries.captured_queries if f"= {unrelated.pk}" in q["sql"]]
