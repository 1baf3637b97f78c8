"""Writes for questions. Every state change happens here, with its audit row."""

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.audit import audit_record
from core.cache import invalidate
from core.errors import ApplicationError
from core.markdown import render_markdown
from core.text import normalize_text
from forum import emails, figures, permissions, scopes, screening, search_index, signals, triage
from forum.models import Category, Question, QuestionRevision, Tag
from forum.services.flood import check_flood
from forum.services.redaction import question_redact


class TransitionError(ApplicationError):
    """The question is not in a state that allows this change."""


class NeedsAcknowledgement(ApplicationError):
    """The text seems to hold personal details or urgent symptoms: the asker must see the notes first."""

    def __init__(self, *, identifiers: list[screening.Finding], urgent: list[str]) -> None:
        super().__init__(_("Please read the notes about your question, then send it again."))
        self.identifiers = identifiers
        self.urgent = urgent  # kinds of urgent need (forum.triage)


class AlreadyAsked(ApplicationError):
    """The same person sent the same question (the same normalised title and details) within a day."""

    def __init__(self, question: Question) -> None:
        super().__init__(_("You sent this question already. Here it is; there is no need to send it again."))
        self.question = question


def text_differs(question: Question, *, title: str, body: str) -> bool:
    """Whether an edit changes the words; browsers send text back with CRLF line ends, and form fields
    strip the ends."""

    def plain(text: str) -> str:
        return text.replace("\r\n", "\n").strip()

    return plain(title) != plain(question.title) or plain(body) != plain(question.body)


def _edit_record(question: Question) -> dict[str, Any]:
    """What an edit can change, as the audit log keeps it: the filing, never the words (the words stay with
    the question and its revisions, which are erased with the person)."""
    return {
        "category": question.category.name if question.category_id else None,
        "tags": sorted(question.tags.values_list("name", flat=True)),
    }


def _locked(question: Question) -> Question:
    return Question.objects.select_for_update().get(pk=question.pk)


@transaction.atomic
def question_submit(
    *,
    author: User,
    title: str,
    body: str,
    category: Category,
    tags: Iterable[Tag] = (),
    is_anonymous: bool = True,
    consent: bool,
    acknowledged: bool = False,
    enforce_limits: bool = True,
    country: str = "",
) -> Question:
    """A patient's new question, pending review. Raises FloodError when they post too fast or too often, and
    NeedsAcknowledgement when the text seems to hold personal details or urgent symptoms and the asker has
    not yet confirmed they read the notes about them (whatever client sends the question)."""
    permissions.check(permissions.can_ask(author))
    title, body = normalize_text(title, multiline=False), normalize_text(body)
    if not consent:
        raise ApplicationError(_("Consent to publish is required."))
    text = f"{title}\n{body}"
    identifiers, urgent = screening.personal_identifiers(text), triage.classify(text)
    if (identifiers or urgent) and not acknowledged:
        raise NeedsAcknowledgement(identifiers=identifiers, urgent=urgent)
    # One submission of a person at a time (a double click, Back and send again): the same text within a
    # day is their earlier question, not a new one, and does not count against their limits.
    User.objects.select_for_update().filter(pk=author.pk).first()
    earlier = (
        Question.objects.filter(
            author=author, title=title, body=body, created_at__gte=timezone.now() - timedelta(days=1)
        )
        .exclude(status=Question.Status.WITHDRAWN)
        .order_by("-created_at")
        .first()
    )
    if earlier is not None:
        raise AlreadyAsked(earlier)
    if enforce_limits:
        check_flood(Question.objects.filter(author=author), daily_cap=settings.FORUM_FLOOD_DAILY_QUESTIONS)
    question = Question.objects.create(
        author=author,
        title=title,
        slug=Question.slug_for(title),
        body=body,
        body_html=render_markdown(body),
        category=category,
        is_anonymous=is_anonymous,
        consented_at=timezone.now(),
        status=Question.Status.PENDING,
        triage=urgent,  # the kinds of need, never the words that matched
        personal_details=[finding.kind for finding in identifiers],
    )
    question.tags.set(list(tags))
    audit_record(actor=author, action="question.submit", target=question,
                 after={"status": question.status, "triage": urgent})  # fmt: skip
    # The asker is told what happens next (with the right contacts when the question was flagged), and the
    # moderators on duty learn of a flagged question at once.
    emails.question_received(question, country=country)
    if urgent:
        signals.question_flagged.send(sender=Question, question=question)
    return question


