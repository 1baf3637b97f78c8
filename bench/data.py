"""Fast, realistic bench data: set-based SQL (generate_series), never the ORM row by row.

Words come from a fixed vocabulary with a skewed distribution, so some words are common
and most are rare, as in real questions.
"""

import time
from typing import Any

from django.db import connection

VOCABULARY = [
    "fatigue",
    "tired",
    "exhausted",
    "relapse",
    "remission",
    "lesion",
    "lesions",
    "mri",
    "scan",
    "contrast",
    "gadolinium",
    "spinal",
    "cord",
    "brain",
    "optic",
    "neuritis",
    "vision",
    "blurred",
    "double",
    "numbness",
    "tingling",
    "pins",
    "needles",
    "weakness",
    "balance",
    "dizziness",
    "vertigo",
    "walking",
    "stick",
    "wheelchair",
    "spasticity",
    "spasms",
    "stiffness",
    "cramps",
    "pain",
    "headache",
    "migraine",
    "bladder",
    "urgency",
    "frequency",
    "bowel",
    "constipation",
    "continence",
    "sleep",
    "insomnia",
    "night",
    "heat",
    "summer",
    "bath",
    "shower",
    "cooling",
    "vest",
    "temperature",
    "fever",
    "infection",
    "cold",
    "flu",
    "vaccine",
    "vaccination",
    "booster",
    "covid",
    "shingles",
    "steroids",
    "methylprednisolone",
    "prednisolone",
    "infusion",
    "injection",
    "tablet",
    "treatment",
    "medicine",
    "medication",
    "dose",
    "side",
    "effects",
    "ocrelizumab",
    "natalizumab",
    "ofatumumab",
    "fingolimod",
    "siponimod",
    "cladribine",
    "alemtuzumab",
    "teriflunomide",
    "interferon",
    "glatiramer",
    "dimethyl",
    "fumarate",
    "diroximel",
    "ozanimod",
    "ponesimod",
    "rituximab",
    "stem",
    "cell",
    "transplant",
    "ahsct",
    "trial",
    "study",
    "research",
    "evidence",
    "progression",
    "progressive",
    "relapsing",
    "remitting",
    "secondary",
    "primary",
    "diagnosis",
    "neurologist",
    "nurse",
    "physiotherapist",
    "occupational",
    "therapist",
    "psychologist",
    "counselling",
    "anxiety",
    "depression",
    "mood",
    "low",
    "worry",
    "stress",
    "memory",
    "cognition",
    "concentration",
    "fog",
    "thinking",
    "words",
    "speech",
    "swallowing",
    "work",
    "employer",
    "job",
    "office",
    "colleagues",
    "adjustments",
    "hours",
    "part-time",
    "driving",
    "licence",
    "car",
    "insurance",
    "travel",
    "flying",
    "holiday",
    "airport",
    "pregnancy",
    "baby",
    "breastfeeding",
    "fertility",
    "partner",
    "children",
    "family",
    "parents",
    "telling",
    "friends",
    "diet",
    "food",
    "vitamin",
    "supplement",
    "alcohol",
    "smoking",
    "weight",
    "exercise",
    "gym",
    "yoga",
    "swimming",
    "cycling",
    "running",
    "pilates",
    "stretching",
    "physiotherapy",
    "blood",
    "test",
    "lymphocytes",
    "liver",
    "kidney",
    "antibodies",
    "jc",
    "virus",
    "pml",
    "risk",
    "safety",
    "monitoring",
    "appointment",
    "clinic",
    "hospital",
    "emergency",
    "urgent",
    "symptoms",
    "worse",
    "better",
    "improve",
    "recovery",
    "months",
    "years",
    "weeks",
    "days",
    "morning",
    "evening",
    "afternoon",
    "week",
    "month",
    "year",
    "often",
    "sometimes",
    "always",
    "never",
    "small",
    "large",
    "new",
    "old",
    "first",
    "second",
]

DAYS = 3650  # answers spread over ten years


def _words(count: str, skew: float = 2.2) -> str:
    """SQL for a string of `count` random vocabulary words, re-drawn for every row (g.i keeps it correlated)."""
    return (
        f"(SELECT string_agg(bv.w[1 + floor(power(random(), {skew}) * array_length(bv.w, 1))::int], ' ') "
        f"FROM generate_series(1, {count} + mod(g.i, 3)) AS s(n) CROSS JOIN bench_vocabulary bv)"
    )


