"""Peer agreement after publication: other verified experts agree with a published answer (the count shows on
it) or raise a concern (the author and the moderators are told, and the answer joins the review queue until its
author revises or re-reviews it). Never by its author."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from core.models import AuditLog
from core.roles import moderators_group
from experts.models import PeerResponse
from experts.selectors import answers_with_concerns
from experts.services import peers
from experts.services.answers import answer_mark_reviewed, answer_revise
from experts.services.reviews import OwnAnswer
from forum.models import Answer
from notifications.tasks import sweep_outbox
from tests.factories import ExpertProfileFactory, UserFactory, answered_question
from tests.support.cache import assert_invalidates


def published():
    question = answered_question()
    return Answer.objects.select_related("expert__user", "question").get(question=question)


@pytest.mark.django_db
def test_agreeing_clinicians_are_counted_once_each_and_shown_on_the_answer(client):
    answer = published()
    first, second = ExpertProfileFactory(), ExpertProfileFactory()
    with assert_invalidates(f"question:{answer.question_id}"):
        peers.peer_agree(answer=answer, expert_user=first.user)
    peers.peer_agree(answer=answer, expert_user=first.user)  # again: still one
    peers.peer_agree(answer=answer, expert_user=second.user)
    answer.refresh_from_db()
    assert answer.agreement_count == 2 and PeerResponse.objects.count() == 2
    page = client.get(answer.question.get_absolute_url()).content.decode()
    assert "2 other clinicians agree with this answer" in page
    assert AuditLog.objects.filter(action="answer.peer_agree", target_id=answer.pk).count() == 3


@pytest.mark.django_db
def test_a_concern_reaches_the_author_and_moderators_and_the_review_queue_until_revised(expert):
    answer = published()
    colleague = ExpertProfileFactory(public_name="Dr Careful")
    peers.peer_agree(answer=answer, expert_user=colleague.user)
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(moderators_group())
    with pytest.raises(Exception, match="Say what concerns you"):
        peers.peer_concern(answer=answer, expert_user=colleague.user, note=" ")
    peers.peer_concern(answer=answer, expert_user=colleague.user, note="The dose in the second paragraph is wrong.")
    answer.refresh_from_db()
    assert answer.agreement_count == 0  # they changed their mind: a concern, not an agreement
    assert answer.concern_raised_at is not None and answer in answers_with_concerns()
    assert answer.status == Answer.Status.PUBLISHED  # patients still read it meanwhile
    sweep_outbox.apply()
    to_author = [m for m in mail.outbox if m.to == [answer.expert.user.email]]
    to_moderator = [m for m in mail.outbox if m.to == [moderator.email]]
    assert len(to_author) == 1 and "dose in the second paragraph" in to_author[0].body
    assert "Dr Careful" in to_author[0].body and len(to_moderator) == 1
    answer_revise(answer=answer, expert_user=answer.expert.user, body=answer.body + " Corrected dose.", note="Dose")
    assert answer not in answers_with_concerns()
    peers.peer_concern(answer=answer, expert_user=colleague.user, note="Still unsure about the interval.")
    answer_mark_reviewed(answer=answer, expert_user=answer.expert.user)
    assert answer not in answers_with_concerns()


@pytest.mark.django_db
def test_the_author_cannot_agree_with_or_question_their_own_answer():
    answer = published()
    with pytest.raises(OwnAnswer):
        peers.peer_agree(answer=answer, expert_user=answer.expert.user)
    with pytest.raises(OwnAnswer):
        peers.peer_concern(answer=answer, expert_user=answer.expert.user, note="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        PeerResponse.objects.create(answer=answer, expert=answer.expert, author=answer.expert, kind="agree")
    with pytest.raises(IntegrityError), transaction.atomic():  # a concern always has a note
        PeerResponse.objects.create(answer=answer, expert=ExpertProfileFactory(), author=answer.expert,
                                    kind="concern", note="")  # fmt: skip


@pytest.mark.django_db
def test_the_panel_shows_to_other_experts_only_and_posts_work(client, user):
    answer = published()
    url = answer.question.get_absolute_url()
    client.force_login(user)
    assert "For clinicians" not in client.get(url).content.decode()
    client.force_login(answer.expert.user)
    assert "For clinicians" not in client.get(url).content.decode()  # not the author
    colleague = ExpertProfileFactory()
    client.force_login(colleague.user)
    assert "For clinicians" in client.get(url).content.decode()
    assert client.post(reverse("experts:peer_agree", args=[answer.pk])).status_code == 302
    page = client.get(url).content.decode()
    assert "You said you agree." in page and "1 other clinician agrees with this answer" in page
    client.force_login(user)
    client.post(reverse("experts:peer_agree", args=[answer.pk]))  # a patient: refused, nothing counted
    assert Answer.objects.get(pk=answer.pk).agreement_count == 1
