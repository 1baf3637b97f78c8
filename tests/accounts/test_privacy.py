import json
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.urls import reverse

from accounts.middleware import LAST_SEEN, LOGIN_AT
from accounts.models import User
from comments.models import Comment
from core.models import AuditLog
from forum.models import Question
from notifications.models import AlertSubscription
from tests.factories import TEST_PASSWORD, QuestionFactory, UserFactory, answered_question


@pytest.mark.django_db
def test_export_contains_the_persons_data_and_nobody_elses(client, user):
    mine = QuestionFactory(author=user, title="My own question here?")
    QuestionFactory(title="Someone else's question?")
    public = answered_question()
    Comment.objects.create(question=public, author=user, body="My comment", body_html="x", status="approved")
    AlertSubscription.objects.create(email=user.email, user=user, frequency="daily")
    client.force_login(user)
    response = client.get(reverse("account_export"))
    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert [q["title"] for q in data["questions"]] == [mine.title]
    assert data["comments"][0]["text"] == "My comment"
    assert data["alerts"][0]["frequency"] == "daily"
    assert "Someone else" not in response.content.decode()


@pytest.mark.django_db
def test_deletion_purges_personal_data_keeps_public_content_and_is_audited(client):
    user = UserFactory(display_name="Ready To Leave")
    public = answered_question(author=user, is_anonymous=False)
    pending = QuestionFactory(author=user)
    Comment.objects.create(question=public, author=user, body="Still useful", body_html="<p>Still useful</p>",
                           status="approved")  # fmt: skip
    AlertSubscription.objects.create(email=user.email, frequency="weekly")
    client.force_login(user)
    refused = client.post(reverse("account_delete"), {"password": "wrong", "confirm": "on"})
    assert "That password is not right" in refused.content.decode()
    response = client.post(reverse("account_delete"), {"password": TEST_PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Question.objects.filter(pk=pending.pk).exists()
    assert not AlertSubscription.objects.exists()
    assert SESSION_KEY not in client.session
    page = client.get(public.get_absolute_url()).content.decode()
    assert "Still useful" in page and "Deleted user" in page and "Ready To Leave" not in page
    entry = AuditLog.objects.get(action="account.delete")
    assert entry.before == {"questions": 2, "comments": 1}
    assert user.email not in json.dumps(entry.before) + json.dumps(entry.after)


@pytest.mark.django_db
def test_experts_with_answers_are_asked_to_contact_the_moderators(client, expert):
    answered_question(expert=expert)
    expert.user.set_password(TEST_PASSWORD)
    expert.user.save()
    client.force_login(expert.user)
    response = client.post(reverse("account_delete"), {"password": TEST_PASSWORD, "confirm": "on"})
    assert "ask the moderators" in response.content.decode()
    assert User.objects.filter(pk=expert.user_id).exists()


@pytest.mark.django_db
def test_signed_in_pages_are_private_and_not_stored(client, user):
    assert "private" not in client.get("/").get("Cache-Control", "")
    client.force_login(user)
    for url in ("/", reverse("forum:my_questions"), reverse("account")):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url


@pytest.mark.django_db
def test_a_new_session_key_at_login(client, user):
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    assert client.session.session_key != before
    assert client.session[SESSION_KEY] == str(user.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("key,age", [(LAST_SEEN, "idle"), (LOGIN_AT, "absolute")])
def test_sessions_time_out_when_idle_and_absolutely(client, user, settings, key, age):
    settings.SESSION_IDLE_SECONDS = 3600
    settings.SESSION_ABSOLUTE_SECONDS = 7200
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    assert client.get(reverse("forum:my_questions")).status_code == 200
    session = client.session
    now = int(time.time())
    session[LAST_SEEN] = now - (3601 if age == "idle" else 10)
    session[LOGIN_AT] = now - (7201 if age == "absolute" else 10)
    session.save()
    response = client.get(reverse("forum:my_questions"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert SESSION_KEY not in client.session


def _everything_stored_as_text():
    """Every row of the tables that could copy someone's words, as one text."""
    from django.core import serializers

    from forum.models import QuestionRevision
    from moderation.models import Report
    from notifications.models import OutboxEmail

    models = (AuditLog, OutboxEmail, Comment, Question, QuestionRevision, Report)
    return "\n".join(serializers.serialize("json", m.objects.all()) for m in models)


@pytest.mark.django_db
def test_deletion_erases_the_persons_words_everywhere_they_were_copied(
    client, moderator, expert, django_capture_on_commit_callbacks
):
    from comments import services as comment_services
    from experts.services.answers import answer_publish
    from forum.models import Answer
    from forum.services.questions import question_approve, question_edit, question_submit
    from moderation.services import report_create
    from notifications.models import OutboxEmail
    from notifications.tasks import sweep_outbox
    from tests.factories import CategoryFactory

    user = UserFactory(email="leaving.patient@example.org")
    category = CategoryFactory()
    with django_capture_on_commit_callbacks(execute=True):
        asked = question_submit(author=user, title="Zanzibarine numbness since spring?", body="My phone 07700 900123",
                                acknowledged=True,
                                category=category, consent=True)  # fmt: skip
        question_edit(question=asked, editor=user, title="Zanzibarine numbness since spring?",
                      body="Quillwort tingling in both feet")  # fmt: skip
        question_edit(question=asked, editor=moderator, title="Zanzibarine numbness since spring?",
                      body="Tingling in both feet", reason="Removed a detail")  # fmt: skip
        question_approve(question=asked, moderator=moderator)
        answer_publish(question=asked, expert_user=expert.user, body="An answer that helps you. " * 3)
        unpublished = question_submit(author=user, title="Marmalade vision question?", body="Private words",
                                      category=category, consent=True, enforce_limits=False)  # fmt: skip
        question_edit(question=unpublished, editor=user, title="Marmalade vision question?",
                      body="Private words, edited")  # fmt: skip
        held = comment_services.comment_post(question=asked, author=user, body="Gooseberry held comment")
        report_create(reporter=user, target=Answer.objects.get(question=asked), reason="other",
                      details="Kumquat details")  # fmt: skip
    sweep_outbox.apply()
    assert OutboxEmail.objects.filter(to_email=user.email).exists()
    assert held.status == "pending"
    user.set_password(TEST_PASSWORD)
    user.save()
    client.force_login(user)
    client.post(reverse("account_delete"), {"password": TEST_PASSWORD, "confirm": "on"})
    assert not User.objects.filter(pk=user.pk).exists()
    stored = _everything_stored_as_text()
    for words in ("07700 900123", "Quillwort", "Marmalade", "Private words", "Gooseberry", "Kumquat",
                  "leaving.patient"):  # fmt: skip
        assert words not in stored, words
    # The published Q&A stays, in its published words.
    assert "Zanzibarine" in client.get(Question.objects.get(pk=asked.pk).get_absolute_url()).content.decode()
    assert not Comment.objects.filter(pk=held.pk).exists()


@pytest.mark.django_db
def test_the_audit_log_refuses_to_keep_text(user):
    from core.audit import audit_record

    with pytest.raises(ValueError, match="never keeps text"):
        audit_record(actor=user, action="x", target=user, before={"body": "words"})


@pytest.mark.django_db
def test_the_migration_drops_text_that_older_versions_copied_into_the_audit_log(user):
    import importlib

    from django.db import connection

    migration = importlib.import_module("forum.migrations.0014_auditlog_without_text")
    old = AuditLog.objects.create(actor=user, action="question.edit", target_type="forum.question", target_id=1,
                                  before={"title": "Old words", "body": "My phone", "category": "Fatigue"},
                                  after={"title": "New words", "body": "Redacted", "category": "Fatigue"})  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the test's own insert, checked now as a migration's would be
        cursor.execute(migration.FORWARD)
    old.refresh_from_db()
    assert old.before == {"category": "Fatigue"} and old.after == {"category": "Fatigue"}
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        AuditLog.objects.filter(pk=old.pk).update(reason="tampered")  # the trigger is back
