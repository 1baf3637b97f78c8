from .alerts import AlertSubscribeView, alerts_sent
from .pages import (
    ArchiveMonthView,
    ArchiveYearView,
    AskView,
    CategoryView,
    CommentEditView,
    HomeView,
    MyQuestionsView,
    QuestionDetailView,
    QuestionEditView,
    StaticPageView,
    TagView,
    ask_done,
    ask_preview,
    comment_delete,
    comment_post,
    healthz,
    hello,
    humanize_duration,
    question_withdraw,
    robots_txt,
)

__all__ = [
    "AlertSubscribeView", "ArchiveMonthView", "ArchiveYearView", "AskView", "CategoryView",
    "CommentEditView", "HomeView", "MyQuestionsView", "QuestionDetailView", "QuestionEditView", "ReportView",
    "StaticPageView", "TagView", "alerts_sent", "ask_done", "ask_preview",
    "comment_delete", "comment_post", "healthz", "hello", "humanize_duration", "question_withdraw",
    "robots_txt",
]  # fmt: skip
