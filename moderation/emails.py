"""The moderators' daily summary of waiting work."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from forum.models import Question, Triage
from moderation.selectors import moderation_counts
from notifications.delivery import absolute, compose
from notifications.services import enqueue, preference_token, preferences_for


def _moderators() -> QuerySet[Any]:
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__name="Moderators"))
        .select_related("notification_preferences")
        .distinct()
    )


def triage_alert(question: Question) -> int:
    """A new question may need help now: every moderator on duty hears of it at once. The email names the
    kinds of need and links to the question in the console; the question's words stay there."""
    url = absolute(reverse("admin:forum_question_change", args=[question.pk]))
    kinds = [str(Triage(kind).label) for kind in question.triage]
    return enqueue(
        compose(
            key=f"triage:{question.pk}:user:{user.pk}", kind="triage_alert", to_email=user.email,
            context={"kinds": kinds, "url": url, "user": user},
            unsubscribe=preference_token(user, "moderator_on_duty"),
        )
        for user in _moderators()
        if preferences_for(user).moderator_on_duty
    )  # fmt: skip


def moderator_digest() -> int:
    counts = moderation_counts()
    if not any(counts.values()):
        return 0
    moderators = _moderators()
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


def answer_concern(answer: Any, response: Any) -> int:
    """A clinician raised a concern about a published answer (experts.signals.answer_concern_raised): moderators
    who want to hear at once are told, with the note and a link to the Q&A."""
    url = absolute(answer.question.get_absolute_url())
    return enqueue(
        compose(
            key=f"concern:{response.pk}:{response.updated_at:%Y%m%d%H%M%S%f}:user:{user.pk}", kind="answer_concern",
            to_email=user.email,
            context={"question": answer.question, "note": response.note, "by": response.expert.display_name,
                     "url": url, "user": user, "moderator": True},
            unsubscribe=preference_token(user, "moderator_on_duty"),
        )
        for user in _moderators()
        if preferences_for(user).moderator_on_duty
    )  # fmt: skip


def contact_message(sent: Any) -> int:
    """A message from the contact form reaches every moderator, with a link to it in the console."""
    url = absolute(reverse("admin:moderation_contactmessage_change", args=[sent.pk]))
    return enqueue(
        compose(
            key=f"contact:{sent.pk}:user:{user.pk}", kind="contact_message", to_email=user.email,
            context={"sent": sent, "url": url, "user": user, "topic": sent.get_topic_display()},
            unsubscribe=preference_token(user, "moderator_digest"),
        )
        for user in _moderators()
    )  # fmt: skip
