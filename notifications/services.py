"""Writes for email: the outbox, alert subscriptions (double opt-in) and notification preferences."""

import logging
import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from accounts.emails import normalize_email_address
from accounts.models import User
from core.audit import audit_record
from notifications import tokens
from notifications.delivery import Message, absolute, compose
from notifications.models import AlertSubscription, NotificationPreferences, OutboxEmail, QuestionFollow
from notifications.tasks import send_outbox

logger = logging.getLogger(__name__)


def enqueue(messages: Iterable[Message]) -> int:
    """Write outbox rows (duplicates by key are ignored) and send them after commit."""
    rows = [
        OutboxEmail(key=m.key, kind=m.kind, to_email=m.to_email, subject=m.subject, body_text=m.body_text,
                    body_html=m.body_html, headers=m.headers)
        for m in messages
    ]  # fmt: skip
    if not rows:
        return 0
    OutboxEmail.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    keys = [row.key for row in rows]
    transaction.on_commit(lambda: dispatch_keys(keys))
    return len(rows)


def enqueue_account_email(*, kind: str, to_email: str, subject: str, body_text: str, body_html: str = "") -> int:
    """A sign-up, verification or password-reset email: no unsubscribe link (people asked for it),
    and a key of its own (two requests are two emails)."""
    return enqueue([
        Message(key=f"account:{kind}:{uuid.uuid4().hex}", kind=f"account_{kind}"[:40], to_email=to_email,
                subject=subject, body_text=body_text, body_html=body_html, headers={})
    ])  # fmt: skip


def dispatch_keys(keys: list[str]) -> None:
    """Ask a worker to send; if the broker is unreachable the sweep sends later."""
    try:
        send_outbox.apply_async(args=[keys], retry=False)
    except Exception:  # noqa: BLE001 - any broker failure must not break the request
        logger.warning("Broker unavailable; %d email(s) left for the outbox sweep.", len(keys))


def preferences_for(user: User) -> NotificationPreferences:
    return NotificationPreferences.for_user(user)


def preference_token(user: User, field: str) -> str:
    return tokens.unsubscribe_token("pref", user.pk, field)


def alert_confirmation(subscription: AlertSubscription) -> int:
    url = absolute(reverse("notifications:alert_confirm", args=[tokens.confirm_token(subscription.pk)]))
    return enqueue([
        compose(
            key=f"alert-confirm:{subscription.pk}:{timezone.now():%Y%m%d%H%M}", kind="alert_confirm",
            to_email=subscription.email, context={"subscription": subscription, "url": url,
                                                   "days": settings.ALERT_CONFIRM_DAYS},
            unsubscribe=tokens.unsubscribe_token("alert", subscription.pk),
        )
    ])  # fmt: skip


def _same_topic(email: str, scope: str, category: Any, tag: Any) -> "QuerySet[AlertSubscription]":
    return AlertSubscription.objects.filter(email__iexact=email, scope=scope, category=category, tag=tag)


def confirmations_sent_today(email: str) -> int:
    return OutboxEmail.objects.filter(
        kind="alert_confirm", to_email__iexact=email, created_at__gte=timezone.now() - timedelta(days=1)
    ).count()


@transaction.atomic
def alert_subscribe(
    *,
    email: str,
    scope: str,
    frequency: str,
    category: Any = None,
    tag: Any = None,
    user: User | None = None,
) -> AlertSubscription | None:
    """Double opt-in. A signed-in person subscribing their own (verified) address is subscribed at once.

    For any other address nothing existing is revealed or changed: the request is stored on its own,
    unattached to whoever posted it, and takes effect only through the emailed link; at most
    ALERT_CONFIRMATIONS_PER_DAY such emails go to one address a day (further requests are dropped
    silently). Returns the active subscription when the owner subscribed, else None."""
    email = normalize_email_address(email)
    category = category if scope == AlertSubscription.Scope.CATEGORY else None
    tag = tag if scope == AlertSubscription.Scope.TAG else None
    if user is not None and user.is_authenticated and user.email.lower() == email.lower():
        subscription = (
            _same_topic(email, scope, category, tag)
            .filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
            .select_for_update()
            .first()
        ) or AlertSubscription(email=email, scope=scope, category=category, tag=tag, confirmed_at=timezone.now())
        subscription.frequency = frequency
        subscription.user = user
        subscription.save()
        return subscription
    if confirmations_sent_today(email) >= settings.ALERT_CONFIRMATIONS_PER_DAY:
        return None
    request = AlertSubscription.objects.create(
        email=email, scope=scope, category=category, tag=tag, frequency=frequency
    )
    alert_confirmation(request)
    return None


@transaction.atomic
def alert_confirm(*, subscription_id: int) -> AlertSubscription | None:
    """The emailed link: the request becomes the subscription, or, when the address already follows the
    topic, changes that subscription's frequency (one active subscription per address and topic)."""
    request = AlertSubscription.objects.select_for_update().filter(pk=subscription_id).first()
    if request is None or request.unsubscribed_at is not None:
        return None
    if request.confirmed_at is not None:
        return request
    existing = (
        _same_topic(request.email, request.scope, request.category, request.tag)
        .filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
        .exclude(pk=request.pk)
        .select_for_update()
        .first()
    )
    now = timezone.now()
    if existing is None:
        request.confirmed_at = now
        request.save(update_fields=["confirmed_at"])
        return request
    existing.frequency = request.frequency
    existing.save(update_fields=["frequency"])
    request.unsubscribed_at = now  # used up: its token confirms nothing again
    request.save(update_fields=["unsubscribed_at"])
    return existing


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
    "moderator_on_duty": False,
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


@transaction.atomic
def follow(*, user: User, question: Any, frequency: str) -> QuestionFollow:
    """Follow a public Q&A (or change how often its news come)."""
    if frequency not in QuestionFollow.Frequency.values:
        frequency = QuestionFollow.Frequency.DAILY
    following, _created = QuestionFollow.objects.update_or_create(
        user=user, question=question, defaults={"frequency": frequency}
    )
    return following


@transaction.atomic
def unfollow(*, user: User, question: Any) -> None:
    QuestionFollow.objects.filter(user=user, question=question).delete()
