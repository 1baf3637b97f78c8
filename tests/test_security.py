"""Role x URL permission matrix for every URL of the project, CSRF on every change, no change on GET."""

import logging
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.models import User
from comments.models import Comment
from core.models import AuditLog
from core.roles import moderators_group
from experts.models import ExpertProfile
from forum.models import Answer, Question
from moderation.models import Report
from notifications import tokens
from notifications.models import AlertSubscription, OutboxEmail
from tests.factories import (
    CategoryFactory,
    ExpertProfileFactory,
    QuestionFactory,
    TagFactory,
    UserFactory,
    answered_question,
)

ROLES = ["anonymous", "patient", "expert", "moderator"]
LOGIN = "login"  # a redirect to the sign-in page


def _everyone(code):
    return dict.fromkeys(ROLES, code)


def _signed_in(code):
    return {"anonymous": LOGIN, "patient": code, "expert": code, "moderator": code}


@pytest.fixture
def world(db):
    patient = UserFactory(display_name="Pat")
    expert = ExpertProfileFactory(slug="dr-matrix")
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(moderators_group())
    category, tag = CategoryFactory(slug="matrix-topic"), TagFactory(slug="matrix-tag")
    public = answered_question(category=category, tags=[tag], expert=expert, author=patient,
                               answered_at=timezone.now())  # fmt: skip
    pending = QuestionFactory(author=patient)
    approved = QuestionFactory(status="approved", approved_at=timezone.now())
    comment = Comment.objects.create(question=public, author=patient, body="c", body_html="c", status="approved")
    alert = AlertSubscription.objects.create(email="a@example.org", frequency="daily")
    in_review = Answer.objects.create(  # another expert's answer, waiting for a second clinician
        question=QuestionFactory(status="approved", approved_at=timezone.now()), expert=ExpertProfileFactory(),
        body="An answer in review. " * 5, body_html="<p>An answer in review.</p>", status="in_review",
        submitted_at=timezone.now(),
    )  # fmt: skip
    return {
        "users": {"patient": patient, "expert": expert.user, "moderator": moderator},
        "public": public, "pending": pending, "approved": approved, "comment": comment,
        "answer": Answer.objects.get(question=public), "category": category, "tag": tag, "expert": expert,
        "alert": alert, "in_review": in_review,
    }  # fmt: skip


