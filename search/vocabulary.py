"""The vocabulary behind "did you mean": the words of public titles and tags, with their counts."""

from typing import Any

from django.db import connection

from search.models import SearchTerm

# The words of some Q&As' titles and tags that the vocabulary counts, with how often each occurs:
# three letters or more, not a number, and no longer than a vocabulary word may be (a longer "word",
# a pasted link or a run of letters, is no word anyone would misspell).
VOCABULARY_WORDS_SQL = """
SELECT word, count(*) AS frequency FROM (
    SELECT lower(w) AS word FROM forum_question q,
        regexp_split_to_table(q.title, '[^[:alnum:]]+') AS w WHERE q.id = ANY(%(ids)s)
    UNION ALL
    SELECT lower(w) FROM forum_question_tags qt JOIN forum_tag t ON t.id = qt.tag_id,
        regexp_split_to_table(t.name, '[^[:alnum:]]+') AS w WHERE qt.question_id = ANY(%(ids)s)
) words WHERE length(word) BETWEEN 3 AND %(longest)s AND word !~ '^[0-9]+$'
GROUP BY word
"""


# Built from our own constant; the ids are parameters.
RECORD_VOCABULARY_SQL = (
    f"INSERT INTO forum_searchterm (word, frequency) {VOCABULARY_WORDS_SQL} "  # noqa: S608  # nosec B608
    "ON CONFLICT (word) DO UPDATE SET frequency = forum_searchterm.frequency + EXCLUDED.frequency"
)
FORGET_VOCABULARY_SQL = (
    f"WITH gone AS ({VOCABULARY_WORDS_SQL}), "  # noqa: S608  # nosec B608
    "kept AS (UPDATE forum_searchterm t SET frequency = t.frequency - gone.frequency "
    "FROM gone WHERE t.word = gone.word AND t.frequency > gone.frequency) "
    "DELETE FROM forum_searchterm t USING gone WHERE t.word = gone.word AND t.frequency <= gone.frequency"
)


def _vocabulary_params(question_ids: list[int]) -> dict[str, Any]:
    return {"ids": list(question_ids), "longest": SearchTerm._meta.get_field("word").max_length}


def record_vocabulary(question_ids: list[int]) -> None:
    """Add the words of these titles and tags to the vocabulary used for suggestions (when they
    become public)."""
    if not question_ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(RECORD_VOCABULARY_SQL, _vocabulary_params(question_ids))


def forget_vocabulary(question_ids: list[int]) -> None:
    """Take back what record_vocabulary added for these titles and tags (when they leave public view):
    a word no public Q&A uses any more is no longer suggested."""
    if not question_ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(FORGET_VOCABULARY_SQL, _vocabulary_params(question_ids))


# --- Query parsing --------------------------------------------------------------------
