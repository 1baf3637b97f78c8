"""Reads for forum pages: each returns exactly what a page needs in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.models import Category, Comment, Question, Tag

if TYPE_CHECKING:  # experts sit above forum; the type is only named here
    from experts.models import ExpertProfile


class Median(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def categories_with_counts() -> QuerySet[Category]:
    return Category.objects.annotate(
        public_count=Count("questions", filter=Q(questions__status=Question.Status.ANSWERED))
    ).order_by("position", "name")


def questions_public() -> QuerySet[Question]:
    """Public Q&As for lists: newest answer first, with what a list item shows."""
    return (
        Question.objects.public()
        .select_related("category", "answer__expert")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name", "slug")))
        .defer("body_html", "answer__body", "answer__body_html", "rejection_reason")
        .order_by("-answered_at", "-id")
    )


def question_ids_public() -> QuerySet[Question]:
    return Question.objects.public().order_by("-answered_at", "-id")


def questions_by_ids(ids: list[int]) -> list[Question]:
    """Rows for a page of ids, in the ids' order (the second half of a deferred-join page)."""
    by_id = {q.pk: q for q in questions_public().filter(pk__in=ids).order_by()}
    return [by_id[i] for i in ids if i in by_id]


def question_for_page(pk: int) -> Question | None:
    return (
        Question.objects.select_related("category", "author", "answer__expert")
        .prefetch_related("tags")
        .filter(pk=pk)
        .first()
    )


def recent_questions(limit: int = 5) -> list[Question]:
    return list(Question.objects.public().only("id", "title", "slug", "answered_at").order_by("-answered_at")[:limit])


RELATED_SQL = """
WITH pairs AS (
    SELECT recent.question_id
    FROM unnest(%(tags)s::bigint[]) AS tag(id)
    CROSS JOIN LATERAL (
        SELECT qt.question_id FROM forum_question_tags qt
        WHERE qt.tag_id = tag.id AND qt.question_id <> %(id)s
        ORDER BY qt.question_id DESC
        LIMIT 100
    ) recent
), sharing AS (
    SELECT q.id, q.title, q.slug, q.answered_at, count(*) AS shared
    FROM pairs JOIN forum_question q ON q.id = pairs.question_id
    WHERE q.status = 'answered'
    GROUP BY q.id
    ORDER BY shared DESC, q.answered_at DESC
    LIMIT %(limit)s
), same_topic AS (
    SELECT q.id, q.title, q.slug, q.answered_at, 0 AS shared
    FROM forum_question q
    WHERE q.status = 'answered' AND q.category_id = %(category)s AND q.id <> %(id)s
      AND q.id NOT IN (SELECT id FROM sharing)
    ORDER BY q.answered_at DESC, q.id DESC
    LIMIT %(limit)s
)
SELECT id, title, slug, answered_at FROM (SELECT * FROM sharing UNION ALL SELECT * FROM same_topic) related
ORDER BY shared DESC, answered_at DESC
LIMIT %(limit)s
"""


def related_questions(question: Question, limit: int = 5) -> list[Question]:
    """Q&As sharing the most tags among the newest 100 of each tag, then the newest of the same topic
    (one query).

    Each tag's newest questions come from the (tag, question) index, so the cost does not grow with
    the archive.
    """
    tag_ids = [t.pk for t in question.tags.all()]
    params = {"tags": tag_ids, "id": question.pk, "category": question.category_id, "limit": limit}
    return list(Question.objects.raw(RELATED_SQL, params))


@dataclass(frozen=True)
class ArchiveMonth:
    month: date
    count: int


def archive_months(year: int | None = None) -> list[ArchiveMonth]:
    rows = Question.objects.public()
    if year is not None:
        rows = rows.filter(answered_at__year=year)
    grouped = (
        rows.annotate(month=TruncMonth("answered_at")).values("month").annotate(count=Count("id")).order_by("-month")
    )
    return [ArchiveMonth(month=row["month"].date(), count=row["count"]) for row in grouped]


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=timezone.get_current_timezone())
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=timezone.get_current_timezone())
    return start, end


def typical_answer_time(days: int = 180) -> timedelta | None:
    """Median time from submission to published answer over recent answered questions."""
    since = timezone.now() - timedelta(days=days)
    result: dict[str, Any] = (
        Question.objects.public()
        .filter(answered_at__gte=since)
        .aggregate(median=Median(ExpressionWrapper(F("answered_at") - F("created_at"), output_field=DurationField())))
    )
    return result["median"]


def questions_of_author(user_id: int) -> QuerySet[Question]:
    return (
        Question.objects.filter(author_id=user_id).select_related("category").defer("body_html").order_by("-created_at")
    )


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
