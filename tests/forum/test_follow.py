"""Following one Q&A: a signed-in reader chooses at once or once a day; a revised answer and a published
comment reach them (never the person who made the change); each email stops following with one click."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from comments import services as comment_services
from comments.models import Comment
from experts.services.answers import answer_revise
from forum import emails
from forum.models import Answer
from notifications.models import QuestionFollow
from notifications.tasks import sweep_outbox
from tests.factories import UserFactory, answered_question


def sent_to(user) -> list[mail.EmailMessage]:
    sweep_outbox.apply()
    return [m for m in mail.outbox if m.to == [user.email]]


@pytest.mark.django_db
def test_following_at_once_and_daily_then_stopping_from_the_email(client):
    question = answered_question()
    at_once, daily, commenter = UserFactory(), UserFactory(), UserFactory()
    url = reverse("forum:follow", args=[question.pk])
    assert reverse("forum:follow", args=[question.pk]) in client.get(question.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(at_once)
    assert "Follow this Q&A by email" in client.get(url).content.decode()
    client.post(url, {"frequency": "immediate"})
    other = Client()
    other.force_login(daily)
    other.post(url, {"frequency": "daily"})
    Comment.objects.create(question=question, author=commenter, body="x", body_html="x", status="approved")
    comment_services.comment_post(question=question, author=commenter, body="Same for me, it eased after weeks.")
    answer = Answer.objects.select_related("expert__user").get(question=question)
    answer_revise(answer=answer, expert_user=answer.expert.user, body=answer.body + " Also rest.", note="Rest")

    now = sent_to(at_once)
    assert sorted(m.subject.split("] ")[1] for m in now) == [
        "A new comment on a Q&A you follow", "An answer you follow was updated"
    ]  # fmt: skip
    assert sent_to(daily) == []  # waits for the summary
    assert emails.follow_digest() == 1
    summary = sent_to(daily)
    assert len(summary) == 1 and "the answer was updated" in summary[0].body and "new comments" in summary[0].body
    assert emails.follow_digest() == 0  # nothing new since

    unsubscribe = now[0].extra_headers["List-Unsubscribe"].strip("<>")
    Client().post(unsubscribe)
    assert not QuestionFollow.objects.filter(user=at_once).exists()
    assert QuestionFollow.objects.filter(user=daily).exists()


@pytest.mark.django_db
def test_the_person_who_commented_is_not_told_of_their_own_comment(client):
    question = answered_question()
    reader = UserFactory()
    Comment.objects.create(question=question, author=reader, body="x", body_html="x", status="approved")
    client.force_login(reader)
    client.post(reverse("forum:follow", args=[question.pk]), {"frequency": "immediate"})
    comment_services.comment_post(question=question, author=reader, body="My own follow-up comment here.")
    assert [m for m in sent_to(reader) if "you follow" in m.subject] == []
    client.post(reverse("forum:follow", args=[question.pk]), {"stop": "1"})
    assert not QuestionFollow.objects.filter(user=reader).exists()
