from typing import TYPE_CHECKING, Any

from django.db import models

from core.models import AuditLog

if TYPE_CHECKING:  # the people model is accounts' (above core); only its type is named here
    from accounts.models import User

# Keys that would hold someone's words. The audit log says who did what to which object; the words stay with
# the object (and go when its author's account is erased), never here.
TEXT_KEYS = frozenset({"title", "body", "details", "text", "display_name", "bio", "disclosure", "email"})


def audit_record(
    *,
    actor: "User | None",
    action: str,
    target: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditLog:
    """Record a change. (What it changes on public pages is invalidated by the service that makes it:
    core.cache.invalidate.)"""
    kept_text = TEXT_KEYS.intersection([*(before or {}), *(after or {})])
    if kept_text:
        raise ValueError(f"The audit log never keeps text: {sorted(kept_text)}")
    return AuditLog.objects.create(
        actor=actor,
        action=action,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        before=before or {},
        after=after or {},
        reason=reason,
    )
