"""Feeds carry the sanitised answer as plain words, and no stored text can break them."""

import xml.etree.ElementTree as ET  # noqa: S405 - our own feed, parsed in a test

import pytest
from django.urls import reverse

from core.markdown import render_markdown
from forum.models import Answer
from tests.factories import CategoryFactory, ExpertProfileFactory, TagFactory, answered_question

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_BODY = 'Rest **matters**. <script>alert("x")</script><img src=x onerror="alert(2)"> Pace & plan.'


def _xml(content):
    return ET.fromstring(content)  # noqa: S314 - our own feed


def _feeds(question):
    expert = question.answer.expert
    names = [("forum:feed_latest", []), ("forum:feed_latest_rss", []),
             ("forum:feed_category", [question.category.slug]), ("forum:feed_category_rss", [question.category.slug]),
             ("feed_expert", [expert.slug]), ("feed_expert_rss", [expert.slug])]  # fmt: skip
    names += [("forum:feed_tag", [tag.slug]) for tag in question.tags.all()]
    names += [("forum:feed_tag_rss", [tag.slug]) for tag in question.tags.all()]
    return [reverse(name, args=args) for name, args in names]


@pytest.mark.django_db
def test_feed_descriptions_are_the_sanitised_answer_as_plain_text(client):
    question = answered_question()
    Answer.objects.filter(question=question).update(body=HOSTILE_BODY, body_html=render_markdown(HOSTILE_BODY))
    response = client.get(reverse("forum:feed_latest"))
    summary = _xml(response.content).find(f"{ATOM}entry/{ATOM}summary").text
    # The summary is HTML for feed readers: markup from the expert's text appears only as escaped text.
    assert "<" not in summary and "**" not in summary and "onerror" not in summary
    assert "Rest matters." in summary and "&amp;" in summary
    rss = client.get(reverse("forum:feed_latest_rss")).content.decode()
    assert "&lt;script" not in rss and "alert(" not in rss


@pytest.mark.django_db
def test_control_characters_in_any_stored_text_never_break_a_feed(client):
    category = CategoryFactory(name="Fatigue\x0b and heat")
    tag = TagFactory(name="heat\x1b")
    expert = ExpertProfileFactory(public_name="Dr \x02Ada", postnominals="MD\x7f")
    question = answered_question(title="Warm baths \x02\x03 and fatigue?", category=category, expert=expert,
                                 tags=[tag])  # fmt: skip
    Answer.objects.filter(question=question).update(body="Cool\x01 down.", body_html="<p>Cool\x01 down.</p>")
    for url in _feeds(question):
        response = client.get(url)
        assert response.status_code == 200, url
        _xml(response.content)  # well-formed XML
        assert b"\x02" not in response.content and b"\x01" not in response.content
