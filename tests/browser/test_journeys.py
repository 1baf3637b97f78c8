"""The life of a question in a real browser, at desktop and phone sizes.

1. a visitor signs up, confirms the email from the delivered message, asks a question, sees the
   personal-identifier warning and a similar-question suggestion, submits;
2. a moderator approves it in the admin;
3. an expert claims it in the dashboard, previews, publishes;
4. the patient receives the email, follows the link, reads the answer with the credentials card;
5. a reader comments and the patient replies; a moderator closes comments; "Comments are closed" shows;
6. a visitor searches by a synonym and finds the Q&A, browses its month, subscribes to an alert, confirms it.
"""

import re
import shutil

import pytest
from django.core import mail
from django.utils import timezone

from comments.models import Comment
from core.roles import moderators_group
from forum.models import Question
from notifications.tasks import sweep_outbox
from search.models import SynonymGroup
from tests.browser.conftest import ARTIFACTS, VIEWPORTS
from tests.factories import TEST_PASSWORD, CategoryFactory, ExpertProfileFactory, UserFactory, answered_question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Journey:
    def __init__(self, browser, live_server, viewport: str) -> None:
        self.browser = browser
        self.base = live_server.url
        self.viewport = viewport
        self.folder = ARTIFACTS / "journeys" / viewport
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.step = 0

    def context(self):
        return self.browser.new_context(viewport=VIEWPORTS[self.viewport])

    def shot(self, page, name: str) -> None:
        self.step += 1
        page.screenshot(path=str(self.folder / f"{self.step:02d}-{name}.png"), full_page=True)

    def sign_in(self, page, email: str, password: str = TEST_PASSWORD) -> None:
        page.goto(f"{self.base}/accounts/login/")
        page.fill("main [name=login]", email)
        page.fill("main [name=password]", password)
        page.click("main button[type=submit]")
        page.wait_for_load_state()

    def admin_action(self, page, changelist: str, row_text: str, action: str) -> None:
        page.goto(f"{self.base}{changelist}")
        row = page.locator("#result_list tbody tr", has_text=row_text)
        row.locator("input.action-select").check()
        page.select_option("select[name=action]", action)
        page.click("button[name=index]")
        page.wait_for_load_state()


def _deliver_emails() -> None:
    sweep_outbox.apply()


