from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import AuditLog
from experts.services.answers import answer_mark_reviewed, answer_publish, answer_revise, answer_save_draft
from forum.models import Answer, AnswerRevision, Question
from tests.factories import ExpertProfileFactory, QuestionFactory


def _approved(**kwargs):
    return QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now(), **kwargs)


@pytest.mark.django_db
def test_draft_is_private_then_publishing_keeps_the_text_and_makes_it_public(client, expert):
    question = _approved()
    answer_save_draft(question=question, expert_user=expert.user, body="Draft words about fatigue " * 3)
    assert client.get(question.get_absolute_url()).status_code == 404
    answer = answer_publish(question=question, expert_user=expert.user, body="Final words about fatigue " * 3)
    assert answer.status == Answer.Status.PUBLISHED
    assert Answer.objects.filter(question=question).count() == 1
    assert "Final words" in client.get(question.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_every_revision_is_kept_and_moves_last_reviewed(client, expert):
    question = _approved()
    answer = answer_publish(question=question, expert_user=expert.user, body="Version one of the answer. " * 3)
    Answer.objects.filter(pk=answer.pk).update(last_reviewed_at=timezone.now() - timedelta(days=400))
    answer_revise(answer=answer, expert_user=expert.user, body="Version two of the answer. " * 3, note="New trial")
    answer.refresh_from_db()
    assert [r.body[:14] for r in AnswerRevision.objects.filter(answer=answer).order_by("created_at")] == [
        "Version one of",
        "Version two of",
    ]
    assert answer.last_reviewed_at > timezone.now() - timedelta(minutes=1)
    assert AuditLog.objects.filter(action="answer.revise", reason="New trial").exists()
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Version two" in html and "Last reviewed" in html


@pytest.mark.django_db
def test_mark_reviewed_moves_the_date_without_a_new_version(expert):
    answer = answer_publish(question=_approved(), expert_user=expert.user, body="Stable advice here. " * 3)
    Answer.objects.filter(pk=answer.pk).update(last_reviewed_at=timezone.now() - timedelta(days=500))
    answer_mark_reviewed(answer=answer, expert_user=expert.user)
    answer.refresh_from_db()
    assert answer.last_reviewed_at > timezone.now() - timedelta(minutes=1)
    assert AnswerRevision.objects.filter(answer=answer).count() == 1


@pytest.mark.django_db
def test_dashboard_lists_answers_past_their_review_date(client, expert, settings):
    settings.FORUM_REVIEW_INTERVAL_DAYS = 365
    old = answer_publish(question=_approved(title="An old answer needing review?"), expert_user=expert.user,
                         body="Old advice. " * 5)  # fmt: skip
    answer_publish(question=_approved(title="A fresh answer?"), expert_user=expert.user, body="Fresh advice. " * 5)
    Answer.objects.filter(pk=old.pk).update(last_reviewed_at=timezone.now() - timedelta(days=366))
    client.force_login(expert.user)
    html = client.get(reverse("experts:dashboard")).content.decode()
    section = html.split("Answers due for review")[1]
    assert "An old answer needing review?" in section
    assert "A fresh answer?" not in section


@pytest.mark.django_db
def test_queue_is_oldest_first_highlights_overdue_and_shows_who_holds_a_claim(client, settings):
    settings.FORUM_ANSWER_TARGET_DAYS = 7
    expert = ExpertProfileFactory()
    other = ExpertProfileFactory(public_name="Dr Other Holder")
    category = expert.specialties.create(name="Symptoms", slug="symptoms")
    now = timezone.now()
    old = QuestionFactory(status="approved", approved_at=now - timedelta(days=9), category=category,
                          title="An overdue question here?")  # fmt: skip
    new = QuestionFactory(status="approved", approved_at=now - timedelta(hours=2), category=category,
                          title="A new question here?")  # fmt: skip
    QuestionFactory(status="pending", category=category, title="A pending question here?")
    from experts.services.claims import question_claim

    question_claim(question=new, expert_user=other.user)
    client.force_login(expert.user)
    html = client.get(reverse("experts:dashboard")).content.decode()
    assert html.index(old.title) < html.index(new.title)
    assert "A pending question here?" not in html
    assert "Overdue" in html.split(old.title)[1].split(new.title)[0]
    assert "Dr Other Holder is answering" in html


@pytest.mark.django_db
def test_dashboard_filters_by_specialty_and_category(client):
    expert = ExpertProfileFactory()
    mine = expert.specialties.create(name="Relapses", slug="relapses")
    QuestionFactory(status="approved", approved_at=timezone.now(), category=mine, title="In my specialty?")
    QuestionFactory(status="approved", approved_at=timezone.now(), title="Outside my specialty?")
    client.force_login(expert.user)
    default = client.get(reverse("experts:dashboard")).content.decode()
    assert "In my specialty?" in default and "Outside my specialty?" not in default
    everything = client.get(reverse("experts:dashboard") + "?scope=all").content.decode()
    assert "Outside my specialty?" in everything
    by_category = client.get(reverse("experts:dashboard") + "?scope=all&category=relapses").content.decode()
    assert "In my specialty?" in by_category and "Outside my specialty?" not in by_category


@pytest.mark.django_db
def test_editor_preview_save_and_publish_through_the_page(client, expert):
    question = _approved()
    client.force_login(expert.user)
    url = reverse("experts:answer", args=[question.pk])
    preview = client.post(url, {"body": "**Rest** helps after a relapse, and so does pacing.", "preview": "1"})
    assert "<strong>Rest</strong>" in preview.content.decode()
    client.post(url, {"body": "A saved draft that is long enough to keep.", "save": "1"})
    assert Answer.objects.get(question=question).status == Answer.Status.DRAFT
    response = client.post(url, {"body": "The published answer, long enough to count.", "publish": "1"})
    assert response.status_code == 302 and response["Location"] == question.get_absolute_url()
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED


@pytest.mark.django_db
def test_figures_count_answers_and_median_time(client, expert):
    for hours in (2, 4, 30):
        q = _approved()
        Question.objects.filter(pk=q.pk).update(approved_at=timezone.now() - timedelta(hours=hours))
        answer_publish(question=q, expert_user=expert.user, body="Helpful answer text here. " * 3)
    from experts.selectors import expert_figures

    figures = expert_figures(expert)
    assert figures.answered == 3
    assert timedelta(hours=3, minutes=59) < figures.median_time < timedelta(hours=4, minutes=1)
    assert sum(bar.count for bar in figures.bars) == 3 and len(figures.bars) == 12
    assert figures.bars[-1].count == 3
