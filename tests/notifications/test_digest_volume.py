"""A digest for 2,000 subscribers through a real SMTP server, with batched database work."""

import pytest
from django.utils import timezone

from forum import emails
from notifications.delivery import deliver
from notifications.models import AlertSubscription, OutboxEmail
from tests.factories import CategoryFactory, answered_question
from tests.support.processes import smtp_server, wait_for

SUBSCRIBERS = 2000


@pytest.mark.django_db
def test_a_digest_for_2000_subscribers_sends_2000_emails_with_bounded_queries(settings, django_assert_max_num_queries):
    category = CategoryFactory()
    for _ in range(8):
        answered_question(category=category)
    now = timezone.now()
    AlertSubscription.objects.bulk_create(
        AlertSubscription(email=f"reader{i}@example.org", frequency="daily", confirmed_at=now)
        for i in range(SUBSCRIBERS)
    )
    with smtp_server() as (port, inbox):
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                        "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10}}}  # fmt: skip
        with django_assert_max_num_queries(12):
            created = emails.alert_digest("daily")
        assert created == SUBSCRIBERS
        with django_assert_max_num_queries(6):
            sent = deliver(OutboxEmail.objects.filter(kind="alert_digest"))
        assert sent == SUBSCRIBERS
        assert wait_for(lambda: len(inbox.messages) == SUBSCRIBERS, timeout=30)
    assert OutboxEmail.objects.filter(kind="alert_digest", status="sent").count() == SUBSCRIBERS
    assert len({m.split(b"To: ")[1].split(b"\n")[0] for m in inbox.messages}) == SUBSCRIBERS