def generate_questions(total: int, *, expert_count: int = 300, patient_count: int = 2000) -> float:
    """Grow the public Q&As to `total` (answered over ten years). Returns seconds taken."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM forum_question WHERE status = 'answered'")
        have = cursor.fetchone()[0]
        if have >= total:
            return 0.0
        _ensure_people(cursor, expert_count, patient_count)
        cursor.execute("SELECT coalesce(max(id), 0) FROM forum_question")
        start_id = cursor.fetchone()[0]
        cursor.execute("DROP TABLE IF EXISTS bench_vocabulary")
        cursor.execute("CREATE TEMP TABLE bench_vocabulary AS SELECT %s::text[] AS w", [VOCABULARY])
        cursor.execute(
            f"""
            INSERT INTO forum_question (author_id, title, slug, body, body_html, category_id, is_anonymous,
                consented_at, status, rejection_reason, is_spam, comments_closed, comment_count,
                created_at, updated_at, approved_at, answered_at, triage, personal_details)
            SELECT p.ids[1 + mod(g.i, array_length(p.ids, 1))],
                   initcap({_words("5")}) || '?', 'bench-question', {_words("30")}, '',
                   c.ids[1 + mod(g.i, array_length(c.ids, 1))],
                   true, t.at, 'answered', '', false, false, 0, t.at - interval '3 days', t.at,
                   t.at - interval '2 days', t.at, '{{}}', '{{}}'
            FROM generate_series(%s, %s) AS g(i)
            CROSS JOIN (SELECT array_agg(id) AS ids FROM accounts_user WHERE email LIKE 'bench-patient%%') p
            CROSS JOIN (SELECT array_agg(id) AS ids FROM forum_category) c
            CROSS JOIN LATERAL (SELECT now() - (random() * {DAYS}) * interval '1 day' + g.i * interval '0 s' AS at) t
            """,  # noqa: S608 - constants only
            [have + 1, total],
        )
        cursor.execute(
            f"""
            INSERT INTO forum_answer (question_id, expert_id, body, body_html, status, created_at, updated_at,
                published_at, last_reviewed_at, personal_details)
            SELECT q.id, e.ids[1 + mod(q.id, array_length(e.ids, 1))], {_words("60").replace("g.i", "q.id")}, '',
                   'published', q.answered_at, q.answered_at, q.answered_at, q.answered_at, '{{}}'
            FROM forum_question q
            CROSS JOIN (SELECT array_agg(id) AS ids FROM experts_expertprofile WHERE slug LIKE 'bench-expert%%') e
            WHERE q.id > %s
            """,  # noqa: S608 - constants only
            [start_id],
        )
        cursor.execute(
            """
            INSERT INTO forum_question_tags (question_id, tag_id)
            SELECT q.id, t.ids[1 + mod(q.id * k, array_length(t.ids, 1))]
            FROM forum_question q CROSS JOIN generate_series(1, 2) AS k
            CROSS JOIN (SELECT array_agg(id) AS ids FROM forum_tag) t
            WHERE q.id > %s
            ON CONFLICT DO NOTHING
            """,
            [start_id],
        )
        cursor.execute(
            """
            UPDATE forum_question q SET search_vector =
                setweight(to_tsvector('english', q.title), 'A')
             || setweight(to_tsvector('english', coalesce(tags.names, '')), 'B')
             || setweight(to_tsvector('english', q.body), 'C')
             || setweight(to_tsvector('english', a.body), 'D'),
                slug = left(regexp_replace(lower(q.title), '[^a-z0-9]+', '-', 'g'), 60)
            FROM forum_answer a
            LEFT JOIN LATERAL (
                SELECT string_agg(t.name, ' ') AS names FROM forum_question_tags qt
                JOIN forum_tag t ON t.id = qt.tag_id WHERE qt.question_id = a.question_id
            ) tags ON true
            WHERE a.question_id = q.id AND q.id > %s
            """,
            [start_id],
        )
        cursor.execute("ANALYZE forum_question; ANALYZE forum_answer; ANALYZE forum_question_tags")
    return time.perf_counter() - started


def _ensure_people(cursor: Any, expert_count: int, patient_count: int) -> None:
    cursor.execute("SELECT count(*) FROM forum_category")
    if cursor.fetchone()[0] == 0:
        cursor.execute(
            "INSERT INTO forum_category (name, slug, description, position, public_count) "
            "SELECT 'Topic ' || i, 'topic-' || i, 'A bench topic.', i, 0 FROM generate_series(1, 8) AS i"
        )
        cursor.execute(
            "INSERT INTO forum_tag (name, slug) SELECT 'tag' || i, 'tag-' || i FROM generate_series(1, 40) AS i"
        )
    cursor.execute(
        """
        INSERT INTO accounts_user (password, is_superuser, email, display_name, is_staff, is_active, date_joined)
        SELECT '!', false, 'bench-patient' || i || '@example.org', 'Patient ' || i, false, true, now()
        FROM generate_series(1, %s) AS i
        ON CONFLICT DO NOTHING
        """,
        [patient_count + expert_count],
    )
    cursor.execute(
        """
        INSERT INTO experts_expertprofile (user_id, public_name, slug, postnominals, position, institution, bio,
            photo, disclosure, licence_number, licence_body, status, review_notes, created_at)
        SELECT u.id, 'Dr Bench ' || s.i, 'bench-expert-' || s.i, 'MD', 'Neurologist', 'Bench Hospital', '',
            '', 'None.', 'B' || s.i, 'Bench council', 'verified', '', now()
        FROM generate_series(1, %s) AS s(i)
        JOIN accounts_user u ON u.email = 'bench-patient' || (%s + s.i) || '@example.org'
        ON CONFLICT DO NOTHING
        """,
        [expert_count, patient_count],
    )


def generate_comments(total: int, *, busy_question_comments: int = 50) -> int:
    """Comments spread over public Q&As; the newest Q&A gets exactly `busy_question_comments`.

    Returns the id of that Q&A.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM forum_question WHERE status = 'answered' ORDER BY answered_at DESC LIMIT 1")
        busy = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM forum_comment")
        if cursor.fetchone()[0] >= total:
            return busy
        cursor.execute(
            """
            INSERT INTO forum_comment (question_id, author_id, parent_id, depth, body, body_html, status,
                is_deleted, created_at, personal_details)
            SELECT q.ids[1 + mod(g.i::bigint * 7919, array_length(q.ids, 1))::int],
                   p.ids[1 + mod(g.i, array_length(p.ids, 1))],
                   NULL, 0, 'A reader comment number ' || g.i, '<p>A reader comment number ' || g.i || '</p>',
                   'approved', false, now() - (random() * 3650) * interval '1 day', '{}'
            FROM generate_series(1, %s) AS g(i)
            CROSS JOIN (SELECT array_agg(id) AS ids FROM forum_question
                        WHERE status = 'answered' AND id <> %s) q
            CROSS JOIN (SELECT array_agg(id) AS ids FROM accounts_user WHERE email LIKE 'bench-patient%%') p
            """,
            [total - busy_question_comments, busy],
        )
        cursor.execute(
            """
            INSERT INTO forum_comment (question_id, author_id, parent_id, depth, body, body_html, status,
                is_deleted, created_at, personal_details)
            SELECT %s, p.ids[1 + mod(g.i, array_length(p.ids, 1))], NULL, 0, 'Thread comment ' || g.i,
                   '<p>Thread comment ' || g.i || '</p>', 'approved', false, now() - g.i * interval '1 minute', '{}'
            FROM generate_series(1, %s) AS g(i)
            CROSS JOIN (SELECT array_agg(id) AS ids FROM accounts_user WHERE email LIKE 'bench-patient%%') p
            """,
            [busy, busy_question_comments],
        )
        cursor.execute(
            """
            UPDATE forum_question q SET comment_count = c.n
            FROM (SELECT question_id, count(*) AS n FROM forum_comment GROUP BY question_id) c
            WHERE c.question_id = q.id
            """
        )
        cursor.execute("ANALYZE forum_comment; ANALYZE forum_question")
    return busy


