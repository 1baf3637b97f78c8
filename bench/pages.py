"""Page throughput against the framework's own ceiling (a bare Django view on the same server).

Data: 100,000 answered Q&As over ten years, 500,000 comments, 300 experts, 2,000 patients with
pending questions, 50,000 alert subscribers. Server: gunicorn with production settings on loopback.
Load: wrk for a fixed time per page; then the long tail (20,000 Q&As drawn at random from an emptied
cache), alone, while the services write, and for signed-in readers.
"""

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import load, writes
from bench.common import BASE_DIR, bench_database_url, create_bench_database, setup_django, write_section

DB = "forum_bench_pages"
CEILING = "ceiling: bare Django view"
# The server and this process share the key, so the session made here signs the reader in there.
SECRET_KEY = "bench-" + "k" * 60

LONG_TAIL = 20_000  # distinct Q&As the long-tail runs draw from
READERS = 16  # signed-in readers whose cookies the signed-in long tail rotates
WRITES_PER_SECOND = float(os.environ.get("BENCH_WRITES_PER_SECOND", "2"))
TAIL = f"long tail: {LONG_TAIL:,} Q&As at random, anonymous, cold cache"
TAIL_WRITES = "long tail, anonymous, while the services write"
TAIL_SIGNED_IN = f"long tail, {READERS} signed-in readers, while the services write"
LONG_TAIL_RUNS = [(TAIL, False, False), (TAIL_WRITES, False, True), (TAIL_SIGNED_IN, True, True)]
TAIL_RATIO = 0.25  # of the ceiling, anonymous and signed in
TAIL_WRITES_RATIO = 0.8  # of the anonymous long tail's ratio
TAIL_P99_MS = 100.0


