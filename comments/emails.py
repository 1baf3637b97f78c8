"""Comments' emails: a reply reaches the author of the comment it answers; the asker's follow-up reaches the expert
who answered."""

from comments.models import Comment
from notifications.delivery import absolute, compose
from notifications.services import enqueue, preference_token, preferences_for


def comment_published(comment: Comment) -> int:
    """A published comment: a reply reaches the parent comment's author, the asker's follow-up the expert."""
    return _reply(comment) + _asker_follow_up(comment)


def _asker_follow_up(comment: Comment) -> int:
    """The asker commented on their own Q&A: the expert who answered hears of it, once per comment."""
    question = comment.question
    answer = getattr(question, "answer", None)
    if comment.author_id is None or comment.author_id != question.author_id or answer is None:
        return 0
    expert_user = answer.expert.user
    if expert_user.pk == comment.author_id or not expert_user.is_active:
        return 0
    if not preferences_for(expert_user).comment_replies:
        return 0
    url = absolute(f"{question.get_absolute_url()}#comment-{comment.pk}")
    return enqueue([
        compose(
            key=f"follow-up:{comment.pk}:user:{expert_user.pk}", kind="asker_follow_up", to_email=expert_user.email,
            context={"question": question, "url": url, "user": expert_user},
            unsubscribe=preference_token(expert_user, "comment_replies"),
        )
    ])  # fmt: skip


def _reply(comment: Comment) -> int:
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
