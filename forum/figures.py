"""Counts of public Q&As per topic and per month, kept in the database next to the writes that change them.

The sidebar, the archive and list pages read a few dozen rows instead of aggregating every public Q&A.
The services that publish or unpublish a Q&A, or file it under another topic, call `counted` next to their
write; `recount` rebuilds both from the Q&As themselves (after a migration, a bulk import, and nightly,
so a row changed by hand cannot leave a count wrong for long).
"""

from datetime import date

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from forum.models import Category, Question


def _month(question: Question) -> date:
    if question.answered_at is None:
        raise ValueError("Only public Q&As (answered ones) are counted")
    return timezone.localtime(question.answered_at).date().replace(day=1)


def counted(question: Question, delta: int, *, category_id: int | None = None) -> None:
    """A public Q&A enters (+1) or leaves (-1) its topic's and its month's counts (or, with
    `category_id`, only that topic's: a Q&A filed under another topic)."""
    Category.objects.filter(pk=category_id or question.category_id).update(public_count=F("public_count") + delta)
    if category_id is not None:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO forum_monthcount (month, count) VALUES (%s, GREATEST(%s, 0)) "
            "ON CONFLICT (month) DO UPDATE SET count = GREATEST(forum_monthcount.count + %s, 0)",
            [_month(question), delta, delta],
        )


@transaction.atomic
def recount() -> bool:
    """Both counts from the public Q&As; whether anything was wrong."""
    zone = settings.TIME_ZONE
    public = Question.Status.ANSWERED
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(array_agg(c.id ORDER BY c.id), '{}') FROM forum_category c WHERE c.public_count <> "
            "(SELECT count(*) FROM forum_question q WHERE q.category_id = c.id AND q.status = %s)",
            [public],
        )
        wrong_topics = cursor.fetchone()[0]
        cursor.execute(
            "UPDATE forum_category c SET public_count = "
            "(SELECT count(*) FROM forum_question q WHERE q.category_id = c.id AND q.status = %s) WHERE c.id = ANY(%s)",
            [public, wrong_topics],
        )
        counts = (
            "SELECT date_trunc('month', answered_at AT TIME ZONE %s)::date AS month, count(*) AS count "
            "FROM forum_question WHERE status = %s AND answered_at IS NOT NULL GROUP BY 1"
        )
        cursor.execute(
            f"SELECT count(*) FROM ({counts}) fresh FULL JOIN forum_monthcount kept USING (month) "  # noqa: S608  # nosec B608
            "WHERE fresh.count IS DISTINCT FROM nullif(kept.count, 0)",
            [zone, public],
        )
        wrong_months = cursor.fetchone()[0]
        if wrong_months:
            cursor.execute("DELETE FROM forum_monthcount")
            cursor.execute(f"INSERT INTO forum_monthcount (month, count) {counts}", [zone, public])  # noqa: S608  # nosec B608
    return bool(wrong_topics or wrong_months)
