import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from comments import services as comment_services
from comments.models import Comment
from experts import emails as expert_emails
from experts.services.answers import answer_publish
from forum import emails
from forum.services.questions import question_approve, question_reject
from moderation import emails as moderation_emails
from notifications import tokens
from notifications.models import AlertSubscription, NotificationPreferences, OutboxEmail
from notifications.tasks import send_outbox, sweep_outbox
from tests.factories import (
    CategoryFactory,
    ExpertProfileFactory,
    QuestionFactory,
    TagFactory,
    UserFactory,
    answered_question,
)


def _approved(**kwargs):
    return QuestionFactory(status="approved", approved_at=timezone.now(), **kwargs)


def _sweep():
    sweep_outbox.apply()


@pytest.mark.django_db
def test_answering_emails_the_asker_once_with_the_link(expert, django_capture_on_commit_callbacks):
    question = _approved(title="Private health detail in the title?")
    with django_capture_on_commit_callbacks(execute=True):
        answer_publish(question=question, expert_user=expert.user, body="An answer that helps. " * 3)
    assert OutboxEmail.objects.get().status == "pending"  # the worker (not here) would send it; sweep instead
    _sweep()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [question.author.email]
    assert "answered" in email.subject and "Private health detail" not in email.subject
    assert f"http://127.0.0.1:8000{question.get_absolute_url()}" in email.body
    assert "Medical disclaimer" in email.body
    html = email.alternatives[0].content
    assert question.get_absolute_url() in html and "Unsubscribe" in html
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(
        r"<http://127\.0\.0\.1:8000/alerts/unsubscribe/[^>]+/>", email.extra_headers["List-Unsubscribe"]
    )
    # Running the send task again, or sweeping, sends nothing more.
    send_outbox.apply(args=[[OutboxEmail.objects.get().key]])
    _sweep()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_recording_an_event_twice_makes_one_email(expert):
    question = answered_question(expert=expert)
    emails.question_answered(question)
    emails.question_answered(question)
    assert OutboxEmail.objects.filter(kind="question_answered").count() == 1


@pytest.mark.django_db
def test_a_rolled_back_change_enqueues_and_sends_nothing(expert, django_capture_on_commit_callbacks):
    question = _approved()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        answer_publish(question=question, expert_user=expert.user, body="An answer that helps. " * 3)
        raise RuntimeError
    assert callbacks == []
    assert not OutboxEmail.objects.exists()
    _sweep()
    assert mail.outbox == []


@pytest.mark.django_db
def test_asker_who_turned_emails_off_gets_none(expert):
    question = _approved()
    NotificationPreferences.objects.create(user=question.author, question_answered=False)
    answer_publish(question=question, expert_user=expert.user, body="An answer that helps. " * 3)
    assert not OutboxEmail.objects.filter(kind="question_answered").exists()


@pytest.mark.django_db
def test_rejection_tells_the_asker_the_reason(moderator):
    question = QuestionFactory(title="Another private title?")
    question_reject(question=question, moderator=moderator, reason="We cannot comment on one person's scan.")
    _sweep()
    (email,) = mail.outbox
    assert "Another private title" not in email.subject
    assert "We cannot comment on one person's scan." in email.body


@pytest.mark.django_db
def test_a_reply_notifies_the_parent_author_but_not_oneself():
    question = answered_question()
    first, second = UserFactory(), UserFactory()
    for user in (first, second):
        Comment.objects.create(question=question, author=user, body="x", body_html="x", status="approved")
    parent = comment_services.comment_post(question=question, author=first, body="Parent")
    comment_services.comment_post(question=question, author=first, body="Replying to myself", parent=parent)
    assert not OutboxEmail.objects.filter(kind="comment_reply").exists()
    reply = comment_services.comment_post(question=question, author=second, body="A reply", parent=parent)
    row = OutboxEmail.objects.get(kind="comment_reply")
    assert row.to_email == first.email and f"#comment-{reply.pk}" in row.body_text


@pytest.mark.django_db
def test_a_held_reply_notifies_only_when_approved(moderator):
    question = answered_question()
    parent_author, newcomer = UserFactory(), UserFactory()
    Comment.objects.create(question=question, author=parent_author, body="x", body_html="x", status="approved")
    parent = comment_services.comment_post(question=question, author=parent_author, body="Parent")
    held = comment_services.comment_post(question=question, author=newcomer, body="First ever", parent=parent)
    assert held.status == "pending" and not OutboxEmail.objects.filter(kind="comment_reply").exists()
    comment_services.comment_approve(comment=held, moderator=moderator)
    assert OutboxEmail.objects.filter(kind="comment_reply", to_email=parent_author.email).count() == 1


