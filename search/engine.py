"""Full-text search over public Q&As: stored weighted vectors, web-search syntax, synonyms,
ranking that mixes relevance with recency, highlighted snippets and "did you mean"."""

import html
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone
from psycopg2 import sql

from core.cache import cached_part
from core.query import clean_text
from forum.models import Question
from search.models import SynonymGroup

CONFIG = "english"
SYNONYMS = "synonyms"  # cache scope: the synonym table (its admin invalidates it)
# How many of the newest matches are ranked; older ones are reached by narrower queries or filters.
CANDIDATES = 200
# Matches are looked for in growing windows of time, so a common word reads a few recent rows
# and a rare word reads its few matches, whatever the size of the archive.
WINDOWS_DAYS = (30, 365, None)
MARK_START, MARK_STOP = "\x02", "\x03"

# The text search configuration is CONFIG (English); the ids are a query parameter.
TOKEN = re.compile(r'(-?)"([^"]+)"|(\S+)')


@dataclass
class ParsedQuery:
    must: list[list[str]] = field(default_factory=list)  # each inner list: alternatives (OR)
    exclude: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # plain words typed, for suggestions

    @property
    def empty(self) -> bool:
        return not self.must


def parse(text: str) -> ParsedQuery:
    """Web-search syntax: "quoted phrases", OR between terms, -word to exclude."""
    parsed = ParsedQuery()
    pending_or = False
    # No control character reaches a query (PostgreSQL refuses NUL); each separates words like a space.
    for match in TOKEN.finditer(clean_text(text, 300)):
        negative, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None and word.upper() == "OR":
            pending_or = bool(parsed.must)
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            parsed.exclude.append(word[1:])
            continue
        term = (phrase or word or "").strip()
        if not re.search(r"\w", term):
            continue
        if negative:
            parsed.exclude.append(term)
            continue
        if phrase is None:
            parsed.words.append(term.lower())
        if pending_or and parsed.must:
            parsed.must[-1].append(term)
        else:
            parsed.must.append([term])
        pending_or = False
    return parsed


def _synonyms() -> dict[str, list[str]]:
    """Each term's synonyms, shared by every search until content (or a synonym group) changes."""
    return cached_part("synonyms", _synonym_table, scopes=[SYNONYMS])


def _synonym_table() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for group in SynonymGroup.objects.all():
        terms = group.term_list
        for term in terms:
            table.setdefault(term, [])
            table[term].extend(t for t in terms if t != term and t not in table[term])
    return table


def _term_query(term: str, *, loose: bool = False) -> SearchQuery:
    """A phrase query, or (loose) all of its words anywhere: the GIN index answers that alone."""
    search_type = "phrase" if " " in term.strip() and not loose else "plain"
    return SearchQuery(term, search_type=search_type, config=CONFIG)


def build_query(
    parsed: ParsedQuery,
    *,
    with_exclusions: bool = True,
    loose: bool = False,
    synonyms: dict[str, list[str]] | None = None,
) -> SearchQuery | None:
    """The tsquery for a parsed search. Ranking uses it without the exclusions: ts_rank
    scores negated terms poorly, and excluded words never appear in the matches anyway."""
    if synonyms is None:
        synonyms = _synonyms()
    combined: SearchQuery | None = None
    for alternatives in parsed.must:
        expanded: list[str] = []
        for term in alternatives:
            expanded.append(term)
            expanded.extend(synonyms.get(term.lower(), []))
        clause = _term_query(expanded[0], loose=loose)
        for term in expanded[1:]:
            clause = clause | _term_query(term, loose=loose)
        combined = clause if combined is None else combined & clause
    if combined is None or not with_exclusions:
        return combined
    for term in parsed.exclude:
        combined = combined & ~_term_query(term)
    return combined


# --- Searching ----------------------------------------------------------------------------


@dataclass
class Filters:
    category: str | None = None
    tag: str | None = None
    expert: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def apply(self, queryset: Any) -> Any:
        if self.category:
            queryset = queryset.filter(category__slug=self.category)
        if self.tag:
            queryset = queryset.filter(tags__slug=self.tag)
        if self.expert:
            queryset = queryset.filter(answer__expert__slug=self.expert)
        if self.date_from:
            queryset = queryset.filter(answered_at__date__gte=self.date_from)
        if self.date_to:
            queryset = queryset.filter(answered_at__date__lte=self.date_to)
        return queryset


