"""Celery tasks: they take ids or keys, load what they need and are safe to run twice."""

from celery import shared_task

from core.cache import invalidate
from forum import emails, figures, scopes
from forum.services.information import information_waits_end
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


@shared_task
def recount_public_figures() -> bool:
    """Nightly: the counts per topic and month from the Q&As themselves; the sidebar is rebuilt if one was off."""
    changed = figures.recount()
    if changed:
        invalidate(scopes.PUBLIC_FIGURES)
    return changed


@shared_task
def end_information_waits() -> int:
    """Nightly: questions whose asker did not reply to an expert's request in time go back to the queue."""
    return information_waits_end()


@shared_task
def follow_digest() -> int:
    """Daily: the summary for readers who follow Q&As once a day."""
    return emails.follow_digest()
