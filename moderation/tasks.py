from celery import shared_task

from moderation import emails


@shared_task
def moderator_digest() -> int:
    return emails.moderator_digest()
