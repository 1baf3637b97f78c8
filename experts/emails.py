"""Experts' emails: new questions in their specialties (at once or as a daily digest), licence reminders, and
second-clinician review (an answer waits for a reviewer; the reviewer's decision for its author)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from experts.models import ExpertProfile, PeerResponse
from forum.models import Answer, Question
from notifications.delivery import absolute, compose
from notifications.models import NotificationPreferences
from notifications.services import enqueue, preference_token, preferences_for


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
            unsubscribe=preference_token(expert.user, "expert_queue"),
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
                    unsubscribe=preference_token(expert.user, "expert_queue"),
                )
            )  # fmt: skip
    return enqueue(messages)


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
            unsubscribe=preference_token(expert.user, "expert_queue"),
        )
        for expert in experts
    )  # fmt: skip


def answer_awaits_review(answer: Answer) -> int:
    """Verified experts who could review it: those of its topic, or every other verified expert when none of its
    topic can (never its author). Sent each time it is sent for review, whatever their queue emails."""
    question = answer.question
    others = ExpertProfile.objects.answering().exclude(pk=answer.expert_id).select_related("user")
    reviewers = [e for e in others.filter(specialties=question.category_id) if e.user.is_active]
    if not reviewers:
        reviewers = [e for e in others if e.user.is_active]
    url = absolute(reverse("experts:review", args=[answer.pk]))
    sent_at = f"{answer.submitted_at:%Y%m%d%H%M%S%f}" if answer.submitted_at else "0"
    return enqueue(
        compose(
            key=f"review:{answer.pk}:{sent_at}:user:{expert.user_id}", kind="answer_awaits_review",
            to_email=expert.user.email, context={"question": question, "url": url, "user": expert.user},
            unsubscribe=preference_token(expert.user, "expert_queue"),
        )
        for expert in reviewers
    )  # fmt: skip


def review_decided(answer: Answer, *, approved: bool) -> int:
    """The author hears whether the second clinician approved the answer (now public) or returned it, with the
    reviewer's notes."""
    author = answer.expert.user
    if not author.is_active:
        return 0
    question = answer.question
    url = absolute(question.get_absolute_url() if approved else reverse("experts:answer", args=[question.pk]))
    when = f"{timezone.now():%Y%m%d%H%M%S%f}"
    return enqueue([
        compose(
            key=f"reviewed:{answer.pk}:{when}:user:{author.pk}", kind="answer_reviewed", to_email=author.email,
            context={"question": question, "answer": answer, "approved": approved, "url": url, "user": author},
            unsubscribe=preference_token(author, "expert_queue"),
        )
    ])  # fmt: skip


def concern_raised(answer: Answer, response: PeerResponse) -> int:
    """The author hears that another clinician raised a concern about their published answer, with the note."""
    author = answer.expert.user
    if not author.is_active:
        return 0
    question = answer.question
    return enqueue([
        compose(
            key=f"concern:{response.pk}:{response.updated_at:%Y%m%d%H%M%S%f}:user:{author.pk}", kind="answer_concern",
            to_email=author.email,
            context={"question": question, "note": response.note, "by": response.expert.display_name,
                     "url": absolute(reverse("experts:revise", args=[answer.pk])), "user": author, "moderator": False},
            unsubscribe=preference_token(author, "expert_queue"),
        )
    ])  # fmt: skip
