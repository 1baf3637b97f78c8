import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forum.models import Question
from tests.factories import CategoryFactory, QuestionFactory, TagFactory, answered_question


def _data(**overrides):
    category = overrides.pop("category", None) or CategoryFactory()
    data = {
        "title": "How long does fatigue last after a relapse?",
        "body": "I had a relapse last month and still feel drained every afternoon. What helps?",
        "category": category.pk,
        "is_anonymous": "on",
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_ask_requires_login(client):
    response = client.get(reverse("forum:ask"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_ask_requires_a_verified_email(client, unverified_user):
    client.force_login(unverified_user)
    response = client.get(reverse("forum:ask"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email")


@pytest.mark.django_db
def test_form_shows_anonymous_on_by_default_and_consent(client, user):
    client.force_login(user)
    html = client.get(reverse("forum:ask")).content.decode()
    anonymous_input = re.search(r"<input[^>]*name=\"is_anonymous\"[^>]*>", html)
    assert anonymous_input is not None and "checked" in anonymous_input.group(0)
    assert 'name="consent"' in html


@pytest.mark.django_db
def test_clean_question_is_submitted_and_the_confirmation_shows_typical_answer_time(client, user):
    old = answered_question()
    Question.objects.filter(pk=old.pk).update(created_at=old.answered_at - timedelta(days=3))
    client.force_login(user)
    tag = TagFactory()
    response = client.post(reverse("forum:ask"), _data(tags=[tag.pk]))
    question = Question.objects.get(author=user)
    assert response.status_code == 302
    assert response["Location"] == reverse("forum:ask_done", args=[question.pk])
    assert question.status == "pending" and question.is_anonymous and list(question.tags.all()) == [tag]
    done = client.get(response["Location"]).content.decode()
    assert "awaiting review" in done
    assert "about 3 days" in done


@pytest.mark.django_db
def test_errors_keep_everything_the_user_typed(client, user):
    client.force_login(user)
    response = client.post(reverse("forum:ask"), _data(consent="", title="Too short"))
    html = response.content.decode()
    assert response.status_code == 200
    assert not Question.objects.exists()
    assert "Please agree to publication" in html
    assert "Too short" in html
    assert "still feel drained every afternoon" in html


@pytest.mark.django_db
def test_personal_identifiers_warn_once_then_submit_as_is(client, user):
    client.force_login(user)
    data = _data(body="Email me at rowan.x@example.org or call 07700 900123. I feel drained after my relapse.")
    first = client.post(reverse("forum:ask"), data)
    html = first.content.decode()
    assert first.status_code == 200
    assert not Question.objects.exists()
    assert "may contain personal details" in html
    assert "an email address" in html and "a phone number" in html
    assert 'name="acknowledged" value="True"' in html
    second = client.post(reverse("forum:ask"), {**data, "acknowledged": "True"})
    assert second.status_code == 302
    assert Question.objects.filter(author=user).count() == 1


@pytest.mark.django_db
def test_urgent_symptoms_show_the_emergency_notice_with_contacts(client, user):
    client.force_login(user)
    data = _data(body="Since an hour I have chest pain and slurred speech, is this a relapse? Please help soon.")
    html = client.post(reverse("forum:ask"), data, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8").content.decode()
    assert "This service is not for emergencies" in html
    assert 'id="triage-emergency" data-triage="emergency" class="alert alert-danger triage-notice"' in html
    assert "<strong>999</strong>" in html  # the contacts for the reader's country
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_server_preview_renders_sanitized_markdown_without_submitting(client, user):
    client.force_login(user)
    html = client.post(
        reverse("forum:ask"), _data(body="I feel **very tired** after relapses <script>alert(1)</script>", preview="1")
    ).content.decode()
    assert "<strong>very tired</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_live_preview_endpoint_returns_html_and_warnings(client, user):
    client.force_login(user)
    response = client.post(reverse("forum:ask_preview"), {"title": "t", "body": "*hi* see www.example.org"})
    data = response.json()
    assert "<em>hi</em>" in data["html"]
    assert data["identifiers"] == ["a web address"]
    assert data["triage"] == []
    assert client.get(reverse("forum:ask_preview")).status_code == 405


@pytest.mark.django_db
def test_similar_questions_endpoint_suggests_answered_questions_only(client):
    answered_question(title="Can hot weather make MS fatigue worse?")
    QuestionFactory(title="Hot weather and fatigue, pending version?")
    html = client.get(reverse("search:ask_similar"), {"q": "fatigue in hot weather"}).content.decode()
    assert "Can hot weather make MS fatigue worse?" in html
    assert "pending version" not in html


@pytest.mark.django_db
def test_my_questions_lists_statuses_and_rejection_reasons(client, user):
    QuestionFactory(author=user, title="My pending question here?")
    QuestionFactory(author=user, title="My rejected question here?", status="rejected",
                    rejection_reason="We cannot diagnose individual scans.")  # fmt: skip
    QuestionFactory(title="Somebody else's question?")
    client.force_login(user)
    html = client.get(reverse("forum:my_questions")).content.decode()
    assert "My pending question here?" in html and "Awaiting review" in html
    assert "We cannot diagnose individual scans." in html
    assert "Somebody else" not in html
    assert "private" in client.get(reverse("forum:my_questions"))["Cache-Control"]


@pytest.mark.django_db
def test_patient_edits_and_withdraws_a_pending_question(client, user):
    question = QuestionFactory(author=user)
    client.force_login(user)
    data = _data(title="An edited title for my question?", category=question.category)
    assert client.post(reverse("forum:question_edit", args=[question.pk]), data).status_code == 302
    question.refresh_from_db()
    assert question.title == "An edited title for my question?"
    opened = client.get(reverse("forum:question_withdraw", args=[question.pk]))  # opened by its address
    assert opened.status_code == 200 and "Withdraw your question?" in opened.content.decode()
    confirm = client.post(reverse("forum:question_withdraw", args=[question.pk]))
    assert "Withdraw your question?" in confirm.content.decode()  # asked first, nothing changed yet
    question.refresh_from_db()
    assert question.status == "pending"
    client.post(reverse("forum:question_withdraw", args=[question.pk]), {"confirm": "yes"})
    question.refresh_from_db()
    assert question.status == "withdrawn"
    response = client.get(reverse("forum:question_edit", args=[question.pk]))
    assert response.status_code == 302


@pytest.mark.django_db
def test_patient_cannot_edit_someone_elses_question(client, user):
    other = QuestionFactory()
    client.force_login(user)
    assert client.get(reverse("forum:question_edit", args=[other.pk])).status_code == 404
    assert client.post(reverse("forum:question_withdraw", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.status == "pending"


@pytest.mark.django_db
def test_typical_answer_time_is_the_median_of_recent_answers():
    from forum.selectors import typical_answer_time

    now = timezone.now()
    for days in (1, 2, 10):
        q = answered_question(answered_at=now)
        Question.objects.filter(pk=q.pk).update(created_at=now - timedelta(days=days))
    assert typical_answer_time() == timedelta(days=2)