def generate_pending_and_subscribers(pending: int, subscribers: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM forum_question WHERE status = 'pending'")
        if cursor.fetchone()[0] < pending:
            cursor.execute(
                """
                INSERT INTO forum_question (author_id, title, slug, body, body_html, category_id, is_anonymous,
                    consented_at, status, rejection_reason, is_spam, comments_closed, comment_count,
                    created_at, updated_at, triage, personal_details)
                SELECT p.ids[1 + mod(g.i, array_length(p.ids, 1))], 'A pending question ' || g.i || '?',
                       'a-pending-question', 'Waiting for review.', '', c.ids[1 + mod(g.i, array_length(c.ids, 1))],
                       true, now(), 'pending', '', false, false, 0, now(), now(), '{}', '{}'
                FROM generate_series(1, %s) AS g(i)
                CROSS JOIN (SELECT array_agg(id) AS ids FROM accounts_user WHERE email LIKE 'bench-patient%%') p
                CROSS JOIN (SELECT array_agg(id) AS ids FROM forum_category) c
                """,
                [pending],
            )
        cursor.execute("SELECT count(*) FROM forum_alertsubscription")
        if cursor.fetchone()[0] < subscribers:
            cursor.execute(
                """
                INSERT INTO forum_alertsubscription (email, scope, frequency, created_at, confirmed_at)
                SELECT 'bench-subscriber' || g.i || '@example.org', 'all',
                       (ARRAY['immediate', 'daily', 'weekly'])[1 + mod(g.i, 3)], now(), now()
                FROM generate_series(1, %s) AS g(i)
                """,
                [subscribers],
            )