def _link(pattern: str, body: str) -> str:
    match = re.search(pattern, body)
    assert match, body
    return match.group(0)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_life_of_a_question(browser, live_server, settings, viewport):
    settings.SITE_URL = live_server.url  # links in emails point at this server
    journey = Journey(browser, live_server, viewport)
    SynonymGroup.objects.create(terms="tysabri, natalizumab")
    category = CategoryFactory(name="Disease-modifying treatments", slug="treatments")
    answered_question(title="Can hot weather make MS fatigue worse?", category=category)
    expert = ExpertProfileFactory(public_name="Dr Journey Expert", postnominals="MD")
    expert.specialties.add(category)
    moderator = UserFactory(is_staff=True, email="mod.journey@example.org")
    moderator.groups.add(moderators_group())
    title = "Does Tysabri make fatigue worse in hot weather?"
    patient_email = f"new.patient.{viewport}@example.org"

    # 1. Sign up, confirm, ask.
    patient = journey.context()
    page = patient.new_page()
    page.goto(f"{journey.base}/accounts/signup/")
    page.fill("main [name=email]", patient_email)
    page.fill("main [name=password1]", "a-Long-passphrase-77")
    page.fill("main [name=password2]", "a-Long-passphrase-77")
    journey.shot(page, "signup")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    journey.shot(page, "verification-sent")
    _deliver_emails()  # account emails go through the outbox too
    confirm = _link(r"http://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[-1].body)
    page.goto(confirm)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{journey.base}/ask/")
    page.fill("[name=title]", title)
    page.fill("[name=body]", "Since starting treatment I feel drained on warm days. Email me at me@example.org please.")
    page.wait_for_selector("#similar-slot a:has-text('Can hot weather make MS fatigue worse?')")
    page.wait_for_selector("#identifier-warning:not(.d-none)")
    assert page.locator("#id_body-counter").inner_text() == "88 of 6,000 characters"  # the limit, before it bites
    page.select_option("[name=category]", str(category.pk))
    page.check("[name=consent]")
    journey.shot(page, "ask-with-warning-and-suggestion")
    page.click("button[name=submit]")
    page.wait_for_load_state()
    assert page.locator("text=Please check the notes above").is_visible()
    page.dblclick("button[name=submit]")  # a double click sends the question once
    page.wait_for_url("**/ask/submitted/**")
    assert page.locator("h1", has_text="awaiting review").is_visible()
    journey.shot(page, "submitted")
    question = Question.objects.get(title=title)
    assert question.status == "pending"

    # 2. A moderator approves it.
    moderation = journey.context()
    mod_page = moderation.new_page()
    # The admin's own login form sends staff to the site's sign-in (throttled, with the two-factor step).
    mod_page.goto(f"{journey.base}/admin/")
    mod_page.wait_for_url("**/accounts/login/**")
    mod_page.fill("main [name=login]", moderator.email)
    mod_page.fill("main [name=password]", TEST_PASSWORD)
    mod_page.click("main button[type=submit]")
    mod_page.wait_for_url("**/admin/")
    journey.shot(mod_page, "admin-index")
    journey.admin_action(mod_page, "/admin/forum/question/?status__exact=pending", title, "approve")
    journey.shot(mod_page, "approved")
    question.refresh_from_db()
    assert question.status == "approved"

    # 3. The expert claims, previews and publishes.
    expert_context = journey.context()
    expert_page = expert_context.new_page()
    journey.sign_in(expert_page, expert.user.email)
    expert_page.goto(f"{journey.base}/experts/dashboard/")
    journey.shot(expert_page, "dashboard")
    expert_page.locator("li", has_text=title).locator("button", has_text="Claim and answer").click()
    expert_page.wait_for_url("**/answer/")
    expert_page.fill(
        "[name=body]", "Heat can **temporarily** bring back symptoms. Cool down and rest; tell your MS nurse."
    )
    expert_page.click("button[name=preview]")
    expert_page.wait_for_selector("#answer-preview strong:has-text('temporarily')")
    journey.shot(expert_page, "editor-preview")
    expert_page.click("button[name=publish]")
    expert_page.wait_for_url(f"**{question.get_absolute_url()}")
    question.refresh_from_db()
    assert question.status == "answered"

    # 4. The patient gets the email and reads the answer with the credentials card.
    _deliver_emails()
    answered = [m for m in mail.outbox if m.to == [patient_email] and "answered" in m.subject]
    assert len(answered) == 1
    link = _link(r"http://[^\s]+/questions/\d+/[^\s]+/", answered[0].body)
    page.goto(link)
    card = page.locator(".credentials-card")
    assert card.is_visible() and "Dr Journey Expert" in card.inner_text() and "Verified expert" in card.inner_text()
    journey.shot(page, "answer-with-credentials")

    # 5. A reader comments, the patient replies, a moderator closes the thread.
    reader = UserFactory(display_name="Reader Robin")
    reader_context = journey.context()
    reader_page = reader_context.new_page()
    journey.sign_in(reader_page, reader.email)
    reader_page.goto(f"{journey.base}{question.get_absolute_url()}")
    reader_page.fill("#comment-form [name=body]", "Cooling vests helped me a lot.")
    reader_page.click("#comment-form button[type=submit]")
    reader_page.wait_for_load_state()
    journey.admin_action(mod_page, "/admin/comments/comment/?status__exact=pending", "Cooling vests", "approve")
    first = Comment.objects.get(body="Cooling vests helped me a lot.")
    page.goto(f"{journey.base}{question.get_absolute_url()}?reply_to={first.pk}#comment-form")
    page.fill("#comment-form [name=body]", "Thanks, I will try one this summer.")
    page.click("#comment-form button[type=submit]")
    page.wait_for_load_state()
    journey.admin_action(mod_page, "/admin/comments/comment/?status__exact=pending", "I will try one", "approve")
    reader_page.reload()
    assert reader_page.locator(".comment-replies", has_text="I will try one this summer").is_visible()
    journey.shot(reader_page, "threaded-comments")
    journey.admin_action(mod_page, "/admin/forum/question/", title, "close_comments")
    reader_page.reload()
    assert reader_page.locator("text=Comments are closed.").is_visible()
    assert reader_page.locator("#comment-form").count() == 0
    journey.shot(reader_page, "comments-closed")

    # 6. A visitor finds it through a synonym, browses the month, subscribes to an alert.
    visitor = journey.context()
    visit = visitor.new_page()
    visit.goto(f"{journey.base}/search/?q=natalizumab")
    hit = visit.locator(".search-hit a", has_text="Tysabri")
    assert hit.count() == 1
    journey.shot(visit, "search-synonym")
    hit.click()
    visit.wait_for_url(f"**{question.get_absolute_url()}")
    visit.locator(".answer a", has_text=str(timezone.localdate().year)).first.click()
    visit.wait_for_url("**/archive/**")
    assert visit.locator("a", has_text=title).count() >= 1
    journey.shot(visit, "archive-month")
    alert_email = f"alerts.{viewport}@example.org"
    visit.goto(f"{journey.base}/alerts/")
    visit.fill("main [name=email]", alert_email)
    visit.check("main [name=scope][value=all]")
    visit.check("main [name=frequency][value=daily]")
    visit.click("main button[type=submit]")
    visit.wait_for_url("**/alerts/check-your-email/")
    _deliver_emails()
    confirm_mail = [m for m in mail.outbox if m.to == [alert_email]]
    assert len(confirm_mail) == 1
    visit.goto(_link(r"http://[^\s]+/alerts/confirm/[^\s]+/", confirm_mail[0].body))
    visit.click("main button[type=submit]")
    assert visit.locator("h1", has_text="Your alert is confirmed").is_visible()
    journey.shot(visit, "alert-confirmed")

    for context in (patient, moderation, expert_context, reader_context, visitor):
        context.close()


def test_a_question_about_self_harm_reaches_help_first(browser, live_server, settings):
    """The asker sees the crisis contacts for their country on the form and the thank-you page and in the email;
    the question comes first, marked, for the moderator and then the expert; the moderator on duty is emailed."""
    settings.SITE_URL = live_server.url
    journey = Journey(browser, live_server, "desktop")
    journey.folder = journey.folder.parent / "triage"
    journey.folder.mkdir(parents=True, exist_ok=True)
    category = CategoryFactory(name="Living with MS", slug="living")
    expert = ExpertProfileFactory(public_name="Dr Triage Expert")
    expert.specialties.add(category)
    moderator = UserFactory(is_staff=True, email="mod.triage@example.org")
    moderator.groups.add(moderators_group())
    patient = UserFactory(email="patient.triage@example.org")
    older = Question.objects.create(
        author=UserFactory(), title="How do I plan a holiday around my infusions?", slug="holiday",
        body="I have my next infusion in June and would like to travel in July.", body_html="<p>x</p>",
        category=category, consented_at=timezone.now(), created_at=timezone.now() - timezone.timedelta(days=2),
    )  # fmt: skip
    mail.outbox = []

    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="en-GB")
    page = context.new_page()
    journey.sign_in(page, patient.email)
    page.goto(f"{journey.base}/ask/")
    title = "Is it normal to feel this low with MS?"
    page.fill("[name=title]", title)
    page.fill("[name=body]", "Some nights I feel suicidal and I don't know who to talk to about it. Is this the MS?")
    page.wait_for_selector("#triage-self_harm:not(.d-none)")
    assert page.locator("#triage-self_harm").inner_text().count("116 123") == 1
    assert page.locator("#triage-emergency").is_hidden()
    page.select_option("[name=category]", str(category.pk))
    page.check("[name=consent]")
    journey.shot(page, "ask-crisis-contacts")
    page.click("button[name=submit]")
    page.wait_for_load_state()
    page.click("button[name=submit]")  # the notes were read
    page.wait_for_url("**/ask/submitted/**")
    assert "116 123" in page.locator("main").inner_text()
    journey.shot(page, "thank-you-with-contacts")
    question = Question.objects.get(title=title)
    assert question.triage == ["self_harm"]
    _deliver_emails()
    received = next(m for m in mail.outbox if m.to == [patient.email])
    assert "116 123" in received.body
    alert = next(m for m in mail.outbox if m.to == [moderator.email])
    assert "Thoughts of suicide or self-harm" in alert.body and "suicidal" not in alert.body

    mod_page = journey.context().new_page()
    journey.sign_in(mod_page, moderator.email)
    mod_page.goto(f"{journey.base}/admin/forum/question/?status__exact=pending")
    rows = mod_page.locator("#result_list tbody tr")
    assert title in rows.nth(0).inner_text() and "May be at risk of self-harm" in rows.nth(0).inner_text()
    assert older.title in rows.nth(1).inner_text()
    journey.shot(mod_page, "moderator-list-flagged-first")
    for row_text in (title, older.title):
        journey.admin_action(mod_page, "/admin/forum/question/?status__exact=pending", row_text, "approve")

    expert_page = journey.context().new_page()
    journey.sign_in(expert_page, expert.user.email)
    expert_page.goto(f"{journey.base}/experts/dashboard/")
    first = expert_page.locator("ul.queue li").nth(0).inner_text()
    assert title in first and "May be at risk of self-harm" in first
    journey.shot(expert_page, "expert-queue-flagged-first")


