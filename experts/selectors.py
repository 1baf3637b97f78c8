from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import (
    Count,
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from experts.models import ExpertProfile
from forum.models import Answer, AnswerFeedback, Category, Question
from forum.selectors import Cardinality, Median


def experts_public(specialty: str | None = None) -> QuerySet[ExpertProfile]:
    experts = (
        ExpertProfile.objects.answering()
        .annotate(answer_count=Count("answers", filter=Q(answers__status=Answer.Status.PUBLISHED)))
        .prefetch_related(Prefetch("specialties", queryset=Category.objects.only("name", "slug")))
        .order_by("public_name")
    )
    if specialty:
        experts = experts.filter(specialties__slug=specialty)
    return experts


def expert_for_profile(slug: str) -> ExpertProfile | None:
    """A verified expert's page; or a former expert's (suspended, licence expired, account closed) while answers
    of theirs are published, so their credentials link keeps working (the page says they no longer answer)."""
    expert = (
        ExpertProfile.objects.prefetch_related(Prefetch("specialties", queryset=Category.objects.only("name", "slug")))
        .select_related("user")
        .filter(slug=slug)
        .first()
    )
    if expert is None:
        return None
    if expert.is_verified and expert.user.is_active:
        return expert
    return expert if Answer.objects.filter(expert=expert, status=Answer.Status.PUBLISHED).exists() else None


def dashboard_queue(
    expert: ExpertProfile, *, mine_only: bool = False, category: str | None = None
) -> QuerySet[Question]:
    """Approved, unanswered questions, those flagged as possibly needing help now first, then oldest first, with
    any claim and draft."""
    queue = (
        Question.objects.filter(status=Question.Status.APPROVED)
        .exclude(answer__status__in=[Answer.Status.IN_REVIEW, Answer.Status.RETURNED])  # answered, in review
        .select_related("category", "claim__expert")
        .prefetch_related("tags")
        .defer("body_html")
        .annotate(flagged=Cardinality("triage"))
        .order_by(F("flagged").desc(), "approved_at", "id")
    )
    if mine_only:
        queue = queue.filter(category__in=expert.specialties.all())
    if category:
        queue = queue.filter(category__slug=category)
    return queue


def overdue_before() -> Any:
    return timezone.now() - timedelta(days=settings.FORUM_ANSWER_TARGET_DAYS)


def answers_due_for_review(expert: ExpertProfile) -> QuerySet[Answer]:
    cutoff = timezone.now() - timedelta(days=settings.FORUM_REVIEW_INTERVAL_DAYS)
    return (
        Answer.objects.filter(expert=expert, status=Answer.Status.PUBLISHED, last_reviewed_at__lt=cutoff)
        .select_related("question")
        .order_by("last_reviewed_at")
    )


def my_drafts(expert: ExpertProfile) -> QuerySet[Answer]:
    return Answer.objects.filter(expert=expert, status=Answer.Status.DRAFT).select_related("question")


def my_answers_in_review(expert: ExpertProfile) -> QuerySet[Answer]:
    """The expert's answers with a second clinician, or returned to them with notes (returned first)."""
    return (
        Answer.objects.filter(expert=expert, status__in=[Answer.Status.IN_REVIEW, Answer.Status.RETURNED])
        .select_related("question")
        .order_by("-status", "submitted_at")  # "returned" sorts after "in_review"
    )


def review_queue(expert: ExpertProfile) -> QuerySet[Answer]:
    """Other experts' answers waiting for a second clinician, longest waiting first, with any reviewer's hold."""
    return (
        Answer.objects.filter(status=Answer.Status.IN_REVIEW)
        .exclude(expert=expert)
        .select_related("question__category", "expert", "review_claim__reviewer")
        .order_by("submitted_at", "id")
    )


@dataclass(frozen=True)
class MonthBar:
    month: date
    count: int
    height: int
    y: int
    x: int


@dataclass(frozen=True)
class ExpertFigures:
    answered: int
    median_time: timedelta | None
    bars: list[MonthBar]
    chart_max: int


def expert_figures(expert: ExpertProfile, months: int = 12) -> ExpertFigures:
    published = Question.objects.filter(status=Question.Status.ANSWERED, answer__expert=expert)
    totals = published.aggregate(
        answered=Count("id"),
        median=Median(ExpressionWrapper(F("answered_at") - F("approved_at"), output_field=DurationField())),
    )
    today = timezone.localdate()
    start_index = today.year * 12 + today.month - 1 - (months - 1)
    first = date(start_index // 12, start_index % 12 + 1, 1)
    per_month = {
        row["m"].date(): row["n"]
        for row in published.filter(answered_at__date__gte=first)
        .annotate(m=TruncMonth("answered_at"))
        .values("m")
        .annotate(n=Count("id"))
    }
    month_starts = []
    year, month = first.year, first.month
    for _ in range(months):
        month_starts.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    top = max([*per_month.values(), 1])
    chart_height = 80
    bars = []
    for i, start in enumerate(month_starts):
        count = per_month.get(start, 0)
        height = round(count / top * chart_height)
        bars.append(MonthBar(month=start, count=count, height=height, y=chart_height - height, x=i * 24))
    return ExpertFigures(answered=totals["answered"], median_time=totals["median"], bars=bars, chart_max=top)


def answers_with_concerns() -> QuerySet[Answer]:
    """Published answers another clinician raised a concern about, oldest concern first, until their author
    revises or re-reviews them."""
    return (
        Answer.objects.filter(status=Answer.Status.PUBLISHED, concern_raised_at__isnull=False)
        .select_related("question", "expert")
        .order_by("concern_raised_at", "id")
    )


def waiting_for_asker(expert: ExpertProfile) -> QuerySet[Question]:
    """Questions the expert holds while their asker replies to a request for more information."""
    return (
        Question.objects.filter(status=Question.Status.NEEDS_INFO, claim__expert=expert)
        .select_related("claim")
        .order_by("updated_at")
    )


def rereview_queue(expert: ExpertProfile, *, mine_only: bool = True) -> list[Answer]:
    """Other experts' published answers that need re-review (experts.permissions.needs_rereview), in the expert's
    specialties (or all topics), those of departed authors and with concerns first, then the longest overdue."""
    now = timezone.now()
    departed = ~Q(expert__status=ExpertProfile.Status.VERIFIED) | Q(expert__licence_expires_on__lt=timezone.localdate())
    departed |= Q(expert__user__is_active=False)
    unhelpful = Q(unhelpful_count__gte=settings.FORUM_UNHELPFUL_REREVIEW, unhelpful_count__gt=F("helpful_count"))
    interval = ExpressionWrapper(
        Coalesce(F("question__category__review_interval_days"), Value(settings.FORUM_REVIEW_INTERVAL_DAYS))
        * Value(timedelta(days=1)),
        output_field=DurationField(),
    )
    answers = (
        Answer.objects.filter(status=Answer.Status.PUBLISHED)
        .exclude(expert=expert)
        .annotate(due_at=ExpressionWrapper(F("last_reviewed_at") + interval, output_field=DateTimeField()))
        .filter(departed | Q(due_at__lt=now) | Q(concern_raised_at__isnull=False) | unhelpful)
        .select_related("question__category", "expert__user")
        .order_by("due_at", "id")
    )
    if mine_only:
        answers = answers.filter(question__category__in=expert.specialties.all())
    found: list[Answer] = list(answers[:100])
    found.sort(key=lambda a: (a.expert.is_verified and a.expert.user.is_active, a.concern_raised_at is None))
    return found


@dataclass(frozen=True)
class ReaderFeedback:
    helped: int
    did_not_help: int
    answers: list[tuple[Answer, list[tuple[str, int]]]]  # answers readers said did not help, with the reasons


def reader_feedback(expert: ExpertProfile, limit: int = 5) -> ReaderFeedback:
    """What readers said of the expert's published answers: totals, and the answers most said did not help
    with how often each reason was given (three queries)."""
    mine = Answer.objects.filter(expert=expert, status=Answer.Status.PUBLISHED)
    totals = mine.aggregate(helped=Sum("helpful_count"), not_helped=Sum("unhelpful_count"))
    worst = list(mine.filter(unhelpful_count__gt=0).select_related("question").order_by("-unhelpful_count")[:limit])
    labels = dict(AnswerFeedback.Reason.choices)
    reasons: dict[int, list[tuple[str, int]]] = {}
    rows = (
        AnswerFeedback.objects.filter(answer__in=worst, helped=False)
        .values("answer_id", "reason")
        .annotate(n=Count("id"))
        .order_by("answer_id", "-n")
    )
    for row in rows:
        reasons.setdefault(row["answer_id"], []).append((str(labels.get(row["reason"], row["reason"])), row["n"]))
    return ReaderFeedback(totals["helped"] or 0, totals["not_helped"] or 0, [(a, reasons.get(a.pk, [])) for a in worst])


def thanks_received(expert: ExpertProfile, limit: int = 5) -> QuerySet[Answer]:
    """The newest thank-you notes askers sent the expert, with the question each is about."""
    return (
        Answer.objects.filter(expert=expert, thanked_at__isnull=False)
        .select_related("question")
        .only("thanks", "thanked_at", "question__title", "question__slug", "question__id")
        .order_by("-thanked_at")[:limit]
    )
