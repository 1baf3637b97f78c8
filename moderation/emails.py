"""The moderators' daily summary of waiting work."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from moderation.selectors import moderation_counts
from notifications.delivery import absolute, compose
from notifications.services import enqueue, preference_token, preferences_for


def moderator_digest() -> int:
    counts = moderation_counts()
    if not any(counts.values()):
        return 0
    moderators = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__name="Moderators"))
        .select_related("notification_preferences")
        .distinct()
    )
    today = timezone.localdate()
    url = absolute(reverse("admin:index"))
    return enqueue(
        compose(
            key=f"moderation:{today}:user:{user.pk}", kind="moderator_digest", to_email=user.email,
            context={"counts": counts, "url": url, "user": user},
            unsubscribe=preference_token(user, "moderator_digest"),
        )
        for user in moderators
        if preferences_for(user).moderator_digest
    )  # fmt: skip
