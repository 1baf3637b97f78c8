"""The one way an answer becomes public: its author publishes it at once, or a second clinician approves it
(experts.services.reviews)."""

from datetime import datetime

from django.utils import timezone

from accounts.models import User
from core.audit import audit_record
from core.cache import invalidate
from experts.models import QuestionClaim
from forum import emails, figures, scopes, search_index, signals
from forum.models import Answer, AnswerRevision, Question


def publish(*, question: Question, answer: Answer, author_user: User, published_at: datetime | None = None) -> Answer:
    """Publish a saved answer and make its Q&A public (in the caller's transaction, with the question locked)."""
    now = published_at or timezone.now()
    before = {"status": question.status}
    answer.status = Answer.Status.PUBLISHED
    answer.published_at = now
    answer.last_reviewed_at = now
    answer.save(update_fields=["status", "published_at", "last_reviewed_at", "updated_at"])
    AnswerRevision.objects.create(answer=answer, editor=author_user, body=answer.body)
    question.status = Question.Status.ANSWERED
    question.answered_at = now
    question.save(update_fields=["status", "answered_at", "updated_at"])
    figures.counted(question, +1)
    QuestionClaim.objects.filter(question=question).delete()
    search_index.refresh_vectors([question.pk])
    signals.question_published.send(sender=Question, question_ids=[question.pk])
    invalidate(*scopes.entering_or_leaving(question))  # its page, its lists, the counts of its topic and month
    audit_record(actor=author_user, action="answer.publish", target=question, before=before,
                 after={"status": question.status, "answer": answer.pk})  # fmt: skip
    emails.question_answered(question)
    return answer
