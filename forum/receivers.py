"""The forum's part of a person's data export and erasure (accounts/signals.py)."""

from typing import Any

from forum.models import Comment, Question, QuestionRevision


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
        "comments": [
            {
                "id": c.pk,
                "question_id": c.question_id,
                "text": c.body,
                "status": c.status,
                "deleted": c.is_deleted,
                "posted_at": c.created_at.isoformat(),
            }
            for c in Comment.objects.filter(author=user)
        ],  # fmt: skip
    }


def erase(sender: object, user: Any, **kwargs: Any) -> dict[str, int]:
    counts = {
        "questions": Question.objects.filter(author=user).count(),
        "comments": Comment.objects.filter(author=user).count(),
    }
    # Unpublished questions hold personal health details that nobody else needs: remove them.
    Question.objects.filter(author=user).exclude(status=Question.Status.ANSWERED).delete()
    # Published ones stay, but their earlier wordings (and what moderators redacted from them) go.
    QuestionRevision.objects.filter(question__author=user).delete()
    # Comments nobody can read: held ones go (no moderator can publish them later as "Deleted user");
    # removed ones keep their place in the thread for the replies under them, without their words.
    Comment.objects.filter(author=user, status=Comment.Status.PENDING).delete()
    Comment.objects.filter(author=user, status=Comment.Status.REMOVED).update(body="", body_html="", is_deleted=True)
    return counts
