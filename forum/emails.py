"""The forum's emails: the asker's news, replies to comments, the moderators' digest and topic alerts.

Each writes outbox rows in the caller's transaction (notifications.services.enqueue)."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from forum import redaction as forum_redaction
from forum import triage
from forum.models import InformationRequest, Question, Redaction
from notifications import tokens
from notifications.delivery import Message, absolute, compose
from notifications.models import AlertSubscription, QuestionFollow
from notifications.services import enqueue, preference_token, preferences_for


def question_answered(question: Question) -> int:
    messages: list[Message] = []
    author = question.author
    if author is not None and author.is_active and preferences_for(author).question_answered:
        messages.append(
            compose(
                key=f"answered:{question.pk}:user:{author.pk}", kind="question_answered", to_email=author.email,
                context={"question": question, "url": absolute(question.get_absolute_url()), "user": author},
                unsubscribe=preference_token(author, "question_answered"),
            )
        )  # fmt: skip
    messages.extend(_alert_messages(AlertSubscription.Frequency.IMMEDIATE, [question], f"answer:{question.pk}"))
    return enqueue(messages)


def question_received(question: Question, *, country: str = "") -> int:
    """We have your question, what happens next; with the contacts for each kind of urgent need it was flagged
    with. A flagged question's email goes even to an asker who turned emails about their questions off."""
    author = question.author
    if author is None or not author.is_active:
        return 0
    if not question.triage and not preferences_for(author).question_answered:
        return 0
    return enqueue([
        compose(
            key=f"received:{question.pk}:user:{author.pk}", kind="question_received", to_email=author.email,
            context={"question": question, "advice": triage.advice(question.triage, country), "user": author,
                     "url": absolute(reverse("forum:my_questions"))},
            unsubscribe=preference_token(author, "question_answered"),
        )
    ])  # fmt: skip


def safeguarding_reply(question: Question, *, reply: str, note: str, country: str) -> int:
    """A moderator's private message to the asker. Sent whatever their email preferences, each time anew."""
    author = question.author
    if author is None:
        return 0
    kinds = question.triage if reply == "check_in" else [reply]
    return enqueue([
        compose(
            key=f"safeguarding:{question.pk}:{uuid.uuid4().hex}", kind="safeguarding_reply", to_email=author.email,
            context={"question": question, "reply": reply, "note": note, "user": author,
                     "advice": triage.advice(kinds, country), "url": absolute(reverse("forum:my_questions"))},
            unsubscribe=preference_token(author, "question_answered"),
        )
    ])  # fmt: skip


