"""Text already stored, from before the normaliser or written straight into the database, can never break a page
or a feed: every control character and every payload of the XSS corpus, in every text a public page or feed
shows (title, details, answer, topic, tag, expert name)."""

import pytest
from django.test import Client
from django.urls import reverse

from core.markdown import render_markdown
from forum.models import Answer, Category, Question, Tag
from tests.factories import CategoryFactory, ExpertProfileFactory, TagFactory, answered_question
from tests.forum.test_feeds import _feeds, _xml
from tests.test_security import XSS_CORPUS, _active_content

# PostgreSQL cannot store U+0000 at all (the normaliser removes it from what people type); every other one is here.
CONTROLS = [chr(code) for code in [*range(1, 0x20), 0x7F] if chr(code) not in "\n\t\r"]


def _store(text: str) -> Question:
    """A public Q&A whose every shown text holds `text`, written straight into the database."""
    category, tag = CategoryFactory(), TagFactory()
    expert = ExpertProfileFactory()
    question = answered_question(category=category, expert=expert, tags=[tag])
    # The HTML beside each text is what the sanitiser made of it, as every write stores it.
    body, answer = f"Details {text} here.", f"Cool {text} down."
    Question.objects.filter(pk=question.pk).update(title=f"Heat {text} and fatigue?", body=body,
                                                   body_html=render_markdown(body))  # fmt: skip
    Answer.objects.filter(question=question).update(body=answer, body_html=render_markdown(answer))
    Category.objects.filter(pk=category.pk).update(name=f"Topic {text}")
    Tag.objects.filter(pk=tag.pk).update(name=f"tag {text}"[:50])  # a tag name holds 50 characters
    type(expert).objects.filter(pk=expert.pk).update(public_name=f"Dr {text} Ada")
    return Question.objects.get(pk=question.pk)


def _pages(question: Question) -> list[str]:
    return [question.get_absolute_url(), reverse("forum:home"), question.category.get_absolute_url(),
            question.answer.expert.get_absolute_url(), "/sitemap.xml"]  # fmt: skip


@pytest.mark.django_db
def test_every_control_character_stored_leaves_pages_and_feeds_working():
    client = Client()
    question = _store("".join(CONTROLS))
    for url in _pages(question):
        response = client.get(url)
        assert response.status_code == 200, url
    for url in _feeds(question):
        response = client.get(url)
        assert response.status_code == 200, url
        _xml(response.content)  # well-formed XML, whatever was stored
        assert not any(char.encode() in response.content for char in CONTROLS), url


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_a_stored_xss_payload_runs_nowhere(payload):
    client = Client()
    question = _store(payload)
    page = client.get(question.get_absolute_url()).content.decode()
    assert _active_content(page) == [], payload
    for url in _feeds(question):
        response = client.get(url)
        assert response.status_code == 200, url
        root = _xml(response.content)
        for element in root.iter():
            assert not element.tag.endswith(("script", "iframe", "img")), (url, payload)
