"""The forum's part of a person's data export and erasure (accounts/signals.py)."""

from typing import Any

from core.cache import invalidate
from forum import scopes
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
    # Their published Q&As now show "Deleted user" as the asker.
    invalidate(*scopes.questions(Question.objects.public().filter(author=user).values_list("pk", flat=True)))
    # Unpublished questions hold personal health details that nobody else needs: remove them.
    Question.objects.filter(author=user).exclude(status=Question.Status.ANSWERED).delete()
    # Published ones stay, but their earlier wordings (and what moderators redacted from them) go.
    QuestionRevision.objects.filter(question__author=user).delete()
    return counts
