"""Who is told what, by email. Events write outbox rows inside the caller's transaction;
Celery sends them after commit, and a periodic sweep sends anything left behind."""

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import NotificationPreferences, User
from experts.models import ExpertProfile
from forum import tokens
from forum.models import AlertSubscription, Comment, OutboxEmail, Question

logger = logging.getLogger(__name__)


# --- Composing ---------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    key: str
    kind: str
    to_email: str
    subject: str
    body_text: str
    body_html: str
    headers: dict[str, str]


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def compose(*, key: str, kind: str, to_email: str, context: dict[str, Any], unsubscribe: str) -> Message:
    """Render emails/<kind>_subject.txt, <kind>.txt and <kind>.html with the shared layout."""
    unsubscribe_url = absolute(reverse("forum:unsubscribe", args=[unsubscribe]))
    context = {
        **context,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "disclaimer": settings.FORUM_DISCLAIMER,
        "unsubscribe_url": unsubscribe_url,
    }
    subject = " ".join(render_to_string(f"emails/{kind}_subject.txt", context).split())
    headers = {
        # RFC 8058: mail clients may unsubscribe with one POST to this address.
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return Message(
        key=key,
        kind=kind,
        to_email=to_email,
        subject=f"[{settings.SITE_NAME}] {subject}",
        body_text=render_to_string(f"emails/{kind}.txt", context),
        body_html=render_to_string(f"emails/{kind}.html", context),
        headers=headers,
    )


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
    from forum.tasks import send_outbox

    try:
        send_outbox.apply_async(args=[keys], retry=False)
    except Exception:  # noqa: BLE001 - any broker failure must not break the request
        logger.warning("Broker unavailable; %d email(s) left for the outbox sweep.", len(keys))


# --- Sending -----------------------------------------------------------------------


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** (attempts - 1), 6 * 3600))


def _record_failure(row: OutboxEmail, error: Exception) -> None:
    row.attempts += 1
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    if row.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        row.status = OutboxEmail.Status.FAILED
    else:
        row.next_attempt_at = timezone.now() + _backoff(row.attempts)
    row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def deliver(queryset: Any) -> int:
    """Send the due, pending emails in `queryset` over one connection. Safe to run concurrently:
    rows are locked and skipped by anyone else, and only pending rows are sent. The database work
    is one read and one write per batch, plus one write per failure."""
    sent_ids: list[int] = []
    now = timezone.now()
    with transaction.atomic():
        due = list(
            queryset.select_for_update(skip_locked=True)
            .filter(status=OutboxEmail.Status.PENDING, next_attempt_at__lte=now)
            .order_by("id")[: settings.OUTBOX_BATCH_SIZE]
        )
        if not due:
            return 0
        connection = mailers.default
        try:
            connection.open()
        except Exception as error:  # noqa: BLE001 - the server is unreachable: every row waits and retries
            for row in due:
                _record_failure(row, error)
            return 0
        try:
            for row in due:
                message = EmailMultiAlternatives(
                    subject=row.subject, body=row.body_text, to=[row.to_email], headers=row.headers,
                    connection=connection,
                )  # fmt: skip
                if row.body_html:
                    message.attach_alternative(row.body_html, "text/html")
                try:
                    message.send()
                except Exception as error:  # noqa: BLE001 - every SMTP failure is recorded on the row
                    _record_failure(row, error)
                    continue
                sent_ids.append(row.pk)
        finally:
            connection.close()
            OutboxEmail.objects.filter(pk__in=sent_ids).update(
                status=OutboxEmail.Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1
            )
    return len(sent_ids)


# --- Preferences ---------------------------------------------------------------------


def preferences_for(user: User) -> NotificationPreferences:
    return NotificationPreferences.for_user(user)


def _pref_token(user: User, field: str) -> str:
    return tokens.unsubscribe_token("pref", user.pk, field)


# --- Events --------------------------------------------------------------------------


