"""What other apps hook into from the experts app. Sent inside the caller's transaction."""

from django.dispatch import Signal

# sender=Answer; kwargs: texts (the question's title and details and the answer). Receivers return whether the
# texts name a medicine, for the review policy's "answers that name a medicine" (see search/receivers.py).
medicine_named = Signal()
# sender=Answer; kwargs: answer, response (a PeerResponse of kind "concern"). Moderators hear of it (see
# moderation/receivers.py).
answer_concern_raised = Signal()