@dataclass
class Hit:
    question: Question
    title_html: str
    snippet_html: str


@dataclass
class Results:
    ids: list[int]
    total: int
    capped: bool
    suggestion: str | None = None
    highlight: SearchQuery | None = None  # what the snippets mark (the search without its exclusions)


def _highlight(text: str) -> str:
    return html.escape(text).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")


def search_ids(text: str, filters: Filters | None = None, *, with_suggestion: bool = True) -> Results:
    """Ids of matching public Q&As, best first: relevance (weighted A-D) damped by age.

    Ranking reads only the newest CANDIDATES matches, so a query costs about the same
    at 10 thousand or a million Q&As.
    """
    parsed = parse(text)
    synonyms = _synonyms()
    query = build_query(parsed, synonyms=synonyms)
    if query is None:
        return Results(ids=[], total=0, capped=False)
    # Phrases are checked on the candidates only: PostgreSQL misjudges how rare a phrase is and
    # would test positions row by row through the archive; all the words together, it finds fast.
    has_phrase = any(" " in term for alternatives in parsed.must for term in alternatives)
    match_query = build_query(parsed, loose=True, synonyms=synonyms) if has_phrase else query
    wanted = CANDIDATES * (5 if has_phrase else 1)
    matches = (filters or Filters()).apply(Question.objects.public().filter(search_vector=match_query))
    rank_query = build_query(parsed, with_exclusions=False, synonyms=synonyms) or query
    tsquery_sql, tsquery_params = _compile(rank_query)
    match_sql, match_params = _compile(query)
    now = timezone.now()
    # Windows of time, newest first, in one statement: a wider window is only read when every
    # narrower one had too few matches (PostgreSQL skips a scan whose one-time condition is false),
    # and the ranking reads the widest window that was read.
    windows: list[sql.Composable] = []
    window_params: list[Any] = []
    for k, days in enumerate(WINDOWS_DAYS):
        window = matches if days is None else matches.filter(answered_at__gte=now - timedelta(days=days))
        window_sql, params = window.order_by("-answered_at").values("pk")[:wanted].query.sql_with_params()
        body = sql.SQL(window_sql)
        if k:
            guard = sql.SQL(" AND ").join(sql.SQL("(SELECT count(*) FROM {}) < %s").format(_w(j)) for j in range(k))
            body = sql.SQL("SELECT id FROM ({}) AS x (id) WHERE {}").format(body, guard)
            params = (*params, *[wanted] * k)
        windows.append(sql.SQL("{} (id) AS MATERIALIZED ({})").format(_w(k), body))
        window_params.extend(params)
    widest = [
        sql.SQL("SELECT id FROM {}{}").format(
            _w(k),
            sql.SQL("").join(sql.SQL(" {} NOT EXISTS (SELECT 1 FROM {})").format(
                sql.SQL("WHERE" if j == k + 1 else "AND"), _w(j)) for j in range(k + 1, len(WINDOWS_DAYS))
            ),
        )
        for k in reversed(range(len(WINDOWS_DAYS)))
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL(
                """
                WITH {windows}, candidates AS ({widest})
                SELECT ARRAY(
                    SELECT q.id FROM forum_question q
                    WHERE q.id IN (SELECT c.id FROM candidates c) AND q.search_vector @@ {match}
                    ORDER BY ts_rank('{{0.02, 0.05, 0.2, 1.0}}', q.search_vector, {tsquery})
                             / (1 + EXTRACT(EPOCH FROM (now() - q.answered_at)) / (86400 * 365 * 2)) DESC,
                             q.id DESC
                    LIMIT %s
                )
                """
            ).format(
                windows=sql.SQL(", ").join(windows),
                widest=sql.SQL(" UNION ALL ").join(widest),
                tsquery=sql.SQL(tsquery_sql),
                match=sql.SQL(match_sql),
            ),
            [*window_params, *match_params, *tsquery_params, CANDIDATES],
        )
        ids = cursor.fetchone()[0]
    if not ids:
        results = Results(ids=[], total=0, capped=False)
        if with_suggestion and parsed.words:
            results.suggestion = suggest(parsed)
        return results
    capped = len(ids) >= CANDIDATES
    results = Results(ids=ids, total=len(ids), capped=capped, highlight=rank_query)
    if with_suggestion and len(ids) < 3 and parsed.words:
        results.suggestion = suggest(parsed)
    return results


