"""Moderators take words out of a question or an answer at any time, published or not (comments:
comments.services.comment_redact). The public page, lists, feeds, search and sitemap show the new text at
once; earlier copies of the removed words are purged (forum.redaction); the author is told by email."""

from django.db import transaction

from accounts.models import User
from core.cache import invalidate
from core.markdown import render_markdown
from forum import emails, permissions, redaction, scopes, screening, search_index, signals
from forum.models import Answer, AnswerRevision, Question, QuestionRevision, Redaction


@transaction.atomic
def question_redact(*, question: Question, moderator: User, title: str, body: str, reason: str) -> Redaction:
    permissions.check(permissions.can_moderate_questions(moderator))
    question = Question.objects.select_for_update().get(pk=question.pk)
    found = redaction.changes({"title": (question.title, title), "details": (question.body, body)},
                              multiline={"title": False})  # fmt: skip
    reason = redaction.check(found, reason)
    new = {change.name: change.new for change in found}
    public = question.is_public
    if public:  # the spelling suggestions forget the old words and learn the new ones
        signals.question_unpublished.send(sender=Question, question_ids=[question.pk])
        shown_before = scopes.public_qa(question)
    question.title = new.get("title", question.title)
    question.slug = Question.slug_for(question.title)
    question.body = new.get("details", question.body)
    question.body_html = render_markdown(question.body)
    question.personal_details = screening.detail_kinds(question.title, question.body)
    question.save(update_fields=["title", "slug", "body", "body_html", "personal_details", "updated_at"])
    search_index.refresh_vectors([question.pk])
    words = [word for change in found for word in change.removed]
    revisions = [(revision, ("title_before", "body_before", "title_after", "body_after"))
                 for revision in QuestionRevision.objects.filter(question=question)]  # fmt: skip
    question.rejection_reason = redaction.scrub(question.rejection_reason, words)
    Question.objects.filter(pk=question.pk).update(rejection_reason=question.rejection_reason)
    redaction.purge_copies(question, words, also=revisions)
    done = redaction.record(target=question, moderator=moderator, found=found, reason=reason,
                            action="question.redact")  # fmt: skip
    if public:
        signals.question_published.send(sender=Question, question_ids=[question.pk])
        invalidate(*shown_before, *scopes.public_qa(question))
    if question.author is not None:
        emails.content_redacted(done, recipient=question.author, question=question, what="question")
    return done


@transaction.atomic
def answer_redact(*, answer: Answer, moderator: User, body: str, reason: str) -> Redaction:
    permissions.check(permissions.is_moderator(moderator))
    answer = Answer.objects.select_for_update().select_related("question", "expert__user").get(pk=answer.pk)
    found = redaction.changes({"answer": (answer.body, body)}, multiline={})
    reason = redaction.check(found, reason)
    question = answer.question
    public = question.is_public
    if public:
        signals.question_unpublished.send(sender=Question, question_ids=[question.pk])
    answer.body = found[0].new
    answer.body_html = render_markdown(answer.body)
    answer.personal_details = screening.detail_kinds(answer.body)
    answer.save(update_fields=["body", "body_html", "personal_details", "updated_at"])
    search_index.refresh_vectors([question.pk])
    words = found[0].removed
    revisions = [(revision, ("body",)) for revision in AnswerRevision.objects.filter(answer=answer)]
    redaction.purge_copies(answer, words, also=revisions)
    done = redaction.record(target=answer, moderator=moderator, found=found, reason=reason, action="answer.redact")
    if public:
        signals.question_published.send(sender=Question, question_ids=[question.pk])
        invalidate(*scopes.public_qa(question))
    emails.content_redacted(done, recipient=answer.expert.user, question=question, what="answer")
    return done
