from comments.models import Comment
from experts.models import ExpertProfile
from forum.models import Question
from moderation.models import Report


def moderation_counts() -> dict[str, int]:
    """What waits for moderators, for the admin index (one query per queue)."""
    return {
        "pending_questions": Question.objects.filter(status=Question.Status.PENDING).count(),
        "held_comments": Comment.objects.filter(status=Comment.Status.PENDING).count(),
        "open_reports": Report.objects.filter(status=Report.Status.OPEN).count(),
        "expert_applications": ExpertProfile.objects.filter(status=ExpertProfile.Status.APPLIED).count(),
    }
