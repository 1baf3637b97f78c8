import json
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from accounts.middleware import LAST_SEEN, LOGIN_AT
from accounts.models import User
from forum.models import AlertSubscription, AuditLog, Comment, Question
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