def test_a_moderator_redacts_a_published_qa(browser, live_server, settings):
    """A phone number and a clinician's name in a published Q&A: the moderator removes the number with its own
    button, then the rest; readers and feeds no longer see them and the asker is emailed without them."""
    from tests.browser.test_accessibility import _audit

    settings.SITE_URL = live_server.url
    journey = Journey(browser, live_server, "desktop")
    journey.folder = journey.folder.parent / "redaction"
    journey.folder.mkdir(parents=True, exist_ok=True)
    moderator = UserFactory(is_staff=True, email="mod.redact@example.org")
    moderator.groups.add(moderators_group())
    asker = UserFactory(email="asker.redact@example.org")
    question = answered_question(
        author=asker, title="Should I ask Dr Abernathy-Lowe about this fatigue?",
        body="Dr Abernathy-Lowe's clinic is on 0161 496 0754. Is heavy fatigue normal two weeks after a relapse?",
    )  # fmt: skip
    mail.outbox = []

    page = browser.new_context(viewport=VIEWPORTS["desktop"], bypass_csp=True).new_page()  # axe is injected inline
    journey.sign_in(page, moderator.email)
    page.goto(f"{journey.base}/admin/forum/question/{question.pk}/change/")
    page.click("text=Remove personal details or other words")
    page.wait_for_load_state()
    assert _audit(page) == []
    journey.shot(page, "findings")
    page.fill("#id_reason", "A phone number")
    page.locator("tr", has=page.locator("mark", has_text="0161 496 0754")).locator("button[name=finding]").click()
    page.wait_for_load_state()
    assert "The words were removed everywhere" in page.locator(".messagelist").inner_text()
    assert page.locator("button[name=finding]").count() == 2  # the name, in the title and in the details
    page.fill("#id_reason", "The name of a clinician")
    page.click("button[name=remove_all]")
    page.wait_for_load_state()
    journey.shot(page, "all-removed")
    assert page.locator("button[name=finding]").count() == 0
    assert "The name of a clinician" in page.locator("main, #content").first.inner_text()

    reader = journey.context().new_page()
    question.refresh_from_db()
    for path in (question.get_absolute_url(), "/feeds/latest/", "/feeds/latest/rss/"):
        reader.goto(f"{journey.base}{path}")
        shown = reader.content()
        assert "Abernathy" not in shown and "0161 496 0754" not in shown, path
    reader.goto(f"{journey.base}{question.get_absolute_url()}")
    journey.shot(reader, "public-page")
    _deliver_emails()
    told = [m for m in mail.outbox if m.to == [asker.email]]
    assert len(told) == 2 and all("Abernathy" not in m.body and "0161" not in m.body for m in told)
    assert "a phone number" in told[0].body
