"""The comments' parts of other apps' pages: the Q&A page's comment section, the sidebar's latest comments.

Through these tags the forum's templates show comments without the forum app importing this one."""

from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from comments import selectors
from comments.forms import CommentForm
from comments.models import Comment
from core.cache import cached_part
from core.query import positive_int, query_int
from forum import permissions, scopes
from forum.models import Question

register = template.Library()


def thread_variant(request: HttpRequest, comments_open: bool) -> str:
    """The kind of reader a shared comment thread is rendered for (what its links depend on)."""
    user = request.user
    return f"{'member' if user.is_authenticated else 'anonymous'}-{permissions.can_comment(user):d}-{comments_open:d}"


@register.inclusion_tag("comments/comments.html", takes_context=True)
def comment_section(context: template.Context) -> dict[str, Any]:
    """The thread, and the form to comment or reply (kept filled in when the page comes back with errors)."""
    request: HttpRequest = context["request"]
    question: Question = context["question"]
    shared = context["shared_parts"]
    form = context.get("comment_form")
    viewer_id = request.user.pk if request.user.is_authenticated else None
    # Everyone without a comment of their own in the thread sees the same thread for their kind of visitor.
    # (Who has commented changes with every comment, held ones too: its own scope, not the thread's.)
    own_comments = viewer_id is not None and viewer_id in cached_part(
        f"commenters:{question.pk}",
        lambda: selectors.commenter_ids(question.pk),
        scopes=[scopes.commenters(question.pk)],
    )
    reply_to = None
    reply_id = query_int(request, "reply_to")
    if reply_id is None and form is not None:
        reply_id = positive_int(form.data.get("parent"))
    if reply_id is not None:
        reply_to = Comment.objects.filter(
            pk=reply_id, question=question, status=Comment.Status.APPROVED, is_deleted=False
        ).first()
    # A blank form (no reply, nothing typed) is rendered once per process; it is only built for that.
    blank_form = form is None and reply_to is None
    comment_form: Any = form
    if comment_form is None:
        comment_form = SimpleLazyObject(lambda: CommentForm(initial={"parent": reply_to.pk if reply_to else None}))
    # The thread of a reader without comments of their own is shared (its HTML cached), so it is built as
    # nobody's: a comment of theirs that arrived after this request read the version stays out of it.
    variant = None if own_comments else thread_variant(request, question.comments_open)
    thread_viewer = viewer_id if variant is None else None
    return {
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "shared_parts": shared,
        "question": question,
        "thread": SimpleLazyObject(lambda: selectors.comment_thread(question, thread_viewer)),
        "thread_variant": variant,
        "comment_form": comment_form,
        "blank_form": blank_form,
        "reply_to": reply_to,
        "can_comment": permissions.can_comment(request.user),
        "max_depth": settings.FORUM_COMMENT_MAX_DEPTH,
    }


@register.simple_tag
def recent_comments() -> list[selectors.RecentComment]:
    return selectors.recent_comments()
