"""The forum's part of a person's data export and erasure (accounts/signals.py)."""

from typing import Any

from forum.models import Question, QuestionRevision


def export_sections(sender: object, user: Any, **kwargs: Any) -> dict[str, Any]:
    return {
        "questions": [
            {
                "id": q.pk,
                "title": q.title,
                "details": q.body,
                "category": q.category.name,
                "tags": [t.name for t in q.tags.all()],
                "shown_as_anonymous": q.is_anonymous,
                "status": q.status,
                "rejection_reason": q.rejection_reason,
                "asked_at": q.created_at.isoformat(),
                "answered_at": q.answered_at.isoformat() if q.answered_at else None,
            }
            for q in Question.objects.filter(author=user).select_related("category").prefetch_related("tags")
        ],  # fmt: skip
    }


def erase(sender: object, user: Any, **kwargs: Any) -> dict[str, int]:
    counts = {
        "questions": Question.objects.filter(author=user).count(),
    }
    # Unpublished questions hold personal health details that nobody else needs: remove them.
    Question.objects.filter(author=user).exclude(status=Question.Status.ANSWERED).delete()
    # Published ones stay, but their earlier wordings (and what moderators redacted from them) go.
    QuestionRevision.objects.filter(question__author=user).delete()
    return counts
