"""Writes for answers. Publishing one makes its question public."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from experts.models import ExpertProfile
from forum import permissions
from forum.markdown import render_markdown
from forum.models import Answer, AnswerRevision, Question
from forum.services.audit import audit_record
from forum.services.questions import TransitionError


@transaction.atomic
def answer_publish(*, question: Question, expert_user: User, body: str, published_at: datetime | None = None) -> Answer:
    permissions.check(permissions.can_publish_answer(expert_user))
    expert: ExpertProfile = expert_user.expert_profile
    question = Question.objects.select_for_update().get(pk=question.pk)
    existing = Answer.objects.filter(question=question).first()
    if question.status == Question.Status.ANSWERED and existing is not None:
        return existing
    if question.status != Question.Status.APPROVED:
        raise TransitionError(f"A {question.status} question cannot be answered.")
    now = published_at or timezone.now()
    answer = existing or Answer(question=question, expert=expert)
    answer.expert = expert
    answer.body = body
    answer.body_html = render_markdown(body)
    answer.status = Answer.Status.PUBLISHED
    answer.published_at = now
    answer.last_reviewed_at = now
    answer.save()
    AnswerRevision.objects.create(answer=answer, editor=expert_user, body=body)
    question.status = Question.Status.ANSWERED
    question.answered_at = now
    question.save(update_fields=["status", "answered_at", "updated_at"])
    audit_record(
        actor=expert_user, action="answer.publish", target=question, before={"status": "approved"},
        after={"status": question.status, "answer": answer.pk},
    )  # fmt: skip
    return answer
