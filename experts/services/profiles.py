"""Writes for expert profiles: applying, verification, suspension and licence expiry."""

from datetime import date
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from core.audit import audit_record
from core.cache import SITE, invalidate
from core.errors import ApplicationError
from experts import permissions as expert_permissions
from experts.models import ExpertProfile, QuestionClaim
from experts.photos import process_photo
from forum import permissions, scopes
from forum.models import Answer, Category

PROFILE_FIELDS = (
    "public_name", "postnominals", "position", "institution", "bio", "disclosure",
    "licence_number", "licence_body", "licence_expires_on",
)  # fmt: skip


def _answered(profile: ExpertProfile) -> list[int]:
    return list(
        Answer.objects.filter(expert=profile, status=Answer.Status.PUBLISHED).values_list("question_id", flat=True)
    )


def _standing_changed(profile: ExpertProfile) -> None:
    """A profile became public or stopped being so: the directory, its page, and the Q&A pages its
    credentials card is shown on."""
    invalidate(scopes.EXPERT_DIRECTORY, scopes.expert(profile.slug), *scopes.questions(_answered(profile)))


def _unique_slug(name: str, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:100] or "expert"
    slug, n = base, 2
    while ExpertProfile.objects.filter(slug=slug).exclude(pk=exclude_pk or 0).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def expert_apply(
    *,
    user: User,
    data: dict[str, Any],
    specialties: list[Category],
    photo: UploadedFile | None = None,
) -> ExpertProfile:
    """Create or update an application. A verified profile is not changed here."""
    permissions.check(expert_permissions.can_apply(user) and permissions.has_verified_email(user))
    profile = ExpertProfile.objects.select_for_update().filter(user=user).first() or ExpertProfile(user=user)
    for field in PROFILE_FIELDS:
        setattr(profile, field, data.get(field) or ("" if field != "licence_expires_on" else None))
    profile.slug = _unique_slug(profile.public_name, exclude_pk=profile.pk)
    before = {"status": profile.status} if profile.pk else {}
    profile.status = ExpertProfile.Status.APPLIED
    if photo is not None:
        profile.photo.save("photo.jpg", process_photo(photo), save=False)
    profile.save()
    profile.specialties.set(specialties)
    if profile.pk and _answered(profile):
        invalidate(SITE)  # rare: a former expert's new name would show in every list of their answers
    audit_record(actor=user, action="expert.apply", target=profile, before=before, after={"status": "applied"})
    return profile


def _set_status(
    profile: ExpertProfile, *, moderator: User, status: str, notes: str, action: str, allowed_from: set[str]
) -> ExpertProfile:
    permissions.check(permissions.is_moderator(moderator))
    profile = ExpertProfile.objects.select_for_update().get(pk=profile.pk)
    if profile.status == status:
        return profile
    if profile.status not in allowed_from:
        raise ApplicationError(f"A {profile.status} profile cannot become {status}.")
    before = {"status": profile.status}
    profile.status = status
    if notes:
        stamp = timezone.now().strftime("%Y-%m-%d %H:%M")
        profile.review_notes = f"{profile.review_notes}\n[{stamp}] {notes}".strip()
    if status == ExpertProfile.Status.VERIFIED:
        profile.verified_by = moderator
        profile.verified_at = timezone.now()
    profile.save()
    _standing_changed(profile)
    audit_record(actor=moderator, action=action, target=profile, before=before, after={"status": status}, reason=notes)
    return profile


@transaction.atomic
def expert_verify(*, profile: ExpertProfile, moderator: User, notes: str = "") -> ExpertProfile:
    if profile.licence_expired:
        raise ApplicationError("The licence has expired; ask for a current one before verifying.")
    return _set_status(
        profile, moderator=moderator, status=ExpertProfile.Status.VERIFIED, notes=notes, action="expert.verify",
        allowed_from={"applied", "suspended", "expired", "rejected"},
    )  # fmt: skip


@transaction.atomic
def expert_reject(*, profile: ExpertProfile, moderator: User, notes: str) -> ExpertProfile:
    return _set_status(
        profile, moderator=moderator, status=ExpertProfile.Status.REJECTED, notes=notes, action="expert.reject",
        allowed_from={"applied"},
    )  # fmt: skip


@transaction.atomic
def expert_suspend(*, profile: ExpertProfile, moderator: User, notes: str) -> ExpertProfile:
    profile = _set_status(
        profile, moderator=moderator, status=ExpertProfile.Status.SUSPENDED, notes=notes, action="expert.suspend",
        allowed_from={"verified", "expired"},
    )  # fmt: skip
    QuestionClaim.objects.filter(expert=profile).delete()
    return profile


@transaction.atomic
def expert_expire_licences(*, today: date | None = None) -> int:
    """Nightly: verified experts whose licence has lapsed become expired (and lose their claims)."""
    today = today or timezone.localdate()
    expired = list(
        ExpertProfile.objects.select_for_update().filter(
            status=ExpertProfile.Status.VERIFIED, licence_expires_on__lt=today
        )
    )
    for profile in expired:
        profile.status = ExpertProfile.Status.EXPIRED
        profile.save(update_fields=["status"])
        QuestionClaim.objects.filter(expert=profile).delete()
        _standing_changed(profile)
        audit_record(
            actor=None, action="expert.licence_expired", target=profile, before={"status": "verified"},
            after={"status": "expired"}, reason=f"Licence expired on {profile.licence_expires_on}",
        )  # fmt: skip
    return len(expired)
