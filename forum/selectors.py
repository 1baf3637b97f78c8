"""Reads for forum pages: each returns exactly what a page needs in a fixed number of queries."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from forum.models import Category, Question, Tag


class Median(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def categories_with_counts() -> QuerySet[Category]:
    return Category.objects.annotate(
        public_count=Count("questions", filter=Q(questions__status=Question.Status.ANSWERED))
    ).order_by("position", "name")


# What a list item (forum/includes/question_item.html) shows: the title and link, the excerpt, the date,
# the topic, the comment count and the answering expert's name.
QUESTION_ITEM_FIELDS = (
    "id",
    "title",
    "slug",
    "body",
    "category_id",
    "status",
    "comment_count",
    "answered_at",
    "category__id",
    "category__name",
    "category__slug",
    "answer__id",
    "answer__question_id",
    "answer__expert_id",
    "answer__expert__id",
    "answer__expert__public_name",
    "answer__expert__postnominals",
)


def questions_public() -> QuerySet[Question]:
    """Public Q&As for lists: newest answer first, with what a list item shows."""
    return (
        Question.objects.public()
        .select_related("category", "answer__expert")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name", "slug")))
        .only(*QUESTION_ITEM_FIELDS)
        .order_by("-answered_at", "-id")
    )


def question_ids_public() -> QuerySet[Question]:
    return Question.objects.public().order_by("-answered_at", "-id")


def questions_by_ids(ids: list[int]) -> list[Question]:
    """Rows for a page of ids, in the ids' order (the second half of a deferred-join page)."""
    by_id = {q.pk: q for q in questions_public().filter(pk__in=ids).order_by()}
    return [by_id[i] for i in ids if i in by_id]


# What the Q&A page shows (and what deciding who may see it needs): the search vector, the bodies' sources
# kept for editing, the asker's account and the expert's private fields are left in the database.
QUESTION_PAGE_FIELDS = (
    "id",
    "author_id",
    "title",
    "slug",
    "body",
    "body_html",
    "category_id",
    "is_anonymous",
    "status",
    "rejection_reason",
    "comments_closed",
    "comment_count",
    "answered_at",
    "category__id",
    "category__name",
    "category__slug",
    "author__id",
    "author__display_name",
    "answer__id",
    "answer__question_id",
    "answer__expert_id",
    "answer__body_html",
    "answer__status",
    "answer__published_at",
    "answer__last_reviewed_at",
    "answer__expert__id",
    "answer__expert__public_name",
    "answer__expert__slug",
    "answer__expert__postnominals",
    "answer__expert__position",
    "answer__expert__institution",
    "answer__expert__disclosure",
    "answer__expert__status",
    "answer__expert__licence_expires_on",
)


def question_for_page(pk: int) -> Question | None:
    return (
        Question.objects.select_related("category", "author", "answer__expert")
        .only(*QUESTION_PAGE_FIELDS)
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name", "slug")))
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
