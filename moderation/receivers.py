"""Moderation's part of a person's data export and erasure (accounts/signals.py), and of a flagged question."""

from typing import Any

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
