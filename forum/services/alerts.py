"""Writes for email alerts and notification preferences reached through email links."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import NotificationPreferences, User
from forum import notifications
from forum.models import AlertSubscription, Category, Tag
from forum.services.audit import audit_record
from forum.services.flood import FloodError


@transaction.atomic
def alert_subscribe(
    *,
    email: str,
    scope: str,
    frequency: str,
    category: Category | None = None,
    tag: Tag | None = None,
    user: User | None = None,
) -> AlertSubscription:
    """Double opt-in: a confirmation email first, unless a signed-in person subscribes their own verified address."""
    email = email.strip()
    category = category if scope == AlertSubscription.Scope.CATEGORY else None
    tag = tag if scope == AlertSubscription.Scope.TAG else None
    recent = AlertSubscription.objects.filter(
        email__iexact=email, confirmed_at__isnull=True, created_at__gte=timezone.now() - timedelta(days=1)
    )
    if recent.count() >= 5:
        raise FloodError("Too many confirmation emails for this address today.")
    existing = AlertSubscription.objects.filter(
        email__iexact=email, scope=scope, category=category, tag=tag, unsubscribed_at__isnull=True
    ).first()
    subscription = existing or AlertSubscription(email=email, scope=scope, category=category, tag=tag)
    subscription.frequency = frequency
    subscription.user = subscription.user or user
    owns_address = user is not None and user.email.lower() == email.lower()
    if owns_address and subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
    subscription.save()
    if subscription.confirmed_at is None:
        notifications.alert_confirmation(subscription)
    return subscription


@transaction.atomic
def alert_confirm(*, subscription_id: int) -> AlertSubscription | None:
    subscription = AlertSubscription.objects.select_for_update().filter(pk=subscription_id).first()
    if subscription is None or subscription.unsubscribed_at is not None:
        return None
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


@transaction.atomic
def alert_unsubscribe(*, subscription: AlertSubscription) -> AlertSubscription:
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


PREFERENCE_OFF = {
    "question_answered": False,
    "comment_replies": False,
    "moderator_digest": False,
    "expert_queue": NotificationPreferences.ExpertQueue.OFF,
}


@transaction.atomic
def preferences_update(*, user: User, **values: object) -> NotificationPreferences:
    prefs, _ = NotificationPreferences.objects.select_for_update().get_or_create(user=user)
    before = {field: getattr(prefs, field) for field in values}
    for field, value in values.items():
        if field not in PREFERENCE_OFF:
            raise ValueError(f"Unknown preference {field}")
        setattr(prefs, field, value)
    prefs.save()
    audit_record(actor=user, action="preferences.update", target=prefs, before=before, after=dict(values))
    return prefs


def preference_unsubscribe(*, user: User, field: str) -> NotificationPreferences:
    return preferences_update(user=user, **{field: PREFERENCE_OFF[field]})
