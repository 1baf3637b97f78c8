"""Reads for comments: the thread of a Q&A as its page shows it, who has commented, the latest comments."""

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from comments.models import Comment
from forum.models import Question

if TYPE_CHECKING:  # the commenter's verified profile arrives through the user; only its type is named here
    from experts.models import ExpertProfile


@dataclass
class CommentNode:
    """A comment as the page shows it, in thread order."""

    comment: Comment
    name: str
    is_asker: bool
    expert: "ExpertProfile | None"  # the commenter's verified profile, reached through the user
    can_edit: bool
    can_delete: bool
    children: list["CommentNode"]


def comment_thread(question: Question, viewer_id: int | None) -> list[CommentNode]:
    """Published comments plus the viewer's own held ones, as a tree, in one query."""
    visible = Q(status=Comment.Status.APPROVED)
    if viewer_id:
        visible |= Q(author_id=viewer_id, status=Comment.Status.PENDING)
    comments = list(
        Comment.objects.filter(visible, question=question)
        .select_related("author", "author__expert_profile")
        .order_by("created_at", "id")
    )
    edit_until = timezone.now() - timedelta(minutes=settings.FORUM_COMMENT_EDIT_MINUTES)
    nodes: dict[int, CommentNode] = {}
    roots: list[CommentNode] = []
    for comment in comments:
        author = comment.author
        profile = getattr(author, "expert_profile", None) if author else None
        is_asker = author is not None and author.pk == question.author_id
        # An asker who chose anonymity stays anonymous in the thread too: the expert badge and name
        # would say who asked.
        hidden = is_asker and question.is_anonymous
        expert = profile if profile is not None and profile.is_verified and not hidden else None
        if author is None:
            name = str(_("Deleted user"))
        elif expert is not None:
            name = expert.display_name
        elif is_asker:
            name = question.asker_name  # "Anonymous" when the question is anonymous
        else:
            name = author.display_name or str(_("A reader"))
        own = viewer_id is not None and author is not None and author.pk == viewer_id and not comment.is_deleted
        node = CommentNode(
            comment=comment,
            name=name,
            is_asker=is_asker,
            expert=expert,
            can_edit=own and comment.status != Comment.Status.REMOVED and comment.created_at > edit_until,
            can_delete=own,
            children=[],
        )
        nodes[comment.pk] = node
        parent = nodes.get(comment.parent_id) if comment.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots


def commenter_ids(question_id: int) -> frozenset[int]:
    """Everyone with a comment on this question, in any state. (Plain SQL: signed-in views need it.)"""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT author_id FROM forum_comment WHERE question_id = %s AND author_id IS NOT NULL",
            [question_id],
        )
        return frozenset(row[0] for row in cursor.fetchall())


def recent_comments(limit: int = 5) -> list[Comment]:
    return list(
        Comment.objects.filter(
            status=Comment.Status.APPROVED, is_deleted=False, question__status=Question.Status.ANSWERED
        )
        .select_related("question")
        .only("id", "body", "created_at", "question__id", "question__title", "question__slug")
        .order_by("-created_at")[:limit]
    )