@pytest.mark.django_db
def test_experts_get_new_questions_immediately_or_in_a_daily_digest(moderator):
    category = CategoryFactory()
    immediate, daily, other = ExpertProfileFactory(), ExpertProfileFactory(), ExpertProfileFactory()
    expired = ExpertProfileFactory(licence_expires_on=timezone.localdate() - timedelta(days=1))
    for expert in (immediate, daily, expired):
        expert.specialties.add(category)
    NotificationPreferences.objects.create(user=immediate.user, expert_queue="immediate")
    NotificationPreferences.objects.create(user=expired.user, expert_queue="immediate")
    question = QuestionFactory(category=category)
    question_approve(question=question, moderator=moderator)
    rows = OutboxEmail.objects.filter(kind="expert_new_question")
    assert [r.to_email for r in rows] == [immediate.user.email]
    assert expert_emails.expert_daily_digest() == 1
    digest = OutboxEmail.objects.get(kind="expert_digest")
    assert digest.to_email == daily.user.email and question.title in digest.body_text
    assert other.user.email not in OutboxEmail.objects.values_list("to_email", flat=True)


@pytest.mark.django_db
def test_moderators_get_a_digest_when_work_waits(moderator):
    assert moderation_emails.moderator_digest() == 0
    QuestionFactory.create_batch(2)
    moderation_emails.moderator_digest()
    row = OutboxEmail.objects.get(kind="moderator_digest")
    assert row.to_email == moderator.email and "Questions awaiting review: 2" in row.body_text


@pytest.mark.django_db
def test_experts_are_reminded_thirty_days_before_their_licence_expires():
    soon = ExpertProfileFactory(licence_expires_on=timezone.localdate() + timedelta(days=30))
    ExpertProfileFactory(licence_expires_on=timezone.localdate() + timedelta(days=31))
    assert expert_emails.licence_expiring() == 1
    assert expert_emails.licence_expiring() == 1  # same key: still one row
    assert OutboxEmail.objects.get(kind="licence_expiring").to_email == soon.user.email


@pytest.mark.django_db
def test_immediate_alerts_match_everything_category_and_tag_and_skip_unconfirmed(expert):
    category, tag, other_tag = CategoryFactory(), TagFactory(), TagFactory()
    now = timezone.now()
    subs = {
        "all": AlertSubscription.objects.create(email="all@example.org", frequency="immediate", confirmed_at=now),
        "cat": AlertSubscription.objects.create(email="cat@example.org", frequency="immediate", scope="category",
                                                category=category, confirmed_at=now),
        "tag": AlertSubscription.objects.create(email="tag@example.org", frequency="immediate", scope="tag",
                                                tag=tag, confirmed_at=now),
        "other": AlertSubscription.objects.create(email="other@example.org", frequency="immediate", scope="tag",
                                                  tag=other_tag, confirmed_at=now),
        "unconfirmed": AlertSubscription.objects.create(email="new@example.org", frequency="immediate"),
        "stopped": AlertSubscription.objects.create(email="gone@example.org", frequency="immediate",
                                                    confirmed_at=now, unsubscribed_at=now),
        "weekly": AlertSubscription.objects.create(email="weekly@example.org", frequency="weekly", confirmed_at=now),
    }  # fmt: skip
    question = _approved(category=category, tags=[tag])
    answer_publish(question=question, expert_user=expert.user, body="An answer that helps. " * 3)
    recipients = set(OutboxEmail.objects.filter(kind="alert_immediate").values_list("to_email", flat=True))
    assert recipients == {"all@example.org", "cat@example.org", "tag@example.org"}
    assert subs["weekly"].email not in recipients


@pytest.mark.django_db
def test_weekly_digest_batches_its_database_work(django_assert_max_num_queries):
    category = CategoryFactory()
    for i in range(5):
        answered_question(category=category, answered_at=timezone.now() - timedelta(days=i))
    now = timezone.now()
    AlertSubscription.objects.bulk_create(
        AlertSubscription(email=f"reader{i}@example.org", frequency="weekly", confirmed_at=now,
                          scope="category" if i % 2 else "all", category=category if i % 2 else None)
        for i in range(300)
    )  # fmt: skip
    with django_assert_max_num_queries(8):
        created = emails.alert_digest("weekly")
    assert created == 300
    assert emails.alert_digest("weekly") == 300  # same period: rows already exist, nothing new
    assert OutboxEmail.objects.filter(kind="alert_digest").count() == 300


