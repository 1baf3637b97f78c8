"""Public lists: home, category and tag pages, yearly and monthly archives, with the shared sidebar."""

from datetime import date
from typing import Any

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.cache import public_page
from core.pagination import paginate
from forum import scopes, selectors, sidebar
from forum.models import Category, Tag


class SidebarMixin:
    """Pages with the sidebar ({% sidebar %}, forum.sidebar) and the site-wide figures in their context."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["sidebar"] = SimpleLazyObject(sidebar.figures)
        return context


@method_decorator(public_page(reads=(), scopes=scopes.with_sidebar(scopes.LATEST)), name="dispatch")
class HomeView(SidebarMixin, TemplateView):
    template_name = "forum/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        ids = list(selectors.question_ids_public().values_list("pk", flat=True)[:10])
        context["latest"] = selectors.questions_by_ids(ids)
        return context


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


@method_decorator(
    public_page(reads=("page",), scopes=lambda slug: scopes.with_sidebar(scopes.category(slug))), name="dispatch"
)
class CategoryView(QuestionListView):
    def get_ids(self) -> Any:
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        self.known_count = self.category.public_count  # kept by forum/figures.py: no COUNT(*)
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


@method_decorator(
    public_page(reads=("page",), scopes=lambda slug: scopes.with_sidebar(scopes.tag(slug))), name="dispatch"
)
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


@method_decorator(public_page(reads=(), scopes=scopes.with_sidebar()), name="dispatch")
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


@method_decorator(
    public_page(reads=("page",), scopes=lambda year, month: scopes.with_sidebar(scopes.month(year, month))),
    name="dispatch",
)
class ArchiveMonthView(QuestionListView):
    def get_ids(self) -> Any:
        year, month = int(self.kwargs["year"]), int(self.kwargs["month"])
        if not 1 <= month <= 12 or year < 1900:
            raise Http404("No such month")
        self.month = date(year, month, 1)
        # The archive's months with their counts (kept by forum/figures.py); a month without public Q&As is
        # not among them.
        figures = sidebar.figures()
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
