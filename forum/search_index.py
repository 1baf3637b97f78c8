"""The forum's search vectors: the stored, weighted tsvector of each question (title A, tags B, details C,
answer D), kept current by the services that change those texts."""

from django.db import connection

VECTOR_SQL = """
UPDATE forum_question q SET search_vector =
    setweight(to_tsvector('english', coalesce(q.title, '')), 'A')
 || setweight(to_tsvector('english', coalesce((
        SELECT string_agg(t.name, ' ') FROM forum_question_tags qt JOIN forum_tag t ON t.id = qt.tag_id
        WHERE qt.question_id = q.id), '')), 'B')
 || setweight(to_tsvector('english', coalesce(q.body, '')), 'C')
 || setweight(to_tsvector('english', coalesce((
        SELECT a.body FROM forum_answer a WHERE a.question_id = q.id AND a.status = 'published'), '')), 'D')
WHERE q.id = ANY(%s)
"""


def refresh_vectors(question_ids: list[int]) -> None:
    """Recompute stored search vectors (called by every service that changes searchable text)."""
    if question_ids:
        with connection.cursor() as cursor:
            cursor.execute(VECTOR_SQL, [list(question_ids)])