def question_rejected(question: Question) -> int:
    author = question.author
    if author is None or not author.is_active or not preferences_for(author).question_answered:
        return 0
    return enqueue([
        compose(
            key=f"rejected:{question.pk}:user:{author.pk}", kind="question_rejected", to_email=author.email,
            context={"question": question, "url": absolute(reverse("forum:my_questions")), "user": author},
            unsubscribe=preference_token(author, "question_answered"),
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


_REDACTION_PREFERENCE = {"question": "question_answered", "answer": "expert_queue", "comment": "comment_replies"}


def content_redacted(redaction: Redaction, *, recipient: User, question: Question, what: str) -> int:
    """The author is told that a moderator took words out of their question, answer or comment: what kind of
    detail and why, never the words. Sent whatever their email preferences, like any moderator's message."""
    if not recipient.is_active:
        return 0
    url = question.get_absolute_url() if question.is_public else reverse("forum:my_questions")
    return enqueue([
        compose(
            key=f"redacted:{redaction.pk}:user:{recipient.pk}", kind="content_redacted", to_email=recipient.email,
            context={"what": what, "question": question, "reason": redaction.reason, "user": recipient,
                     "kinds": forum_redaction.kind_labels(redaction.kinds), "url": absolute(url)},
            unsubscribe=preference_token(recipient, _REDACTION_PREFERENCE[what]),
        )
    ])  # fmt: skip


def information_requested(request: InformationRequest) -> int:
    """The asker hears that the expert needs more information before answering: their question is quoted, and
    they reply from My questions. Sent whatever their preferences: their question waits for it."""
    question = request.question
    author = question.author
    if author is None or not author.is_active:
        return 0
    return enqueue([
        compose(
            key=f"info-request:{request.pk}:user:{author.pk}", kind="information_requested", to_email=author.email,
            context={"question": question, "message": request.message, "user": author,
                     "days": settings.FORUM_INFORMATION_WAIT_DAYS, "url": absolute(reverse("forum:my_questions"))},
            unsubscribe=preference_token(author, "question_answered"),
        )
    ])  # fmt: skip


def information_provided(request: InformationRequest) -> int:
    """The expert who asked hears that the asker replied; the reply is read on the answer page, not in email."""
    expert = request.expert
    if expert is None or not expert.user.is_active:
        return 0
    url = absolute(reverse("experts:answer", args=[request.question_id]))
    return enqueue([
        compose(
            key=f"info-reply:{request.pk}:user:{expert.user_id}", kind="information_provided",
            to_email=expert.user.email, context={"question": request.question, "url": url, "user": expert.user},
            unsubscribe=preference_token(expert.user, "expert_queue"),
        )
    ])  # fmt: skip


def follow_update(question: Question, *, kind: str, actor_id: int | None, event: str) -> int:
    """A followed Q&A changed (kind "comment": a comment was published; "revision": its answer was revised):
    followers who want news at once get an email now (never the person who made the change); the others' next
    daily summary will say so."""
    followers = QuestionFollow.objects.filter(question=question).select_related("user")
    if actor_id is not None:
        followers = followers.exclude(user_id=actor_id)
    daily = followers.filter(frequency=QuestionFollow.Frequency.DAILY)
    daily.update(**({"pending_comments": True} if kind == "comment" else {"pending_revision": True}))
    url = absolute(question.get_absolute_url())
    return enqueue(
        compose(
            key=f"follow:{kind}:{event}:user:{follow.user_id}", kind="follow_update", to_email=follow.user.email,
            context={"question": question, "what": kind, "url": url, "user": follow.user},
            unsubscribe=tokens.unsubscribe_token("follow", follow.pk),
        )
        for follow in followers.filter(frequency=QuestionFollow.Frequency.IMMEDIATE)
        if follow.user.is_active
    )  # fmt: skip


@transaction.atomic
def follow_digest() -> int:
    """Once a day: each follower with news hears of every Q&A they follow that changed since the last summary
    (the rows are locked meanwhile, so news arriving during the run wait for tomorrow's)."""
    pending = list(
        QuestionFollow.objects.filter(frequency=QuestionFollow.Frequency.DAILY)
        .filter(Q(pending_comments=True) | Q(pending_revision=True))
        .select_related("user", "question")
        .select_for_update(of=("self",))
        .order_by("user_id", "question_id")
    )
    by_user: dict[int, list[QuestionFollow]] = {}
    for follow in pending:
        by_user.setdefault(follow.user_id, []).append(follow)
    today = timezone.localdate()
    messages = [
        compose(
            key=f"follow-digest:{today}:user:{user_id}", kind="follow_digest", to_email=follows[0].user.email,
            context={"follows": [(f.question, absolute(f.question.get_absolute_url()), f.pending_comments,
                                  f.pending_revision) for f in follows], "user": follows[0].user},
            unsubscribe=tokens.unsubscribe_token("follow", follows[0].pk),
        )
        for user_id, follows in by_user.items()
        if follows[0].user.is_active
    ]  # fmt: skip
    sent = enqueue(messages)
    QuestionFollow.objects.filter(pk__in=[f.pk for f in pending]).update(
        pending_comments=False, pending_revision=False, last_sent_at=timezone.now()
    )
    return sent
