"""axe-core (from npm) on every public page, the ask form, the dashboard, the account pages and the moderation
console pages moderators use: no violations of the WCAG 2.2 A and AA rules."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from core.roles import moderators_group
from moderation.models import Report
from tests.browser.conftest import ARTIFACTS, VIEWPORTS
from tests.factories import (
    TEST_PASSWORD,
    CategoryFactory,
    ExpertProfileFactory,
    QuestionFactory,
    TagFactory,
    UserFactory,
    answered_question,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def _audit(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


def _pages(live_server):
    tag = TagFactory(slug="a11y-tag")
    category = CategoryFactory(slug="a11y-topic")
    expert = ExpertProfileFactory(slug="dr-a11y")
    question = answered_question(category=category, tags=[tag], expert=expert)
    approved = QuestionFactory(status="approved", approved_at=timezone.now(), category=category)
    patient = UserFactory()
    QuestionFactory(author=patient)
    year, month = question.answered_at.year, question.answered_at.month
    public = [
        "/", question.get_absolute_url(), "/categories/a11y-topic/", "/tags/a11y-tag/", f"/archive/{year}/",
        f"/archive/{year}/{month:02d}/", "/search/?q=fatigue", "/search/?q=zzzz", "/experts/", "/experts/dr-a11y/",
        "/about/", "/disclaimer/", "/privacy/", "/terms/", "/accessibility/", "/alerts/", "/no-such-page/",
        "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/",
    ]  # fmt: skip
    patient_pages = ["/ask/", "/my/questions/", "/account/", "/account/delete/", "/experts/apply/",
                     f"/report/question/{question.pk}/"]  # fmt: skip
    expert_pages = ["/experts/dashboard/", f"/experts/dashboard/questions/{approved.pk}/answer/"]
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(moderators_group())
    pending = QuestionFactory(author=patient, body="Call me on 07700 900123, my neurologist is Dr Hale.")
    Report.objects.create(reporter=patient, target=question, reason="wrong", details="Seems out of date.")
    console_pages = [
        "/admin/", "/admin/forum/question/?status__exact=pending", f"/admin/forum/question/{pending.pk}/change/",
        f"/admin/forum/question/{pending.pk}/redact/", "/admin/moderation/report/", "/admin/core/auditlog/",
    ]  # fmt: skip
    return [(None, public), (patient, patient_pages), (expert.user, expert_pages), (moderator, console_pages)]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_wcag_violations(browser, live_server, viewport):
    report = []
    failures = []
    for user, paths in _pages(live_server):
        context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)  # axe is injected inline
        page = context.new_page()
        if user is not None:
            page.goto(f"{live_server.url}/accounts/login/")
            page.fill("main [name=login]", user.email)
            page.fill("main [name=password]", TEST_PASSWORD)
            page.click("main button[type=submit]")
            page.wait_for_load_state()
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            violations = _audit(page)
            report.append(f"| `{path}` | {len(violations)} | {'; '.join(violations) or '—'} |")
            failures.extend(f"{path}: {v}" for v in violations)
        context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{viewport}.md").write_text(
        f"# axe-core results ({viewport})\n\n| page | violations | details |\n|---|---|---|\n"
        + "\n".join(report)
        + "\n"
    )
    assert failures == []
