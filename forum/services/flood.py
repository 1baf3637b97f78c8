"""Flood control: a minimum interval between posts and a daily cap per user."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ApplicationError


class FloodError(ApplicationError):
    pass


def check_flood(recent: QuerySet, *, daily_cap: int, field: str = "created_at") -> None:
    """`recent` is the user's own posts of one kind; raises FloodError with a message for the person."""
    now = timezone.now()
    last_day = recent.filter(**{f"{field}__gte": now - timedelta(days=1)})
    stats = last_day.aggregate(last=Max(field))
    if stats["last"] is not None and now - stats["last"] < timedelta(seconds=settings.FORUM_FLOOD_MIN_SECONDS):
        raise FloodError(_("You posted a moment ago. Please wait a little before posting again."))
    if last_day.count() >= daily_cap:
        raise FloodError(_("You have reached today's limit. Please come back tomorrow."))
