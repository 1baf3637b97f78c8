"""The tags behind fast pages: shared fragments, constant markup and memoized links."""

import itertools

import pytest
from django.template import Context, Engine, Template, TemplateSyntaxError
from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from core.cache import SharedParts, invalidate


class Counter:
    """Counts how often a template reads it, i.e. how often the markup around it is really rendered."""

    def __init__(self) -> None:
        self._count = itertools.count(1)

    def __str__(self) -> str:
        return str(next(self._count))


def _template(source: str) -> Template:
    return Engine(libraries={"shared": "core.templatetags.shared"}).from_string("{% load shared %}" + source)


def test_link_is_the_reversed_url():
    assert _template("{% link 'forum:home' %}|{% link 'forum:about' %}").render(Context()) == (
        f"{reverse('forum:home')}|{reverse('forum:about')}"
    )


def test_constant_markup_is_rendered_once_per_language():
    template = _template('{% constant "block" %}<p>{{ counter }}</p>{% endconstant %}')
    counter = Counter()
    assert template.render(Context({"counter": counter})) == "<p>1</p>"
    assert template.render(Context({"counter": counter})) == "<p>1</p>"
    with translation.override("fr"):
        assert template.render(Context({"counter": counter})) == "<p>2</p>"


def test_tags_refuse_malformed_use():
    with pytest.raises(TemplateSyntaxError):
        _template("{% shared %}x{% endshared %}")
    with pytest.raises(TemplateSyntaxError):
        _template('{% constant "a" "b" %}x{% endconstant %}')


def test_without_shared_parts_a_fragment_is_rendered_every_time():
    template = _template('{% shared "piece" 7 %}{{ counter }}{% endshared %}')
    counter = Counter()
    assert [template.render(Context({"counter": counter})) for _ in range(2)] == ["1", "2"]


@pytest.mark.usefixtures("db")
def test_shared_fragments_are_reused_until_their_scope_is_invalidated(settings):
    settings.FORUM_PAGE_CACHE_SECONDS = 300
    template = _template('{% shared "piece" 7 %}{{ counter }}{% endshared %}')
    counter = Counter()

    def page() -> str:
        return template.render(Context({"counter": counter, "shared_parts": SharedParts(["piece:7"], ["question:7"])}))

    assert [page(), page()] == ["1", "1"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        invalidate("question:8")
    assert [page(), page()] == ["1", "1"]  # another Q&A's scope
    with TestCase.captureOnCommitCallbacks(execute=True):
        invalidate("question:7")
    assert [page(), page()] == ["2", "2"]


@pytest.mark.usefixtures("db")
def test_a_fragment_not_announced_is_fetched_on_its_own(settings):
    settings.FORUM_PAGE_CACHE_SECONDS = 300
    template = _template('{% shared "other" %}{{ counter }}{% endshared %}')
    counter = Counter()
    first = template.render(Context({"counter": counter, "shared_parts": SharedParts([], ["question:7"])}))
    second = template.render(Context({"counter": counter, "shared_parts": SharedParts([], ["question:7"])}))
    assert first == second == "1"


@pytest.mark.usefixtures("db")
def test_a_shared_fragment_knows_nothing_of_its_reader_but_whether_they_are_signed_in(settings, user):
    settings.FORUM_PAGE_CACHE_SECONDS = 300
    template = _template(
        '{% shared "who" 7 %}[{{ user.display_name }}|{{ user.email }}|{{ request.user }}|{{ csrf_token }}|'
        "{{ csp_nonce }}|{% for m in messages %}{{ m }}{% endfor %}|{{ user.is_authenticated }}]{% endshared %}"
        "{{ user.display_name }}"
    )
    context = {
        "user": user, "request": object(), "csrf_token": "token-of-one-reader", "csp_nonce": "nonce-of-one-page",
        "messages": ["Saved for one reader"], "shared_parts": SharedParts(["who:7"], ["question:7"]),
    }  # fmt: skip
    html = template.render(Context(context))
    assert html == f"[||||||True]{user.display_name}"  # outside the fragment the page is the reader's own
