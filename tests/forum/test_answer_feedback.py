"""'Did this answer help you?': one vote per reader (account, or browser session for anonymous readers, rate
limited), a reason required when it did not help; the expert sees the figures; many "did not help" votes send
the answer to re-review."""

import pytest
from django.test import Client
from django.urls import reverse

from experts.permissions import needs_rereview
from experts.selectors import reader_feedback, rereview_queue
from forum.models import Answer, AnswerFeedback
from tests.factories import ExpertProfileFactory, UserFactory, answered_question


def feedback_url(answer: Answer) -> str:
    return reverse("forum:answer_feedback", args=[answer.question_id])


@pytest.mark.django_db
def test_readers_vote_once_each_and_a_no_needs_a_reason(client, user):
    question = answered_question()
    answer = Answer.objects.get(question=question)
    page = client.get(question.get_absolute_url()).content.decode()
    assert f"{feedback_url(answer)}?helped=no" in page  # a plain link: the cached page holds no form token
    assert 'value="no" checked' in client.get(feedback_url(answer) + "?helped=no").content.decode()
    refused = client.post(feedback_url(answer), {"helped": "no", "reason": ""})
    assert refused.status_code == 400 and "choose why" in refused.content.decode()
    assert client.post(feedback_url(answer), {"helped": "no", "reason": "hard"}).status_code == 302
    assert client.post(feedback_url(answer), {"helped": "yes"}).status_code == 302  # the same browser changes its mind
    client.force_login(user)
    client.post(feedback_url(answer), {"helped": "no", "reason": "more"})
    answer.refresh_from_db()
    assert (answer.helpful_count, answer.unhelpful_count) == (1, 1) and AnswerFeedback.objects.count() == 2
    assert not AnswerFeedback.objects.filter(voter__contains=".").exists()  # no address is kept


@pytest.mark.django_db
def test_anonymous_votes_are_rate_limited(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "answer_feedback": "2/h/ip"}
    answers = [Answer.objects.get(question=answered_question()) for _ in range(3)]
    codes = [Client().post(feedback_url(a), {"helped": "yes"}).status_code for a in answers]
    assert codes == [302, 302, 429]


@pytest.mark.django_db
def test_the_expert_sees_the_figures_and_many_no_votes_send_it_to_rereview(client, settings):
    settings.FORUM_UNHELPFUL_REREVIEW = 3
    question = answered_question()
    answer = Answer.objects.select_related("expert__user", "question__category").get(question=question)
    colleague = ExpertProfileFactory()
    colleague.specialties.add(question.category)
    for reason in ("hard", "hard", "outdated"):
        voter = Client()
        voter.force_login(UserFactory())
        voter.post(feedback_url(answer), {"helped": "no", "reason": reason})
    answer.refresh_from_db()
    assert needs_rereview(answer) and answer in rereview_queue(colleague)
    figures = reader_feedback(answer.expert)
    assert figures.did_not_help == 3 and figures.answers[0][1][0] == ("It was hard to understand", 2)
    client.force_login(answer.expert.user)
    dashboard = client.get(reverse("experts:dashboard")).content.decode()
    assert "What readers say" in dashboard and "It was hard to understand × 2" in dashboard


@pytest.mark.django_db
def test_the_asker_marks_the_answer_and_thanks_the_expert(client):
    asker = UserFactory()
    question = answered_question(author=asker)
    answer = Answer.objects.select_related("expert__user").get(question=question)
    client.force_login(UserFactory())
    assert "This is your question" not in client.get(question.get_absolute_url()).content.decode()
    client.post(reverse("forum:answer_accept", args=[question.pk]), {"thanks": "Not mine"})
    assert Answer.objects.get(pk=answer.pk).accepted_at is None  # only the asker
    client.force_login(asker)
    assert "This answered my question" in client.get(question.get_absolute_url()).content.decode()
    client.post(reverse("forum:answer_accept", args=[question.pk]), {"thanks": "Thank you, the pacing tips work."})
    client.logout()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "The asker said this answered their question" in page and "pacing tips" not in page  # thanks stay private
    client.force_login(answer.expert.user)
    dashboard = client.get(reverse("experts:dashboard")).content.decode()
    assert "Thank-you notes" in dashboard and "Thank you, the pacing tips work." in dashboard
