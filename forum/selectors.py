"""Reads for forum pages: each returns exactly what a page needs in a fixed number of queries."""

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import Aggregate, DurationField, ExpressionWrapper, F, Func, IntegerField, QuerySet
from django.utils import timezone

from forum.models import Answer, Category, MonthCount, Question, Tag


class Cardinality(Func):
    """How many items an array holds (0 for an empty one, where array_length gives NULL)."""

    function = "cardinality"
    output_field = IntegerField()


class Median(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def categories_with_counts() -> QuerySet[Category]:
    """Topics with their counts of public Q&As (kept by forum/figures.py)."""
    return Category.objects.order_by("position", "name")


def question_ids_public() -> QuerySet[Question]:
    return Question.objects.public().order_by("-answered_at", "-id")


# What a list item (forum/includes/question_item.html) shows, in one query: the title and link, the excerpt,
# the date, the topic, the comment count, the answering expert's name and the tags. Each model's columns
# are in its field order (Model.from_db needs it); the tags come aggregated from a lateral subquery.
QUESTION_ITEM_FIELDS = ("id", "title", "slug", "body", "category_id", "status", "comment_count", "answered_at")
CATEGORY_ITEM_FIELDS = ("id", "name", "slug")
ANSWER_ITEM_FIELDS = ("id", "question_id", "expert_id")
EXPERT_ITEM_FIELDS = ("id", "public_name", "postnominals")
TAG_FIELDS = ("id", "name", "slug")
# A question's tags (in Tag order) as three arrays, for the list rows and the Q&A page.
TAGS_LATERAL = """CROSS JOIN LATERAL (
    SELECT array_agg(t.id ORDER BY t.name) AS ids, array_agg(t.name ORDER BY t.name) AS names,
           array_agg(t.slug ORDER BY t.name) AS slugs
    FROM forum_question_tags qt JOIN forum_tag t ON t.id = qt.tag_id
    WHERE qt.question_id = q.id
) tags
"""
QUESTION_ITEMS_SQL = f"""
SELECT q.id, q.title, q.slug, q.body, q.category_id, q.status, q.comment_count, q.answered_at,
       c.id, c.name, c.slug,
       a.id, a.question_id, a.expert_id,
       e.id, e.public_name, e.postnominals,
       tags.ids, tags.names, tags.slugs
FROM forum_question q
JOIN forum_category c ON c.id = q.category_id
LEFT JOIN forum_answer a ON a.question_id = q.id
LEFT JOIN experts_expertprofile e ON e.id = a.expert_id
{TAGS_LATERAL}WHERE q.id = ANY(%s) AND q.status = %s
"""  # noqa: S608  # nosec B608 - built from constants


def _attach_tags(question: Question, ids: list[int] | None, names: list[str] | None, slugs: list[str] | None) -> None:
    """Leave the tags (in Tag order) as prefetch_related would: the manager's queryset, filled."""
    db = connection.alias
    tags = [Tag.from_db(db, TAG_FIELDS, row) for row in zip(ids or (), names or (), slugs or (), strict=True)]
    tag_queryset: Any = question.tags.all()
    tag_queryset._result_cache = tags
    tag_queryset._prefetch_done = True
    question._prefetched_objects_cache = {"tags": tag_queryset}  # type: ignore[attr-defined]


def questions_by_ids(ids: list[int]) -> list[Question]:
    """Public rows for a page of ids, in the ids' order (the second half of a deferred-join page), with their
    topic, answer, expert and tags attached as select_related and prefetch_related would attach them."""
    if not ids:
        return []
    with connection.cursor() as cursor:
        cursor.execute(QUESTION_ITEMS_SQL, [list(ids), Question.Status.ANSWERED])
        rows = cursor.fetchall()
    db = connection.alias
    nq, nc, na = len(QUESTION_ITEM_FIELDS), len(CATEGORY_ITEM_FIELDS), len(ANSWER_ITEM_FIELDS)
    ne = len(EXPERT_ITEM_FIELDS)
    by_id = {}
    for row in rows:
        question = Question.from_db(db, QUESTION_ITEM_FIELDS, row[:nq])
        question._state.fields_cache["category"] = Category.from_db(db, CATEGORY_ITEM_FIELDS, row[nq : nq + nc])
        answer_row = row[nq + nc : nq + nc + na]
        answer = None
        if answer_row[0] is not None:
            answer = Answer.from_db(db, ANSWER_ITEM_FIELDS, answer_row)
            expert_row = row[nq + nc + na : nq + nc + na + ne]
            answer._state.fields_cache["expert"] = (
                _expert_model().from_db(db, EXPERT_ITEM_FIELDS, expert_row) if expert_row[0] is not None else None
            )
            answer._state.fields_cache["question"] = question
        question._state.fields_cache["answer"] = answer
        _attach_tags(question, *row[nq + nc + na + ne :])
        by_id[question.pk] = question
    return [by_id[i] for i in ids if i in by_id]


def _expert_model() -> Any:
    return Answer._meta.get_field("expert").related_model


# What the Q&A page shows (and what deciding who may see it needs), in one query: the question, its topic,
# the asker's display name, the answer, the answering expert's public fields and the tags. The search
# vector, the bodies' sources kept for editing, the asker's account and the expert's private fields are
# left in the database. Each model's columns are in its field order (Model.from_db needs it).
QUESTION_PAGE_FIELDS = (
    "id", "author_id", "title", "slug", "body", "body_html", "category_id", "is_anonymous", "status",
    "rejection_reason", "comments_closed", "comment_count", "created_at", "answered_at",
)  # fmt: skip
CATEGORY_PAGE_FIELDS = ("id", "name", "slug", "review_interval_days")
AUTHOR_PAGE_FIELDS = ("id", "display_name")
ANSWER_PAGE_FIELDS = (
    "id", "question_id", "expert_id", "body_html", "status", "published_at", "last_reviewed_at", "reviewed_by_id",
    "reviewed_at", "agreement_count", "accepted_at", "change_note", "change_note_by", "change_note_at", "sources",
)  # fmt: skip
EXPERT_PAGE_FIELDS = (
    "id", "public_name", "slug", "postnominals", "position", "institution", "disclosure", "licence_expires_on", "status"
)  # fmt: skip
REVIEWER_PAGE_FIELDS = ("id", "public_name", "slug", "postnominals", "position", "institution")  # "Reviewed by"
QUESTION_PAGE_SQL = f"""
SELECT q.id, q.author_id, q.title, q.slug, q.body, q.body_html, q.category_id, q.is_anonymous, q.status,
       q.rejection_reason, q.comments_closed, q.comment_count, q.created_at, q.answered_at,
       c.id, c.name, c.slug, c.review_interval_days,
       u.id, u.display_name,
       a.id, a.question_id, a.expert_id, a.body_html, a.status, a.published_at, a.last_reviewed_at,
       a.reviewed_by_id, a.reviewed_at, a.agreement_count, a.accepted_at, a.change_note, a.change_note_by,
       a.change_note_at, a.sources,
       e.id, e.public_name, e.slug, e.postnominals, e.position, e.institution, e.disclosure, e.licence_expires_on,
       e.status,
       r.id, r.public_name, r.slug, r.postnominals, r.position, r.institution,
       tags.ids, tags.names, tags.slugs
FROM forum_question q
JOIN forum_category c ON c.id = q.category_id
LEFT JOIN accounts_user u ON u.id = q.author_id
LEFT JOIN forum_answer a ON a.question_id = q.id
LEFT JOIN experts_expertprofile e ON e.id = a.expert_id
LEFT JOIN experts_expertprofile r ON r.id = a.reviewed_by_id
{TAGS_LATERAL}WHERE q.id = %s
"""  # noqa: S608  # nosec B608 - built from constants


def question_for_page(pk: int) -> Question | None:
    """The question with its topic, asker's name, answer, expert, reviewer and tags (in Tag order), as
    select_related and prefetch_related would attach them, from one plain SQL query."""
    with connection.cursor() as cursor:
        cursor.execute(QUESTION_PAGE_SQL, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    db = connection.alias
    values = iter(row)

    def take(fields: tuple[str, ...]) -> tuple[Any, ...]:
        return tuple(next(values) for _ in fields)

    question = Question.from_db(db, QUESTION_PAGE_FIELDS, take(QUESTION_PAGE_FIELDS))
    category = Category.from_db(db, CATEGORY_PAGE_FIELDS, take(CATEGORY_PAGE_FIELDS))
    author_row, answer_row, expert_row = take(AUTHOR_PAGE_FIELDS), take(ANSWER_PAGE_FIELDS), take(EXPERT_PAGE_FIELDS)
    reviewer_row = take(REVIEWER_PAGE_FIELDS)
    tag_ids, tag_names, tag_slugs = take(("ids", "names", "slugs"))
    cache = question._state.fields_cache
    cache["category"] = category
    user_model: Any = Question._meta.get_field("author").related_model
    cache["author"] = user_model.from_db(db, AUTHOR_PAGE_FIELDS, author_row) if author_row[0] is not None else None
    answer = None
    if answer_row[0] is not None:
        answer = Answer.from_db(db, ANSWER_PAGE_FIELDS, answer_row)
        if isinstance(answer.sources, str):  # a raw cursor hands JSON over as text; the ORM would decode it
            answer.sources = json.loads(answer.sources)
        answer._state.fields_cache["expert"] = _expert_model().from_db(db, EXPERT_PAGE_FIELDS, expert_row)
        answer._state.fields_cache["reviewed_by"] = (
            _expert_model().from_db(db, REVIEWER_PAGE_FIELDS, reviewer_row) if reviewer_row[0] is not None else None
        )
        answer._state.fields_cache["question"] = question
    cache["answer"] = answer
    _attach_tags(question, tag_ids, tag_names, tag_slugs)
    return question


def recent_questions(limit: int = 5) -> list[tuple[str, str]]:
    """The newest public Q&As as (address, title), for the sidebar on every page (one plain query)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, title, slug FROM forum_question WHERE status = %s ORDER BY answered_at DESC LIMIT %s",
            [Question.Status.ANSWERED, limit],
        )
        return [(Question(pk=pk, slug=slug).get_absolute_url(), title) for pk, title, slug in cursor.fetchall()]


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
    """Months with public Q&As, newest first, with their counts (kept by forum/figures.py)."""
    rows = MonthCount.objects.filter(count__gt=0).order_by("-month")
    if year is not None:
        rows = rows.filter(month__year=year)
    return [ArchiveMonth(month=month, count=count) for month, count in rows.values_list("month", "count")]


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
    """The asker's questions, newest first, with any expert's requests for more information."""
    return (
        Question.objects.filter(author_id=user_id)
        .select_related("category")
        .prefetch_related("information_requests")
        .defer("body_html")
        .order_by("-created_at")
    )
