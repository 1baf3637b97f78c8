"""Second-clinician review before publication.

The review policy (experts.models.ReviewPolicy, set by moderators) says which answers another verified expert
reads first. Publishing such an answer sends it to review (`submit`); a reviewer claims it (`review_claim`,
one hold per answer, never its author: both decided by the database), then approves it, which publishes it
with "Reviewed by", or returns it to its author with notes. The author revises and sends it again.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.audit import audit_record
from core.errors import ApplicationError
from core.text import normalize_text
from experts import emails, signals
from experts import permissions as expert_permissions
from experts.models import ExpertProfile, ReviewClaim, ReviewPolicy
from experts.services.publishing import publish
from forum import permissions
from forum.models import Answer, Question


class ReviewTaken(ApplicationError):
    def __init__(self, claim: ReviewClaim) -> None:
        super().__init__(_("Another expert is reviewing this answer."), status=409)
        self.claim = claim


class OwnAnswer(ApplicationError):
    def __init__(self) -> None:
        super().__init__(_("A second clinician reviews an answer; you cannot review your own."), status=403)


def reasons_for_review(question: Question, expert: ExpertProfile, body: str) -> list[str]:
    """Why the policy asks for a second clinician on this answer (empty: it is published at once)."""
    policy = ReviewPolicy.current()
    reasons = []
    if policy.every_answer:
        reasons.append("every_answer")
    if policy.categories.filter(pk=question.category_id).exists():
        reasons.append("category")
    if policy.medicines and any(named for _receiver, named in signals.medicine_named.send(
            sender=Answer, texts=[question.title, question.body, body])):  # fmt: skip
        reasons.append("medicine")
    if policy.first_answers:
        published = Answer.objects.filter(expert=expert, status=Answer.Status.PUBLISHED).count()
        if published < policy.first_answers:
            reasons.append("first_answers")
    return reasons


def submit(*, answer: Answer, expert_user: User, reasons: list[str]) -> Answer:
    """The author's answer goes to the review queue instead of to patients (called by answer_publish, in its
    transaction, with the answer saved as the author wrote it)."""
    was_returned = answer.status == Answer.Status.RETURNED
    answer.status = Answer.Status.IN_REVIEW
    answer.submitted_at = timezone.now()
    answer.save(update_fields=["status", "submitted_at", "updated_at"])
    ReviewClaim.objects.filter(answer=answer).delete()
    audit_record(actor=expert_user, action="answer.submit_for_review", target=answer,
                 after={"status": answer.status, "reasons": reasons, "again": was_returned})  # fmt: skip
    emails.answer_awaits_review(answer)
    return answer


def _locked(answer: Answer) -> Answer:
    return Answer.objects.select_for_update(of=("self",)).select_related("question", "expert__user").get(pk=answer.pk)


def _reviewer(user: User, answer: Answer) -> ExpertProfile:
    permissions.check(expert_permissions.can_use_dashboard(user))
    reviewer = user.expert_profile
    if reviewer.pk == answer.expert_id:
        raise OwnAnswer
    return reviewer


@transaction.atomic
def review_claim(*, answer: Answer, reviewer_user: User) -> ReviewClaim:
    """Hold an answer in review for FORUM_CLAIM_MINUTES; claiming again extends one's own hold."""
    answer = Answer.objects.get(pk=answer.pk)
    reviewer = _reviewer(reviewer_user, answer)
    if answer.status != Answer.Status.IN_REVIEW:
        raise ApplicationError(_("This answer is not waiting for review any more."), status=409)
    now = timezone.now()
    expires = now + timedelta(minutes=settings.FORUM_CLAIM_MINUTES)
    ReviewClaim.objects.filter(answer=answer, expires_at__lte=now).delete()
    try:
        with transaction.atomic():
            claim, created = ReviewClaim.objects.get_or_create(
                answer=answer,
                defaults={
                    "reviewer": reviewer,
                    "author_id": answer.expert_id,
                    "expires_at": expires,
                    "claimed_at": now,
                },  # fmt: skip
            )
    except IntegrityError:  # another reviewer's row came first (or, never, the author's own)
        claim, created = ReviewClaim.objects.get(answer=answer), False
    if claim.reviewer_id != reviewer.pk:
        raise ReviewTaken(claim)
    if not created:
        claim.expires_at = expires
        claim.save(update_fields=["expires_at"])
    else:
        audit_record(actor=reviewer_user, action="answer.review_claim", target=answer,
                     after={"until": expires.isoformat()})  # fmt: skip
    return claim


@transaction.atomic
def review_release(*, answer: Answer, reviewer_user: User) -> None:
    reviewer = getattr(reviewer_user, "expert_profile", None)
    deleted, _by_kind = ReviewClaim.objects.filter(answer=answer, reviewer=reviewer).delete()
    if deleted:
        audit_record(actor=reviewer_user, action="answer.review_release", target=answer)


def active_review_claim(answer: Answer) -> ReviewClaim | None:
    claim = ReviewClaim.objects.select_related("reviewer").filter(answer=answer).first()
    return claim if claim is not None and claim.is_active else None


def _holding(answer: Answer, reviewer_user: User) -> ExpertProfile:
    """The reviewer, once they hold the answer in review (their hold is taken again if it lapsed unclaimed)."""
    reviewer = _reviewer(reviewer_user, answer)
    if answer.status != Answer.Status.IN_REVIEW:
        raise ApplicationError(_("This answer is not waiting for review any more."), status=409)
    claim = active_review_claim(answer)
    if claim is None:
        claim = review_claim(answer=answer, reviewer_user=reviewer_user)
    if claim.reviewer_id != reviewer.pk:
        raise ReviewTaken(claim)
    return reviewer


@transaction.atomic
def review_approve(*, answer: Answer, reviewer_user: User) -> Answer:
    """The second clinician agrees: the answer is published, with their name under it."""
    answer = _locked(answer)
    reviewer = _holding(answer, reviewer_user)
    question = Question.objects.select_for_update().get(pk=answer.question_id)
    answer.reviewed_by = reviewer
    answer.reviewed_at = timezone.now()
    answer.review_notes = ""
    answer.save(update_fields=["reviewed_by", "reviewed_at", "review_notes", "updated_at"])
    ReviewClaim.objects.filter(answer=answer).delete()
    audit_record(actor=reviewer_user, action="answer.review_approve", target=answer,
                 after={"reviewer": reviewer.pk})  # fmt: skip
    publish(question=question, answer=answer, author_user=answer.expert.user)
    emails.review_decided(answer, approved=True)
    return answer


@transaction.atomic
def review_return(*, answer: Answer, reviewer_user: User, notes: str) -> Answer:
    """The second clinician sends the answer back to its author with what to change."""
    answer = _locked(answer)
    _holding(answer, reviewer_user)
    notes = normalize_text(notes)
    if not notes:
        raise ApplicationError(_("Tell the author what to change: your notes are required."))
    answer.status = Answer.Status.RETURNED
    answer.review_notes = notes
    answer.save(update_fields=["status", "review_notes", "updated_at"])
    ReviewClaim.objects.filter(answer=answer).delete()
    audit_record(actor=reviewer_user, action="answer.review_return", target=answer,
                 before={"status": "in_review"}, after={"status": answer.status})  # fmt: skip
    emails.review_decided(answer, approved=False)
    return answer
