"""Moderators take a published answer back; the asker marks it as answering their question (the experts' own
writes are in experts/services/answers.py)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.audit import audit_record
from core.cache import invalidate
from core.text import normalize_text
from forum import figures, permissions, scopes, search_index, signals
from forum.models import Answer, Question
from forum.services.questions import TransitionError


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


@transaction.atomic
def answer_accept(*, question: Question, asker: User, thanks: str = "") -> Answer:
    """The asker says the answer answered their question (shown under it), and may thank the expert (who reads
    the thanks on their dashboard)."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    permissions.check(question.author_id == asker.pk)
    answer = Answer.objects.select_for_update().filter(question=question, status=Answer.Status.PUBLISHED).first()
    if answer is None or question.status != Question.Status.ANSWERED:
        raise TransitionError(_("This question has no published answer yet."))
    thanks = normalize_text(thanks)
    changed = []
    if answer.accepted_at is None:
        answer.accepted_at = timezone.now()
        changed.append("accepted_at")
    if thanks:
        answer.thanks, answer.thanked_at = thanks, timezone.now()
        changed += ["thanks", "thanked_at"]
    if not changed:
        return answer
    answer.save(update_fields=changed)
    invalidate(scopes.question(question.pk))  # "the asker said this answered their question" shows on its page
    audit_record(actor=asker, action="answer.accept", target=answer, after={"thanked": bool(thanks)})
    return answer
