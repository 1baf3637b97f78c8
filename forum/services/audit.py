from typing import Any

from django.db import models, transaction

from accounts.models import User
from forum.cache import bump_content_version
from forum.models import AuditLog


def audit_record(
    *,
    actor: User | None,
    action: str,
    target: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditLog:
    """Record a change. Every change that is audited may show on public pages, so cached pages
    are invalidated once it commits."""
    transaction.on_commit(bump_content_version)
    return AuditLog.objects.create(
        actor=actor,
        action=action,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        before=before or {},
        after=after or {},
        reason=reason,
    )
