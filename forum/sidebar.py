"""The sidebar beside every public list and Q&A: recently answered, topics and months with their counts,
the latest comments. Its HTML is one cached part, rendered from its own data only (no request, no
reader), so nothing personal can reach it."""

from typing import Any

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core import links
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
    """Everything the template shows, as (address, text, count) rows: its one pass reverses nothing."""
    data = figures()
    years = sorted({row.month.year for row in data["all_months"]}, reverse=True)
    rows = {
        "recent": selectors.recent_questions(),
        "categories": [(c.get_absolute_url(), c.name, c.public_count) for c in data["categories"]],
        "months": [
            (links.link("forum:archive_month", m.month.year, m.month.month), date_format(m.month, "F Y"), m.count)
            for m in data["months"]
        ],
        "years": [(links.link("forum:archive_year", year), year) for year in years],
    }
    # the latest comments come from the comments app's tag in the template
    return render_to_string("forum/includes/sidebar.html", {"sidebar": rows})