@transaction.atomic
def question_edit(
    *,
    question: Question,
    editor: User,
    title: str,
    body: str,
    category: Category | None = None,
    tags: Iterable[Tag] | None = None,
    is_anonymous: bool | None = None,
    reason: str = "",
) -> Question:
    """The asker edits while pending; a moderator redacts the text (forum.services.redaction) and may file a
    question under another category or other tags, at any time (a reason is required for both)."""
    question = _locked(question)
    own_edit = permissions.can_edit_own_question(editor, question)
    title, body, reason = normalize_text(title, multiline=False), normalize_text(body), normalize_text(reason)
    text_changed = text_differs(question, title=title, body=body)
    if not text_changed:
        title, body = question.title, question.body  # the same text as sent back by a browser
    tags = None if tags is None else list(tags)
    same_filing = (category is None or category.pk == question.category_id) and (
        tags is None or {tag.pk for tag in tags} == set(question.tags.values_list("pk", flat=True))
    )
    if (
        not text_changed
        and same_filing
        and (is_anonymous is None or not own_edit or is_anonymous == question.is_anonymous)
    ):
        return question  # nothing changes: nothing to record
    if not own_edit:
        permissions.check(permissions.can_moderate_questions(editor))
        if not reason.strip():
            raise ApplicationError(_("A redaction needs a reason."))
        if text_changed:  # a moderator's change of words is a redaction: recorded and purged without them
            question_redact(question=question, moderator=editor, title=title, body=body, reason=reason)
            question = _locked(question)
            title, body, text_changed = question.title, question.body, False
            if same_filing:
                return question
    reason = reason.strip() or _("Edited by the asker")
    before = _edit_record(question)
    # A public Q&A's page and the lists it leaves; the lists it joins are added once it is saved.
    listed_before = scopes.public_qa(question) if question.is_public else []
    if question.is_public and category is not None and category.pk != question.category_id:
        listed_before.append(scopes.PUBLIC_FIGURES)  # the counts per topic change
        figures.counted(question, -1, category_id=question.category_id)
        figures.counted(question, +1, category_id=category.pk)
    changed = [name for name, old, new in (("title", question.title, title), ("details", question.body, body))
               if old.replace("\r\n", "\n").strip() != new.replace("\r\n", "\n").strip()]  # fmt: skip
    if text_changed or own_edit:
        QuestionRevision.objects.create(
            question=question,
            editor=editor,
            reason=reason,
            title_before=question.title,
            body_before=question.body,
            title_after=title,
            body_after=body,
        )
    question.title = title
    question.slug = Question.slug_for(title)
    question.body = body
    question.body_html = render_markdown(body)
    question.personal_details = screening.detail_kinds(title, body)
    if category is not None:
        question.category = category
    if is_anonymous is not None and own_edit:
        question.is_anonymous = is_anonymous
    question.save()
    if tags is not None:
        question.tags.set(tags)
    search_index.refresh_vectors([question.pk])
    if question.is_public:
        invalidate(*listed_before, *scopes.public_qa(question))
    action = "question.edit" if own_edit else "question.redact" if text_changed else "question.recategorize"
    audit_record(actor=editor, action=action, target=question, before=before,
                 after={**_edit_record(question), "text_changed": changed}, reason=reason)  # fmt: skip
    return question


@transaction.atomic
def question_withdraw(*, question: Question, actor: User) -> Question:
    question = _locked(question)
    if question.status == Question.Status.WITHDRAWN:
        return question
    permissions.check(question.author_id == actor.pk)
    if question.status != Question.Status.PENDING:
        raise TransitionError("Only a question awaiting review can be withdrawn.")
    question.status = Question.Status.WITHDRAWN
    question.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor, action="question.withdraw", target=question, before={"status": "pending"},
        after={"status": question.status},
    )  # fmt: skip
    return question


@transaction.atomic
def question_approve(*, question: Question, moderator: User) -> Question:
    permissions.check(permissions.can_moderate_questions(moderator))
    question = _locked(question)
    if question.status == Question.Status.APPROVED:
        return question
    if question.status != Question.Status.PENDING:
        raise TransitionError(f"A {question.status} question cannot be approved.")
    question.status = Question.Status.APPROVED
    question.approved_at = timezone.now()
    question.save(update_fields=["status", "approved_at", "updated_at"])
    audit_record(
        actor=moderator, action="question.approve", target=question, before={"status": "pending"},
        after={"status": question.status},
    )  # fmt: skip
    # In the transaction: what listens (the experts' new-question emails) writes with the approval or not at all.
    signals.question_approved.send(sender=Question, question=question)
    return question


