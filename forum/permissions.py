"""Every rule about who may see or do what in the forum, in one place."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from accounts.models import User
from forum.models import Question

AnyUser = User | AnonymousUser


def is_moderator(user: AnyUser) -> bool:
    """Staff in the Moderators group (or superusers): the permission is what counts, not the flag alone."""
    return bool(user.is_authenticated and user.is_active and user.is_staff and user.has_perm("forum.moderate_question"))


def can_comment(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active and has_verified_email(user))


def can_report(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_remove_spam_account(user: AnyUser) -> bool:
    return is_moderator(user) and user.has_perm("accounts.remove_spam_account")


def is_verified_expert(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    profile = getattr(user, "expert_profile", None)
    return bool(profile is not None and profile.is_verified)


def has_verified_email(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    known = getattr(user, "email_verified", None)  # loaded with the signed-in user (accounts/backends.py)
    if known is not None:
        return bool(known)
    return EmailAddress.objects.filter(user_id=user.pk, verified=True).exists()


def can_ask(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active and has_verified_email(user))


def can_view_question(user: AnyUser, question: Question) -> bool:
    if question.is_public:
        return True
    if not user.is_authenticated:
        return False
    if question.author_id == user.pk or is_moderator(user):
        return True
    return question.status == Question.Status.APPROVED and is_verified_expert(user)


def can_edit_own_question(user: AnyUser, question: Question) -> bool:
    return bool(user.is_authenticated and question.author_id == user.pk and question.status == Question.Status.PENDING)


def can_moderate_questions(user: AnyUser) -> bool:
    return is_moderator(user)


__all__ = ["PermissionDenied"]


def check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
