"""Events other parts hook into (notifications). Sent only after the change commits."""

from django.dispatch import Signal

# sender=Question; kwargs: question_id
question_answered = Signal()
# sender=Question; kwargs: question_id
question_rejected = Signal()
# sender=Question; kwargs: question_id
question_approved = Signal()
# sender=Comment; kwargs: comment_id (sent when a comment becomes visible to everyone)
comment_published = Signal()
