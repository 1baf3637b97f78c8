"""Comments' emails: a reply reaches the author of the comment it answers."""

from comments.models import Comment
from notifications.delivery import absolute, compose
from notifications.services import enqueue, preference_token, preferences_for


def comment_published(comment: Comment) -> int:
    """Tell the parent comment's author about a reply (never oneself)."""
    parent = comment.parent
    if parent is None or parent.author is None or parent.author_id == comment.author_id or parent.is_deleted:
        return 0
    recipient = parent.author
    if not recipient.is_active or not preferences_for(recipient).comment_replies:
        return 0
    url = absolute(f"{comment.question.get_absolute_url()}#comment-{comment.pk}")
    return enqueue([
        compose(
            key=f"reply:{comment.pk}:user:{recipient.pk}", kind="comment_reply", to_email=recipient.email,
            context={"comment": comment, "question": comment.question, "url": url, "user": recipient},
            unsubscribe=preference_token(recipient, "comment_replies"),
        )
    ])  # fmt: skip
