"""The sidebar beside every public list and Q&A: recently answered, topics and months with their counts,
the latest comments. Its HTML is one cached part, rendered from its own data only (no request, no
reader), so nothing personal can reach it."""

from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.cache import cached_part
from forum import scopes, selectors


def figures() -> dict[str, Any]:
    """Aggregates over every public Q&A, rebuilt only when a Q&A enters or leaves public view or changes topic."""
    return cached_part("sidebar-figures", _figures, scopes=[scopes.PUBLIC_FIGURES])


def _figures() -> dict[str, Any]:
    months = selectors.archive_months()
    return {"all_months": months, "months": months[:12], "categories": list(selectors.categories_with_counts())}


def html() -> SafeString:
    rendered = cached_part(f"sidebar:{get_language()}", _html, scopes=scopes.SIDEBAR)
    return mark_safe(rendered)  # noqa: S308  # nosec B308 B703 - our own template's output, escaped when rendered


def _html() -> str:
    # the latest comments come from the comments app's tag in the template
    return render_to_string(
        "forum/includes/sidebar.html", {"sidebar": {**figures(), "recent": selectors.recent_questions()}}
    )
