"""The review lifecycle: every answer shows when it was last reviewed and when its next review is due (per
topic); answers past due, and those of experts who no longer answer, go to a shared re-review queue where any
other verified expert revises them with a public change note or confirms them; a former expert's page stays."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import AuditLog
from experts.models import ExpertProfile
from experts.selectors import rereview_queue
from experts.services.answers import answer_mark_reviewed, answer_revise
from experts.services.profiles import expert_suspend
from forum.models import Answer
from tests.factories import CategoryFactory, ExpertProfileFactory, UserFactory, answered_question


def answer_in(category, *, reviewed_days_ago=0, expert=None):
    question = answered_question(category=category, expert=expert)
    answer = Answer.objects.get(question=question)
    Answer.objects.filter(pk=answer.pk).update(last_reviewed_at=timezone.now() - timedelta(days=reviewed_days_ago))
    return Answer.objects.select_related("question__category", "expert__user").get(pk=answer.pk)


@pytest.mark.django_db
def test_a_suspended_experts_answers_go_to_the_shared_queue_and_their_page_stays(client):
    topic = CategoryFactory(name="Relapses")
    colleague = ExpertProfileFactory()
    colleague.specialties.add(topic)
    author = ExpertProfileFactory(public_name="Dr Gone Away")
    answer = answer_in(topic, expert=author)
    assert answer not in rereview_queue(colleague)
    expert_suspend(profile=author, moderator=UserFactory(is_staff=True, is_superuser=True), notes="Left the trust")
    assert answer in rereview_queue(colleague)
    page = client.get(reverse("experts:profile", args=[author.slug]))
    assert page.status_code == 200 and "no longer answers questions" in page.content.decode()
    assert "Verified expert" not in page.content.decode().split("no longer answers")[0].split("<h1")[-1]
    assert (
        client.get(reverse("experts:profile", args=[ExpertProfileFactory(status="suspended").slug])).status_code == 404
    )


@pytest.mark.django_db
def test_answers_past_their_topics_interval_are_due_and_the_page_says_when(client, settings):
    settings.FORUM_REVIEW_INTERVAL_DAYS = 365
    quick = CategoryFactory(name="Treatments", review_interval_days=30)
    slow = CategoryFactory(name="Daily life")
    colleague = ExpertProfileFactory()
    colleague.specialties.add(quick, slow)
    due, fresh = answer_in(quick, reviewed_days_ago=40), answer_in(slow, reviewed_days_ago=40)
    queue = rereview_queue(colleague)
    assert due in queue and fresh not in queue
    assert due not in rereview_queue(due.expert)  # one's own due answers are in "Answers due for review"
    page = client.get(due.question.get_absolute_url()).content.decode()
    assert "Next review due" in page and (due.last_reviewed_at + timedelta(days=30)).strftime("%B %Y") in page


@pytest.mark.django_db
def test_another_expert_revises_with_a_public_note_or_confirms(client):
    topic = CategoryFactory(review_interval_days=30)
    colleague = ExpertProfileFactory(public_name="Dr Fresh Eyes")
    colleague.specialties.add(topic)
    answer = answer_in(topic, reviewed_days_ago=60)
    with pytest.raises(Exception, match="Say what you changed"):
        answer_revise(answer=answer, expert_user=colleague.user, body=answer.body + " Updated.", note="")
    answer_revise(answer=answer, expert_user=colleague.user, body=answer.body + " Newer guidance applies.",
                  note="Added the newer guidance on pacing")  # fmt: skip
    answer.refresh_from_db()
    assert answer.expert != colleague and answer not in rereview_queue(colleague)  # still the author's answer
    page = client.get(answer.question.get_absolute_url()).content.decode()
    assert "by Dr Fresh Eyes" in page and "Added the newer guidance on pacing" in page
    other = answer_in(topic, reviewed_days_ago=60)
    answer_mark_reviewed(answer=other, expert_user=colleague.user)
    assert other not in rereview_queue(colleague)
    assert {"answer.rereview_revise", "answer.rereview_confirm"} <= set(
        AuditLog.objects.values_list("action", flat=True)
    )


@pytest.mark.django_db
def test_an_answer_that_needs_no_rereview_is_its_authors_alone(client):
    topic = CategoryFactory()
    colleague = ExpertProfileFactory()
    answer = answer_in(topic, reviewed_days_ago=1)
    client.force_login(colleague.user)
    assert client.get(reverse("experts:revise", args=[answer.pk])).status_code == 403
    assert client.post(reverse("experts:mark_reviewed", args=[answer.pk])).status_code == 403
    ExpertProfile.objects.filter(pk=answer.expert_id).update(status="expired")
    assert client.get(reverse("experts:revise", args=[answer.pk])).status_code == 200
    dashboard = client.get(reverse("experts:dashboard") + "?scope=all").content.decode()
    assert "Answers to re-review" in dashboard and answer.question.title in dashboard