# url name -> (kwargs builder, expected GET status per role)
MATRIX = {
    "forum:home": (lambda w: {}, _everyone(200)),
    "forum:ask": (lambda w: {}, _signed_in(200)),
    "forum:ask_preview": (lambda w: {}, _everyone(405)),
    "search:ask_similar": (lambda w: {}, _everyone(200)),
    "forum:ask_done": (lambda w: {"pk": w["pending"].pk},
                       {"anonymous": LOGIN, "patient": 200, "expert": 404, "moderator": 404}),
    "forum:my_questions": (lambda w: {}, _signed_in(200)),
    "forum:question_edit": (lambda w: {"pk": w["pending"].pk},
                            {"anonymous": LOGIN, "patient": 200, "expert": 404, "moderator": 404}),
    "forum:question_withdraw": (lambda w: {"pk": w["pending"].pk},
                                {"anonymous": LOGIN, "patient": 200, "expert": 404, "moderator": 404}),
    "forum:question_noslug": (lambda w: {"pk": w["public"].pk}, _everyone(301)),
    "forum:question": (lambda w: {"pk": w["public"].pk, "slug": w["public"].slug}, _everyone(200)),
    "forum:category": (lambda w: {"slug": "matrix-topic"}, _everyone(200)),
    "forum:tag": (lambda w: {"slug": "matrix-tag"}, _everyone(200)),
    "forum:archive_year": (lambda w: {"year": w["public"].answered_at.year}, _everyone(200)),
    "forum:archive_month": (lambda w: {"year": w["public"].answered_at.year, "month": w["public"].answered_at.month},
                            _everyone(200)),
    "search:search": (lambda w: {}, _everyone(200)),
    "moderation:report": (lambda w: {"kind": "question", "pk": w["public"].pk}, _signed_in(200)),
    "comments:comment_post": (lambda w: {"pk": w["public"].pk}, _everyone(405)),
    "comments:comment_edit": (lambda w: {"pk": w["comment"].pk},
                           {"anonymous": LOGIN, "patient": 200, "expert": 403, "moderator": 403}),
    "comments:comment_delete": (lambda w: {"pk": w["comment"].pk}, _everyone(405)),
    "forum:alerts": (lambda w: {}, _everyone(200)),
    "forum:alerts_sent": (lambda w: {}, _everyone(200)),
    "notifications:alert_confirm": (lambda w: {"token": tokens.confirm_token(w["alert"].pk)}, _everyone(200)),
    "notifications:unsubscribe": (lambda w: {"token": tokens.unsubscribe_token("alert", w["alert"].pk)},
                                  _everyone(200)),
    "forum:feed_latest": (lambda w: {}, _everyone(200)),
    "forum:feed_latest_rss": (lambda w: {}, _everyone(200)),
    "forum:feed_category": (lambda w: {"slug": "matrix-topic"}, _everyone(200)),
    "forum:feed_category_rss": (lambda w: {"slug": "matrix-topic"}, _everyone(200)),
    "forum:feed_tag": (lambda w: {"slug": "matrix-tag"}, _everyone(200)),
    "forum:feed_tag_rss": (lambda w: {"slug": "matrix-tag"}, _everyone(200)),
    "feed_expert": (lambda w: {"slug": "dr-matrix"}, _everyone(200)),
    "feed_expert_rss": (lambda w: {"slug": "dr-matrix"}, _everyone(200)),
    "forum:about": (lambda w: {}, _everyone(200)),
    "forum:disclaimer": (lambda w: {}, _everyone(200)),
    "forum:privacy": (lambda w: {}, _everyone(200)),
    "forum:terms": (lambda w: {}, _everyone(200)),
    "forum:accessibility": (lambda w: {}, _everyone(200)),
    "forum:editorial": (lambda w: {}, _everyone(200)),
    "moderation:contact": (lambda w: {}, _everyone(200)),
    "moderation:contact_sent": (lambda w: {}, _everyone(200)),
    "forum:robots": (lambda w: {}, _everyone(200)),
    "forum:favicon": (lambda w: {}, _everyone(301)),
    "forum:healthz": (lambda w: {}, _everyone(200)),
    "sitemap": (lambda w: {}, _everyone(200)),
    "experts:list": (lambda w: {}, _everyone(200)),
    "experts:profile": (lambda w: {"slug": "dr-matrix"}, _everyone(200)),
    "experts:apply": (lambda w: {}, _signed_in(200)),
    "experts:dashboard": (lambda w: {}, {"anonymous": LOGIN, "patient": 403, "expert": 200, "moderator": 403}),
    "experts:claim": (lambda w: {"pk": w["approved"].pk}, _everyone(405)),
    "experts:release": (lambda w: {"pk": w["approved"].pk}, _everyone(405)),
    "experts:answer": (lambda w: {"pk": w["approved"].pk},
                       {"anonymous": LOGIN, "patient": 403, "expert": 200, "moderator": 403}),
    "experts:revise": (lambda w: {"pk": w["answer"].pk},
                       {"anonymous": LOGIN, "patient": 403, "expert": 200, "moderator": 403}),
    "experts:mark_reviewed": (lambda w: {"pk": w["answer"].pk}, _everyone(405)),
    "experts:review": (lambda w: {"pk": w["in_review"].pk},
                       {"anonymous": LOGIN, "patient": 403, "expert": 200, "moderator": 403}),
    "experts:review_claim": (lambda w: {"pk": w["in_review"].pk}, _everyone(405)),
    "experts:review_release": (lambda w: {"pk": w["in_review"].pk}, _everyone(405)),
    "experts:peer_agree": (lambda w: {"pk": w["answer"].pk}, _everyone(405)),
    "experts:request_information": (lambda w: {"pk": w["approved"].pk}, _everyone(405)),
    "forum:information_reply": (lambda w: {"pk": w["pending"].pk}, _everyone(405)),
    "forum:answer_feedback": (lambda w: {"pk": w["public"].pk}, _everyone(200)),
    "forum:answer_accept": (lambda w: {"pk": w["public"].pk}, _everyone(405)),
    "forum:follow": (lambda w: {"pk": w["public"].pk}, _signed_in(200)),
    "experts:peer_concern": (lambda w: {"pk": w["answer"].pk}, _everyone(405)),
    "account": (lambda w: {}, _signed_in(200)),
    "account_export": (lambda w: {}, _signed_in(200)),
    "account_delete": (lambda w: {}, _signed_in(200)),
}  # fmt: skip


