"""Celery tasks: they take ids or keys, load what they need and are safe to run twice."""

from celery import shared_task

from forum import notifications
from forum.models import AlertSubscription, OutboxEmail
from forum.services.comments import comments_close_expired
from forum.services.ops import heartbeat_record


@shared_task
def record_heartbeat(name: str = "celery") -> int:
    return heartbeat_record(name=name).pk


@shared_task
def close_old_threads() -> int:
    return comments_close_expired()


@shared_task
def send_outbox(keys: list[str]) -> int:
    """Send the given outbox emails now (already sent ones are skipped)."""
    return notifications.deliver(OutboxEmail.objects.filter(key__in=keys))


@shared_task
def sweep_outbox() -> int:
    """Send whatever is due: emails whose task was lost (broker down) and retries after a failure."""
    total = 0
    while sent := notifications.deliver(OutboxEmail.objects.all()):
        total += sent
    return total


@shared_task
def expert_digest() -> int:
    return notifications.expert_daily_digest()


@shared_task
def moderator_digest() -> int:
    return notifications.moderator_digest()


@shared_task
def licence_reminders() -> int:
    return notifications.licence_expiring()


@shared_task
def alerts_daily() -> int:
    return notifications.alert_digest(AlertSubscription.Frequency.DAILY)


@shared_task
def alerts_weekly() -> int:
    return notifications.alert_digest(AlertSubscription.Frequency.WEEKLY)
