from celery import shared_task

from experts import emails
from experts.services.profiles import expert_expire_licences


@shared_task
def expire_licences() -> int:
    return expert_expire_licences()


@shared_task
def expert_digest() -> int:
    return emails.expert_daily_digest()


@shared_task
def licence_reminders() -> int:
    return emails.licence_expiring()
