"""Pagination that stays cheap at any depth.

The page's ids come from an index-only scan of the (ordered) id list, then the
rows for just those ids are fetched: the expensive row fetch never grows with
the page number (a deferred join).
"""

from collections.abc import Callable
from typing import Any

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest


def paginate(
    request: HttpRequest,
    id_queryset: QuerySet[Any],
    fetch: Callable[[list[int]], list[Any]],
    per_page: int,
    count: int | None = None,
) -> Page:
    """`count`, when the caller already knows exactly how many ids there are, saves the COUNT(*) query."""
    paginator = Paginator(id_queryset.values_list("pk", flat=True), per_page, allow_empty_first_page=True)
    if count is not None:
        paginator.count = count  # a cached property: the instance's value is used from here on
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger as error:
        raise Http404("Page not found") from error
    except EmptyPage as error:
        raise Http404("Page not found") from error
    page.object_list = fetch(list(page.object_list))
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))  # type: ignore[attr-defined]
    return page