def _our_url_names() -> set[str]:
    """Every named URL of the project outside the admin and allauth (which have their own rules below)."""
    names: set[str] = set()

    def walk(patterns, namespace):  # type: ignore[no-untyped-def]
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace == "admin" or "allauth" in str(entry.urlconf_name):
                    continue
                walk(entry.url_patterns, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                names.add(f"{namespace}:{entry.name}" if namespace else entry.name)

    walk(get_resolver().url_patterns, None)
    return names


def test_every_url_of_the_project_is_in_the_permission_matrix():
    assert _our_url_names() == set(MATRIX)


def _client_for(role, world):
    client = Client()
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, role):
    client = _client_for(role, world)
    failures = []
    for name, (kwargs, expected) in MATRIX.items():
        response = client.get(reverse(name, kwargs=kwargs(world)))
        want = expected[role]
        if want == LOGIN:
            ok = response.status_code == 302 and "/accounts/login/" in response["Location"]
        else:
            ok = response.status_code == want
        if not ok:
            failures.append(f"{name}: expected {want}, got {response.status_code}")
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_admin_and_account_pages_by_role(world, role):
    client = _client_for(role, world)
    admin = client.get(reverse("admin:index"))
    if role == "moderator":
        assert admin.status_code == 200
    else:
        assert admin.status_code == 302 and "/admin/login/" in admin["Location"]
    for name in ("account_login", "account_signup", "account_reset_password"):
        assert client.get(reverse(name)).status_code in (200, 302)


def _snapshot():
    return tuple(
        model.objects.count()
        for model in (User, Question, Answer, Comment, Report, AuditLog, OutboxEmail, AlertSubscription, ExpertProfile)
    ) + (
        tuple(Question.objects.order_by("pk").values_list("status", "comments_closed", "comment_count")),
        tuple(AlertSubscription.objects.order_by("pk").values_list("confirmed_at", "unsubscribed_at")),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_no_get_request_changes_data(world, role):
    client = _client_for(role, world)
    before = _snapshot()
    for name, (kwargs, _expected) in MATRIX.items():
        client.get(reverse(name, kwargs=kwargs(world)))
    assert _snapshot() == before


def _posts(world):
    """Every state-changing endpoint with the user allowed to use it."""
    public, pending, approved = world["public"], world["pending"], world["approved"]
    return [
        ("patient", reverse("forum:ask"), {"title": "x"}),
        ("patient", reverse("forum:ask_preview"), {"body": "x"}),
        ("patient", reverse("forum:question_edit", args=[pending.pk]), {"title": "x"}),
        ("patient", reverse("forum:question_withdraw", args=[pending.pk]), {"confirm": "yes"}),
        ("patient", reverse("moderation:report", args=["question", public.pk]), {"reason": "spam"}),
        ("patient", reverse("comments:comment_post", args=[public.pk]), {"body": "x"}),
        ("patient", reverse("comments:comment_edit", args=[world["comment"].pk]), {"body": "x"}),
        ("patient", reverse("comments:comment_delete", args=[world["comment"].pk]), {}),
        ("anonymous", reverse("forum:alerts"), {"email": "x@example.org", "scope": "all", "frequency": "daily"}),
        ("anonymous", reverse("notifications:alert_confirm", args=[tokens.confirm_token(world["alert"].pk)]), {}),
        ("patient", reverse("experts:apply"), {"public_name": "x"}),
        ("expert", reverse("experts:claim", args=[approved.pk]), {}),
        ("expert", reverse("experts:release", args=[approved.pk]), {}),
        ("expert", reverse("experts:answer", args=[approved.pk]), {"body": "x" * 50, "publish": "1"}),
        ("expert", reverse("experts:revise", args=[world["answer"].pk]), {"body": "x" * 50}),
        ("expert", reverse("experts:mark_reviewed", args=[world["answer"].pk]), {}),
        ("expert", reverse("experts:review_claim", args=[world["in_review"].pk]), {}),
        ("expert", reverse("experts:review", args=[world["in_review"].pk]), {"approve": "1"}),
        ("expert", reverse("experts:review_release", args=[world["in_review"].pk]), {}),
        ("moderator", reverse("experts:peer_agree", args=[world["answer"].pk]), {}),
        ("expert", reverse("experts:request_information", args=[approved.pk]), {"message": "x"}),
        ("patient", reverse("forum:information_reply", args=[pending.pk]), {"reply": "x"}),
        ("anonymous", reverse("forum:answer_feedback", args=[public.pk]), {"helped": "yes"}),
        ("patient", reverse("forum:answer_accept", args=[public.pk]), {"thanks": "x"}),
        ("patient", reverse("forum:follow", args=[public.pk]), {"frequency": "daily"}),
        ("anonymous", reverse("moderation:contact"), {"email": "a@example.org", "topic": "other", "message": "x"}),
        ("moderator", reverse("experts:peer_concern", args=[world["answer"].pk]), {"note": "x"}),
        ("patient", reverse("account"), {"question_answered": "on"}),
        ("patient", reverse("account_delete"), {"password": "x", "confirm": "on"}),
        ("moderator", reverse("admin:forum_question_changelist"),
         {"action": "approve", "_selected_action": [pending.pk]}),
        ("patient", reverse("account_logout"), {}),
    ]  # fmt: skip


@pytest.mark.django_db
def test_every_state_changing_view_refuses_a_request_without_a_csrf_token(world):
    before = _snapshot()
    for role, url, data in _posts(world):
        client = Client(enforce_csrf_checks=True)
        if role != "anonymous":
            client.force_login(world["users"][role])
        response = client.post(url, data)
        assert response.status_code == 403, f"{url} accepted a POST without a CSRF token"
    assert _snapshot() == before


@pytest.mark.django_db
def test_one_click_unsubscribe_is_the_only_csrf_exempt_change_and_needs_a_signed_token(world):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("notifications:unsubscribe", args=["forged-token"])).status_code == 404
    alert = world["alert"]
    assert (
        client.post(
            reverse("notifications:unsubscribe", args=[tokens.unsubscribe_token("alert", alert.pk)])
        ).status_code
        == 200
    )


