"""Claims: an expert holds a question exclusively for a while (Kitsune's "take"), decided in the database."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from core.audit import audit_record
from core.errors import ApplicationError
from experts import permissions as expert_permissions
from experts.models import QuestionClaim
from forum import permissions
from forum.models import Question


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
    deleted, _ = QuestionClaim.objects.filter(question=question, expert=expert).delete()
    if deleted:
        audit_record(actor=expert_user, action="question.release", target=question)


def active_claim(question: Question) -> QuestionClaim | None:
    claim = QuestionClaim.objects.select_related("expert").filter(question=question).first()
    return claim if claim is not None and claim.is_active else None
