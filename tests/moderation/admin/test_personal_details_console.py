"""Moderators see which questions and comments may hold personal details: a column, a filter, and the text
with each finding marked; what was stored before the screening existed is screened by its migration."""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from comments import services as comment_services
from comments.models import Comment
from forum.migrations._details import find_existing
from forum.models import Question
from forum.services import questions as question_services
from tests.factories import CategoryFactory, QuestionFactory, answered_question


@pytest.mark.django_db
def test_a_question_with_a_phone_number_is_marked_for_moderators(client, moderator, user):
    question = question_services.question_submit(
        author=user, title="Is it normal to feel so tired <b>every</b> afternoon?",
        body="Call me on 07700 900123 if easier. Born 12/03/1980. It started after my relapse last spring.",
        category=CategoryFactory(), consent=True, acknowledged=True,
    )  # fmt: skip
    clean = QuestionFactory(title="A question without any personal details in it?")
    assert question.personal_details == ["phone", "date"] and clean.personal_details == []
    client.force_login(moderator)
    listing = client.get(reverse("admin:forum_question_changelist")).content.decode()
    assert "a phone number, a full date" in listing
    flagged = client.get(reverse("admin:forum_question_changelist") + "?details=any").content.decode()
    assert question.title.split("<")[0] in flagged and clean.title not in flagged
    change = client.get(reverse("admin:forum_question_change", args=[question.pk])).content.decode()
    assert '<mark class="personal-detail" title="a phone number">07700 900123</mark>' in change
    assert '<mark class="personal-detail" title="a full date (such as a date of birth)">12/03/1980</mark>' in change
    assert "&lt;b&gt;every&lt;/b&gt;" in change  # the asker's words are shown, never run


@pytest.mark.django_db
def test_a_comment_with_an_email_address_is_marked_and_an_edit_updates_it(client, moderator):
    question = answered_question()
    author = Comment.objects.create(question=question, author=moderator, body="x", body_html="x",
                                    status="approved").author  # fmt: skip
    comment = comment_services.comment_post(question=question, author=author, body="Write to ana@example.org!")
    assert comment.personal_details == ["email"]
    client.force_login(moderator)
    listing = client.get(reverse("admin:comments_comment_changelist") + "?details=email").content.decode()
    assert "Write to ana@example.org!" in listing
    change = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    assert '<mark class="personal-detail" title="an email address">ana@example.org</mark>' in change
    comment = comment_services.comment_edit(comment=comment, user=author, body="Write to me here instead.")
    assert comment.personal_details == []


@pytest.mark.django_db
def test_the_migration_screens_what_was_stored_before():
    question = QuestionFactory(body="My NHS number is 943 476 5919, in case it helps the expert.")
    Question.objects.filter(pk=question.pk).update(personal_details=[])
    find_existing("forum", "Question", ("title", "body"))(apps, None)
    question.refresh_from_db()
    assert question.personal_details == ["record"]


@pytest.mark.django_db
def test_an_answer_is_screened_too(client, moderator, expert):
    from experts.services.answers import answer_publish

    question = QuestionFactory(status="approved", approved_at=timezone.now())
    answer = answer_publish(
        question=question, expert_user=expert.user,
        body="Ask your MS nurse, or ring our clinic on 020 7946 0018 and mention this answer.",
    )  # fmt: skip
    assert answer.personal_details == ["phone"]
    client.force_login(moderator)
    assert "a phone number" in client.get(reverse("admin:forum_answer_changelist") + "?details=any").content.decode()
    change = client.get(reverse("admin:forum_answer_change", args=[answer.pk])).content.decode()
    assert '<mark class="personal-detail" title="a phone number">020 7946 0018</mark>' in change
