"""One normaliser for every user text: the ask form, the services, the admin; limits said in words, and the
same question sent twice is one question."""

import re
from datetime import timedelta

import pytest
from django.contrib.admin.sites import site as default_site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from comments import services as comment_services
from core.text import normalize_text
from forum.admin import TagAdmin
from forum.models import Question, Tag
from forum.services import questions as question_services
from tests.factories import CategoryFactory, answered_question

CONTROLS = "".join(chr(code) for code in range(0x20) if chr(code) not in "\n\t\r")  # \r ends a line


def test_the_normaliser_keeps_words_and_drops_what_no_page_can_carry():
    assert normalize_text(f"  Is\x02 it\x03 normal{CONTROLS}?  ", multiline=False) == "Is it normal?"
    assert normalize_text("Line one\r\nline two\r\tindented\x7f\x85") == "Line one\nline two\n\tindented"
    assert normalize_text("cafe\u0301 \ufeffzero\u200bwidth \u202eevil\u202c") == "caf\u00e9 zerowidth evil"
    assert normalize_text("two\n\nparagraphs") == "two\n\nparagraphs"
    assert normalize_text("a\n  title\twith\n breaks", multiline=False) == "a title with breaks"
    assert normalize_text("family 👨‍👩‍👧 emoji") == "family 👨‍👩‍👧 emoji"  # the joiner stays


def _ask(category, **overrides):
    data = {
        "title": "How long does fatigue last after a relapse?",
        "body": "I had a relapse last month and still feel drained every afternoon. What helps?",
        "category": category.pk, "is_anonymous": "on", "consent": "on",
    }  # fmt: skip
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_a_title_pasted_with_control_characters_is_stored_clean(client, user):
    client.force_login(user)
    title = "Is\x02 heat\x03 making my\x00 MS worse\x1f in summer?"
    client.post(reverse("forum:ask"), _ask(CategoryFactory(), title=title, body="Details\x0b that\x07 matter " * 3))
    question = Question.objects.get(author=user)
    assert question.title == "Is heat making my MS worse in summer?"
    assert "\x0b" not in question.body and "\x07" not in question.body


@pytest.mark.django_db
def test_the_services_normalise_whoever_calls_them(user):
    question = question_services.question_submit(
        author=user, title="Tired\x02 after \u202ea relapse, normal?", body="Cafe\u0301 visits\x00 tire me " * 3,
        category=CategoryFactory(), consent=True,
    )  # fmt: skip
    assert question.title == "Tired after a relapse, normal?" and "\x00" not in question.body
    assert "Caf\u00e9" in question.body
    author = user
    public = answered_question()
    comment = comment_services.comment_post(question=public, author=author, body="Thanks\x02 a lot\x1b[31m")
    assert comment.body == "Thanks a lot[31m"


@pytest.mark.django_db
def test_the_admin_normalises_what_moderators_type(moderator):
    request = RequestFactory().post("/")
    request.user = moderator
    form_class = TagAdmin(Tag, default_site).get_form(request)
    form = form_class(data={"name": "fatigue\x02 \u202etips", "slug": "fatigue-tips"})
    assert form.is_valid(), form.errors
    assert form.save().name == "fatigue tips"


@pytest.mark.django_db
def test_a_text_over_the_limit_is_kept_and_explained_not_cut(client, user):
    client.force_login(user)
    form_page = client.get(reverse("forum:ask")).content.decode()
    assert 'data-maxlength="6000"' in form_page and not re.search(r'(?<!data-)maxlength="6000"', form_page)
    long_body = "word " * 4000  # 20,000 characters
    response = client.post(reverse("forum:ask"), _ask(CategoryFactory(), body=long_body))
    html = response.content.decode()
    assert response.status_code == 200 and not Question.objects.exists()
    assert "Please shorten this to 6000 characters or fewer: it has 19999 now." in html  # trailing space trimmed
    assert long_body.strip()[-200:] in html  # nothing the patient wrote is lost


@pytest.mark.django_db
def test_sending_the_same_question_again_shows_the_earlier_one(client, user):
    client.force_login(user)
    category = CategoryFactory()
    first = client.post(reverse("forum:ask"), _ask(category))
    again = client.post(reverse("forum:ask"), _ask(category, title="  How long does fatigue last after a relapse? "))
    question = Question.objects.get(author=user)
    assert first["Location"] == again["Location"] == reverse("forum:ask_done", args=[question.pk])
    assert "You sent this question already" in client.get(again["Location"]).content.decode()
    Question.objects.filter(pk=question.pk).update(created_at=timezone.now() - timedelta(days=2))
    client.post(reverse("forum:ask"), _ask(category))
    assert Question.objects.filter(author=user).count() == 2  # a day later it is a new question


@pytest.mark.django_db
def test_another_person_may_ask_the_same_words(client, user):
    from tests.factories import UserFactory

    category = CategoryFactory()
    for person in (user, UserFactory()):
        client.force_login(person)
        client.post(reverse("forum:ask"), _ask(category))
    assert Question.objects.count() == 2