def question_answered(question: Question) -> int:
    messages: list[Message] = []
    author = question.author
    if author is not None and author.is_active and preferences_for(author).question_answered:
        messages.append(
            compose(
                key=f"answered:{question.pk}:user:{author.pk}", kind="question_answered", to_email=author.email,
                context={"question": question, "url": absolute(question.get_absolute_url()), "user": author},
                unsubscribe=_pref_token(author, "question_answered"),
            )
        )  # fmt: skip
    messages.extend(_alert_messages(AlertSubscription.Frequency.IMMEDIATE, [question], f"answer:{question.pk}"))
    return enqueue(messages)


def question_rejected(question: Question) -> int:
    author = question.author
    if author is None or not author.is_active or not preferences_for(author).question_answered:
        return 0
    return enqueue([
        compose(
            key=f"rejected:{question.pk}:user:{author.pk}", kind="question_rejected", to_email=author.email,
            context={"question": question, "url": absolute(reverse("forum:my_questions")), "user": author},
            unsubscribe=_pref_token(author, "question_answered"),
        )
    ])  # fmt: skip


def comment_published(comment: Comment) -> int:
    """Tell the parent comment's author about a reply (never oneself)."""
    parent = comment.parent
    if parent is None or parent.author is None or parent.author_id == comment.author_id or parent.is_deleted:
        return 0
    recipient = parent.author
    if not recipient.is_active or not preferences_for(recipient).comment_replies:
        return 0
    url = absolute(f"{comment.question.get_absolute_url()}#comment-{comment.pk}")
    return enqueue([
        compose(
            key=f"reply:{comment.pk}:user:{recipient.pk}", kind="comment_reply", to_email=recipient.email,
            context={"comment": comment, "question": comment.question, "url": url, "user": recipient},
            unsubscribe=_pref_token(recipient, "comment_replies"),
        )
    ])  # fmt: skip


def _experts_for(question: Question, queue: str) -> list[ExpertProfile]:
    experts = (
        ExpertProfile.objects.answering()
        .filter(specialties=question.category_id)
        .select_related("user", "user__notification_preferences")
    )
    return [e for e in experts if e.user.is_active and preferences_for(e.user).expert_queue == queue]


def question_approved(question: Question) -> int:
    """Experts who want each new question in their specialties, immediately."""
    url = absolute(reverse("experts:dashboard"))
    return enqueue(
        compose(
            key=f"queue:{question.pk}:user:{expert.user_id}", kind="expert_new_question", to_email=expert.user.email,
            context={"question": question, "url": url, "user": expert.user},
            unsubscribe=_pref_token(expert.user, "expert_queue"),
        )
        for expert in _experts_for(question, NotificationPreferences.ExpertQueue.IMMEDIATE)
    )  # fmt: skip


def expert_daily_digest() -> int:
    since = timezone.now() - timedelta(days=1)
    new = list(
        Question.objects.filter(status=Question.Status.APPROVED, approved_at__gte=since).select_related("category")
    )
    if not new:
        return 0
    by_category: dict[int, list[Question]] = {}
    for question in new:
        by_category.setdefault(question.category_id, []).append(question)
    today = timezone.localdate()
    experts = (
        ExpertProfile.objects.answering()
        .select_related("user", "user__notification_preferences")
        .prefetch_related("specialties")
    )
    url = absolute(reverse("experts:dashboard"))
    messages = []
    for expert in experts:
        if not expert.user.is_active or preferences_for(expert.user).expert_queue != "daily":
            continue
        questions = [q for c in expert.specialties.all() for q in by_category.get(c.pk, [])]
        if questions:
            messages.append(
                compose(
                    key=f"queue-digest:{today}:user:{expert.user_id}", kind="expert_digest",
                    to_email=expert.user.email, context={"questions": questions, "url": url, "user": expert.user},
                    unsubscribe=_pref_token(expert.user, "expert_queue"),
                )
            )  # fmt: skip
    return enqueue(messages)


