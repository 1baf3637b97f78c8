"""Sending: the tasks take outbox keys, load the rows and are safe to run twice."""

from celery import shared_task

from notifications.delivery import deliver
from notifications.models import OutboxEmail


@shared_task
def send_outbox(keys: list[str]) -> int:
    """Send the given outbox emails now (already sent ones are skipped)."""
    return deliver(OutboxEmail.objects.filter(key__in=keys))


@shared_task
def sweep_outbox() -> int:
    """Send whatever is due: emails whose task was lost (broker down) and retries after a failure."""
    total = 0
    while sent := deliver(OutboxEmail.objects.all()):
        total += sent
    return total
