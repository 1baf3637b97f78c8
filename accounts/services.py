"""Writes for accounts: the person's own data export and account deletion."""

from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from accounts.models import NotificationPreferences, User


class AccountDeletionRefused(Exception):
    """The account cannot be deleted by its owner (moderators must help)."""


def account_export(*, user: User) -> dict[str, Any]:
    """Everything the site holds about the person, as JSON-ready data."""
    from forum.models import AlertSubscription, Comment, Question, Report

    prefs = NotificationPreferences.for_user(user)
    profile = getattr(user, "expert_profile", None)
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
        },
        "notification_preferences": {
            "question_answered": prefs.question_answered,
            "comment_replies": prefs.comment_replies,
            "expert_queue": prefs.expert_queue,
            "moderator_digest": prefs.moderator_digest,
        },
        "questions": [
            {
                "id": q.pk,
                "title": q.title,
                "details": q.body,
                "category": q.category.name,
                "tags": [t.name for t in q.tags.all()],
                "shown_as_anonymous": q.is_anonymous,
                "status": q.status,
                "rejection_reason": q.rejection_reason,
                "asked_at": q.created_at.isoformat(),
                "answered_at": q.answered_at.isoformat() if q.answered_at else None,
            }
            for q in Question.objects.filter(author=user).select_related("category").prefetch_related("tags")
        ],  # fmt: skip
        "comments": [
            {
                "id": c.pk,
                "question_id": c.question_id,
                "text": c.body,
                "status": c.status,
                "deleted": c.is_deleted,
                "posted_at": c.created_at.isoformat(),
            }
            for c in Comment.objects.filter(author=user)
        ],  # fmt: skip
        "alerts": [
            {
                "email": a.email,
                "about": a.scope,
                "topic": a.topic_label,
                "frequency": a.frequency,
                "confirmed": a.confirmed_at is not None,
                "active": a.is_active,
            }
            for a in AlertSubscription.objects.filter(user=user).select_related("category", "tag")
        ],  # fmt: skip
        "reports_made": [
            {"reason": r.reason, "details": r.details, "reported_at": r.created_at.isoformat(), "status": r.status}
            for r in Report.objects.filter(reporter=user)
        ],
        "expert_profile": None
        if profile is None
        else {
            "public_name": profile.public_name,
            "postnominals": profile.postnominals,
            "position": profile.position,
            "institution": profile.institution,
            "bio": profile.bio,
            "disclosure": profile.disclosure,
            "licence_number": profile.licence_number,
            "licence_body": profile.licence_body,
            "licence_expires_on": profile.licence_expires_on.isoformat() if profile.licence_expires_on else None,
            "status": profile.status,
        },  # fmt: skip
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase the person: public questions and comments stay, shown as written by "Deleted user"."""
    from forum.models import AlertSubscription, Answer, Comment, OutboxEmail, Question, QuestionRevision, Report
    from forum.services.audit import audit_record

    profile = getattr(user, "expert_profile", None)
    if profile is not None and Answer.objects.filter(expert=profile).exists():
        raise AccountDeletionRefused(
            "Experts' published answers stay attributed to them; please ask the moderators to close the account."
        )
    counts = {
        "questions": Question.objects.filter(author=user).count(),
        "comments": Comment.objects.filter(author=user).count(),
    }
    # Unpublished questions hold personal health details that nobody else needs: remove them.
    Question.objects.filter(author=user).exclude(status=Question.Status.ANSWERED).delete()
    # Published ones stay, but their earlier wordings (and what moderators redacted from them) go.
    QuestionRevision.objects.filter(question__author=user).delete()
    # Comments nobody can read: held ones go (no moderator can publish them later as "Deleted user");
    # removed ones keep their place in the thread for the replies under them, without their words.
    Comment.objects.filter(author=user, status=Comment.Status.PENDING).delete()
    Comment.objects.filter(author=user, status=Comment.Status.REMOVED).update(body="", body_html="", is_deleted=True)
    Report.objects.filter(reporter=user).update(details="")
    AlertSubscription.objects.filter(user=user).delete()
    AlertSubscription.objects.filter(email__iexact=user.email).delete()
    # Sent and waiting emails keep the address and what they were about.
    OutboxEmail.objects.filter(to_email__iexact=user.email).delete()
    audit_record(actor=None, action="account.delete", target=user, before=counts, after={"deleted": True})
    user.delete()  # questions and comments keep their rows with author = NULL
