"""Signed tokens in email links: one-click unsubscribe (no login) and alert confirmation."""

from typing import Any

from django.conf import settings
from django.core import signing

UNSUBSCRIBE_SALT = "forum.unsubscribe"
CONFIRM_SALT = "forum.alert-confirm"


def unsubscribe_token(kind: str, ref: int, field: str = "") -> str:
    """kind is "alert" (ref: subscription id), "pref" (ref: user id, field: the preference) or "follow" (ref:
    the followed Q&A's QuestionFollow id)."""
    return signing.dumps({"k": kind, "r": ref, "f": field}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict[str, Any] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return data if isinstance(data, dict) and data.get("k") in {"alert", "pref", "follow"} else None


def confirm_token(subscription_id: int) -> str:
    return signing.dumps({"s": subscription_id}, salt=CONFIRM_SALT)


def read_confirm_token(token: str) -> int | None:
    """The subscription id, or None when the link is forged or older than ALERT_CONFIRM_DAYS."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=settings.ALERT_CONFIRM_DAYS * 86400)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    return int(data["s"]) if isinstance(data, dict) and "s" in data else None
