import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from experts.models import QuestionClaim
from experts.services.answers import answer_publish, answer_save_draft
from experts.services.claims import ClaimTaken, question_claim, question_release
from forum.models import Question
from tests.factories import ExpertProfileFactory, QuestionFactory


def _approved():
    return QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now())


@pytest.mark.django_db
def test_claim_is_exclusive_until_it_expires(settings):
    settings.FORUM_CLAIM_MINUTES = 30
    first, second = ExpertProfileFactory(), ExpertProfileFactory()
    question = _approved()
    claim = question_claim(question=question, expert_user=first.user)
    assert claim.expert == first
    assert timedelta(minutes=29) < claim.expires_at - timezone.now() <= timedelta(minutes=30)
    with pytest.raises(ClaimTaken) as taken:
        question_claim(question=question, expert_user=second.user)
    assert taken.value.claim.expert == first
    QuestionClaim.objects.filter(pk=claim.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert question_claim(question=question, expert_user=second.user).expert == second


@pytest.mark.django_db
def test_claiming_again_extends_ones_own_claim_and_release_frees_it():
    expert, other = ExpertProfileFactory(), ExpertProfileFactory()
    question = _approved()
    first = question_claim(question=question, expert_user=expert.user)
    QuestionClaim.objects.filter(pk=first.pk).update(expires_at=timezone.now() + timedelta(minutes=1))
    again = question_claim(question=question, expert_user=expert.user)
    assert again.pk == first.pk and again.expires_at > timezone.now() + timedelta(minutes=5)
    question_release(question=question, expert_user=expert.user)
    assert question_claim(question=question, expert_user=other.user).expert == other


@pytest.mark.django_db
def test_another_expert_cannot_draft_or_publish_while_a_claim_is_held():
    holder, other = ExpertProfileFactory(), ExpertProfileFactory()
    question = _approved()
    question_claim(question=question, expert_user=holder.user)
    with pytest.raises(ClaimTaken):
        answer_save_draft(question=question, expert_user=other.user, body="An answer " * 10)
    with pytest.raises(ClaimTaken):
        answer_publish(question=question, expert_user=other.user, body="An answer " * 10)
    answer_publish(question=question, expert_user=holder.user, body="The holder's answer " * 5)
    assert not QuestionClaim.objects.filter(question=question).exists()


@pytest.mark.django_db(transaction=True)
def test_two_experts_claiming_at_the_same_moment_exactly_one_wins():
    experts = [ExpertProfileFactory(), ExpertProfileFactory()]
    question = _approved()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(expert):
        try:
            barrier.wait(timeout=10)
            question_claim(question=question, expert_user=expert.user)
            result = "won"
        except ClaimTaken:
            result = "lost"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    for _ in range(5):  # repeat to give the race real chances
        QuestionClaim.objects.all().delete()
        outcomes.clear()
        barrier.reset()
        threads = [threading.Thread(target=attempt, args=(e,)) for e in experts]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert sorted(outcomes) == ["lost", "won"]
        assert QuestionClaim.objects.filter(question=question).count() == 1
