"""What the moderation console shows of the personal details a text seems to hold (forum.screening): a list
column, a filter, and the text with each finding marked."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from forum import screening


class PersonalDetailsFilter(admin.SimpleListFilter):
    title = _("may contain personal details")
    parameter_name = "details"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("any", _("Any kind")), *((kind, label) for kind, label in screening.LABELS.items())]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value == "any":
            return queryset.exclude(personal_details=[])
        if value in screening.LABELS:
            return queryset.filter(personal_details__contains=[value])
        return queryset


def kinds_found(kinds: list[str]) -> str:
    return ", ".join(str(screening.LABELS[kind]) for kind in kinds if kind in screening.LABELS) or "—"


def marked(text: str) -> SafeString:
    """The text, escaped, with each personal detail found in it in a <mark> naming its kind."""
    parts: list[str] = []
    position = 0
    for match in screening.find_personal_details(text):
        parts.append(escape(text[position : match.start]))
        parts.append(format_html('<mark class="personal-detail" title="{}">{}</mark>', match.label,
                                 text[match.start : match.end]))  # fmt: skip
        position = match.end
    parts.append(escape(text[position:]))
    html = "".join(parts).replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308  # nosec B308 B703 - every part escaped above