@pytest.mark.django_db
def test_smtp_failures_back_off_then_fail_permanently_with_the_error(settings, expert):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                    "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 1}}}  # fmt: skip
    settings.OUTBOX_MAX_ATTEMPTS = 3
    question = answered_question(expert=expert)
    emails.question_answered(question)
    row = OutboxEmail.objects.get()
    waits = []
    for _ in range(3):
        OutboxEmail.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        _sweep()
        row.refresh_from_db()
        waits.append(row.next_attempt_at - timezone.now())
    assert row.status == "failed" and row.attempts == 3
    assert "ConnectionRefusedError" in row.last_error or "Errno" in row.last_error
    assert waits[1] > waits[0]  # exponential backoff


@pytest.mark.django_db
def test_failed_emails_are_visible_in_the_admin_with_their_error(client):
    OutboxEmail.objects.create(key="k1", kind="question_answered", to_email="a@example.org", subject="s",
                               body_text="t", body_html="h", status="failed", attempts=6,
                               last_error="SMTPRecipientsRefused: mailbox unavailable")  # fmt: skip
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(reverse("admin:notifications_outboxemail_changelist") + "?status__exact=failed").content.decode()
    assert "SMTPRecipientsRefused" in html


@pytest.mark.django_db
def test_one_click_unsubscribe_works_without_login_or_csrf_and_get_changes_nothing(client):
    sub = AlertSubscription.objects.create(email="r@example.org", frequency="daily", confirmed_at=timezone.now())
    url = reverse("notifications:unsubscribe", args=[tokens.unsubscribe_token("alert", sub.pk)])
    assert client.get(url).status_code == 200
    sub.refresh_from_db()
    assert sub.unsubscribed_at is None
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.unsubscribed_at is not None


@pytest.mark.django_db
def test_preference_unsubscribe_link_turns_that_email_off(client, user):
    url = reverse("notifications:unsubscribe", args=[tokens.unsubscribe_token("pref", user.pk, "comment_replies")])
    client.post(url)
    prefs = NotificationPreferences.objects.get(user=user)
    assert prefs.comment_replies is False and prefs.question_answered is True


@pytest.mark.django_db
def test_tampered_tokens_are_refused(client):
    token = tokens.unsubscribe_token("alert", 1)
    assert client.get(reverse("notifications:unsubscribe", args=[token[:-2] + "xx"])).status_code == 404
    assert client.get(reverse("notifications:alert_confirm", args=["not-a-token"])).status_code == 404


@pytest.mark.django_db
def test_alert_double_opt_in(client, settings, django_capture_on_commit_callbacks):
    category = CategoryFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("forum:alerts"), {"email": "reader@example.org", "scope": "category",
                                                         "category": category.pk, "frequency": "daily"})  # fmt: skip
    assert response.status_code == 302
    sub = AlertSubscription.objects.get()
    assert sub.confirmed_at is None
    _sweep()
    (email,) = mail.outbox
    link = re.search(r"http://127\.0\.0\.1:8000(/alerts/confirm/[^\s]+/)", email.body).group(1)
    assert client.get(link).status_code == 200
    sub.refresh_from_db()
    assert sub.confirmed_at is None  # GET changes nothing
    client.post(link)
    sub.refresh_from_db()
    assert sub.confirmed_at is not None


@pytest.mark.django_db
def test_alert_confirmation_links_expire(client, settings):
    sub = AlertSubscription.objects.create(email="late@example.org", frequency="daily")
    settings.ALERT_CONFIRM_DAYS = 0
    token = tokens.confirm_token(sub.pk)
    import time

    time.sleep(1.1)
    assert client.post(reverse("notifications:alert_confirm", args=[token])).status_code == 404
    sub.refresh_from_db()
    assert sub.confirmed_at is None


@pytest.mark.django_db
def test_alert_form_errors_and_signed_in_own_address_skips_confirmation(client, user):
    bad = client.post(reverse("forum:alerts"), {"email": "nope", "scope": "tag", "frequency": "daily"})
    assert bad.status_code == 200 and "Choose the tag" in bad.content.decode()
    client.force_login(user)
    client.post(reverse("forum:alerts"), {"email": user.email, "scope": "all", "frequency": "weekly"})
    sub = AlertSubscription.objects.get()
    assert sub.confirmed_at is not None and sub.user == user


@pytest.mark.django_db
def test_account_page_saves_preferences_and_stops_alerts(client, user):
    sub = AlertSubscription.objects.create(email=user.email, user=user, frequency="daily", confirmed_at=timezone.now())
    client.force_login(user)
    page = client.get(reverse("account"))
    assert page.status_code == 200 and "no-store" in page["Cache-Control"] or "private" in page["Cache-Control"]
    client.post(reverse("account"), {"question_answered": "on", "expert_queue": "daily"})
    prefs = NotificationPreferences.objects.get(user=user)
    assert prefs.question_answered and not prefs.comment_replies
    client.post(reverse("account"), {"stop_alert": sub.pk})
    sub.refresh_from_db()
    assert sub.unsubscribed_at is not None
