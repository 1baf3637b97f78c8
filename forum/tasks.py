"""Celery tasks: they take ids or keys, load what they need and are safe to run twice."""

from celery import shared_task

from forum import emails
from forum.services.questions import comments_close_expired
from notifications.models import AlertSubscription


@shared_task
def close_old_threads() -> int:
    return comments_close_expired()


@shared_task
def alerts_daily() -> int:
    return emails.alert_digest(AlertSubscription.Frequency.DAILY)


@shared_task
def alerts_weekly() -> int:
    return emails.alert_digest(AlertSubscription.Frequency.WEEKLY)
