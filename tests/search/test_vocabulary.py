"""The "did you mean" vocabulary: publishing always works whatever its words, and words leave the
vocabulary with the Q&As that brought them."""

import pytest
from django.utils import timezone

from experts.services.answers import answer_publish
from forum.models import Answer, Question
from forum.services import answers as answer_services
from forum.services import questions as question_services
from moderation import services as moderation
from search import engine as search
from search.models import SearchTerm
from tests.factories import QuestionFactory, TagFactory, UserFactory

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" + "x" * 25  # 70 letters, one "word"


def _approved(**kwargs):
    return QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now(), **kwargs)


def _publish(question, expert, body="A careful answer about the question asked. " * 3):
    return answer_publish(question=question, expert_user=expert.user, body=body)


def _suggestion(text):
    return search.search_ids(text).suggestion


@pytest.mark.django_db
def test_a_word_longer_than_the_vocabulary_holds_does_not_stop_publishing(expert):
    question = _approved(title=f"What does {LONG_WORD} mean for walking?")
    answer = _publish(question, expert, body=f"The word {LONG_WORD} appears in old textbooks. " * 3)
    question.refresh_from_db()
    assert answer.status == Answer.Status.PUBLISHED and question.status == Question.Status.ANSWERED
    assert LONG_WORD in answer.body
    assert SearchTerm.objects.filter(word="walking").exists()  # the other words are recorded
    assert not SearchTerm.objects.filter(word__startswith="pneumono").exists()
    assert search.search_ids("walking").ids == [question.pk]


@pytest.mark.django_db
def test_a_word_of_exactly_the_longest_length_is_kept(expert):
    word = "b" * SearchTerm._meta.get_field("word").max_length
    _publish(_approved(title=f"Is {word} a word?"), expert)
    assert SearchTerm.objects.filter(word=word).exists()


@pytest.mark.django_db
def test_a_removed_question_takes_its_words_out_of_the_suggestions(expert, moderator):
    question = _approved(title="Does glatiramer cause flushing?")
    _publish(question, expert)
    assert _suggestion("glatirmer") == "glatiramer"
    question_services.question_remove(question=question, moderator=moderator, reason="Personal details")
    assert _suggestion("glatirmer") is None
    assert not SearchTerm.objects.filter(word="glatiramer").exists()


@pytest.mark.django_db
def test_a_removed_answer_takes_the_words_out_until_it_is_published_again(expert, moderator):
    question = _approved(title="Does glatiramer cause flushing?")
    answer = _publish(question, expert)
    answer_services.answer_remove(answer=answer, moderator=moderator, reason="Outdated advice")
    assert _suggestion("glatirmer") is None
    _publish(question, expert)
    assert _suggestion("glatirmer") == "glatiramer"
    assert SearchTerm.objects.get(word="glatiramer").frequency == 1


@pytest.mark.django_db
def test_a_question_marked_as_spam_after_its_answer_takes_its_words_out(expert, moderator):
    question = _approved(title="Does glatiramer cause flushing?")
    _publish(question, expert)
    question_services.question_mark_spam(question=question, moderator=moderator)
    assert _suggestion("glatirmer") is None


@pytest.mark.django_db
def test_a_spam_account_removed_takes_the_words_of_its_answered_questions_out(expert, moderator):
    spammer = UserFactory()
    _publish(_approved(title="Does glatiramer cause flushing?", author=spammer), expert)
    moderation.spam_account_remove(account=spammer, moderator=moderator)
    assert not SearchTerm.objects.filter(word="glatiramer").exists()


@pytest.mark.django_db
def test_removing_one_qa_keeps_the_words_other_public_qas_still_use(expert, moderator):
    tag = TagFactory(name="Bladder care")
    kept = _approved(title="Does flushing pass after glatiramer injections?", tags=[tag])
    removed = _approved(title="Does glatiramer cause flushing? Glatiramer again.", tags=[tag])
    _publish(kept, expert)
    _publish(removed, expert)
    assert SearchTerm.objects.get(word="glatiramer").frequency == 3
    assert SearchTerm.objects.get(word="bladder").frequency == 2
    question_services.question_remove(question=removed, moderator=moderator, reason="Duplicate")
    assert SearchTerm.objects.get(word="glatiramer").frequency == 1
    assert SearchTerm.objects.get(word="bladder").frequency == 1
    assert not SearchTerm.objects.filter(word="again").exists()
    assert _suggestion("glatirmer") == "glatiramer"


@pytest.mark.django_db
def test_removing_a_question_that_was_never_public_leaves_the_vocabulary_alone(expert, moderator):
    _publish(_approved(title="Does glatiramer cause flushing?"), expert)
    pending = QuestionFactory(title="Glatiramer and flushing again?")
    question_services.question_remove(question=pending, moderator=moderator, reason="Duplicate")
    assert SearchTerm.objects.get(word="glatiramer").frequency == 1
