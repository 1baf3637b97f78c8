"""Experts' writes for answers: drafts, publishing (which makes the Q&A public), revisions and reviews."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.audit import audit_record
from core.cache import invalidate
from core.markdown import render_markdown
from core.text import normalize_text
from experts import permissions as expert_permissions
from experts.models import QuestionClaim
from experts.services.claims import ClaimTaken, active_claim
from forum import emails, figures, permissions, scopes, screening, search_index, signals
from forum.models import Answer, AnswerRevision, Question
from forum.services.questions import TransitionError


def _check_can_write(question: Question, expert_user: User) -> None:
    permissions.check(expert_permissions.can_use_dashboard(expert_user))
    if question.status != Question.Status.APPROVED:
        raise TransitionError(f"A {question.status} question cannot be answered.")
    claim = active_claim(question)
    if claim is not None and claim.expert_id != expert_user.expert_profile.pk:
        raise ClaimTaken(claim)


@transaction.atomic
def answer_save_draft(*, question: Question, expert_user: User, body: str) -> Answer:
    question = Question.objects.select_for_update().get(pk=question.pk)
    _check_can_write(question, expert_user)
    answer = Answer.objects.filter(question=question).first() or Answer(question=question)
    answer.expert = expert_user.expert_profile
    answer.body = body = normalize_text(body)
    answer.body_html = render_markdown(body)
    answer.personal_details = screening.detail_kinds(body)
    answer.status = Answer.Status.DRAFT
    answer.save()
    return answer


@transaction.atomic
def answer_publish(*, question: Question, expert_user: User, body: str, published_at: datetime | None = None) -> Answer:
    question = Question.objects.select_for_update().get(pk=question.pk)
    existing = Answer.objects.filter(question=question).first()
    if question.status == Question.Status.ANSWERED and existing is not None:
        return existing
    _check_can_write(question, expert_user)
    now = published_at or timezone.now()
    answer = existing or Answer(question=question)
    answer.expert = expert_user.expert_profile
    answer.body = body = normalize_text(body)
    answer.body_html = render_markdown(body)
    answer.personal_details = screening.detail_kinds(body)
    answer.status = Answer.Status.PUBLISHED
    answer.published_at = now
    answer.last_reviewed_at = now
    answer.save()
    AnswerRevision.objects.create(answer=answer, editor=expert_user, body=body)
    question.status = Question.Status.ANSWERED
    question.answered_at = now
    question.save(update_fields=["status", "answered_at", "updated_at"])
    figures.counted(question, +1)
    QuestionClaim.objects.filter(question=question).delete()
    search_index.refresh_vectors([question.pk])
    signals.question_published.send(sender=Question, question_ids=[question.pk])
    invalidate(*scopes.entering_or_leaving(question))  # its page, its lists, the counts of its topic and month
    audit_record(
        actor=expert_user, action="answer.publish", target=question, before={"status": "approved"},
        after={"status": question.status, "answer": answer.pk},
    )  # fmt: skip
    emails.question_answered(question)
    return answer


@transaction.atomic
def answer_revise(*, answer: Answer, expert_user: User, body: str, note: str = "") -> Answer:
    """A new version of a published answer; every version is kept and the review date moves on."""
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    permissions.check(expert_permissions.can_revise(expert_user, answer))
    before = {"last_reviewed_at": answer.last_reviewed_at.isoformat() if answer.last_reviewed_at else None}
    answer.body = body = normalize_text(body)
    answer.body_html = render_markdown(body)
    answer.personal_details = screening.detail_kinds(body)
    answer.last_reviewed_at = timezone.now()
    answer.save(update_fields=["body", "body_html", "personal_details", "last_reviewed_at", "updated_at"])
    revision = AnswerRevision.objects.create(answer=answer, editor=expert_user, body=body)
    search_index.refresh_vectors([answer.question_id])
    invalidate(*scopes.public_qa(answer.question))
    audit_record(actor=expert_user, action="answer.revise", target=answer, before=before,
                 after={"revision": revision.pk, "last_reviewed_at": answer.last_reviewed_at.isoformat()},
                 reason=note)  # fmt: skip
    return answer


@transaction.atomic
def answer_mark_reviewed(*, answer: Answer, expert_user: User) -> Answer:
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    permissions.check(expert_permissions.can_revise(expert_user, answer))
    before = {"last_reviewed_at": answer.last_reviewed_at.isoformat() if answer.last_reviewed_at else None}
    answer.last_reviewed_at = timezone.now()
    answer.save(update_fields=["last_reviewed_at", "updated_at"])
    invalidate(scopes.question(answer.question_id))  # "last reviewed" shows on its page only
    audit_record(actor=expert_user, action="answer.reviewed", target=answer, before=before,
                 after={"last_reviewed_at": answer.last_reviewed_at.isoformat()})  # fmt: skip
    return answer