@pytest.mark.django_db
def test_logs_carry_no_email_addresses_question_text_or_ip_addresses(client, caplog, world):
    caplog.set_level(logging.DEBUG)
    question = world["approved"]
    expert_client = _client_for("expert", world)
    client.post(reverse("account_signup"), {"email": "logcheck.person@example.org", "password1": "a-Long-pass-77x",
                                            "password2": "a-Long-pass-77x"})  # fmt: skip
    patient = _client_for("patient", world)
    ask = {"title": "Secret symptom title for logs?", "body": "Private details " * 5,
           "category": world["category"].pk, "consent": "on", "acknowledged": "True"}  # fmt: skip
    patient.post(reverse("forum:ask"), ask)
    expert_client.post(reverse("experts:answer", args=[question.pk]), {"body": "Answer text " * 10, "publish": "1"})
    client.get("/no-such-page/")
    text = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ("logcheck.person@example.org", world["users"]["patient"].email, question.author.email,
                   "Secret symptom title", "Private details", "127.0.0.1"):  # fmt: skip
        assert secret not in text, secret


XSS_CORPUS = [
    "<script>alert('q')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "[link](javascript:alert(1))",
    "[link](JAVASCRIPT:alert(1))",
    "[link](&#106;avascript:alert(1))",
    "[link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](javascript:alert(1))",
    '<a href="java\tscript:alert(1)">tab</a>',
    '<a href="  javascript:alert(1)">spaces</a>',
    "<iframe src=//evil.example></iframe>",
    "<object data=x></object><embed src=x>",
    '<div style="background:url(javascript:alert(1))">style</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '"><script>alert(1)</script>',
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "<scr<script>ipt>alert(1)</script>",
]


class _ActiveContent(HTMLParser):
    """Collects markup that could run code: tags, event attributes, script-like URLs and styles."""

    BAD_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "img", "style", "form", "base", "meta", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BAD_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            squashed = "".join((value or "").split()).lower()
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag} {name}=")
            if name in {"href", "src", "action", "formaction"} and squashed.startswith(
                ("javascript:", "vbscript:", "data:")
            ):
                self.found.append(f"{tag} {name}={value}")


def _active_content(page: str) -> list[str]:
    """Active markup inside the page's main content (our own scripts sit outside main)."""
    parser = _ActiveContent()
    parser.feed(page.split('id="main"', 1)[1].split("</main>", 1)[0])
    return parser.found


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_xss_corpus_through_every_markdown_field(world, payload):
    patient, expert = _client_for("patient", world), _client_for("expert", world)
    ask = {"title": "A question with a payload inside?", "body": payload + " " * 40 + "x" * 30,
           "category": world["category"].pk, "consent": "on", "acknowledged": "True"}  # fmt: skip
    patient.post(reverse("forum:ask"), ask)
    question = Question.objects.filter(title="A question with a payload inside?").first()
    assert question is not None
    question.status = "approved"
    question.approved_at = timezone.now()
    question.save()
    expert.post(reverse("experts:answer", args=[question.pk]), {"body": payload + " answer " * 10, "publish": "1"})
    question.refresh_from_db()
    assert question.status == "answered"
    patient.post(reverse("comments:comment_post", args=[question.pk]), {"body": payload})
    Comment.objects.filter(question=question).update(status="approved")
    page = Client().get(question.get_absolute_url()).content.decode()
    assert _active_content(page) == [], payload