def _w(k: int) -> sql.Identifier:
    return sql.Identifier(f"w{k}")


def _compile(query: SearchQuery) -> tuple[str, list[Any]]:
    from django.db.models.sql import Query

    compiler = Query(Question).get_compiler(connection=connection)
    sql, params = query.as_sql(compiler, connection)
    return sql, list(params)


# The text a snippet is cut from, as plain words: the question's and the answer's Markdown without its marks
# (a link keeps its words; emphasis, code, heading and quote marks and list bullets go).
PLAIN_BODY_SQL = (
    "regexp_replace(regexp_replace(regexp_replace("
    "forum_question.body || ' ' || coalesce(forum_answer.body, ''), "
    r"'\[([^]]*)\]\([^)]*\)', '\1', 'g'), "
    r"'[*_`#>~]+', '', 'g'), "
    r"'(^|\n)[ \t]*([-+]|[0-9]+\.)[ \t]+', '\1', 'g')"
)


def hits(ids: list[int], query: SearchQuery | None) -> list[Hit]:
    """The rows for one page of ids, with highlighted title and snippet (headlines for these rows only)."""
    if not ids or query is None:
        return []
    tsquery_sql, tsquery_params = _compile(query)
    options = f"StartSel={MARK_START}, StopSel={MARK_STOP}, MaxWords=35, MinWords=15, MaxFragments=2"
    title_options = f"HighlightAll=true, StartSel={MARK_START}, StopSel={MARK_STOP}"
    # The headlines ride along with the rows (the answer is joined by select_related as "forum_answer").
    rows = (
        Question.objects.filter(pk__in=ids)
        .select_related("category", "answer__expert")
        .defer("body_html")
        .annotate(
            # tsquery_sql is Django's compiled SearchQuery (placeholders only); the words are parameters
            title_headline=RawSQL(  # noqa: S611  # nosec B611
                f"ts_headline('english', forum_question.title, {tsquery_sql}, %s)",  # noqa: S608
                [*tsquery_params, title_options],
            ),
            body_headline=RawSQL(  # noqa: S611  # nosec B611
                f"ts_headline('english', {PLAIN_BODY_SQL}, {tsquery_sql}, %s)",  # noqa: S608
                [*tsquery_params, options],
            ),
        )
    )
    questions = {q.pk: q for q in rows}
    return [
        Hit(
            question=questions[i],
            title_html=_highlight(questions[i].title_headline),
            snippet_html=_highlight(questions[i].body_headline),
        )
        for i in ids
        if i in questions
    ]


SUGGEST_SQL = """
SELECT w.word,
       EXISTS (SELECT 1 FROM forum_searchterm t WHERE t.word = w.word),
       (SELECT t.word FROM forum_searchterm t WHERE lower(t.word) %% w.word
        ORDER BY similarity(lower(t.word), w.word) DESC, t.frequency DESC LIMIT 1)
FROM unnest(%s::text[]) WITH ORDINALITY AS w (word, position)
ORDER BY w.position
"""


def suggest(parsed: ParsedQuery) -> str | None:
    """Replace unknown words with the most similar vocabulary word (trigram similarity), in one query."""
    checked = [word for word in parsed.words if len(word) >= 4]
    if not checked:
        return None
    with connection.cursor() as cursor:
        cursor.execute(SUGGEST_SQL, [checked])
        closest = {word: similar for word, known, similar in cursor.fetchall() if not known and similar}
    corrected = [closest.get(word, word) for word in parsed.words]
    return " ".join(corrected) if corrected != parsed.words else None


def similar_ids(text: str, limit: int = 5) -> list[int]:
    """The ask form's suggestions: any of the title's words, ranked like a search."""
    words = [w for w in re.findall(r"[\w']+", text.lower()) if len(w) > 2][:12]
    if not words:
        return []
    return search_ids(" OR ".join(words), with_suggestion=False).ids[:limit]