def moderator_digest() -> int:
    from forum.selectors import moderation_counts

    counts = moderation_counts()
    if not any(counts.values()):
        return 0
    moderators = (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__name="Moderators"))
        .select_related("notification_preferences")
        .distinct()
    )
    today = timezone.localdate()
    url = absolute(reverse("admin:index"))
    return enqueue(
        compose(
            key=f"moderation:{today}:user:{user.pk}", kind="moderator_digest", to_email=user.email,
            context={"counts": counts, "url": url, "user": user}, unsubscribe=_pref_token(user, "moderator_digest"),
        )
        for user in moderators
        if preferences_for(user).moderator_digest
    )  # fmt: skip


def licence_expiring(days: int = 30) -> int:
    on = timezone.localdate() + timedelta(days=days)
    experts = ExpertProfile.objects.filter(status=ExpertProfile.Status.VERIFIED, licence_expires_on=on).select_related(
        "user"
    )
    url = absolute(reverse("experts:apply"))
    return enqueue(
        compose(
            key=f"licence:{expert.pk}:{on}", kind="licence_expiring", to_email=expert.user.email,
            context={"expert": expert, "expires_on": on, "url": url, "user": expert.user},
            unsubscribe=_pref_token(expert.user, "expert_queue"),
        )
        for expert in experts
    )  # fmt: skip


# --- Alerts --------------------------------------------------------------------------


def alert_confirmation(subscription: AlertSubscription) -> int:
    url = absolute(reverse("forum:alert_confirm", args=[tokens.confirm_token(subscription.pk)]))
    return enqueue([
        compose(
            key=f"alert-confirm:{subscription.pk}:{timezone.now():%Y%m%d%H%M}", kind="alert_confirm",
            to_email=subscription.email, context={"subscription": subscription, "url": url,
                                                   "days": settings.ALERT_CONFIRM_DAYS},
            unsubscribe=tokens.unsubscribe_token("alert", subscription.pk),
        )
    ])  # fmt: skip


def _matches(subscription: AlertSubscription, question: Question, tag_ids: set[int]) -> bool:
    if subscription.scope == AlertSubscription.Scope.ALL:
        return True
    if subscription.scope == AlertSubscription.Scope.CATEGORY:
        return subscription.category_id == question.category_id
    return subscription.tag_id in tag_ids


def _alert_messages(frequency: str, questions: list[Question], key_part: str) -> list[Message]:
    """One message per subscriber whose alert matches any of the questions; three queries in all."""
    if not questions:
        return []
    tags_by_question = {q.pk: {t.pk for t in q.tags.all()} for q in questions}
    subscriptions = AlertSubscription.objects.filter(
        frequency=frequency, confirmed_at__isnull=False, unsubscribed_at__isnull=True
    ).select_related("category", "tag")
    kind = "alert_immediate" if frequency == AlertSubscription.Frequency.IMMEDIATE else "alert_digest"
    messages = []
    for subscription in subscriptions.iterator(chunk_size=2000):
        matching = [q for q in questions if _matches(subscription, q, tags_by_question[q.pk])]
        if not matching:
            continue
        items = [{"title": q.title, "url": absolute(q.get_absolute_url())} for q in matching]
        messages.append(
            compose(
                key=f"alert:{subscription.pk}:{key_part}", kind=kind, to_email=subscription.email,
                context={"subscription": subscription, "items": items, "frequency": frequency},
                unsubscribe=tokens.unsubscribe_token("alert", subscription.pk),
            )
        )  # fmt: skip
    return messages


def alert_digest(frequency: str) -> int:
    """Daily or weekly: every answer published in the period, per matching subscriber."""
    days = 1 if frequency == AlertSubscription.Frequency.DAILY else 7
    since = timezone.now() - timedelta(days=days)
    questions = list(
        Question.objects.public().filter(answered_at__gte=since).prefetch_related("tags").order_by("-answered_at")
    )
    period = timezone.localdate().isoformat()
    with transaction.atomic():
        return enqueue(_alert_messages(frequency, questions, f"{frequency}:{period}"))
