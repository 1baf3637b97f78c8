"""Page throughput against the framework's own ceiling (a bare Django view on the same server).

Data: 100,000 answered Q&As over ten years, 500,000 comments, 300 experts, 2,000 patients with
pending questions, 50,000 alert subscribers. Server: gunicorn with production settings on loopback.
Load: wrk for a fixed time per page.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from bench.common import BASE_DIR, bench_database_url, create_bench_database, setup_django, write_section

DB = "forum_bench_pages"
CEILING = "ceiling: bare Django view"
PORT = 8799
DURATION = int(os.environ.get("BENCH_PAGE_SECONDS", "10"))
CONNECTIONS = 16
# The server and this process share the key, so the session made here signs the reader in there.
SECRET_KEY = "bench-" + "k" * 60


def _wrk(url: str, cookie: str | None = None) -> dict[str, float]:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def millis(label: str) -> float:
        match = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", output)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "p50": millis("50"), "p99": millis("99"), "errors": float(errors.group(1)) if errors else 0}


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
    from bench.data import generate_comments, generate_pending_and_subscribers, generate_questions
    from core.cache import bump_content_version
    from forum.models import Category, Question

    started = time.perf_counter()
    generate_questions(100_000, expert_count=300, patient_count=2000)
    busy_id = generate_comments(500_000)
    generate_pending_and_subscribers(2000, 50_000)
    data_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:  # what autovacuum does on a live site: statistics, visibility map
        for table in ("forum_question", "forum_answer", "forum_question_tags", "forum_comment", "accounts_user"):
            cursor.execute(f"VACUUM ANALYZE {table}")

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

    # Query counts, measured in-process right after content changed (the content version bumped, so
    # every cached page and part is stale): what a cache miss costs.
    client = Client(HTTP_HOST="127.0.0.1")
    counts: dict[str, int | str] = {}
    for name, path in pages.items():
        if path.startswith("/bench"):
            continue
        bump_content_version()  # the page and its parts are built from the database
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path.replace("?page=last", ""))
        assert response.status_code == 200, (path, response.status_code)  # noqa: S101
        counts[name] = len(queries)

    user, _ = User.objects.get_or_create(email="bench-signed-in@example.org")
    # A reader who can comment (allauth lets nobody sign in unverified), so the page shows the form.
    EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    # The signed-in reader's page: what it costs right after content changed, and what each view costs
    # once the parts shared by every reader are cached again.
    member = Client(HTTP_HOST="127.0.0.1")
    member.force_login(user)
    bump_content_version()
    signed_in_counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert member.get(busy.get_absolute_url()).status_code == 200  # noqa: S101
        signed_in_counts.append(len(queries))
    counts["Q&A page, signed in (not cached)"] = "{} after a change, {} then".format(*signed_in_counts)

    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "accounts.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()

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
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", workers,
         "--access-logfile", "-", "--log-level", "warning"],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/bench/hello", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.5)
        last_page = _last_page(f"http://127.0.0.1:{PORT}{pages['deep archive page (oldest month, last page)']}")
        pages["deep archive page (oldest month, last page)"] = pages[
            "deep archive page (oldest month, last page)"
        ].replace("last", str(last_page))
        # Each page runs right after a run of the ceiling and is compared with it, so that a machine
        # whose speed drifts during the benchmark (a shared virtual machine) compares like with like.
        cookie = f"__Host-sessionid={session.session_key}"  # the production settings' cookie name
        runs: list[tuple[str, str, str | None]] = [(n, p, None) for n, p in pages.items() if n != CEILING]
        runs.append(("Q&A page, signed in (not cached)", busy.get_absolute_url(), cookie))
        results: dict[str, dict[str, float]] = {}
        ceilings: list[float] = []
        for name, path, page_cookie in runs:
            ceiling = _wrk(f"http://127.0.0.1:{PORT}{pages[CEILING]}")
            ceilings.append(ceiling["rps"])
            url = f"http://127.0.0.1:{PORT}{path}"
            request = urllib.request.Request(url, headers={"Cookie": page_cookie} if page_cookie else {})
            html = urllib.request.urlopen(request, timeout=30).read().decode()  # noqa: S310 - warm the cache
            if ("Sign out" in html) != bool(page_cookie):
                raise SystemExit(f"{name}: the page was not served to the reader it was meant for")
            results[name] = {**_wrk(url, page_cookie), "ceiling": ceiling["rps"]}
            print(f"{name:45} {results[name]['rps']:8.0f} req/s  p50 {results[name]['p50']:6.1f} ms  "
                  f"p99 {results[name]['p99']:6.1f} ms  ceiling {ceiling['rps']:6.0f} req/s")  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)

    ceilings.sort()
    rows = [
        f"| {CEILING} (median of {len(ceilings)} runs, {ceilings[0]:,.0f} to {ceilings[-1]:,.0f}) "
        f"| {ceilings[len(ceilings) // 2]:,.0f} | | | | 100% | |"
    ]
    for name, result in results.items():
        ratio = result["rps"] / result["ceiling"] if result["ceiling"] else 0
        rows.append(
            f"| {name} | {result['rps']:,.0f} | {result['p50']:.1f} ms | {result['p99']:.1f} ms "
            f"| {result['ceiling']:,.0f} | {ratio:.0%} | {counts.get(name, '')} |"
        )
    data_note = f" in {data_seconds:.0f} s" if data_seconds >= 1 else " (reused from an earlier run)"
    first = results["archive month"]["p50"]
    deep_p50 = results["deep archive page (oldest month, last page)"]["p50"]
    body = f"""## Pages under load

`make bench BENCH=pages` (bench/pages.py). Data, generated with set-based SQL{data_note}:
100,000 answered Q&As over ten years, 500,000 comments (one Q&A with exactly 50), 300 experts,
2,000 patients with pending questions, 50,000 alert subscribers. Server: gunicorn, {workers} sync workers,
production settings (Redis cache), on loopback. Load: `wrk -t2 -c{CONNECTIONS} -d{DURATION}s` per page,
after one warming request, each page right after a run of the ceiling (a bare Django view on the same
server), which it is compared with. Anonymous pages are served from the page cache; "queries" is what
a page costs right after content changed, when every cached page and part is stale (measured
in-process). The signed-in page is not taken from the page cache: each request loads the reader (one
query), checks that none of the comments is theirs (against the commenters, cached until content changes),
then fills the page every such reader shares (rendered once per content version) with their menu and token.

| page | requests/s | median | p99 | ceiling run before it | of ceiling | queries |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}

Deep archive page median vs first archive page: {deep_p50 / first if first else 0:.1f}x (target: within 2x).
Targets: every public page at least 50% of the ceiling; signed-in Q&A page at least 20%; at most 10 queries.
"""
    write_section("pages", body)
    print(body)


def _last_page(url: str) -> int:
    html = urllib.request.urlopen(url.replace("?page=last", ""), timeout=30).read().decode()  # noqa: S310
    numbers = [int(n) for n in re.findall(r"[?&]page=(\d+)", html)]
    return max(numbers, default=1)
