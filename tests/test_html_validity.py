"""Every kind of page passes the Nu HTML Checker (vnu-jar): public pages, the patient's, the expert's and the
moderation console's, rendered with real data; and the check itself fails on invalid markup."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from core.roles import moderators_group
from forum.models import Answer
from tests.factories import (
    CategoryFactory,
    ExpertProfileFactory,
    QuestionFactory,
    TagFactory,
    UserFactory,
    answered_question,
)
from tests.support.vnu import check

pytestmark = pytest.mark.django_db


def _pages() -> dict[str, tuple[object, str]]:
    """name -> (user or None, path)."""
    patient = UserFactory(display_name="Pat")
    expert = ExpertProfileFactory(slug="dr-valid")
    colleague = ExpertProfileFactory(slug="dr-colleague")
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(moderators_group())
    category, tag = CategoryFactory(slug="valid-topic"), TagFactory(slug="valid-tag")
    public = answered_question(category=category, tags=[tag], expert=expert, author=patient)
    Comment.objects.create(question=public, author=UserFactory(), body="A *kind* comment.",
                           body_html="<p>A <em>kind</em> comment.</p>", status="approved")  # fmt: skip
    pending = QuestionFactory(author=patient, category=category)
    approved = QuestionFactory(status="approved", approved_at=timezone.now(), category=category)
    in_review = Answer.objects.create(question=QuestionFactory(status="approved", approved_at=timezone.now()),
                                      expert=colleague, body="An answer in review. " * 5,
                                      body_html="<p>An answer in review.</p>", status="in_review",
                                      submitted_at=timezone.now())  # fmt: skip
    year, month = public.answered_at.year, public.answered_at.month
    answer = Answer.objects.get(question=public)
    anonymous = [
        "/", public.get_absolute_url(), "/categories/valid-topic/", "/categories/valid-topic/?page=1",
        "/tags/valid-tag/", f"/archive/{year}/", f"/archive/{year}/{month:02d}/", "/search/?q=fatigue",
        "/search/?q=zzzz", "/search/", "/experts/", "/experts/dr-valid/", "/about/", "/disclaimer/", "/privacy/",
        "/terms/", "/accessibility/", "/editorial-policy/", "/contact/", "/contact/sent/", "/alerts/",
        "/alerts/sent/", "/no-such-page/",
        "/accounts/login/",
        "/accounts/signup/", "/accounts/password/reset/", reverse("forum:answer_feedback", args=[public.pk]),
    ]  # fmt: skip
    mine = [
        "/ask/", "/my/questions/", f"/my/questions/{pending.pk}/edit/", f"/my/questions/{pending.pk}/withdraw/",
        "/account/", "/account/delete/", "/experts/apply/", f"/report/question/{public.pk}/",
        reverse("forum:follow", args=[public.pk]), public.get_absolute_url(),
    ]  # fmt: skip
    experts = [
        "/experts/dashboard/", f"/experts/dashboard/questions/{approved.pk}/answer/",
        f"/experts/dashboard/answers/{answer.pk}/revise/", reverse("experts:review", args=[in_review.pk]),
    ]  # fmt: skip
    console = [
        "/admin/", "/admin/forum/question/", "/admin/forum/question/?status__exact=pending",
        f"/admin/forum/question/{pending.pk}/change/", f"/admin/forum/question/{public.pk}/change/",
        f"/admin/forum/question/{public.pk}/redact/", "/admin/forum/answer/",
        f"/admin/forum/answer/{answer.pk}/change/",
        "/admin/comments/comment/", "/admin/moderation/report/", "/admin/core/auditlog/",
        f"/admin/forum/question/{pending.pk}/safeguarding/", "/admin/experts/expertprofile/",
        "/admin/forum/triageterm/", "/admin/forum/crisiscontact/",
        "/admin/moderation/contactmessage/", "/admin/experts/reviewpolicy/1/change/",
    ]  # fmt: skip
    pages: dict[str, tuple[object, str]] = {}
    for user, paths in ((None, anonymous), (patient, mine), (expert.user, experts), (moderator, console)):
        for path in paths:
            pages[f"{'anonymous' if user is None else user.pk} {path}"] = (user, path)
    return pages


def test_every_kind_of_page_passes_the_html_checker():
    from experts.models import ReviewPolicy

    ReviewPolicy.current()
    documents = {}
    clients: dict[object, Client] = {}
    for name, (user, path) in _pages().items():
        client = clients.get(user)
        if client is None:
            client = clients[user] = Client()
            if user is not None:
                client.force_login(user)
        response = client.get(path)
        assert response.status_code in (200, 404), f"{name}: {response.status_code}"
        documents[name] = response.content.decode()
    assert len(documents) >= 40
    errors = {name: found for name, found in check(documents).items() if found}
    assert errors == {}, "\n".join(f"{name}: {found[:5]}" for name, found in errors.items())


def test_the_checker_finds_invalid_markup():
    broken = "<!doctype html><html lang='en'><head><title>x</title></head><body><p><div>x</p></div>"
    broken += "<time datetime='2026-12-01T10:00:00.123456+00:00'>x</time></body></html>"
    valid = "<!doctype html><html lang='en'><head><title>x</title></head><body><p>fine</p></body></html>"
    found = check({"broken": broken, "valid": valid})
    assert found["valid"] == [] and len(found["broken"]) >= 2
