from django.utils import timezone

from core.models import WorkerHeartbeat


def heartbeat_record(*, name: str) -> WorkerHeartbeat:
    heartbeat, _ = WorkerHeartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})
    return heartbeat
