"""Composing and sending emails. Events write outbox rows inside the caller's transaction (services.enqueue);
Celery sends them after commit, and a periodic sweep sends anything left behind."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from notifications.models import OutboxEmail


@dataclass(frozen=True)
class Message:
    key: str
    kind: str
    to_email: str
    subject: str
    body_text: str
    body_html: str
    headers: dict[str, str]


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def compose(*, key: str, kind: str, to_email: str, context: dict[str, Any], unsubscribe: str) -> Message:
    """Render emails/<kind>_subject.txt, <kind>.txt and <kind>.html with the shared layout."""
    unsubscribe_url = absolute(reverse("notifications:unsubscribe", args=[unsubscribe]))
    context = {
        **context,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "disclaimer": settings.FORUM_DISCLAIMER,
        "unsubscribe_url": unsubscribe_url,
    }
    subject = " ".join(render_to_string(f"emails/{kind}_subject.txt", context).split())
    headers = {
        # RFC 8058: mail clients may unsubscribe with one POST to this address.
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return Message(
        key=key,
        kind=kind,
        to_email=to_email,
        subject=f"[{settings.SITE_NAME}] {subject}",
        body_text=render_to_string(f"emails/{kind}.txt", context),
        body_html=render_to_string(f"emails/{kind}.html", context),
        headers=headers,
    )


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** (attempts - 1), 6 * 3600))


def _record_failure(row: OutboxEmail, error: Exception) -> None:
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    if row.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        row.status = OutboxEmail.Status.FAILED
    else:
        row.next_attempt_at = timezone.now() + _backoff(row.attempts)
    row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def deliver(queryset: Any) -> int:
    """Send the due, pending emails in `queryset` over one connection. Safe to run concurrently:
    rows are locked and skipped by anyone else, and only pending rows are sent. The database work
    is one read and one write per batch, plus one write per failure."""
    sent_ids: list[int] = []
    now = timezone.now()
    with transaction.atomic():
        due = list(
            queryset.select_for_update(skip_locked=True)
            .filter(status=OutboxEmail.Status.PENDING, next_attempt_at__lte=now)
            .order_by("id")[: settings.OUTBOX_BATCH_SIZE]
        )
        if not due:
            return 0
        connection = mailers.default
        try:
            connection.open()
        except Exception as error:  # noqa: BLE001 - the server is unreachable: every row waits and retries
            for row in due:
                _record_failure(row, error)
            return 0
        try:
            for row in due:
                message = EmailMultiAlternatives(
                    subject=row.subject, body=row.body_text, to=[row.to_email], headers=row.headers,
                    connection=connection,
                )  # fmt: skip
                if row.body_html:
                    message.attach_alternative(row.body_html, "text/html")
                try:
                    message.send()
                except Exception as error:  # noqa: BLE001 - every SMTP failure is recorded on the row
                    _record_failure(row, error)
                    continue
                sent_ids.append(row.pk)
        finally:
            connection.close()
            OutboxEmail.objects.filter(pk__in=sent_ids).update(
                status=OutboxEmail.Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1
            )
    return len(sent_ids)
