"""A moderator's private reply to the asker of a question that may need help now: one of a few written
replies, with an optional note of their own, and the contacts for the kind of need. Audited without its words."""

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.audit import audit_record
from core.errors import ApplicationError
from core.text import normalize_text
from forum import emails, permissions
from forum.models import Question

REPLIES = {
    "self_harm": _("Thoughts of suicide or self-harm: you are not alone, and who to talk to now"),
    "emergency": _("A possible emergency: please get urgent care now"),
    "urgent_ms": _("A symptom to have checked today, and where"),
    "check_in": _("A kind check-in: we read your question and are here"),
}


@transaction.atomic
def safeguarding_reply(*, question: Question, moderator: User, reply: str, note: str = "", country: str = "") -> int:
    """Email the asker; returns how many emails were queued (one)."""
    permissions.check(permissions.can_moderate_questions(moderator))
    if reply not in REPLIES:
        raise ApplicationError(gettext("Choose one of the replies."))
    author = question.author
    if author is None or not author.is_active:
        raise ApplicationError(gettext("The asker's account no longer exists: there is nobody to write to."))
    note = normalize_text(note)
    sent = emails.safeguarding_reply(question, reply=reply, note=note, country=country)
    audit_record(actor=moderator, action="question.safeguarding_reply", target=question,
                 after={"reply": reply, "with_note": bool(note)})  # fmt: skip
    return sent
