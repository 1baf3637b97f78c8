from celery import shared_task

from experts.services import expert_expire_licences


@shared_task
def expire_licences() -> int:
    return expert_expire_licences()
