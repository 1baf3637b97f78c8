"""Moderation's part of a person's data export and erasure (accounts/signals.py)."""

from typing import Any

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
