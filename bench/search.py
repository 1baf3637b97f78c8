"""Search latency at 10k, 100k and 1M Q&As, next to a naive icontains search at the same sizes."""

import os
import statistics
import time

from bench.common import create_bench_database, setup_django, write_section

SIZES = [int(s) for s in os.environ.get("BENCH_SEARCH_SIZES", "10000,100000,1000000").split(",")]
QUERIES = [
    "fatigue", "relapse steroids", '"optic neuritis"', "bladder urgency night", "ocrevus", "tysabri risk",
    "heat OR summer", "pregnancy -breastfeeding", "brain fog work", "spasticity stretching", "vitamin",
    "fatige",
]  # fmt: skip
RUNS = 5


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def run() -> None:
    create_bench_database(fresh=True)
    setup_django()
    from django.db.models import Q

    from bench.data import generate_questions
    from forum.models import Question
    from search import engine as search
    from search.models import SynonymGroup
    from search.vocabulary import record_vocabulary

    SynonymGroup.objects.get_or_create(terms="ocrevus, ocrelizumab")
    SynonymGroup.objects.get_or_create(terms="tysabri, natalizumab")
    rows = []
    for size in SIZES:
        took = generate_questions(size)
        ids = list(Question.objects.public().values_list("pk", flat=True)[:5000])
        record_vocabulary(ids)
        fts, naive = [], []
        for _ in range(RUNS):
            for text in QUERIES:
                started = time.perf_counter()
                results = search.search_ids(text)
                search.hits(results.ids[:20], results.highlight)
                fts.append((time.perf_counter() - started) * 1000)
        naive_runs = 1 if size >= 1_000_000 else 3
        for _ in range(naive_runs):
            for text in QUERIES:
                word = text.strip('"').split()[0]
                started = time.perf_counter()
                list(
                    Question.objects.public()
                    .filter(Q(title__icontains=word) | Q(body__icontains=word) | Q(answer__body__icontains=word))
                    .order_by("-answered_at")
                    .values_list("pk", flat=True)[:20]
                )
                naive.append((time.perf_counter() - started) * 1000)
        rows.append((size, took, statistics.median(fts), _percentile(fts, 95), statistics.median(naive),
                     _percentile(naive, 95)))  # fmt: skip
        print(f"{size:>9,}: generated in {took:.0f}s; full-text p50 {rows[-1][2]:.1f} ms, p95 {rows[-1][3]:.1f} ms; "
              f"icontains p50 {rows[-1][4]:.0f} ms, p95 {rows[-1][5]:.0f} ms")  # fmt: skip
    growth = rows[-1][3] / rows[0][3] if rows[0][3] else 0
    table = "\n".join(
        f"| {size:,} | {p50:.1f} ms | {p95:.1f} ms | {n50:.0f} ms | {n95:.0f} ms |"
        for size, _took, p50, p95, n50, n95 in rows
    )
    body = f"""## Search latency

`make bench BENCH=search` (bench/search.py): public Q&As generated with set-based SQL (titles, details,
answers and two tags each, words drawn from a skewed vocabulary, answers spread over ten years). Each of
{len(QUERIES)} queries ({", ".join(f"`{q}`" for q in QUERIES)}) runs {RUNS} times: parse, synonyms, match,
rank (relevance damped by age) and the first page's highlighted snippets. The naive search is
`icontains` on title, details and answer, newest first (fewer runs at 1M: it is slow).

| Q&As | full-text median | full-text p95 | icontains median | icontains p95 |
|---|---|---|---|---|
{table}

p95 growth from {SIZES[0]:,} to {SIZES[-1]:,}: **{growth:.1f}x** (target: well under 10x; p95 under 50 ms at 1M).
"""
    write_section("search", body)
    print(body)