@transaction.atomic
def question_reject(*, question: Question, moderator: User, reason: str) -> Question:
    permissions.check(permissions.can_moderate_questions(moderator))
    if not reason.strip():
        raise ApplicationError(_("A rejection needs a reason the asker will see."))
    question = _locked(question)
    if question.status == Question.Status.REJECTED:
        return question
    if question.status not in (Question.Status.PENDING, Question.Status.APPROVED):
        raise TransitionError(f"A {question.status} question cannot be rejected.")
    before = {"status": question.status}
    question.status = Question.Status.REJECTED
    question.rejection_reason = reason.strip()
    question.save(update_fields=["status", "rejection_reason", "updated_at"])
    audit_record(
        actor=moderator, action="question.reject", target=question, before=before,
        after={"status": question.status}, reason=question.rejection_reason,
    )  # fmt: skip
    emails.question_rejected(question)
    return question


@transaction.atomic
def question_mark_spam(*, question: Question, moderator: User) -> Question:
    permissions.check(permissions.is_moderator(moderator))
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.is_spam:
        return question
    before = {"status": question.status}
    if question.status == Question.Status.ANSWERED:
        signals.question_unpublished.send(sender=Question, question_ids=[question.pk])
        invalidate(*scopes.entering_or_leaving(question))  # read while it is still public
        figures.counted(question, -1)
    question.status = Question.Status.REJECTED
    question.is_spam = True
    question.rejection_reason = question.rejection_reason or "Removed as spam."
    question.save(update_fields=["status", "is_spam", "rejection_reason", "updated_at"])
    audit_record(actor=moderator, action="question.spam", target=question, before=before,
                 after={"status": question.status, "is_spam": True})  # fmt: skip
    return question


@transaction.atomic
def question_remove(*, question: Question, moderator: User, reason: str) -> Question:
    """Take a question (published or not) out of public view; the asker sees the reason."""
    permissions.check(permissions.is_moderator(moderator))
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == Question.Status.REJECTED:
        return question
    before = {"status": question.status}
    if question.status == Question.Status.ANSWERED:
        signals.question_unpublished.send(sender=Question, question_ids=[question.pk])
        invalidate(*scopes.entering_or_leaving(question))  # read while it is still public
        figures.counted(question, -1)
    question.status = Question.Status.REJECTED
    question.rejection_reason = reason
    question.save(update_fields=["status", "rejection_reason", "updated_at"])
    audit_record(actor=moderator, action="question.remove", target=question, before=before,
                 after={"status": question.status}, reason=reason)  # fmt: skip
    return question


# --- The comment thread's open or closed state is the question's own -------------------------------


@transaction.atomic
def comments_close(*, question: Question, moderator: User | None, reason: str = "") -> Question:
    """Close a thread (a moderator, or the nightly job with moderator=None)."""
    if moderator is not None:
        permissions.check(permissions.is_moderator(moderator))
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.comments_closed:
        return question
    question.comments_closed = True
    question.save(update_fields=["comments_closed", "updated_at"])
    if question.is_public:
        invalidate(scopes.question(question.pk))
    audit_record(actor=moderator, action="comments.close", target=question, before={"closed": False},
                 after={"closed": True}, reason=reason)  # fmt: skip
    return question


@transaction.atomic
def comments_reopen(*, question: Question, moderator: User) -> Question:
    permissions.check(permissions.is_moderator(moderator))
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not question.comments_closed:
        return question
    question.comments_closed = False
    question.save(update_fields=["comments_closed", "updated_at"])
    if question.is_public:
        invalidate(scopes.question(question.pk))
    audit_record(actor=moderator, action="comments.reopen", target=question, before={"closed": True},
                 after={"closed": False})  # fmt: skip
    return question


def comments_close_expired() -> int:
    """Nightly: close threads whose open period has passed, so the flag agrees with the date check."""
    cutoff = timezone.now() - timedelta(days=settings.FORUM_COMMENTS_OPEN_DAYS)
    expired = Question.objects.public().filter(comments_closed=False, answered_at__lte=cutoff)
    closed = 0
    for question in expired.iterator():
        comments_close(question=question, moderator=None, reason="Open period ended")
        closed += 1
    return closed
