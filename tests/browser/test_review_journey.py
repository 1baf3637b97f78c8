"""Second-clinician review in a real browser: an answer on a reviewed topic goes to review, a second expert
returns it with a note, the author revises, the reviewer approves, and the public page shows "Reviewed by"; a
third expert agrees and the count shows."""

import pytest
from django.core import mail
from django.utils import timezone

from experts.models import ReviewPolicy
from forum.models import Answer, Question
from notifications.tasks import sweep_outbox
from tests.browser.conftest import VIEWPORTS
from tests.browser.test_accessibility import _audit
from tests.browser.test_journeys import Journey
from tests.factories import CategoryFactory, ExpertProfileFactory, QuestionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_answer_is_returned_revised_and_approved_by_a_second_clinician(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    journey = Journey(browser, live_server, "desktop")
    journey.folder = journey.folder.parent / "review"
    journey.folder.mkdir(parents=True, exist_ok=True)
    topic = CategoryFactory(name="Disease-modifying treatments", slug="treatments")
    ReviewPolicy.current().categories.add(topic)
    author = ExpertProfileFactory(public_name="Dr Writer Ahmed")
    reviewer = ExpertProfileFactory(public_name="Dr Reader Novak", position="Consultant neurologist",
                                    institution="Lakeside Hospital")  # fmt: skip
    reviewer.specialties.add(topic)
    question = QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now(), category=topic,
                               title="Should I keep taking my treatment during a cold?")  # fmt: skip
    mail.outbox = []

    writer = journey.context().new_page()
    journey.sign_in(writer, author.user.email)
    writer.goto(f"{journey.base}/experts/dashboard/questions/{question.pk}/answer/")
    writer.fill("[name=body]", "Usually yes: a common cold is not a reason to stop. Tell your team if you get a fever.")
    writer.click("button[name=publish]")
    writer.wait_for_url("**/experts/dashboard/")
    assert "second clinician" in writer.locator(".alert, [role=alert], .messages").first.inner_text()
    assert "With a second clinician" in writer.locator("main").inner_text()
    journey.shot(writer, "author-sent-to-review")

    context = browser.new_context(viewport=VIEWPORTS["desktop"], bypass_csp=True)  # axe is injected inline
    second = context.new_page()
    journey.sign_in(second, reviewer.user.email)
    second.goto(f"{journey.base}/experts/dashboard/")
    row = second.locator(".review-queue li", has_text=question.title)
    row.locator("button", has_text="Claim and review").click()
    second.wait_for_url("**/review/")
    assert _audit(second) == []
    journey.shot(second, "reviewer-reads")
    second.fill("[name=notes]", "Please say which treatments need a pause for a high fever, and who to call.")
    second.click("button[name=return]")
    second.wait_for_url("**/experts/dashboard/")

    writer.goto(f"{journey.base}/experts/dashboard/")
    assert "Returned with notes" in writer.locator("main").inner_text()
    writer.click(f"text={question.title}")
    assert "which treatments need a pause" in writer.locator("main").inner_text()
    journey.shot(writer, "author-reads-notes")
    writer.fill(
        "[name=body]",
        "Usually yes: a common cold is not a reason to stop. With a fever over 38 °C, call "
        "your MS nurse before your next dose: some infusions are postponed until you are well.",
    )
    writer.click("button[name=publish]")
    writer.wait_for_url("**/experts/dashboard/")

    second.goto(f"{journey.base}/experts/dashboard/")
    second.locator(".review-queue li", has_text=question.title).locator("button").click()
    second.wait_for_url("**/review/")
    second.click("button[name=approve]")
    second.wait_for_url(f"**{question.get_absolute_url()}")
    reviewed = second.locator(".reviewed-by").inner_text()
    assert "Reviewed by" in reviewed and "Dr Reader Novak" in reviewed and "Lakeside Hospital" in reviewed
    journey.shot(second, "public-page-reviewed-by")

    third = ExpertProfileFactory(public_name="Dr Third Opinion")
    colleague = journey.context().new_page()
    journey.sign_in(colleague, third.user.email)
    colleague.goto(f"{journey.base}{question.get_absolute_url()}")
    colleague.click("text=I agree with this answer")
    colleague.wait_for_load_state()
    assert "1 other clinician agrees with this answer" in colleague.locator(".peer-agreement").inner_text()
    journey.shot(colleague, "third-expert-agrees")

    reader = journey.context().new_page()
    reader.goto(f"{journey.base}{question.get_absolute_url()}")
    assert "Dr Reader Novak" in reader.locator(".reviewed-by").inner_text()
    assert "1 other clinician agrees" in reader.locator(".peer-agreement").inner_text()
    assert reader.locator(".peer-panel").count() == 0  # readers do not see the clinicians' panel
    assert Answer.objects.get(question=question).reviewed_by == reviewer
    sweep_outbox.apply()
    to_author = [m.subject for m in mail.outbox if m.to == [author.user.email]]
    to_reviewer = [m.subject for m in mail.outbox if m.to == [reviewer.user.email]]
    assert any("came back from review" in s for s in to_author) and any("approved" in s for s in to_author)
    assert len(to_reviewer) == 2  # asked to review, twice
