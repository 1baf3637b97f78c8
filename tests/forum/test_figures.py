"""The counts of public Q&As per topic and month follow every publication, removal and move, and a
recount from the Q&As themselves agrees with them."""

import pytest
from django.utils import timezone

from experts.services.answers import answer_publish
from forum import figures, selectors
from forum.models import Answer, Category, MonthCount, Question
from forum.services import answers as forum_answers
from forum.services import questions as question_services
from forum.tasks import recount_public_figures
from moderation.services import spam_account_remove
from tests.factories import CategoryFactory, QuestionFactory, UserFactory, answered_question


def topic_count(category: Category) -> int:
    return Category.objects.get(pk=category.pk).public_count


def month_count() -> int:
    month = timezone.localdate().replace(day=1)
    return MonthCount.objects.filter(month=month).values_list("count", flat=True).first() or 0


@pytest.mark.django_db
def test_publishing_and_taking_back_move_the_counts(expert, moderator):
    question = QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now())
    answer_publish(question=question, expert_user=expert.user, body="A clear answer for you. " * 3)
    assert topic_count(question.category) == 1 and month_count() == 1
    assert selectors.archive_months()[0].count == 1
    forum_answers.answer_remove(answer=Answer.objects.get(question=question), moderator=moderator, reason="Old")
    assert topic_count(question.category) == 0 and month_count() == 0
    assert selectors.archive_months() == []  # an emptied month leaves the archive
    assert figures.recount() is False  # the kept counts agree with the Q&As


@pytest.mark.django_db
def test_removal_spam_and_a_new_topic_move_the_counts(moderator):
    removed, spam, moved = answered_question(), answered_question(), answered_question()
    question_services.question_remove(question=removed, moderator=moderator, reason="Outdated")
    question_services.question_mark_spam(question=spam, moderator=moderator)
    other = CategoryFactory()
    question_services.question_edit(
        question=moved, editor=moderator, title=moved.title, body=moved.body, category=other, reason="Better topic"
    )
    assert [topic_count(q.category) for q in (removed, spam, moved)] == [0, 0, 0]
    assert topic_count(other) == 1 and month_count() == 1
    moderator.is_superuser = True
    moderator.save()
    spammer = UserFactory()
    answered_question(author=spammer)
    assert month_count() == 2
    spam_account_remove(account=spammer, moderator=moderator)
    assert month_count() == 1
    assert figures.recount() is False


@pytest.mark.django_db
def test_the_nightly_recount_mends_a_count_changed_by_hand():
    question = answered_question()
    Category.objects.filter(pk=question.category_id).update(public_count=7)
    MonthCount.objects.all().delete()
    assert recount_public_figures() is True
    assert topic_count(question.category) == 1 and month_count() == 1
    assert recount_public_figures() is False
