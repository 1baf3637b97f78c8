from .alerts import AlertSubscribeView, alerts_sent
from .asking import (
    AskView,
    MyQuestionsView,
    QuestionEditView,
    answer_accept,
    ask_done,
    ask_preview,
    information_reply,
    question_withdraw,  # fmt: skip
)
from .feedback import AnswerFeedbackView
from .follows import FollowView
from .listing import ArchiveMonthView, ArchiveYearView, CategoryView, HomeView, SidebarMixin, TagView
from .questions import QuestionDetailView
from .site import StaticPageView, favicon, healthz, hello, humanize_duration, robots_txt

__all__ = [
    "AlertSubscribeView", "AnswerFeedbackView", "ArchiveMonthView", "ArchiveYearView", "AskView", "CategoryView",
    "FollowView",
    "HomeView", "MyQuestionsView", "QuestionDetailView", "QuestionEditView", "SidebarMixin", "StaticPageView",
    "TagView", "alerts_sent", "answer_accept", "ask_done", "ask_preview", "favicon", "healthz", "hello",
    "humanize_duration",
    "information_reply", "question_withdraw", "robots_txt",
]  # fmt: skip
