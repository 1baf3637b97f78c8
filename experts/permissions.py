"""Rules for the expert side: who may use the dashboard and act on a question."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import User
from experts.models import ExpertProfile, QuestionClaim
from forum.models import Answer, Question
from forum.permissions import is_verified_expert


def expert_profile_of(user: User | AnonymousUser) -> ExpertProfile | None:
    if not user.is_authenticated:
        return None
    return getattr(user, "expert_profile", None)


def can_use_dashboard(user: User | AnonymousUser) -> bool:
    return bool(user.is_active and is_verified_expert(user))


def can_work_on(user: User | AnonymousUser, question: Question) -> bool:
    return can_use_dashboard(user) and question.status == Question.Status.APPROVED


def can_revise(user: User | AnonymousUser, answer: Answer) -> bool:
    profile = expert_profile_of(user)
    return bool(
        can_use_dashboard(user)
        and profile is not None
        and answer.expert_id == profile.pk
        and answer.status == Answer.Status.PUBLISHED
    )


def needs_rereview(answer: Answer) -> bool:
    """A published answer past its topic's review date, or whose author no longer answers (suspended, licence
    expired, account closed), or that another clinician raised a concern about, or that many readers said did
    not help."""
    if answer.status != Answer.Status.PUBLISHED:
        return False
    author = answer.expert
    departed = not author.is_verified or not author.user.is_active
    due = answer.next_review_due is not None and answer.next_review_due < timezone.now()
    unhelpful = (
        answer.unhelpful_count >= settings.FORUM_UNHELPFUL_REREVIEW and answer.unhelpful_count > answer.helpful_count
    )
    return departed or due or answer.concern_raised_at is not None or unhelpful


def can_rereview(user: User | AnonymousUser, answer: Answer) -> bool:
    """Any other verified expert may revise (with a public change note) or confirm an answer that needs it."""
    profile = expert_profile_of(user)
    return bool(
        can_use_dashboard(user) and profile is not None and answer.expert_id != profile.pk and needs_rereview(answer)
    )


def can_apply(user: User | AnonymousUser) -> bool:
    if not user.is_authenticated:
        return False
    profile = expert_profile_of(user)
    return profile is None or profile.status in (ExpertProfile.Status.APPLIED, ExpertProfile.Status.REJECTED)


def can_read_draft(user: User | AnonymousUser, answer: Answer, claim: QuestionClaim | None) -> bool:
    """A draft is its author's working text. Another expert sees it only while they hold the question
    themselves (taking over after the author's hold lapsed or was released), never while the author,
    or anyone else, holds it."""
    profile = expert_profile_of(user)
    if not can_use_dashboard(user) or profile is None:
        return False
    if answer.expert_id == profile.pk:
        return True
    if answer.status in (Answer.Status.IN_REVIEW, Answer.Status.RETURNED):
        return False  # a reviewer reads it on the review page
    return claim is not None and claim.is_active and claim.expert_id == profile.pk
