"""Public lists: home, category and tag pages, yearly and monthly archives, with the shared sidebar."""

from datetime import date
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.cache import PUBLIC_FIGURES, SharedParts, cached_part, public_page
from core.pagination import paginate
from forum import selectors
from forum.models import Category, Tag


class SidebarMixin:
    """Context every public page shows beside its content, and the parts it shares with every reader.

    The shared parts (core.cache.SharedParts) are fetched, with the content version, before the page
    reads any data; the sidebar's data is only fetched when its fragment is not in the cache.
    """

    def shared_names(self, request: HttpRequest, **kwargs: Any) -> list[str]:
        return ["sidebar"]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.shared = SharedParts(self.shared_names(request, **kwargs))
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(sidebar=SimpleLazyObject(lambda: cached_part("sidebar", _sidebar)), shared_parts=self.shared)
        return context


def _sidebar() -> dict[str, Any]:
    """Recent lists (cheap, indexed) follow every change; the figures (aggregates over every public Q&A)
    are rebuilt only when a Q&A enters or leaves public view or changes topic."""
    return {
        **cached_part("sidebar-figures", _sidebar_figures, version_name=PUBLIC_FIGURES),
        "recent": selectors.recent_questions(),  # the latest comments come from the comments app's tag
    }


def _sidebar_figures() -> dict[str, Any]:
    months = selectors.archive_months()
    return {"all_months": months, "months": months[:12], "categories": list(selectors.categories_with_counts())}


@method_decorator(public_page(reads=()), name="dispatch")
class HomeView(SidebarMixin, TemplateView):
    template_name = "forum/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        ids = list(selectors.question_ids_public().values_list("pk", flat=True)[:10])
        context["latest"] = selectors.questions_by_ids(ids)
        return context


@method_decorator(public_page(reads=("page",)), name="dispatch")
class QuestionListView(SidebarMixin, TemplateView):
    """A paginated list of public Q&As; subclasses narrow it."""

    template_name = "forum/question_list.html"

    def get_ids(self) -> Any:
        return selectors.question_ids_public()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        ids = self.get_ids()
        # A subclass's get_ids may set known_count: the exact number of ids, from figures already at hand.
        count = getattr(self, "known_count", None)
        context["page_obj"] = paginate(self.request, ids, selectors.questions_by_ids, settings.FORUM_PAGE_SIZE, count)
        return context


class CategoryView(QuestionListView):
    def get_ids(self) -> Any:
        # The sidebar's figures (rebuilt whenever a topic, or a Q&A's public state or topic, changes) hold
        # every topic with its exact count of public Q&As: the topic and the page count come from them.
        figures = cached_part("sidebar-figures", _sidebar_figures, version_name=PUBLIC_FIGURES)
        slug = self.kwargs["slug"]
        known = next((c for c in figures["categories"] if c.slug == slug), None)
        if known is not None:
            self.category, self.known_count = known, known.public_count
        else:
            self.category = get_object_or_404(Category, slug=slug)
        return selectors.question_ids_public().filter(category=self.category)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.category.name,
            intro=self.category.description,
            kind=_("Topic"),
            feed_url=reverse("forum:feed_category", args=[self.category.slug]),
            alert_query=f"category={self.category.pk}",
        )
        return context


class TagView(QuestionListView):
    def get_ids(self) -> Any:
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return selectors.question_ids_public().filter(tags=self.tag)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.tag.name,
            kind=_("Tag"),
            feed_url=reverse("forum:feed_tag", args=[self.tag.slug]),
            alert_query=f"tag={self.tag.pk}",
        )
        return context


@method_decorator(public_page(reads=()), name="dispatch")
class ArchiveYearView(SidebarMixin, TemplateView):
    template_name = "forum/archive_year.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = int(self.kwargs["year"])
        months = selectors.archive_months(year)
        if not months:
            raise Http404("No answers that year")
        context.update(year=year, months=months, total=sum(m.count for m in months))
        return context


class ArchiveMonthView(QuestionListView):
    def get_ids(self) -> Any:
        year, month = int(self.kwargs["year"]), int(self.kwargs["month"])
        if not 1 <= month <= 12 or year < 1900:
            raise Http404("No such month")
        self.month = date(year, month, 1)
        # The archive's months with their exact counts are in the sidebar's figures (rebuilt whenever a Q&A
        # enters or leaves public view); a month without public Q&As is not among them.
        figures = cached_part("sidebar-figures", _sidebar_figures, version_name=PUBLIC_FIGURES)
        self.months = [m.month for m in figures["all_months"]]  # newest first
        self.known_count = next((m.count for m in figures["all_months"] if m.month == self.month), 0)
        start, end = selectors.month_bounds(year, month)
        return selectors.question_ids_public().filter(answered_at__gte=start, answered_at__lt=end)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if not context["page_obj"].paginator.count:
            raise Http404("No answers that month")
        months = self.months  # from the figures get_ids read: the sidebar's own data is not needed here
        position = months.index(self.month) if self.month in months else None
        if position is not None:
            context["newer_month"] = months[position - 1] if position > 0 else None
            context["older_month"] = months[position + 1] if position + 1 < len(months) else None
        context.update(archive_month=self.month, kind=_("Archive"))
        return context
