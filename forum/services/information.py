"""An expert's request for more information, from the asker's side: the reply from My questions, and the end
of a wait nobody answered (the request itself is the expert's: experts.services.claims.information_request)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.audit import audit_record
from core.errors import ApplicationError
from core.text import normalize_text
from forum import emails, permissions
from forum.models import InformationRequest, Question
from forum.services.questions import TransitionError


@transaction.atomic
def information_reply(*, question: Question, asker: User, reply: str) -> InformationRequest:
    """The asker answers the expert's request for more information; the question goes back to that expert
    (who still holds it)."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    permissions.check(question.author_id == asker.pk)
    if question.status != Question.Status.NEEDS_INFO:
        raise TransitionError(_("No expert is waiting for a reply on this question."))
    reply = normalize_text(reply)
    if not reply:
        raise ApplicationError(_("Please write your reply; the expert reads it before answering."))
    request = question.information_requests.filter(replied_at__isnull=True).select_related("expert__user").last()
    if request is None:
        raise TransitionError(_("No expert is waiting for a reply on this question."))
    request.reply = reply
    request.replied_at = timezone.now()
    request.save(update_fields=["reply", "replied_at"])
    question.status = Question.Status.APPROVED
    question.save(update_fields=["status", "updated_at"])
    audit_record(actor=asker, action="question.information_reply", target=question,
                 before={"status": "needs_info"}, after={"status": question.status})  # fmt: skip
    emails.information_provided(request)
    return request


@transaction.atomic
def information_waits_end() -> int:
    """Questions whose asker did not reply within FORUM_INFORMATION_WAIT_DAYS return to the experts' queue."""
    cutoff = timezone.now() - timedelta(days=settings.FORUM_INFORMATION_WAIT_DAYS)
    waiting = Question.objects.select_for_update().filter(status=Question.Status.NEEDS_INFO)
    ended = 0
    for question in waiting.exclude(information_requests__asked_at__gte=cutoff):
        question.status = Question.Status.APPROVED
        question.save(update_fields=["status", "updated_at"])
        audit_record(actor=None, action="question.information_wait_ended", target=question,
                     before={"status": "needs_info"}, after={"status": question.status})  # fmt: skip
        ended += 1
    return ended