def build_data() -> tuple[int, float]:
    """The data set (made once, reused after): the id of the Q&A with 50 comments, and the seconds it took."""
    from django.db import connection

    from bench.data import generate_comments, generate_pending_and_subscribers, generate_questions

    started = time.perf_counter()
    generate_questions(100_000, expert_count=300, patient_count=2000)
    busy_id = generate_comments(500_000)
    generate_pending_and_subscribers(2000, 50_000)
    writes.recount_figures()  # the data was written with SQL, not through the services that keep the counts
    data_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:  # what autovacuum does on a live site: statistics, visibility map
        for table in ("forum_question", "forum_answer", "forum_question_tags", "forum_comment", "accounts_user"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    return busy_id, data_seconds


def run() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install -y wrk")
    create_bench_database(name=DB)
    os.environ["DJANGO_SECRET_KEY"] = SECRET_KEY
    setup_django(name=DB)
    from allauth.account.models import EmailAddress
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from forum.models import Category, Question

    busy_id, data_seconds = build_data()

    busy = Question.objects.get(pk=busy_id)
    category = Category.objects.order_by("pk")[0]
    newest = Question.objects.public().order_by("-answered_at")[0].answered_at
    oldest = Question.objects.public().order_by("answered_at")[0].answered_at
    assert newest is not None and oldest is not None  # noqa: S101 - public Q&As always have a date
    year, month = newest.year, newest.month
    deep_year, deep_month = oldest.year, oldest.month
    pages = {
        CEILING: "/bench/hello",
        "home": "/",
        "Q&A page with 50 comments": busy.get_absolute_url(),
        "category page": category.get_absolute_url(),
        "archive month": f"/archive/{year}/{month:02d}/",
        "deep archive page (oldest month, last page)": f"/archive/{deep_year}/{deep_month:02d}/?page=last",
        "category page 200 (deep pagination)": f"{category.get_absolute_url()}?page=200",
        "search": "/search/?q=fatigue+relapse",
    }

    # Query counts, measured in-process right after `site` was invalidated (every cached page and part
    # is stale): what a cache miss costs.
    client = Client(HTTP_HOST="127.0.0.1")
    counts: dict[str, int | str] = {}
    for name, path in pages.items():
        if path.startswith("/bench"):
            continue
        writes.invalidate_everything()  # the page and its parts are built from the database
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path.replace("?page=last", ""))
        assert response.status_code == 200, (path, response.status_code)  # noqa: S101
        counts[name] = len(queries)

    def reader(email: str) -> tuple[Any, str]:
        """A signed-in reader who can comment (allauth lets nobody sign in unverified), so the page shows
        the form; and the cookie of a session made for them here."""
        user, _ = User.objects.get_or_create(email=email)
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "accounts.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        return user, f"__Host-sessionid={session.session_key}"  # the production settings' cookie name

    user, cookie = reader("bench-signed-in@example.org")
    # The signed-in reader's page: what it costs right after content changed, and what each view costs
    # once the parts shared by every reader are cached again.
    member = Client(HTTP_HOST="127.0.0.1")
    member.force_login(user)
    writes.invalidate_everything()
    signed_in_counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert member.get(busy.get_absolute_url()).status_code == 200  # noqa: S101
        signed_in_counts.append(len(queries))
    counts["Q&A page, signed in (not cached)"] = "{} after a change, {} then".format(*signed_in_counts)
    reader_cookies = [reader(f"bench-reader-{i}@example.org")[1] for i in range(1, READERS + 1)]

    # The long tail: Q&As drawn at random (the same ones each time), each request one of them at random.
    public = list(Question.objects.public().only("pk", "slug"))
    tail = [q.get_absolute_url() for q in random.Random(16).sample(public, LONG_TAIL)]  # noqa: S311
    scratch = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    (scratch / "paths").write_text("\n".join(tail) + "\n")
    (scratch / "no-cookies").write_text("")
    (scratch / "cookies").write_text("\n".join(reader_cookies) + "\n")
    scripts = {}
    for signed_in in (False, True):
        constants = (f'PATHS = "{scratch / "paths"}"\nTHREADS = {load.THREADS}\n'
                     f'COOKIES = "{scratch / ("cookies" if signed_in else "no-cookies")}"\n')  # fmt: skip
        scripts[signed_in] = scratch / f"tail-{'signed-in' if signed_in else 'anonymous'}.lua"
        scripts[signed_in].write_text(constants + load.LUA)

    static_root = tempfile.mkdtemp(prefix="bench-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": bench_database_url(DB),
        "CELERY_BROKER_URL": "memory://",
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "rediscache://127.0.0.1:6379/3"),
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": static_root,
        "FORUM_BENCH_HELLO": "true",
        "FORUM_STAFF_MFA_REQUIRED": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env,
                   check=True)  # fmt: skip
    workers = str(int(os.environ.get("BENCH_WORKERS", "3")))
    base = f"http://127.0.0.1:{load.PORT}"
    server = load.serve(env, workers)
    bench_started = time.perf_counter()
    try:
        last_page = load.last_page(f"{base}{pages['deep archive page (oldest month, last page)']}")
        pages["deep archive page (oldest month, last page)"] = pages[
            "deep archive page (oldest month, last page)"
        ].replace("last", str(last_page))
        # Each page runs right after a run of the ceiling and is compared with it, so that a machine
        # whose speed drifts during the benchmark (a shared virtual machine) compares like with like.
        runs: list[tuple[str, str, str | None]] = [(n, p, None) for n, p in pages.items() if n != CEILING]
        runs.append(("Q&A page, signed in (not cached)", busy.get_absolute_url(), cookie))
        results: dict[str, dict[str, Any]] = {}
        ceilings: list[float] = []
        for name, path, page_cookie in runs:
            ceiling = load.wrk(f"{base}{pages[CEILING]}")
            ceilings.append(ceiling["rps"])
            url = f"{base}{path}"
            if load.page(url, page_cookie) is not bool(page_cookie):  # also warms the cache
                raise SystemExit(f"{name}: the page was not served to the reader it was meant for")
            results[name] = {**load.wrk(url, page_cookie), "ceiling": ceiling["rps"]}
            _report(name, results[name])

        # The long tail's paths are pages, not redirects, and every reader's cookie signs them in
        # (checked before the cache is emptied).
        for path in tail[:3]:
            if load.page(f"{base}{path}", None, final=True) != f"{base}{path}":
                raise SystemExit(f"{path} is not a Q&A page: the long tail would measure redirects")
        if not all(load.page(f"{base}{tail[0]}", reader_cookie) for reader_cookie in reader_cookies):
            raise SystemExit("a signed-in reader of the long tail was served as anonymous")
        for name, signed_in, writing in LONG_TAIL_RUNS:
            load.stop(server)  # fresh workers: no page or part in any worker's memory
            server = load.serve(env, workers)
            ceiling = load.wrk(f"{base}{pages[CEILING]}")
            ceilings.append(ceiling["rps"])
            held = load.empty_shared_cache(env["CACHE_URL"])  # and none in the shared cache: nothing is pre-built
            with load.writing(env, WRITES_PER_SECOND if writing else None) as written:
                result = load.wrk(base, script=scripts[signed_in])
            results[name] = {**result, "ceiling": ceiling["rps"], "writes": written, "cache keys emptied": held}
            _report(name, results[name])
    finally:
        load.stop(server)
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
    load_seconds = time.perf_counter() - bench_started

    ceilings.sort()
    rows = [
        f"| {CEILING} (median of {len(ceilings)} runs, {ceilings[0]:,.0f} to {ceilings[-1]:,.0f}) "
        f"| {ceilings[len(ceilings) // 2]:,.0f} | | | | 100% | | | |"
    ]
    misses = []
    for name, result in results.items():
        ratio = result["rps"] / result["ceiling"] if result["ceiling"] else 0
        target, met = _target(name, result, results, counts.get(name))
        if not met:
            misses.append(name)
        verdict = "met" if met else "**MISSED**"
        rows.append(
            f"| {name} | {result['rps']:,.0f} | {result['p50']:.1f} ms | {result['p99']:.1f} ms "
            f"| {result['ceiling']:,.0f} | {ratio:.0%} | {counts.get(name, '')} | {target}: {verdict} "
            f"| {_notes(result)} |"
        )
    data_note = f" in {data_seconds:.0f} s" if data_seconds >= 1 else " (reused from an earlier run)"
    first = results["archive month"]["p50"]
    deep_p50 = results["deep archive page (oldest month, last page)"]["p50"]
    missed = (
        f"**{len(misses)} of {len(results)} rows miss their targets**: {'; '.join(misses)}."
        if misses
        else "Every row meets its target."
    )
    body = f"""## Pages under load

`make bench BENCH=pages` (bench/pages.py). Data, generated with set-based SQL{data_note}:
100,000 answered Q&As over ten years, 500,000 comments (one Q&A with exactly 50), 300 experts,
2,000 patients with pending questions, 50,000 alert subscribers. Server: gunicorn, {workers} sync workers,
production settings (Redis cache), on loopback.
Load: `wrk -t{load.THREADS} -c{load.CONNECTIONS} -d{load.DURATION}s` per page,
after one warming request, each page right after a run of the ceiling (a bare Django view on the same
server), which it is compared with. Anonymous pages are served from the page cache; "queries" is what
a page costs right after `site` was invalidated, when every cached page and part is stale (measured
in-process). The signed-in page is not taken from the page cache: each request loads the reader (one
query), checks that none of the comments is theirs (against who has commented, cached under its own scope),
then renders the page around the fragments every such reader shares (cached under the Q&A's scope).

The long-tail rows are what readers do: each request is one of {LONG_TAIL:,} public Q&As drawn at random
(a wrk Lua script picks the path), with nothing warmed. Before each, gunicorn is restarted (no copy in any
worker's memory), the ceiling is run, then the Redis database the server uses is flushed. "While the services
write": another process (bench/writes.py) calls the application's services at {WRITES_PER_SECOND:g} calls/s for
the whole run, in turn a first-time commenter's comment (held) and a moderator's approval of it, a known
commenter's comment or reply (published at once), and an expert's revision of their answer, on random open
Q&As and answers; each write invalidates only the scopes it changes (its Q&A, the lists it shows in, the
sidebar's latest comments), so the other Q&As' cached parts stay. The signed-in run rotates
{READERS} readers' session cookies at random. wrk's timeout is {load.LONG_TAIL_TIMEOUT} there, so slow pages
count in the latencies.

| page | requests/s | median | p99 | ceiling run before it | of ceiling | queries | target | notes |
|---|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}

Deep archive page median vs first archive page: {deep_p50 / first if first else 0:.1f}x (target: within 2x).
Targets: every public page at least 50% of the ceiling; signed-in Q&A page at least 20%; at most 10 queries.
Long tail, anonymous and signed in: at least {TAIL_RATIO:.0%} of the ceiling; anonymous while the services
write: at least {TAIL_WRITES_RATIO:g} times the anonymous long tail's share; p99 at most {TAIL_P99_MS:.0f} ms in each.
{missed} The load took {load_seconds:.0f} s.
"""
    write_section("pages", body)
    print(body)


