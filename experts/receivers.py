"""What the experts app does when something happens elsewhere."""

from typing import Any

from accounts.services import AccountDeletionRefused
from experts import emails
from forum.models import Answer, Question


def tell_experts_of_new_question(sender: object, question: Question, **kwargs: Any) -> None:
    emails.question_approved(question)


def export_sections(sender: object, user: Any, **kwargs: Any) -> dict[str, Any]:
    profile = getattr(user, "expert_profile", None)
    return {
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


def refuse_erasing_an_expert_with_answers(sender: object, user: Any, **kwargs: Any) -> dict[str, int]:
    profile = getattr(user, "expert_profile", None)
    if profile is not None and Answer.objects.filter(expert=profile).exists():
        raise AccountDeletionRefused(
            "Experts' published answers stay attributed to them; please ask the moderators to close the account."
        )
    return {}
