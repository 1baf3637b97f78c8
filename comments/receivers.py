"""The comments' part of a person's data export and erasure (accounts/signals.py)."""

from typing import Any

from comments.models import Comment
from core.cache import invalidate
from forum import scopes


def export_sections(sender: object, user: Any, **kwargs: Any) -> dict[str, Any]:
    return {
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
    counts = {"comments": Comment.objects.filter(author=user).count()}
    # The threads they commented in now show "Deleted user".
    threads = Comment.objects.filter(author=user).values_list("question_id", flat=True).distinct()
    invalidate(*scopes.questions(threads), *scopes.commenters_of(threads))
    # Comments nobody can read: held ones go (no moderator can publish them later as "Deleted user");
    # removed ones keep their place in the thread for the replies under them, without their words.
    Comment.objects.filter(author=user, status=Comment.Status.PENDING).delete()
    Comment.objects.filter(author=user, status=Comment.Status.REMOVED).update(body="", body_html="", is_deleted=True)
    return counts
