"""Alert digest throughput: 2,000 subscribers, real SMTP server (aiosmtpd) on loopback."""

import time
from datetime import timedelta

from bench.common import create_bench_database, setup_django, write_section

SUBSCRIBERS = 2000
# Its own database: on the search benchmark's a day holds hundreds of answers, and what was measured
# would depend on which benchmark ran before.
DB = "forum_bench_digest"


def run() -> None:
    create_bench_database(name=DB)
    setup_django(name=DB)
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from forum import emails
    from forum.models import Question
    from notifications.delivery import deliver
    from notifications.models import AlertSubscription, OutboxEmail
    from tests.support.processes import smtp_server, wait_for

    AlertSubscription.objects.filter(email__startswith="bench-reader").delete()
    OutboxEmail.objects.filter(kind="alert_digest").delete()
    from tests.factories import answered_question

    recent = Question.objects.public().filter(answered_at__gte=timezone.now() - timedelta(hours=20))
    for _ in range(max(0, 8 - recent.count())):
        answered_question(answered_at=timezone.now() - timedelta(hours=1))
    answers = recent.count()
    now = timezone.now()
    AlertSubscription.objects.bulk_create(
        AlertSubscription(email=f"bench-reader{i}@example.org", frequency="daily", confirmed_at=now)
        for i in range(SUBSCRIBERS)
    )
    with smtp_server() as (port, inbox):
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                        "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 30}}}  # fmt: skip
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as build_queries:
            created = emails.alert_digest("daily")
        built = time.perf_counter()
        with CaptureQueriesContext(connection) as send_queries:
            sent = deliver(OutboxEmail.objects.filter(kind="alert_digest"))
        finished = time.perf_counter()
        wait_for(lambda: len(inbox.messages) >= sent, timeout=60)
        received = len(inbox.messages)
    total = finished - started
    body = f"""## Alert digest

`make bench BENCH=digest` (bench/digest.py): a daily digest of {answers} new answers for {SUBSCRIBERS:,} confirmed
subscribers, rendered (HTML and text), written to the outbox and sent over one SMTP connection to a real aiosmtpd
server on loopback.

| step | time | queries |
|---|---|---|
| build the digest ({created:,} outbox rows) | {built - started:.2f} s | {len(build_queries)} |
| send ({sent:,} emails, {received:,} received by the SMTP server) | {finished - built:.2f} s | {len(send_queries)} |
| **throughput** | **{sent / total:,.0f} emails/s** end to end | |
"""
    write_section("digest", body)
    AlertSubscription.objects.filter(email__startswith="bench-reader").delete()
    print(body)
