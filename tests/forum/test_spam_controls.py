import pytest
from django.urls import reverse
from django.utils import timezone

from forum.models import Question
from tests.factories import CategoryFactory, QuestionFactory


def _data():
    return {
        "title": "How long does fatigue last after a relapse?",
        "body": "I had a relapse last month and still feel drained every afternoon. What helps?",
        "category": CategoryFactory().pk,
        "is_anonymous": "on",
        "consent": "on",
    }


@pytest.mark.django_db
def test_honeypot_silently_drops_the_question(client, user):
    client.force_login(user)
    response = client.post(reverse("forum:ask"), {**_data(), "website": "http://spam.example"})
    assert response.status_code == 302 and response["Location"] == reverse("forum:home")
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_a_second_question_within_the_minimum_interval_is_refused_keeping_the_text(client, user, settings):
    settings.FORUM_FLOOD_MIN_SECONDS = 60
    QuestionFactory(author=user, created_at=timezone.now())
    client.force_login(user)
    response = client.post(reverse("forum:ask"), _data())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please wait a little" in html
    assert "still feel drained every afternoon" in html
    assert Question.objects.filter(author=user).count() == 1


@pytest.mark.django_db
def test_the_daily_cap_is_enforced(client, user, settings):
    settings.FORUM_FLOOD_MIN_SECONDS = 0
    settings.FORUM_FLOOD_DAILY_QUESTIONS = 2
    QuestionFactory.create_batch(2, author=user, created_at=timezone.now() - timezone.timedelta(hours=2))
    client.force_login(user)
    assert "limit. Please come back tomorrow" in client.post(reverse("forum:ask"), _data()).content.decode()
    Question.objects.update(created_at=timezone.now() - timezone.timedelta(days=2))
    assert client.post(reverse("forum:ask"), _data()).status_code == 302


@pytest.mark.django_db
def test_every_new_question_is_held_for_moderation(client, user):
    client.force_login(user)
    client.post(reverse("forum:ask"), _data())
    question = Question.objects.get()
    assert question.status == "pending"
    client.logout()
    assert client.get(question.get_absolute_url()).status_code == 404
