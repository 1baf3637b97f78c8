"""Needs more information: the expert holding a question asks the asker privately; the question waits in
"needs information" with the claim kept; the asker replies from My questions and the question returns to that
expert. Moderators see the state and its age."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.errors import ApplicationError
from core.models import AuditLog
from experts.models import QuestionClaim
from experts.services.claims import information_request, question_claim
from forum.models import InformationRequest, Question
from forum.services.information import information_reply, information_waits_end
from notifications.tasks import sweep_outbox
from tests.factories import ExpertProfileFactory, QuestionFactory, UserFactory

ASK = "Is the numbness in both feet, and did it start suddenly or over weeks?"
REPLY = "Both feet, and it came on slowly over about a month."


def held():
    asker, expert = UserFactory(), ExpertProfileFactory()
    question = QuestionFactory(author=asker, status=Question.Status.APPROVED, approved_at=timezone.now())
    question_claim(question=question, expert_user=expert.user)
    return asker, expert, question


@pytest.mark.django_db
def test_the_round_trip_returns_the_question_to_the_same_expert(client, settings):
    settings.FORUM_INFORMATION_WAIT_DAYS = 5
    asker, expert, question = held()
    other = ExpertProfileFactory()
    with pytest.raises(ApplicationError, match="Claim the question first"):
        information_request(question=question, expert_user=other.user, message=ASK)
    with pytest.raises(ApplicationError, match="Write what you would like"):
        information_request(question=question, expert_user=expert.user, message="  ")
    information_request(question=question, expert_user=expert.user, message=ASK)
    question.refresh_from_db()
    claim = QuestionClaim.objects.get(question=question)
    assert question.status == Question.Status.NEEDS_INFO and claim.expert == expert
    assert claim.expires_at > timezone.now() + timedelta(days=4, hours=23)  # kept while the asker replies
    sweep_outbox.apply()
    to_asker = [m for m in mail.outbox if m.to == [asker.email]]
    assert len(to_asker) == 1 and ASK in to_asker[0].body and "numbness" not in to_asker[0].subject

    client.force_login(asker)
    page = client.get(reverse("forum:my_questions")).content.decode()
    assert ASK in page and "The expert asked you something" in page
    assert client.post(reverse("forum:information_reply", args=[question.pk]), {"reply": ""}).status_code == 302
    assert Question.objects.get(pk=question.pk).status == Question.Status.NEEDS_INFO  # an empty reply changes nothing
    client.post(reverse("forum:information_reply", args=[question.pk]), {"reply": REPLY})
    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED
    assert InformationRequest.objects.get(question=question).reply == REPLY
    sweep_outbox.apply()
    to_expert = [m for m in mail.outbox if m.to == [expert.user.email]]
    assert len(to_expert) == 1 and REPLY not in to_expert[0].body  # read on the answer page, not in email
    client.force_login(expert.user)
    editor = client.get(reverse("experts:answer", args=[question.pk])).content.decode()
    assert ASK in editor and REPLY in editor
    actions = set(AuditLog.objects.filter(target_id=question.pk).values_list("action", flat=True))
    assert {"question.request_information", "question.information_reply"} <= actions


@pytest.mark.django_db
def test_only_the_asker_replies_and_only_while_the_expert_waits():
    asker, expert, question = held()
    with pytest.raises(ApplicationError):
        information_reply(question=question, asker=asker, reply=REPLY)  # nobody asked yet
    information_request(question=question, expert_user=expert.user, message=ASK)
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied for anyone else
        information_reply(question=question, asker=UserFactory(), reply=REPLY)
    assert Question.objects.get(pk=question.pk).status == Question.Status.NEEDS_INFO


@pytest.mark.django_db
def test_an_unanswered_request_returns_the_question_to_the_queue_after_the_wait(settings, client, moderator):
    settings.FORUM_INFORMATION_WAIT_DAYS = 7
    asker, expert, question = held()
    information_request(question=question, expert_user=expert.user, message=ASK)
    client.force_login(moderator)
    listing = client.get(reverse("admin:forum_question_changelist") + "?status__exact=needs_info").content.decode()
    assert question.title in listing
    change = client.get(reverse("admin:forum_question_change", args=[question.pk])).content.decode()
    assert "Requests for more information" in change and ASK in change
    assert information_waits_end() == 0
    InformationRequest.objects.filter(question=question).update(asked_at=timezone.now() - timedelta(days=8))
    assert information_waits_end() == 1
    assert Question.objects.get(pk=question.pk).status == Question.Status.APPROVED
