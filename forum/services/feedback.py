"""Readers say whether an answer helped them, with a reason when it did not. The counts are kept on the answer
(its expert sees them on the dashboard); an answer many readers say did not help goes to re-review
(experts.permissions.needs_rereview)."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import ApplicationError
from forum.models import Answer, AnswerFeedback


@transaction.atomic
def answer_feedback(*, answer: Answer, voter: str, user: User | None, helped: bool, reason: str = "") -> AnswerFeedback:
    """Record (or change) one reader's vote; `voter` names the reader ("user:<id>" or a keyed session hash)."""
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if answer.status != Answer.Status.PUBLISHED:
        raise ApplicationError(_("This answer is not published."), status=404)
    if helped:
        reason = ""
    elif reason not in AnswerFeedback.Reason.values:
        raise ApplicationError(_("Please choose why it did not help: the expert reads the reasons."))
    feedback, _created = AnswerFeedback.objects.update_or_create(
        answer=answer, voter=voter, defaults={"helped": helped, "reason": reason, "user": user}
    )
    votes = AnswerFeedback.objects.filter(answer=answer)
    answer.helpful_count = votes.filter(helped=True).count()
    answer.unhelpful_count = votes.filter(helped=False).count()
    answer.save(update_fields=["helpful_count", "unhelpful_count"])  # no public page shows them
    return feedback
