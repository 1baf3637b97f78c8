import pytest
from django.urls import reverse

from core.models import AuditLog
from forum.models import Answer
from moderation import services as moderation
from moderation.models import Report
from tests.factories import QuestionFactory, UserFactory, answered_question


@pytest.mark.django_db
def test_signed_in_user_reports_a_question_once(client, user):
    question = answered_question()
    url = reverse("moderation:report", args=["question", question.pk])
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(user)
    assert client.get(url).status_code == 200
    client.post(url, {"reason": "personal", "details": "It names my neighbour."})
    second = client.post(url, {"reason": "spam"}, follow=True)
    assert "already reported" in second.content.decode()
    report = Report.objects.get()
    assert report.reporter == user and report.reason == "personal" and report.target == question


@pytest.mark.django_db
def test_reports_on_hidden_questions_are_refused(client, user):
    hidden = QuestionFactory()
    client.force_login(user)
    assert (
        client.post(reverse("moderation:report", args=["question", hidden.pk]), {"reason": "spam"}).status_code == 404
    )
    assert client.get(reverse("moderation:report", args=["comment-x", 1])).status_code == 404
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_report_honeypot_drops_bot_submissions(client, user):
    question = answered_question()
    client.force_login(user)
    client.post(reverse("moderation:report", args=["question", question.pk]), {"reason": "spam", "website": "x"})
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_dismissing_keeps_content_and_closes_the_report(moderator, user):
    question = answered_question()
    report = moderation.report_create(reporter=user, target=question, reason="wrong")
    moderation.report_dismiss(report=report, moderator=moderator)
    report.refresh_from_db()
    question.refresh_from_db()
    assert report.status == "dismissed" and report.handled_by == moderator
    assert question.status == "answered"
    # A new report on the same item is possible once the first is closed.
    assert moderation.report_create(reporter=user, target=question, reason="wrong").status == "open"


@pytest.mark.django_db
def test_acting_on_a_question_report_removes_it_and_closes_all_its_reports(client, moderator):
    question = answered_question()
    reports = [moderation.report_create(reporter=UserFactory(), target=question, reason="abuse") for _ in range(2)]
    moderation.report_act(report=reports[0], moderator=moderator)
    question.refresh_from_db()
    assert question.status == "rejected"
    assert set(Report.objects.values_list("status", flat=True)) == {"actioned"}
    assert client.get(question.get_absolute_url()).status_code == 404
    assert AuditLog.objects.filter(action="question.remove").exists()


@pytest.mark.django_db
def test_acting_on_an_answer_report_returns_the_question_to_the_experts(client, moderator, user):
    question = answered_question()
    answer = Answer.objects.get(question=question)
    report = moderation.report_create(reporter=user, target=answer, reason="harmful")
    client.force_login(moderator)
    changelist = reverse("admin:moderation_report_changelist")
    client.post(changelist, {"action": "remove_content", "_selected_action": [report.pk]})
    question.refresh_from_db()
    answer.refresh_from_db()
    assert question.status == "approved" and answer.status == "draft"
    assert client.get(question.get_absolute_url()).status_code == 200  # moderators still see it
    client.logout()
    assert client.get(question.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_the_reporter_never_sees_who_handled_the_report(client, moderator, user):
    moderator.display_name = "Quillon Vask"  # a name no page shows by chance ("Mod" is in "Moderation")
    moderator.save()
    question = answered_question()
    report = moderation.report_create(reporter=user, target=question, reason="wrong")
    moderation.report_dismiss(report=report, moderator=moderator)
    client.force_login(user)
    for url in (question.get_absolute_url(), reverse("forum:my_questions")):
        assert moderator.display_name not in client.get(url).content.decode()
