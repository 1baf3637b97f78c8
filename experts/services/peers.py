"""Peer agreement after publication: other verified experts say they agree with a published answer, or raise a
concern with a note. The count of agreeing clinicians shows on the answer; a concern reaches the author and the
moderators and puts the answer in the dashboard's review queue until its author revises or re-reviews it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.audit import audit_record
from core.cache import invalidate
from core.errors import ApplicationError
from core.text import normalize_text
from experts import emails, signals
from experts import permissions as expert_permissions
from experts.models import PeerResponse
from experts.services.reviews import OwnAnswer
from forum import permissions, scopes
from forum.models import Answer


def _respond(answer: Answer, expert_user: User, kind: str, note: str) -> tuple[Answer, PeerResponse]:
    permissions.check(expert_permissions.can_use_dashboard(expert_user))
    answer = Answer.objects.select_for_update(of=("self",)).select_related("question", "expert__user").get(pk=answer.pk)
    expert = expert_user.expert_profile
    if answer.expert_id == expert.pk:
        raise OwnAnswer
    if answer.status != Answer.Status.PUBLISHED:
        raise ApplicationError(_("Only a published answer can be agreed with or questioned."), status=409)
    response, _created = PeerResponse.objects.update_or_create(
        answer=answer, expert=expert, defaults={"author_id": answer.expert_id, "kind": kind, "note": note}
    )
    answer.agreement_count = PeerResponse.objects.filter(answer=answer, kind=PeerResponse.Kind.AGREE).count()
    answer.save(update_fields=["agreement_count", "updated_at"])
    invalidate(scopes.question(answer.question_id))  # the count shows on its page only
    return answer, response


@transaction.atomic
def peer_agree(*, answer: Answer, expert_user: User) -> PeerResponse:
    answer, response = _respond(answer, expert_user, PeerResponse.Kind.AGREE, "")
    audit_record(actor=expert_user, action="answer.peer_agree", target=answer,
                 after={"agreeing": answer.agreement_count})  # fmt: skip
    return response


@transaction.atomic
def peer_concern(*, answer: Answer, expert_user: User, note: str) -> PeerResponse:
    note = normalize_text(note)
    if not note:
        raise ApplicationError(_("Say what concerns you: the author and the moderators read your note."))
    answer, response = _respond(answer, expert_user, PeerResponse.Kind.CONCERN, note)
    answer.concern_raised_at = timezone.now()
    answer.save(update_fields=["concern_raised_at", "updated_at"])
    audit_record(actor=expert_user, action="answer.peer_concern", target=answer,
                 after={"agreeing": answer.agreement_count})  # fmt: skip
    emails.concern_raised(answer, response)
    signals.answer_concern_raised.send(sender=Answer, answer=answer, response=response)
    return response


def settle_concerns(answer: Answer) -> None:
    """The author revised the answer or confirmed it: it leaves the review queue (in their transaction)."""
    if answer.concern_raised_at is not None:
        answer.concern_raised_at = None
        Answer.objects.filter(pk=answer.pk).update(concern_raised_at=None)
