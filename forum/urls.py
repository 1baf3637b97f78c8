from collections.abc import Callable
from datetime import date

from django.http import HttpResponseBase
from django.urls import path, register_converter

from core.cache import public_page
from forum import feeds, scopes, views


class FourDigitYear:
    """An archive year: four digits, from the first year the archive could hold to the last whose
    following year a date still holds (the month pages end at the next month's first day)."""

    regex = "[0-9]{4}"
    first, last = 1900, date.max.year - 1

    def to_python(self, value: str) -> int:
        year = int(value)
        if not self.first <= year <= self.last:
            raise ValueError("No archive for that year")  # no match: a 404
        return year

    def to_url(self, value: int) -> str:
        return f"{int(value):04d}"


class TwoDigitMonth:
    regex = "0[1-9]|1[0-2]"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return f"{int(value):02d}"


register_converter(FourDigitYear, "yyyy")
register_converter(TwoDigitMonth, "mm")

app_name = "forum"


def static_page(template: str) -> Callable[..., HttpResponseBase]:
    return views.StaticPageView.as_view(template_name=f"forum/pages/{template}.html")


def feed(
    view: Callable[..., HttpResponseBase], scope: Callable[[str], str] | None = None
) -> Callable[..., HttpResponseBase]:
    """A feed, cached for anonymous readers like a page (a feed reads no query parameter), under the scope of
    its list (`scope(slug)`), or of the latest Q&As."""
    if scope is None:
        return public_page(view, reads=(), scopes=[scopes.LATEST])
    return public_page(view, reads=(), scopes=lambda slug: [scope(slug)])


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("ask/", views.AskView.as_view(), name="ask"),
    path("ask/preview/", views.ask_preview, name="ask_preview"),
    path("ask/submitted/<int:pk>/", views.ask_done, name="ask_done"),
    path("my/questions/", views.MyQuestionsView.as_view(), name="my_questions"),
    path("my/questions/<int:pk>/edit/", views.QuestionEditView.as_view(), name="question_edit"),
    path("my/questions/<int:pk>/withdraw/", views.question_withdraw, name="question_withdraw"),
    path("my/questions/<int:pk>/reply/", views.information_reply, name="information_reply"),
    path("my/questions/<int:pk>/answered/", views.answer_accept, name="answer_accept"),
    path("questions/<int:pk>/", views.QuestionDetailView.as_view(), name="question_noslug"),
    path("questions/<int:pk>/feedback/", views.AnswerFeedbackView.as_view(), name="answer_feedback"),
    path("questions/<int:pk>/follow/", views.FollowView.as_view(), name="follow"),
    path("questions/<int:pk>/<str:slug>/", views.QuestionDetailView.as_view(), name="question"),
    path("categories/<slug:slug>/", views.CategoryView.as_view(), name="category"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("archive/<yyyy:year>/", views.ArchiveYearView.as_view(), name="archive_year"),
    path("archive/<yyyy:year>/<mm:month>/", views.ArchiveMonthView.as_view(), name="archive_month"),
    path("about/", static_page("about"), name="about"),
    path("disclaimer/", static_page("disclaimer"), name="disclaimer"),
    path("privacy/", static_page("privacy"), name="privacy"),
    path("terms/", static_page("terms"), name="terms"),
    path("accessibility/", static_page("accessibility"), name="accessibility"),
    path("editorial-policy/", static_page("editorial"), name="editorial"),
    path("alerts/", views.AlertSubscribeView.as_view(), name="alerts"),
    path("alerts/check-your-email/", views.alerts_sent, name="alerts_sent"),
    path("feeds/latest/", feed(feeds.LatestAnswersFeed()), name="feed_latest"),
    path("feeds/latest/rss/", feed(feeds.rss(feeds.LatestAnswersFeed)()), name="feed_latest_rss"),
    path("feeds/categories/<slug:slug>/", feed(feeds.CategoryFeed(), scopes.category), name="feed_category"),
    path(
        "feeds/categories/<slug:slug>/rss/",
        feed(feeds.rss(feeds.CategoryFeed)(), scopes.category),
        name="feed_category_rss",
    ),
    path("feeds/tags/<slug:slug>/", feed(feeds.TagFeed(), scopes.tag), name="feed_tag"),
    path("feeds/tags/<slug:slug>/rss/", feed(feeds.rss(feeds.TagFeed)(), scopes.tag), name="feed_tag_rss"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
]
