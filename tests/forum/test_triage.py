"""Triage that reaches people: a question's words flag the kinds of urgent need (never stored as words), the
asker sees the right contacts on the form, the thank-you page and in the email, moderators on duty hear at
once, and flagged questions come first for moderators and experts with a marker."""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core.models import AuditLog
from forum import triage
from forum.models import CrisisContact, Question
from notifications.models import NotificationPreferences, OutboxEmail
from tests.factories import CategoryFactory, QuestionFactory, UserFactory


def _ask(category, body, **extra):
    return {"title": "A question about how I have been feeling lately", "body": body, "category": category.pk,
            "is_anonymous": "on", "consent": "on", **extra}  # fmt: skip


@pytest.mark.django_db
def test_words_are_sorted_into_kinds_of_need_most_pressing_first():
    assert triage.classify("Sometimes I feel suicidal when the fatigue is bad") == ["self_harm"]
    assert triage.classify("Sudden loss of vision in one eye since this morning") == ["urgent_ms"]
    assert triage.classify("I don’t want to live like this, and I have chest pain") == ["emergency", "self_harm"]
    assert triage.classify("Is walking 5,000 steps a day too much with MS?") == []
    assert triage.classify("My scan was suicidally boring") == []  # whole words only


@pytest.mark.django_db
def test_contacts_follow_the_reader_s_country_then_the_default_then_everyone():
    assert [c.contact for c in triage.advice(["self_harm"], "US")[0].contacts] == ["988"]
    assert [c.contact for c in triage.advice(["self_harm"], "GB")[0].contacts] == ["116 123"]
    assert [c.contact for c in triage.advice(["self_harm"], "FR")[0].contacts] == ["112"]  # the ones for everyone
    with override_settings(FORUM_DEFAULT_COUNTRY="us"):
        assert [c.contact for c in triage.advice(["self_harm"], "FR")[0].contacts] == ["988"]
    CrisisContact.objects.create(category="self_harm", country="FR", label="SOS Amitié", contact="09 72 39 40 50")
    assert [c.label for c in triage.advice(["self_harm"], "FR")[0].contacts] == ["SOS Amitié"]


@pytest.mark.django_db
def test_a_self_harm_question_reaches_the_asker_and_the_moderator_on_duty(client, user, moderator):
    off_duty = UserFactory(is_staff=True)
    off_duty.groups.add(Group.objects.get(name="Moderators"))
    NotificationPreferences.objects.update_or_create(user=off_duty, defaults={"moderator_on_duty": False})
    client.force_login(user)
    body = "Sometimes I feel suicidal when my legs stop working. Does anyone else feel this way with MS?"
    form = client.post(reverse("forum:ask"), _ask(CategoryFactory(), body), HTTP_ACCEPT_LANGUAGE="en-GB")
    html = form.content.decode()
    assert 'id="triage-self_harm" data-triage="self_harm" class="alert alert-danger triage-notice"' in html
    assert "116 123" in html
    assert 'id="triage-emergency" data-triage="emergency" class="alert alert-danger triage-notice d-none"' in html
    assert not Question.objects.exists()  # the notes are read first

    response = client.post(reverse("forum:ask"), _ask(CategoryFactory(), body, acknowledged="True"),
                           HTTP_ACCEPT_LANGUAGE="en-GB")  # fmt: skip
    question = Question.objects.get(author=user)
    assert question.triage == ["self_harm"]
    audit = AuditLog.objects.get(action="question.submit", target_id=question.pk)
    assert audit.after == {"status": "pending", "triage": ["self_harm"]}  # kinds, never the words
    done = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert "You do not have to face this alone" in done and "116 123" in done
    assert "typically answered" not in done

    received = OutboxEmail.objects.get(kind="question_received", to_email=user.email)
    assert "116 123" in received.body_text and "116 123" in received.body_html
    assert "suicid" not in received.subject.lower()
    alerts = OutboxEmail.objects.filter(kind="triage_alert")
    assert [a.to_email for a in alerts] == [moderator.email]  # on duty only
    alert = alerts.get()
    assert "Thoughts of suicide or self-harm" in alert.body_text
    assert body not in alert.body_text  # the question's words stay in the console


@pytest.mark.django_db
def test_a_plain_question_gets_a_plain_acknowledgement_and_no_alert(client, user, moderator):
    client.force_login(user)
    client.post(reverse("forum:ask"), _ask(CategoryFactory(), "How do other people plan holidays around infusions?"))
    question = Question.objects.get(author=user)
    assert question.triage == []
    assert OutboxEmail.objects.filter(kind="question_received").count() == 1
    assert not OutboxEmail.objects.filter(kind="triage_alert").exists()


@pytest.mark.django_db
def test_flagged_questions_come_first_with_a_marker_for_moderators_and_experts(client, moderator, expert):
    older = QuestionFactory(title="An older plain question about diet and MS?")
    flagged = QuestionFactory(title="A newer question that mentions self-harm?", triage=["self_harm"])
    client.force_login(moderator)
    html = client.get(reverse("admin:forum_question_changelist")).content.decode()
    assert html.index(flagged.title) < html.index(older.title)
    assert "May be at risk of self-harm" in html
    only = client.get(reverse("admin:forum_question_changelist") + "?triage=any").content.decode()
    assert flagged.title in only and older.title not in only

    now = timezone.now()
    Question.objects.filter(pk__in=[older.pk, flagged.pk]).update(status="approved", approved_at=now)
    Question.objects.filter(pk=older.pk).update(approved_at=now - timezone.timedelta(days=3))
    client.force_login(expert.user)
    dashboard = client.get(reverse("experts:dashboard") + "?scope=all").content.decode()
    assert dashboard.index(flagged.title) < dashboard.index(older.title)
    assert "May be at risk of self-harm" in dashboard


@pytest.mark.django_db
def test_a_moderator_sends_a_private_safeguarding_reply_that_is_audited_without_its_words(client, moderator, user):
    question = QuestionFactory(author=user, triage=["self_harm"])
    client.force_login(moderator)
    change = client.get(reverse("admin:forum_question_change", args=[question.pk])).content.decode()
    url = reverse("admin:forum_question_safeguarding", args=[question.pk])
    assert url in change and "May be at risk of self-harm" in change
    assert 'value="self_harm"' in client.get(url).content.decode()
    note = "I am thinking of you\x02 tonight. Please call them."
    response = client.post(url, {"reply": "self_harm", "note": note}, HTTP_ACCEPT_LANGUAGE="en-US")
    assert response.status_code == 302
    email = OutboxEmail.objects.get(kind="safeguarding_reply")
    assert email.to_email == user.email
    assert "988" in email.body_text and "I am thinking of you tonight. Please call them." in email.body_text
    assert "suicid" not in email.subject.lower() and question.title not in email.subject
    audit = AuditLog.objects.get(action="question.safeguarding_reply")
    assert audit.actor == moderator and audit.after == {"reply": "self_harm", "with_note": True}
    assert "thinking of you" not in str(audit.after) + audit.reason


@pytest.mark.django_db
def test_only_moderators_may_send_a_safeguarding_reply(client, user, expert):
    question = QuestionFactory(triage=["self_harm"])
    url = reverse("admin:forum_question_safeguarding", args=[question.pk])
    for person in (user, expert.user):
        client.force_login(person)
        response = client.post(url, {"reply": "self_harm"})
        assert response.status_code in (302, 403)  # to the sign-in page, or refused
    assert not OutboxEmail.objects.filter(kind="safeguarding_reply").exists()
    assert not AuditLog.objects.filter(action="question.safeguarding_reply").exists()
