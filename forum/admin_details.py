"""What the moderation console shows of the personal details a text seems to hold (forum.screening): a list
column, a filter, the text with each finding marked; and the page that takes words out of a text at any time
(RedactionAdminMixin), with its history (RedactionInline)."""

from dataclasses import dataclass
from typing import Any

from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from core.admin_audit import ReadOnlyInlineMixin
from core.errors import ApplicationError
from core.query import positive_int
from core.text import normalize_text
from forum import redaction, screening
from forum.models import Redaction


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


@dataclass(frozen=True)
class ShownFinding:
    """One personal detail as the redaction page lists it: its field, its words in context and the button's value."""

    field: str
    field_label: str
    kind_label: str
    before: str
    words: str
    after: str
    value: str


_LAST_REASON = "redaction_reason"


class RedactionAdminMixin:
    """A "Redact" page for a model admin: each personal detail found, with a button that replaces it with
    "[removed]", and the text to edit freely; a reason is required. Subclasses name their text fields and
    call their app's redaction service."""

    # (name posted and recorded, the model's attribute, its label, one line or not)
    redact_fields: tuple[tuple[str, str, Any, bool], ...] = ()
    model: Any
    admin_site: Any

    def redact(self, request: HttpRequest, obj: Any, texts: dict[str, str], reason: str) -> Redaction:
        raise NotImplementedError

    def redaction_url(self, obj: Any) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_redact", args=[obj.pk])

    def get_urls(self) -> list[Any]:
        opts = self.model._meta
        view = self.admin_site.admin_view(self.redact_view)
        return [path("<path:object_id>/redact/", view, name=f"{opts.app_label}_{opts.model_name}_redact"),
                *super().get_urls()]  # type: ignore[misc]  # fmt: skip

    def shown_findings(self, obj: Any) -> list[ShownFinding]:
        shown = []
        for name, attr, label, _multiline in self.redact_fields:
            text = getattr(obj, attr)
            for match in screening.find_personal_details(text):
                before = ("…" if match.start > 40 else "") + text[max(0, match.start - 40) : match.start]
                after = text[match.end : match.end + 40] + ("…" if match.end + 40 < len(text) else "")
                shown.append(ShownFinding(name, str(label), str(match.label), before, text[match.start : match.end],
                                          after, f"{name}:{match.start}:{match.end}"))  # fmt: skip
        return shown

    def _texts_after(self, request: HttpRequest, obj: Any) -> dict[str, str] | None:
        """The texts the moderator asks for: one finding removed, all of them, or the edited text."""
        current = {name: getattr(obj, attr) for name, attr, _label, _multiline in self.redact_fields}
        if "remove_all" in request.POST:
            return {name: screening.redact(text) for name, text in current.items()}
        if "finding" in request.POST:
            name, _, span = request.POST["finding"].partition(":")
            start, _, end = span.partition(":")
            for match in screening.find_personal_details(current.get(name, "")):
                if f"{match.start}:{match.end}" == f"{start}:{end}":
                    return {**current, name: screening.redact(current[name], [match])}
            return None  # the text changed since the page was shown
        return {name: request.POST.get(name, current[name]) for name in current}

    def redact_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = get_object_or_404(self.model, pk=positive_int(object_id) or 0)
        if not self.has_change_permission(request, obj):  # type: ignore[attr-defined]
            raise PermissionDenied
        error = ""
        posted: dict[str, str] = {}
        reason = request.session.get(_LAST_REASON, "")  # removing several details one by one, for one reason
        if request.method == "POST":
            reason = request.POST.get("reason", "")
            texts = self._texts_after(request, obj)
            if texts is None:
                error = str(_("The text changed since this page was opened. Here it is as it is now; try again."))
            else:
                if "save" in request.POST:
                    posted = texts
                try:
                    self.redact(request, obj, texts, reason)
                except ApplicationError as refusal:
                    error = str(refusal)
                else:
                    request.session[_LAST_REASON] = normalize_text(reason, multiline=False)
                    self.message_user(request, _("The words were removed everywhere, and the author was told "  # type: ignore[attr-defined]
                                                 "by email."), messages.SUCCESS)  # fmt: skip
                    return redirect(self.redaction_url(obj))
        fields = [{"name": name, "label": label, "multiline": multiline, "value": posted.get(name, getattr(obj, attr))}
                  for name, attr, label, multiline in self.redact_fields]  # fmt: skip
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request), "opts": opts, "object": obj, "fields": fields, "error": error,
            "findings": self.shown_findings(obj), "reason": reason, "title": _("Remove words from %(name)s") % {
                "name": opts.verbose_name},
            "change_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
            "changelist_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
            "history": [(entry, redaction.kind_labels(entry.kinds)) for entry in Redaction.objects.filter(
                content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk).select_related("moderator")],
            "reasons": REASON_SUGGESTIONS,
        }  # fmt: skip
        return TemplateResponse(request, "admin/forum/redact.html", context, status=400 if error else 200)


REASON_SUGGESTIONS = (
    _("Personal details that could identify the patient"),
    _("The name of a clinician or a relative"),
    _("Contact details"),
    _("Asked by the author"),
)


class RedactionInline(ReadOnlyInlineMixin, GenericTabularInline):
    """The history of a text's redactions: who, when, why, from which field, what kind; never the words."""

    model = Redaction
    fields = ("created_at", "moderator", "reason", "fields", "removed_kinds")
    readonly_fields = fields
    verbose_name_plural = _("Redactions")

    @admin.display(description=_("what was removed"))
    def removed_kinds(self, obj: Redaction) -> str:
        return ", ".join(redaction.kind_labels(obj.kinds)) or "—"
