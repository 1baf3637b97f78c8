"""Claims: an expert holds a question exclusively for a while (Kitsune's "take"), decided in the database; while
holding it, they may ask the asker for more information (the hold then lasts while the asker replies)."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.audit import audit_record
from core.errors import ApplicationError
from core.text import normalize_text
from experts import permissions as expert_permissions
from experts.models import QuestionClaim
from forum import emails, permissions
from forum.models import InformationRequest, Question


class ClaimTaken(ApplicationError):
    def __init__(self, claim: QuestionClaim) -> None:
        super().__init__("Another expert holds this question.", status=409)
        self.claim = claim


@transaction.atomic
def question_claim(*, question: Question, expert_user: User) -> QuestionClaim:
    """Hold a question exclusively for FORUM_CLAIM_MINUTES. Claiming again extends one's own hold.

    Raises ClaimTaken when another expert holds it; the unique row per question
    decides races in the database.
    """
    permissions.check(expert_permissions.can_work_on(expert_user, question))
    expert = expert_user.expert_profile
    now = timezone.now()
    expires = now + timedelta(minutes=settings.FORUM_CLAIM_MINUTES)
    QuestionClaim.objects.filter(question=question, expires_at__lte=now).delete()
    try:
        with transaction.atomic():
            claim, created = QuestionClaim.objects.get_or_create(
                question=question, defaults={"expert": expert, "expires_at": expires, "claimed_at": now}
            )
    except IntegrityError:
        claim, created = QuestionClaim.objects.get(question=question), False
    if claim.expert_id != expert.pk:
        raise ClaimTaken(claim)
    if not created:
        claim.expires_at = expires
        claim.save(update_fields=["expires_at"])
    else:
        audit_record(actor=expert_user, action="question.claim", target=question, after={"until": expires.isoformat()})
    return claim


@transaction.atomic
def question_release(*, question: Question, expert_user: User) -> None:
    expert = getattr(expert_user, "expert_profile", None)
    deleted, _by_kind = QuestionClaim.objects.filter(question=question, expert=expert).delete()
    if deleted:
        audit_record(actor=expert_user, action="question.release", target=question)


def active_claim(question: Question) -> QuestionClaim | None:
    claim = QuestionClaim.objects.select_related("expert").filter(question=question).first()
    return claim if claim is not None and claim.is_active else None


@transaction.atomic
def information_request(*, question: Question, expert_user: User, message: str) -> InformationRequest:
    """The expert holding a question asks the asker privately for more information. The question waits in
    "needs information", still held by that expert, for FORUM_INFORMATION_WAIT_DAYS."""
    permissions.check(expert_permissions.can_use_dashboard(expert_user))
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status != Question.Status.APPROVED:
        raise ApplicationError(_("Only a question waiting for an answer can be asked about."), status=409)
    claim = active_claim(question)
    if claim is None or claim.expert_id != expert_user.expert_profile.pk:
        raise ApplicationError(_("Claim the question first: the asker's reply comes back to you."), status=409)
    message = normalize_text(message)
    if not message:
        raise ApplicationError(_("Write what you would like to know; the asker reads it in an email."))
    request = InformationRequest.objects.create(question=question, expert=claim.expert, message=message)
    question.status = Question.Status.NEEDS_INFO
    question.save(update_fields=["status", "updated_at"])
    claim.expires_at = timezone.now() + timedelta(days=settings.FORUM_INFORMATION_WAIT_DAYS)
    claim.save(update_fields=["expires_at"])
    audit_record(actor=expert_user, action="question.request_information", target=question,
                 before={"status": "approved"}, after={"status": question.status})  # fmt: skip
    emails.information_requested(request)
    return request
