"""The sidebar's figures (aggregates over every public Q&A) are rebuilt only when a service changes them."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments import services as comment_services
from comments.models import Comment
from core.cache import PUBLIC_FIGURES, cached_part, named_version
from experts.services.answers import answer_publish, answer_revise
from forum.models import Answer, Question
from forum.services import answers as forum_answers
from forum.services import questions as question_services
from moderation.services import spam_account_remove
from tests.factories import CategoryFactory, QuestionFactory, UserFactory, answered_question
from tests.support.cache import assert_invalidates


@pytest.mark.django_db
def test_publishing_an_answer_invalidates_the_public_figures(expert):
    question = QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now())
    with assert_invalidates(PUBLIC_FIGURES):
        answer_publish(question=question, expert_user=expert.user, body="A clear answer for you. " * 3)


@pytest.mark.django_db
def test_revising_an_answer_or_commenting_leaves_the_public_figures_alone(expert, user):
    question = answered_question(expert=expert)
    with assert_invalidates():
        answer_revise(answer=Answer.objects.get(question=question), expert_user=expert.user, body="Better. " * 5)
    with assert_invalidates():
        comment_services.comment_post(question=question, author=user, body="Thank you for this.")


@pytest.mark.django_db
def test_taking_a_qa_out_of_public_view_invalidates_the_public_figures(moderator):
    with assert_invalidates(PUBLIC_FIGURES):
        question_services.question_remove(question=answered_question(), moderator=moderator, reason="Outdated")
    with assert_invalidates(PUBLIC_FIGURES):
        question_services.question_mark_spam(question=answered_question(), moderator=moderator)
    answer = Answer.objects.get(question=answered_question())
    with assert_invalidates(PUBLIC_FIGURES):
        forum_answers.answer_remove(answer=answer, moderator=moderator, reason="Outdated")
    with assert_invalidates():  # not public: no figure changes
        question_services.question_remove(question=QuestionFactory(), moderator=moderator, reason="Duplicate")


@pytest.mark.django_db
def test_filing_a_public_qa_under_another_topic_invalidates_the_public_figures(moderator):
    question = answered_question()
    with assert_invalidates(PUBLIC_FIGURES):
        question_services.question_edit(
            question=question, editor=moderator, title=question.title, body=question.body,
            category=CategoryFactory(), reason="Better topic",
        )  # fmt: skip


@pytest.mark.django_db
def test_removing_a_spam_account_with_public_qas_invalidates_the_public_figures(moderator):
    moderator.is_superuser = True
    moderator.save()
    spammer = UserFactory()
    answered_question(author=spammer)
    with assert_invalidates(PUBLIC_FIGURES):
        spam_account_remove(account=spammer, moderator=moderator)


@pytest.mark.django_db
@override_settings(FORUM_PAGE_CACHE_SECONDS=300)
def test_a_part_under_a_named_version_is_rebuilt_only_after_that_version_moves():
    built = []

    def build():
        built.append(1)
        return {"n": len(built)}

    assert cached_part("figures-test", build, version_name=PUBLIC_FIGURES) == {"n": 1}
    assert cached_part("figures-test", build, version_name=PUBLIC_FIGURES) == {"n": 1}
    version = named_version(PUBLIC_FIGURES)
    with assert_invalidates(PUBLIC_FIGURES):
        from core.cache import invalidate

        invalidate(PUBLIC_FIGURES)
    assert named_version(PUBLIC_FIGURES) > version
    assert cached_part("figures-test", build, version_name=PUBLIC_FIGURES) == {"n": 2}


@pytest.mark.django_db
@override_settings(FORUM_PAGE_CACHE_SECONDS=300)
def test_after_a_comment_the_next_page_does_not_recount_the_archive(client, user, django_capture_on_commit_callbacks):
    question = answered_question()
    Comment.objects.create(question=question, author=user, body="e", body_html="e", status="approved")
    client.get(question.get_absolute_url())  # builds the sidebar and its figures
    with django_capture_on_commit_callbacks(execute=True):
        comment_services.comment_post(question=question, author=user, body="Cooling vests help me too.")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(question.get_absolute_url()).content.decode()
    assert "Cooling vests help me too." in html  # the page did change
    assert not [q for q in queries.captured_queries if "date_trunc" in q["sql"].lower()]
