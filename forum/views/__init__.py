from .alerts import AlertSubscribeView, alerts_sent
from .asking import (
    AskView,
    MyQuestionsView,
    QuestionEditView,
    ask_done,
    ask_preview,
    information_reply,
    question_withdraw,  # fmt: skip
)
from .feedback import AnswerFeedbackView
from .listing import ArchiveMonthView, ArchiveYearView, CategoryView, HomeView, SidebarMixin, TagView
from .questions import QuestionDetailView
from .site import StaticPageView, healthz, hello, humanize_duration, robots_txt

__all__ = [
    "AlertSubscribeView", "AnswerFeedbackView", "SidebarMixin", "ArchiveMonthView", "ArchiveYearView", "AskView",
    "CategoryView",
    "HomeView", "MyQuestionsView", "QuestionDetailView", "QuestionEditView",
    "StaticPageView", "TagView", "alerts_sent", "ask_done", "ask_preview",
    "healthz", "hello", "humanize_duration", "information_reply", "question_withdraw",
    "robots_txt",
]  # fmt: skip
