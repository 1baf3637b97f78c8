from .dashboard import (
    AnswerEditorView,
    AnswerReviseView,
    DashboardView,
    ExpertRequiredMixin,
    claim,
    mark_reviewed,
    release,
    request_information,
)
from .directory import ApplyView, ExpertDetailView, ExpertListView
from .peers import peer_agree, peer_concern
from .reviews import ReviewView, review_claim, review_release

__all__ = [
    "AnswerEditorView", "AnswerReviseView", "ApplyView", "DashboardView", "ExpertDetailView", "ExpertListView",
    "ExpertRequiredMixin", "ReviewView", "claim", "mark_reviewed", "peer_agree", "peer_concern", "release",
    "request_information", "review_claim", "review_release",
]  # fmt: skip
