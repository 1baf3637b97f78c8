"""Moderators' tools beyond approving and rejecting: reports and removing spam accounts."""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from comments.models import Comment
from comments.services import comment_remove
from core.audit import audit_record
from core.cache import invalidate
from core.errors import ApplicationError
from core.text import normalize_text
from forum import figures, permissions, scopes, signals
from forum.models import Answer, Question
from forum.services.answers import answer_remove
from forum.services.questions import question_remove
from moderation import emails
from moderation.models import ContactMessage, Report


class DuplicateReport(ApplicationError):
    pass


class SpamRemovalRefused(ApplicationError):
    """The account is not one to delete as spam; the message says why and what to do instead."""


@transaction.atomic
def report_create(*, reporter: User, target: models.Model, reason: str, details: str = "") -> Report:
    permissions.check(permissions.can_report(reporter))
    if reason not in Report.Reason.values:
        raise ApplicationError(_("Unknown reason."))
    content_type = ContentType.objects.get_for_model(target)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                reporter=reporter, content_type=content_type, object_id=target.pk, reason=reason,
                details=normalize_text(details)[:1000],
            )  # fmt: skip
    except IntegrityError as error:
        raise DuplicateReport from error
    return report


def _close(report: Report, moderator: User, status: str) -> Report:
    report.status = status
    report.handled_by = moderator
    report.handled_at = timezone.now()
    report.save(update_fields=["status", "handled_by", "handled_at"])
    audit_record(actor=moderator, action=f"report.{status}", target=report, before={"status": "open"},
                 after={"status": status})  # fmt: skip
    return report


@transaction.atomic
def report_dismiss(*, report: Report, moderator: User) -> Report:
    permissions.check(permissions.is_moderator(moderator))
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != Report.Status.OPEN:
        return report
    return _close(report, moderator, Report.Status.DISMISSED)


@transaction.atomic
def report_act(*, report: Report, moderator: User) -> Report:
    """Remove the reported content, and close every open report about it."""
    permissions.check(permissions.is_moderator(moderator))
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != Report.Status.OPEN:
        return report
    target = report.target
    reason = f"Removed by the moderators after a report ({report.get_reason_display()})."
    if isinstance(target, Question):
        question_remove(question=target, moderator=moderator, reason=reason)
    elif isinstance(target, Answer):
        answer_remove(answer=target, moderator=moderator, reason=reason)
    elif isinstance(target, Comment):
        comment_remove(comment=target, moderator=moderator, reason=reason)
    siblings = Report.objects.select_for_update().filter(
        content_type=report.content_type, object_id=report.object_id, status=Report.Status.OPEN
    )
    for sibling in siblings:
        _close(sibling, moderator, Report.Status.ACTIONED)
    report.refresh_from_db()
    return report


@transaction.atomic
def spam_account_remove(*, account: User, moderator: User) -> dict[str, int]:
    """Delete a spam account and everything it posted, in one step, with an audit row.

    Other people's replies to its comments stay: a comment with such replies is kept as an empty,
    removed comment, as a moderator's removal leaves it, so the thread shows the replies on.
    """
    permissions.check(permissions.can_remove_spam_account(moderator))
    if account.is_staff or account.is_superuser or account.pk == moderator.pk:
        raise SpamRemovalRefused(_("Staff accounts cannot be removed as spam."))
    if Answer.objects.filter(expert__user=account).exists():
        # Answers (drafts too) outlive their author for the patients who asked; an expert is stopped
        # by suspending the profile.
        raise SpamRemovalRefused(
            _("This expert account has answers and cannot be removed as spam. Suspend the expert profile instead.")
        )
    questions = Question.objects.filter(author=account)
    comments = Comment.objects.filter(author=account)
    removed = {"questions": questions.count(), "comments": comments.count()}
    audit_record(actor=moderator, action="account.remove_spam", target=account, before=removed,
                 after={"deleted": True}, reason="Spam account")  # fmt: skip
    touched = set(comments.values_list("question_id", flat=True))
    # Its Q&As leave public view; the threads it commented in change (read before anything goes).
    leaving = list(questions.filter(status=Question.Status.ANSWERED).select_related("category"))
    shown = [scope for question in leaving for scope in scopes.entering_or_leaving(question)]
    for question in leaving:
        figures.counted(question, -1)
    shown += [scope for question in Question.objects.public().filter(pk__in=touched).select_related("category")
              for scope in scopes.public_qa(question)]  # fmt: skip
    invalidate(*shown, *([scopes.RECENT_COMMENTS] if touched else []))
    kept = _comments_others_replied_to(account)
    Comment.objects.filter(pk__in=kept).update(status=Comment.Status.REMOVED, body="", body_html="", edited_at=None)
    comments.exclude(pk__in=kept).delete()  # only the account's own replies hang below these
    public_ids = list(questions.filter(status=Question.Status.ANSWERED).values_list("pk", flat=True))
    signals.question_unpublished.send(sender=Question, question_ids=public_ids)
    questions.delete()
    for question in Question.objects.filter(pk__in=touched):
        question.comment_count = question.comments.filter(status=Comment.Status.APPROVED, is_deleted=False).count()
        question.save(update_fields=["comment_count"])
    Report.objects.filter(reporter=account, status=Report.Status.OPEN).delete()
    account.delete()
    return removed


def _comments_others_replied_to(account: User) -> set[int]:
    """The account's comments with someone else's reply below them, directly or through more of its own."""
    parent_of = dict(Comment.objects.filter(author=account).values_list("pk", "parent_id"))
    replied = (
        Comment.objects.filter(parent_id__in=parent_of).exclude(author=account).values_list("parent_id", flat=True)
    )
    kept: set[int] = set()
    for parent_id in replied:
        while parent_id in parent_of and parent_id not in kept:
            kept.add(parent_id)
            parent_id = parent_of[parent_id]
    return kept


@transaction.atomic
def contact_message(*, name: str, email: str, topic: str, message: str, user: User | None) -> ContactMessage:
    """A message from the contact form: stored for the console and emailed to the moderators."""
    message = normalize_text(message)
    if not message:
        raise ApplicationError(_("Please write your message."))
    sent = ContactMessage.objects.create(
        name=normalize_text(name, multiline=False), email=email.strip(), topic=topic, message=message,
        user=user if user is not None and user.is_authenticated else None,
    )  # fmt: skip
    emails.contact_message(sent)
    return sent


@transaction.atomic
def contact_handled(*, sent: ContactMessage, moderator: User) -> ContactMessage:
    permissions.check(permissions.is_moderator(moderator))
    if sent.handled_at is None:
        sent.handled_at = timezone.now()
        sent.save(update_fields=["handled_at"])
        audit_record(actor=moderator, action="contact.handled", target=sent)
    return sent
