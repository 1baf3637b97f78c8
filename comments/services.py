"""Writes for comments and comment threads."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from comments import emails
from comments.models import Comment
from core.audit import audit_record
from core.cache import invalidate
from core.errors import ApplicationError
from core.markdown import render_markdown
from core.text import normalize_text
from forum import emails as forum_emails
from forum import permissions, redaction, scopes, screening
from forum.models import Question, Redaction
from forum.services.flood import check_flood


class CommentsClosed(ApplicationError):
    pass


class EditWindowPassed(ApplicationError):
    pass


def _count(question_id: int, delta: int) -> None:
    Question.objects.filter(pk=question_id).update(comment_count=F("comment_count") + delta)


def _published(comment: Comment) -> None:
    emails.comment_published(comment)
    forum_emails.follow_update(comment.question, kind="comment", actor_id=comment.author_id, event=str(comment.pk))


def _shown_changed(question_id: int, *, count_changed: bool) -> None:
    """A published comment appeared, changed or went: its Q&A's page and the sidebar's latest comments; and,
    when the count changed, every list that shows the Q&A's comment count."""
    question = Question.objects.select_related("category", "answer__expert").get(pk=question_id)
    shown = scopes.public_qa(question) if count_changed and question.is_public else [scopes.question(question_id)]
    invalidate(*shown, scopes.RECENT_COMMENTS)


def _attach_point(parent: Comment) -> Comment:
    """Replies deeper than the limit attach to the deepest allowed level."""
    while parent.depth >= settings.FORUM_COMMENT_MAX_DEPTH and parent.parent_id is not None:
        parent = Comment.objects.get(pk=parent.parent_id)
    return parent


@transaction.atomic
def comment_post(*, question: Question, author: User, body: str, parent: Comment | None = None) -> Comment:
    """A new comment. A person's first comment waits for a moderator; later ones appear at once."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    permissions.check(permissions.can_comment(author))
    body = normalize_text(body)
    if not question.comments_open:
        raise CommentsClosed
    if parent is not None:
        if parent.question_id != question.pk or parent.status != Comment.Status.APPROVED:
            raise ApplicationError(_("You can only reply to a published comment on this question."))
        parent = _attach_point(parent)
        if parent.depth >= settings.FORUM_COMMENT_MAX_DEPTH:
            parent = None if settings.FORUM_COMMENT_MAX_DEPTH == 0 else parent
    check_flood(Comment.objects.filter(author=author), daily_cap=settings.FORUM_FLOOD_DAILY_COMMENTS)
    trusted = (
        permissions.is_moderator(author)
        or permissions.is_verified_expert(author)
        or Comment.objects.filter(author=author, status=Comment.Status.APPROVED).exists()
    )
    comment = Comment.objects.create(
        question=question,
        author=author,
        parent=parent,
        depth=parent.depth + 1 if parent else 0,
        body=body,
        body_html=render_markdown(body, comment=True),
        status=Comment.Status.APPROVED if trusted else Comment.Status.PENDING,
        personal_details=screening.detail_kinds(body),
    )
    audit_record(actor=author, action="comment.post", target=comment, after={"status": comment.status})
    invalidate(scopes.commenters(question.pk))  # held or not: the author now sees the thread as their own
    if comment.status == Comment.Status.APPROVED:
        _count(question.pk, 1)
        _shown_changed(question.pk, count_changed=True)
        _published(comment)
    return comment


@transaction.atomic
def comment_approve(*, comment: Comment, moderator: User) -> Comment:
    permissions.check(permissions.is_moderator(moderator))
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status != Comment.Status.PENDING:
        return comment
    comment.status = Comment.Status.APPROVED
    comment.save(update_fields=["status"])
    _count(comment.question_id, 1)
    _shown_changed(comment.question_id, count_changed=True)
    audit_record(actor=moderator, action="comment.approve", target=comment, before={"status": "pending"},
                 after={"status": "approved"})  # fmt: skip
    _published(comment)
    return comment


@transaction.atomic
def comment_remove(*, comment: Comment, moderator: User, reason: str = "") -> Comment:
    permissions.check(permissions.is_moderator(moderator))
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status == Comment.Status.REMOVED:
        return comment
    before = {"status": comment.status}
    if comment.status == Comment.Status.APPROVED and not comment.is_deleted:
        _count(comment.question_id, -1)
        _shown_changed(comment.question_id, count_changed=True)
    comment.status = Comment.Status.REMOVED
    comment.save(update_fields=["status"])
    audit_record(actor=moderator, action="comment.remove", target=comment, before=before,
                 after={"status": "removed"}, reason=reason)  # fmt: skip
    return comment


@transaction.atomic
def comment_redact(*, comment: Comment, moderator: User, body: str, reason: str) -> Redaction:
    """A moderator takes words out of a comment, published or not (see forum.redaction)."""
    permissions.check(permissions.is_moderator(moderator))
    comment = Comment.objects.select_for_update(of=("self",)).select_related("author").get(pk=comment.pk)
    found = redaction.changes({"comment": (comment.body, body)}, multiline={})
    reason = redaction.check(found, reason)
    comment.body = found[0].new
    comment.body_html = render_markdown(comment.body, comment=True)
    comment.personal_details = screening.detail_kinds(comment.body)
    comment.save(update_fields=["body", "body_html", "personal_details"])
    redaction.purge_copies(comment, found[0].removed)
    done = redaction.record(target=comment, moderator=moderator, found=found, reason=reason, action="comment.redact")
    if comment.status == Comment.Status.APPROVED and not comment.is_deleted:
        _shown_changed(comment.question_id, count_changed=False)
    if comment.author is not None:
        question = Question.objects.get(pk=comment.question_id)
        forum_emails.content_redacted(done, recipient=comment.author, question=question, what="comment")
    return done


@transaction.atomic
def comment_edit(*, comment: Comment, user: User, body: str) -> Comment:
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    permissions.check(comment.author_id == user.pk and not comment.is_deleted)
    if comment.status == Comment.Status.REMOVED:
        raise permissions.PermissionDenied
    if timezone.now() > comment.created_at + timedelta(minutes=settings.FORUM_COMMENT_EDIT_MINUTES):
        raise EditWindowPassed
    before = {"edited_at": comment.edited_at.isoformat() if comment.edited_at else None}
    body = normalize_text(body)
    comment.body = body
    comment.body_html = render_markdown(body, comment=True)
    comment.edited_at = timezone.now()
    comment.personal_details = screening.detail_kinds(body)
    comment.save(update_fields=["body", "body_html", "edited_at", "personal_details"])
    if comment.status == Comment.Status.APPROVED:
        _shown_changed(comment.question_id, count_changed=False)
    audit_record(actor=user, action="comment.edit", target=comment, before=before,
                 after={"edited_at": comment.edited_at.isoformat()})  # fmt: skip
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, user: User) -> Comment:
    """The author deletes their comment; a tombstone keeps the thread's replies in place."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    permissions.check(comment.author_id == user.pk)
    if comment.is_deleted:
        return comment
    if comment.status == Comment.Status.APPROVED:
        _count(comment.question_id, -1)
        _shown_changed(comment.question_id, count_changed=True)
    comment.is_deleted = True
    comment.body = ""
    comment.body_html = ""
    comment.save(update_fields=["is_deleted", "body", "body_html"])
    audit_record(actor=user, action="comment.delete", target=comment, before={"deleted": False},
                 after={"deleted": True})  # fmt: skip
    return comment
