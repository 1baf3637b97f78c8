"""Who may use the expert dashboard: every URL and action against every role."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

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
