from celery import shared_task

from core.services import heartbeat_record


@shared_task
def record_heartbeat(name: str = "celery") -> int:
    return heartbeat_record(name=name).pk
