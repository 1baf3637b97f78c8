from django.db import migrations

# Frozen copies of what the code did when this migration was written (a migration must not follow later code).
VECTOR_SQL = """
UPDATE forum_question q SET search_vector =
    setweight(to_tsvector('english', coalesce(q.title, '')), 'A')
 || setweight(to_tsvector('english', coalesce((
        SELECT string_agg(t.name, ' ') FROM forum_question_tags qt JOIN forum_tag t ON t.id = qt.tag_id
        WHERE qt.question_id = q.id), '')), 'B')
 || setweight(to_tsvector('english', coalesce(q.body, '')), 'C')
 || setweight(to_tsvector('english', coalesce((
        SELECT a.body FROM forum_answer a WHERE a.question_id = q.id AND a.status = 'published'), '')), 'D')
WHERE q.status = 'answered'
"""
VOCABULARY_SQL = """
INSERT INTO forum_searchterm (word, frequency)
SELECT word, count(*) FROM (
    SELECT lower(w) AS word FROM forum_question q, regexp_split_to_table(q.title, '[^[:alnum:]]+') AS w
    WHERE q.status = 'answered'
    UNION ALL
    SELECT lower(w) FROM forum_question_tags qt JOIN forum_tag t ON t.id = qt.tag_id
        JOIN forum_question q ON q.id = qt.question_id, regexp_split_to_table(t.name, '[^[:alnum:]]+') AS w
    WHERE q.status = 'answered'
) words WHERE length(word) BETWEEN 3 AND 60 AND word !~ '^[0-9]+$'
GROUP BY word
ON CONFLICT (word) DO UPDATE SET frequency = forum_searchterm.frequency + EXCLUDED.frequency
"""


class Migration(migrations.Migration):
    dependencies = [("forum", "0011_moderators_synonym_permissions")]

    operations = [migrations.RunSQL(VECTOR_SQL, migrations.RunSQL.noop),
                  migrations.RunSQL(VOCABULARY_SQL, migrations.RunSQL.noop)]
