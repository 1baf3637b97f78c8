"""Who may use the expert dashboard: every URL and action against every role."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from experts.services.answers import answer_save_draft
from experts.services.claims import question_claim, question_release
from forum.models import Answer, Question
from tests.factories import ExpertProfileFactory, QuestionFactory, UserFactory, answered_question

ROLES = ["anonymous", "patient", "applied", "verified", "suspended", "expired", "moderator"]


def _login(client, role):
    if role == "anonymous":
        return None
    if role == "patient":
        user = UserFactory()
    elif role == "moderator":
        user = UserFactory(is_staff=True)
    elif role == "expired":
        user = ExpertProfileFactory(licence_expires_on=timezone.localdate() - timedelta(days=1)).user
    else:
        user = ExpertProfileFactory(status=role).user
    client.force_login(user)
    return user


def _targets(user):
    question = QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now())
    profile = getattr(user, "expert_profile", None) if user else None
    answered = answered_question(expert=profile) if profile else answered_question()
    answer = Answer.objects.get(question=answered)
    return question, answer


# (method, url builder, status for the verified owner)
ACTIONS = [
    ("get", lambda q, a: reverse("experts:dashboard"), 200),
    ("get", lambda q, a: reverse("experts:answer", args=[q.pk]), 200),
    ("post", lambda q, a: reverse("experts:claim", args=[q.pk]), 302),
    ("post", lambda q, a: reverse("experts:release", args=[q.pk]), 302),
    ("post", lambda q, a: reverse("experts:answer", args=[q.pk]), 200),
    ("get", lambda q, a: reverse("experts:revise", args=[a.pk]), 200),
    ("post", lambda q, a: reverse("experts:mark_reviewed", args=[a.pk]), 302),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", range(len(ACTIONS)))
def test_dashboard_permission_matrix(client, role, action):
    user = _login(client, role)
    question, answer = _targets(user)
    method, url_for, owner_status = ACTIONS[action]
    response = getattr(client, method)(url_for(question, answer))
    if role == "anonymous":
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    elif role == "verified":
        assert response.status_code == owner_status
    else:
        assert response.status_code == 403


@pytest.mark.django_db
def test_verified_expert_cannot_revise_or_review_someone_elses_answer(client, expert):
    client.force_login(expert.user)
    other = Answer.objects.get(question=answered_question())
    assert client.get(reverse("experts:revise", args=[other.pk])).status_code == 403
    assert client.post(reverse("experts:mark_reviewed", args=[other.pk])).status_code == 403


@pytest.mark.django_db
def test_actions_refuse_get(client, expert):
    client.force_login(expert.user)
    question = QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now())
    assert client.get(reverse("experts:claim", args=[question.pk])).status_code == 405
    assert client.get(reverse("experts:release", args=[question.pk])).status_code == 405


DRAFT_TEXT = "Private working notes: consider the MRI from March before answering."


def _draft_held_by(holder):
    question = QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now())
    question_claim(question=question, expert_user=holder.user)
    answer_save_draft(question=question, expert_user=holder.user, body=DRAFT_TEXT)
    return question


@pytest.mark.django_db
def test_another_expert_sees_the_question_and_its_holder_but_not_the_holders_draft(client):
    holder = ExpertProfileFactory(public_name="Dr Holder")
    question = _draft_held_by(holder)
    client.force_login(ExpertProfileFactory().user)
    response = client.get(reverse("experts:answer", args=[question.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert question.title in html and "Dr Holder" in html
    assert "Private working notes" not in html
    assert "MRI from March" not in html


@pytest.mark.django_db
def test_the_holder_sees_their_own_draft(client):
    holder = ExpertProfileFactory()
    question = _draft_held_by(holder)
    client.force_login(holder.user)
    assert "MRI from March" in client.get(reverse("experts:answer", args=[question.pk])).content.decode()


@pytest.mark.django_db
def test_an_expert_who_takes_over_a_released_question_sees_the_draft_left_behind(client):
    holder, successor = ExpertProfileFactory(), ExpertProfileFactory()
    question = _draft_held_by(holder)
    question_release(question=question, expert_user=holder.user)
    client.force_login(successor.user)
    url = reverse("experts:answer", args=[question.pk])
    assert "MRI from March" not in client.get(url).content.decode()  # nobody holds it: not theirs to read
    question_claim(question=question, expert_user=successor.user)
    assert "MRI from March" in client.get(url).content.decode()
