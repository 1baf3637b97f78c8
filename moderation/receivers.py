"""Moderation's part of a person's data export and erasure (accounts/signals.py), of a flagged question and of
a redaction."""

from typing import Any

from django.contrib.contenttypes.models import ContentType

from forum import redaction
from moderation import emails
from moderation.models import Report


def export_sections(sender: object, user: Any, **kwargs: Any) -> dict[str, Any]:
    return {
        "reports_made": [
            {"reason": r.reason, "details": r.details, "reported_at": r.created_at.isoformat(), "status": r.status}
            for r in Report.objects.filter(reporter=user)
        ],
    }


def erase(sender: object, user: Any, **kwargs: Any) -> dict[str, int]:
    Report.objects.filter(reporter=user).update(details="")  # their words; the report itself stays
    return {}


def tell_moderators_on_duty(sender: object, question: Any, **kwargs: Any) -> None:
    """A question flagged as possibly needing help now (forum.signals.question_flagged)."""
    emails.triage_alert(question)


def purge_reports(sender: object, target: Any, words: list[str], **kwargs: Any) -> None:
    """A report's details may quote the words a moderator just took out of what it reports
    (forum.signals.text_redacted)."""
    reports = Report.objects.filter(content_type=ContentType.objects.get_for_model(target), object_id=target.pk)
    for report in reports.exclude(details=""):
        cleaned = redaction.scrub(report.details, words)
        if cleaned != report.details:
            Report.objects.filter(pk=report.pk).update(details=cleaned)


def tell_moderators_of_a_concern(sender: object, answer: Any, response: Any, **kwargs: Any) -> None:
    """A clinician raised a concern about a published answer (experts.signals.answer_concern_raised)."""
    emails.answer_concern(answer, response)
