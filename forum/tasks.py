from celery import shared_task

from forum.services.comments import comments_close_expired
from forum.services.ops import heartbeat_record


@shared_task
def record_heartbeat(name: str = "celery") -> int:
    return heartbeat_record(name=name).pk


@shared_task
def close_old_threads() -> int:
    return comments_close_expired()