def _report(name: str, result: dict[str, Any]) -> None:
    print(f"{name:45} {result['rps']:8.0f} req/s  p50 {result['p50']:6.1f} ms  p99 {result['p99']:6.1f} ms  "
          f"ceiling {result['ceiling']:6.0f} req/s  {_notes(result)}", flush=True)  # fmt: skip


def _target(name: str, result: dict[str, Any], results: dict[str, dict[str, Any]], queries: Any) -> tuple[str, bool]:
    """The row's target, and whether it was met."""
    ratio = result["rps"] / result["ceiling"] if result["ceiling"] else 0
    if name in (TAIL, TAIL_SIGNED_IN, TAIL_WRITES):
        if name == TAIL_WRITES:
            alone = results[TAIL]["rps"] / results[TAIL]["ceiling"] if results[TAIL]["ceiling"] else 0
            wanted = TAIL_WRITES_RATIO * alone
            text = f"≥ {TAIL_WRITES_RATIO:g} × the long tail's ({wanted:.1%})"
        else:
            wanted, text = TAIL_RATIO, f"≥ {TAIL_RATIO:.0%}"
        return f"{text}, p99 ≤ {TAIL_P99_MS:.0f} ms", ratio >= wanted and result["p99"] <= TAIL_P99_MS
    wanted = 0.2 if "signed in" in name else 0.5
    first = re.match(r"\d+", str(queries))
    return f"≥ {wanted:.0%}, ≤ 10 queries", ratio >= wanted and (first is None or int(first.group()) <= 10)


def _notes(result: dict[str, Any]) -> str:
    notes = []
    if result.get("distinct"):
        notes.append(f"{result['requests']:,.0f} responses; {result['distinct']:,.0f} distinct Q&As requested")
    if "cache keys emptied" in result:
        notes.append(f"shared cache emptied ({result['cache keys emptied']:,} keys)")
    written = result.get("writes")
    if written:
        steps = written.get("steps", {})
        rate = written["writes"] / written["seconds"] if written["seconds"] else 0
        notes.append(
            f"{written['writes']} writes in {written['seconds']:.0f} s ({rate:.1f}/s): "
            f"{steps.get('held then approved', 0)} comments held and approved, "
            f"{steps.get('published', 0)} published at once, {steps.get('answer revised', 0)} answers revised"
        )
        if written.get("failed"):
            notes.append("failed writes: " + ", ".join(f"{k} {v}" for k, v in written["failed"].items()))
    if result.get("errors"):
        notes.append(f"**{result['errors']:,.0f} non-2xx/3xx responses**")
    if result.get("timeouts"):
        notes.append(f"**{result['timeouts']:,.0f} timeouts**")
    return "; ".join(notes)
