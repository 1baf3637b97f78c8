"""The search page and the ask form's similar questions."""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.cache import cached_part, public_page
from core.query import SLUG_MAX_LENGTH, query_text
from experts.models import ExpertProfile
from forum import scopes
from forum.models import Tag
from forum.views.listing import SidebarMixin
from search import engine as search
from search.selectors import similar_questions


@method_decorator(
    public_page(
        reads=("q", "page", "category", "tag", "expert", "from", "to"),
        scopes=scopes.with_sidebar(scopes.SEARCH, search.SYNONYMS),
    ),
    name="dispatch",
)
class SearchView(SidebarMixin, TemplateView):
    template_name = "search/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        request = self.request
        q = query_text(request, "q")
        filters = search.Filters(
            category=query_text(request, "category", max_length=SLUG_MAX_LENGTH) or None,
            tag=query_text(request, "tag", max_length=SLUG_MAX_LENGTH) or None,
            expert=query_text(request, "expert", max_length=SLUG_MAX_LENGTH) or None,
            date_from=_parse_date(query_text(request, "from", max_length=DATE_MAX_LENGTH)),
            date_to=_parse_date(query_text(request, "to", max_length=DATE_MAX_LENGTH)),
        )
        context.update(
            q=q,
            filters=filters,
            filter_query=_filter_query(filters),
            categories=context["sidebar"]["categories"],
            **cached_part("search-filters", _filter_choices, scopes=[scopes.EXPERT_DIRECTORY]),
        )
        if not q:
            return context
        results = search.search_ids(q, filters)
        paginator = Paginator(results.ids, settings.FORUM_PAGE_SIZE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except (PageNotAnInteger, EmptyPage):
            page = paginator.page(1)
        page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))  # type: ignore[attr-defined]
        context.update(
            results=results,
            page_obj=page,
            hits=search.hits(list(page.object_list), results.highlight),
        )
        return context


def _filter_choices() -> dict[str, Any]:
    """Tags and experts for the search filters (the topics come from the sidebar's list)."""
    return {
        "tags": list(Tag.objects.order_by("name")),
        "experts": list(ExpertProfile.objects.verified().order_by("public_name").only("public_name", "slug")),
    }


DATE_MAX_LENGTH = len("2025-12-31")  # the date filters are ISO dates


def _parse_date(value: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _filter_query(filters: search.Filters) -> str:
    """The active filters as a query string, so pagination links keep them."""
    keep = {
        "category": filters.category,
        "tag": filters.tag,
        "expert": filters.expert,
        "from": filters.date_from.isoformat() if filters.date_from else None,
        "to": filters.date_to.isoformat() if filters.date_to else None,
    }
    return urlencode({name: value for name, value in keep.items() if value})


@require_GET
def ask_similar(request: HttpRequest) -> HttpResponse:
    similar = similar_questions(query_text(request, "q"))
    return HttpResponse(render_to_string("search/similar.html", {"similar": similar}, request=request))
