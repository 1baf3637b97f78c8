"""What other apps hook into. Sent inside the transaction of the change, so a receiver's writes (outbox
rows, say) commit or roll back with it."""

from django.dispatch import Signal

# sender=Question; kwargs: question (now approved: experts are told of it; see experts/receivers.py)
question_approved = Signal()
# sender=Question; kwargs: question_ids (now public, or no longer: the search vocabulary counts their words;
# see search/receivers.py)
question_published = Signal()
question_unpublished = Signal()
# sender=Question; kwargs: question (just submitted and flagged as possibly needing help now: question.triage;
# moderators on duty are told at once, see moderation/receivers.py)
question_flagged = Signal()
# sender=the redacted model (Question, Answer or Comment); kwargs: target, words (the words a moderator took out:
# every app purges the copies it keeps of them, see forum/redaction.py and moderation/receivers.py)
text_redacted = Signal()
