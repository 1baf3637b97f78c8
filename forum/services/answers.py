"""Moderators take a published answer back (the experts' own writes are in experts/services/answers.py)."""

from django.db import transaction

from accounts.models import User
from core.audit import audit_record
from core.cache import invalidate
from forum import figures, permissions, scopes, search_index, signals
from forum.models import Answer, Question


@transaction.atomic
def answer_remove(*, answer: Answer, moderator: User, reason: str) -> Answer:
    """Withdraw a published answer: it goes back to a draft and the question back to the experts' queue."""
    permissions.check(permissions.is_moderator(moderator))
    answer = Answer.objects.select_for_update().select_related("question").get(pk=answer.pk)
    if answer.status == Answer.Status.DRAFT:
        return answer
    question = Question.objects.select_for_update().get(pk=answer.question_id)
    if question.status == Question.Status.ANSWERED:
        signals.question_unpublished.send(sender=Question, question_ids=[question.pk])
        invalidate(*scopes.entering_or_leaving(question))  # read while it is still public
        figures.counted(question, -1)
    answer.status = Answer.Status.DRAFT
    answer.save(update_fields=["status", "updated_at"])
    question.status = Question.Status.APPROVED
    question.answered_at = None
    question.save(update_fields=["status", "answered_at", "updated_at"])
    search_index.refresh_vectors([question.pk])
    audit_record(actor=moderator, action="answer.remove", target=answer, before={"status": "published"},
                 after={"status": "draft"}, reason=reason)  # fmt: skip
    return answer
