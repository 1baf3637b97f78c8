"""Cold pages: built from the database with nothing cached.

On the page benchmark's data (100,000 Q&As, made by bench/pages.py and reused), with production settings and
the Redis cache, each request goes through Django's handler in this process right after the shared cache and
this process's memory were emptied, so the page, its parts and the sidebar are all built from the database.
Server time is the handler's time, split into SQL (the time the database calls took) and the rest (views,
templates, cache round trips).
"""

import os
import random
import statistics
import tempfile
import time
from typing import Any

from bench import pages
from bench.common import create_bench_database, setup_django, write_section

TARGET_MS = 10.0
SAMPLES = int(os.environ.get("BENCH_COLD_SAMPLES", "200"))


def _environment() -> None:
    os.environ.update(
        {
            "DJANGO_SECRET_KEY": pages.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CELERY_BROKER_URL": "memory://",
            "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "rediscache://127.0.0.1:6379/3"),
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_STATIC_ROOT": tempfile.mkdtemp(prefix="bench-cold-static-"),
            "FORUM_STAFF_MFA_REQUIRED": "false",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )


def _measure(client: Any, urls: list[str]) -> dict[str, float]:
    from django.core.cache import cache
    from django.db import connection

    from core.cache import memory

    totals, sqls, counts = [], [], []
    spent = [0.0, 0]

    def timed(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[0] += time.perf_counter() - started
            spent[1] += 1

    for url in urls:
        cache.clear()
        memory.clear()
        spent[:] = [0.0, 0]
        with connection.execute_wrapper(timed):
            started = time.perf_counter()
            response = client.get(url)
            total = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code}")
        totals.append(total * 1000)
        sqls.append(spent[0] * 1000)
        counts.append(spent[1])
    totals.sort()
    return {
        "median": statistics.median(totals),
        "p90": totals[int(len(totals) * 0.9)],
        "sql": statistics.median(sqls),
        "queries": statistics.median(counts),
        "n": len(totals),
    }


def run() -> None:
    create_bench_database(name=pages.DB)
    _environment()
    setup_django("config.settings.production", name=pages.DB)
    from django.core.management import call_command
    from django.test import Client

    from forum.models import Category, MonthCount, Question

    call_command("collectstatic", "--noinput", verbosity=0)
    busy_id, _ = pages.build_data()
    rng = random.Random(10)  # noqa: S311 - picks pages
    public = list(Question.objects.public().values_list("pk", "slug"))
    categories = list(Category.objects.filter(public_count__gt=0).values_list("slug", "public_count"))
    months = list(MonthCount.objects.filter(count__gt=0).values_list("month", "count"))
    size = 20  # FORUM_PAGE_SIZE

    def topic_page() -> str:
        slug, count = rng.choice(categories)
        return f"/categories/{slug}/?page={rng.randint(1, min(50, max(1, count // size)))}"

    def month_page() -> str:
        month, count = rng.choice(months)
        return f"/archive/{month:%Y/%m}/?page={rng.randint(1, max(1, count // size))}"

    busy = Question.objects.get(pk=busy_id)
    kinds = {
        "Q&A page with 50 comments": [busy.get_absolute_url()] * max(20, SAMPLES // 4),
        f"Q&A pages, {SAMPLES} drawn at random": [f"/questions/{pk}/{s}/" for pk, s in rng.sample(public, SAMPLES)],
        f"topic pages, {SAMPLES} drawn at random (pages 1 to 50)": [topic_page() for _ in range(SAMPLES)],
        f"archive months, {SAMPLES} drawn at random (any page)": [month_page() for _ in range(SAMPLES)],
    }
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(busy.get_absolute_url())  # the process's first request loads code and templates
    rows, misses = [], []
    for name, urls in kinds.items():
        result = _measure(client, urls)
        met = result["median"] <= TARGET_MS
        if not met:
            misses.append(name)
        rows.append(
            f"| {name} | {result['median']:.1f} ms | {result['p90']:.1f} ms | {result['sql']:.1f} ms "
            f"| {result['median'] - result['sql']:.1f} ms | {result['queries']:.0f} "
            f"| ≤ {TARGET_MS:.0f} ms: {'met' if met else '**MISSED**'} |"
        )
        print(rows[-1], flush=True)
    verdict = f"**{len(misses)} of {len(rows)} rows miss the target.**" if misses else "Every row meets the target."
    body = f"""## Cold pages

`make bench BENCH=cold` (bench/cold.py), on the page benchmark's data (100,000 Q&As, 500,000 comments).
Each request goes through Django's handler in one process with production settings and the Redis cache,
right after the shared cache and the process's memory were emptied: the page, its parts, the sidebar and its
figures are all built from the database. "SQL" is the median time the database calls took, "the rest" the
median total less that (views, templates, cache round trips). Target: a median of at most {TARGET_MS:.0f} ms.

| pages | median | p90 | SQL | the rest | queries | target |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}

{verdict}
"""
    write_section("cold", body)
    print(body)
