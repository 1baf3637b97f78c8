"""Reads for comments: the thread of a Q&A as its page shows it, who has commented, the latest comments."""

from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection
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


# One row per visible comment with just what the thread shows of its author (the name) and of the author's
# expert profile (name, link and whether it is verified): no full account or profile rows are built.
# The comment's and the profile's columns are in their models' field order (Model.from_db needs it).
THREAD_COMMENT_FIELDS = (
    "id", "question_id", "author_id", "parent_id", "depth", "body_html", "status", "is_deleted", "created_at",
    "edited_at",
)  # fmt: skip
THREAD_PROFILE_FIELDS = ("id", "user_id", "public_name", "slug", "postnominals", "licence_expires_on", "status")
THREAD_SQL = """
SELECT c.id, c.question_id, c.author_id, c.parent_id, c.depth, c.body_html, c.status, c.is_deleted, c.created_at,
       c.edited_at,
       u.display_name,
       e.id, e.user_id, e.public_name, e.slug, e.postnominals, e.licence_expires_on, e.status
FROM forum_comment c
LEFT JOIN accounts_user u ON u.id = c.author_id
LEFT JOIN experts_expertprofile e ON e.user_id = c.author_id
WHERE c.question_id = %s AND (c.status = %s OR (c.author_id = %s AND c.status = %s))
ORDER BY c.created_at, c.id
"""


@cache
def _profile_model() -> type["ExpertProfile"]:
    """The commenter's profile model, reached through the user as the templates reach it."""
    user_model: Any = Comment._meta.get_field("author").related_model
    model: type[ExpertProfile] = user_model._meta.get_field("expert_profile").related_model
    return model


def comment_thread(question: Question, viewer_id: int | None) -> list[CommentNode]:
    """Published comments plus the viewer's own held ones, as a tree, in one query."""
    profile_model = _profile_model()
    with connection.cursor() as cursor:
        cursor.execute(THREAD_SQL, [question.pk, Comment.Status.APPROVED, viewer_id or 0, Comment.Status.PENDING])
        rows = cursor.fetchall()
    edit_until = timezone.now() - timedelta(minutes=settings.FORUM_COMMENT_EDIT_MINUTES)
    db = connection.alias
    ncomment = len(THREAD_COMMENT_FIELDS)
    nodes: dict[int, CommentNode] = {}
    roots: list[CommentNode] = []
    for row in rows:
        comment = Comment.from_db(db, THREAD_COMMENT_FIELDS, row[:ncomment])
        author_id, display_name = comment.author_id, row[ncomment]
        profile_row = row[ncomment + 1 :]
        profile = profile_model.from_db(db, THREAD_PROFILE_FIELDS, profile_row) if profile_row[0] is not None else None
        is_asker = author_id is not None and author_id == question.author_id
        # An asker who chose anonymity stays anonymous in the thread too: the expert badge and name
        # would say who asked.
        hidden = is_asker and question.is_anonymous
        expert = profile if profile is not None and profile.is_verified and not hidden else None
        if author_id is None:
            name = str(_("Deleted user"))
        elif expert is not None:
            name = expert.display_name
        elif is_asker:
            name = question.asker_name  # "Anonymous" when the question is anonymous
        else:
            name = display_name or str(_("A reader"))
        own = viewer_id is not None and author_id is not None and author_id == viewer_id and not comment.is_deleted
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


@dataclass(frozen=True)
class RecentComment:
    """A published comment as the sidebar lists it."""

    pk: int
    body: str
    question_title: str
    url: str  # the comment's place on its Q&A page


RECENT_SQL = """
SELECT c.id, c.body, q.id, q.title, q.slug
FROM forum_comment c JOIN forum_question q ON q.id = c.question_id
WHERE c.status = %s AND NOT c.is_deleted AND q.status = %s
ORDER BY c.created_at DESC
LIMIT %s
"""


def recent_comments(limit: int = 5) -> list[RecentComment]:
    """The latest published comments on public Q&As (one plain query: the sidebar is on every page)."""
    with connection.cursor() as cursor:
        cursor.execute(RECENT_SQL, [Comment.Status.APPROVED, Question.Status.ANSWERED, limit])
        rows = cursor.fetchall()
    return [
        RecentComment(
            pk=pk, body=body, question_title=title, url=f"{Question(pk=qid, slug=slug).get_absolute_url()}#comment-{pk}"
        )
        for pk, body, qid, title, slug in rows
    ]
