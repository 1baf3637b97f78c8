"""The notifications' part of a person's data export and erasure (accounts/signals.py)."""

from typing import Any

from notifications.models import AlertSubscription, NotificationPreferences, OutboxEmail


def export_sections(sender: object, user: Any, **kwargs: Any) -> dict[str, Any]:
    prefs = NotificationPreferences.for_user(user)
    return {
        "notification_preferences": {
            "question_answered": prefs.question_answered,
            "comment_replies": prefs.comment_replies,
            "expert_queue": prefs.expert_queue,
            "moderator_digest": prefs.moderator_digest,
            "moderator_on_duty": prefs.moderator_on_duty,
        },
        "alerts": [
            {
                "email": a.email,
                "about": a.scope,
                "topic": a.topic_label,
                "frequency": a.frequency,
                "confirmed": a.confirmed_at is not None,
                "active": a.is_active,
            }
            for a in AlertSubscription.objects.filter(user=user).select_related("category", "tag")
        ],  # fmt: skip
    }


def erase(sender: object, user: Any, **kwargs: Any) -> dict[str, int]:
    AlertSubscription.objects.filter(user=user).delete()
    AlertSubscription.objects.filter(email__iexact=user.email).delete()
    # Sent and waiting emails keep the address and what they were about.
    OutboxEmail.objects.filter(to_email__iexact=user.email).delete()
    return {}
