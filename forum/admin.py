"""The moderation console: questions, reports and the audit log in the Django admin."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from core.admin_audit import ReadOnlyInlineMixin
from core.cache import SITE, invalidate
from core.errors import ApplicationError
from core.query import positive_int
from core.text import NormalizedAdminMixin
from forum import search_index, triage
from forum.admin_details import PersonalDetailsFilter, RedactionAdminMixin, RedactionInline, kinds_found, marked
from forum.forms import RejectForm, SafeguardingForm
from forum.models import (
    Answer,
    Category,
    CrisisContact,
    InformationRequest,
    Question,
    QuestionRevision,
    Redaction,
    Tag,
    Triage,
    TriageTerm,  # fmt: skip
)
from forum.selectors import Cardinality
from forum.services import questions as question_services
from forum.services import redaction as redaction_services
from forum.services import safeguarding


@admin.register(Category)
class CategoryAdmin(NormalizedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)

    def save_model(self, request: HttpRequest, obj: Category, form: forms.ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        self.topics_changed()

    def delete_model(self, request: HttpRequest, obj: Category) -> None:
        super().delete_model(request, obj)
        self.topics_changed()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Category]) -> None:
        super().delete_queryset(request, queryset)
        self.topics_changed()

    def topics_changed(self) -> None:
        invalidate(SITE)  # topic names and order show on every public page


@admin.register(Tag)
class TagAdmin(NormalizedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)

    def save_model(self, request: HttpRequest, obj: Tag, form: forms.ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # Tag names are part of the search vectors of their questions, and shown on public pages.
        search_index.refresh_vectors(list(obj.questions.values_list("pk", flat=True)))
        invalidate(SITE)  # a renamed tag shows on the pages of its Q&As and in the search filters


class QuestionRevisionInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = QuestionRevision
    fields = ("created_at", "editor", "reason", "title_before", "body_before")
    readonly_fields = fields
    verbose_name_plural = _("Edit history")


class InformationRequestInline(ReadOnlyInlineMixin, admin.TabularInline):
    """An expert's requests for more information and the asker's replies: what a question waits for."""

    model = InformationRequest
    fields = ("asked_at", "expert", "message", "replied_at", "reply")
    readonly_fields = fields
    verbose_name_plural = _("Requests for more information")


class QuestionModerationForm(forms.ModelForm):
    redaction_reason = forms.CharField(
        label=_("Reason for this edit"),
        required=False,
        max_length=300,
        help_text=_(
            "Required when you change the title or details, e.g. “a phone number”. The removed words are "
            "deleted everywhere and the asker is told, without them."
        ),
    )

    class Meta:
        model = Question
        fields = ["title", "body", "category", "tags"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        text_changed = question_services.text_differs(
            self.instance, title=cleaned.get("title") or "", body=cleaned.get("body") or ""
        )
        if text_changed and not cleaned.get("redaction_reason", "").strip():
            self.add_error("redaction_reason", _("Say why you edited the question; it is kept in the history."))
        return cleaned


class TriageFilter(admin.SimpleListFilter):
    title = _("may need help now")
    parameter_name = "triage"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("any", _("Any kind")), *Triage.choices]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Question]) -> QuerySet[Question]:
        value = self.value()
        if value == "any":
            return queryset.exclude(triage=[])
        if value in Triage.values:
            return queryset.filter(triage__contains=[value])
        return queryset


@admin.register(Question)
class QuestionAdmin(RedactionAdminMixin, NormalizedAdminMixin, admin.ModelAdmin):
    form = QuestionModerationForm
    list_display = ("title", "needs_help", "details_found", "status", "category", "age", "asker", "is_spam")
    list_filter = ("status", TriageFilter, PersonalDetailsFilter, "category", "is_spam")
    search_fields = ("title", "body")
    list_select_related = ("category", "author")
    date_hierarchy = "created_at"
    ordering = ("created_at",)
    actions = ["approve", "reject_with_reason", "mark_spam", "close_comments", "reopen_comments"]
    inlines = [QuestionRevisionInline, InformationRequestInline, RedactionInline]
    redact_fields = (("title", "title", _("title"), False), ("details", "body", _("details"), True))
    readonly_fields = ("status", "asker", "is_anonymous", "created_at", "approved_at", "answered_at",
                       "rejection_reason", "is_spam", "public_link", "needs_help", "safeguarding",
                       "findings")  # fmt: skip
    fieldsets = (
        (None, {"fields": ("findings", "title", "body", "category", "tags", "redaction_reason")}),
        (_("State"), {"fields": ("status", "needs_help", "safeguarding", "asker", "is_anonymous", "created_at",
                                 "approved_at", "answered_at", "rejection_reason", "is_spam", "public_link")}),
    )  # fmt: skip
    # A plain multiple select: the admin's two-box filter widget labels a plain icon with aria-label.

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return super().get_queryset(request).annotate(flagged=Cardinality("triage"))

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        """Questions that may need help now first, then the longest waiting."""
        return [F("flagged").desc(), "created_at"]

    @admin.display(description=_("may need help now"), ordering="-flagged")
    def needs_help(self, obj: Question) -> str:
        return render_to_string("forum/includes/triage_badges.html", {"question": obj})

    @admin.display(description=_("waiting"), ordering="created_at")
    def age(self, obj: Question) -> str:
        return timesince(obj.created_at, timezone.now())

    @admin.display(description=_("asker"))
    def asker(self, obj: Question) -> str:
        return obj.author.public_name if obj.author else str(_("Deleted user"))

    @admin.display(description=_("personal details"))
    def details_found(self, obj: Question) -> str:
        return kinds_found(obj.personal_details)

    @admin.display(description=_("personal details found"))
    def findings(self, obj: Question) -> str:
        link = format_html('<p><a href="{}">{}</a></p>', self.redaction_url(obj), _("Remove personal details or "
                           "other words, with a button for each detail found"))  # fmt: skip
        if not obj.personal_details:
            return format_html("<p>{}</p>{}", _("None found."), link)
        return format_html("<p>{}</p><p>{}</p>{}", marked(obj.title), marked(obj.body), link)

    def redact(self, request: HttpRequest, obj: Question, texts: dict[str, str], reason: str) -> Redaction:
        return redaction_services.question_redact(question=obj, moderator=request.user, title=texts["title"],  # type: ignore[arg-type]
                                                  body=texts["details"], reason=reason)  # fmt: skip

    @admin.display(description=_("safeguarding"))
    def safeguarding(self, obj: Question) -> str:
        url = reverse("admin:forum_question_safeguarding", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Send the asker a private safeguarding reply"))

    def get_urls(self) -> list[Any]:
        view = self.admin_site.admin_view(self.safeguarding_view)
        return [path("<path:object_id>/safeguarding/", view, name="forum_question_safeguarding"), *super().get_urls()]

    def safeguarding_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Choose a written reply, add a note if wanted, and send it to the asker (forum/services/safeguarding)."""
        question = get_object_or_404(Question, pk=positive_int(object_id) or 0)
        if not self.has_change_permission(request, question):
            raise PermissionDenied
        form = SafeguardingForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                safeguarding.safeguarding_reply(
                    question=question, moderator=request.user, reply=form.cleaned_data["reply"],  # type: ignore[arg-type]
                    note=form.cleaned_data["note"], country=triage.country_of(request),
                )  # fmt: skip
            except ApplicationError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                self.message_user(request, _("Your reply was sent to the asker."), messages.SUCCESS)
                return redirect("admin:forum_question_change", question.pk)
        context = {**self.admin_site.each_context(request), "question": question, "form": form,
                   "opts": self.model._meta, "title": _("Safeguarding reply")}  # fmt: skip
        return TemplateResponse(request, "admin/forum/question/safeguarding.html", context)

    @admin.display(description=_("page"))
    def public_link(self, obj: Question) -> str:
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("Open the question page"))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    def save_model(self, request: HttpRequest, obj: Question, form: forms.ModelForm, change: bool) -> None:
        original = Question.objects.get(pk=obj.pk)
        question_services.question_edit(
            question=original,
            editor=request.user,  # type: ignore[arg-type]
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            category=form.cleaned_data["category"],
            tags=form.cleaned_data["tags"],
            reason=form.cleaned_data.get("redaction_reason", "") or "Category or tags changed",
        )

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets: Any, change: bool) -> None:
        # Tags were saved by the service (not form.save_m2m); the history inline is read-only.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description=_("Approve selected questions"), permissions=["moderate"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        done = 0
        for question in queryset:
            try:
                question_services.question_approve(question=question, moderator=request.user)  # type: ignore[arg-type]
                done += 1
            except question_services.TransitionError as error:
                self.message_user(request, f"{question}: {error}", messages.WARNING)
        self.message_user(request, _("%(n)d question(s) approved.") % {"n": done}, messages.SUCCESS)

    @admin.action(description=_("Reject selected questions, with a reason"), permissions=["moderate"])
    def reject_with_reason(self, request: HttpRequest, queryset: QuerySet[Question]) -> HttpResponse | None:
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            done = 0
            for question in queryset:
                try:
                    question_services.question_reject(
                        question=question,
                        moderator=request.user,  # type: ignore[arg-type]
                        reason=form.cleaned_data["reason"],
                    )
                    done += 1
                except question_services.TransitionError as error:
                    self.message_user(request, f"{question}: {error}", messages.WARNING)
            self.message_user(request, _("%(n)d question(s) rejected.") % {"n": done}, messages.SUCCESS)
            return None
        context = {**self.admin_site.each_context(request), "questions": queryset, "form": form,
                   "opts": self.model._meta, "title": _("Reject questions")}  # fmt: skip
        return TemplateResponse(request, "admin/forum/question/reject.html", context)

    @admin.action(description=_("Mark selected questions as spam"), permissions=["moderate"])
    def mark_spam(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        for question in queryset:
            question_services.question_mark_spam(question=question, moderator=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Marked as spam."), messages.SUCCESS)

    @admin.action(description=_("Close comments on selected questions"), permissions=["moderate"])
    def close_comments(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        for question in queryset:
            question_services.comments_close(question=question, moderator=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Comments closed."), messages.SUCCESS)

    @admin.action(description=_("Reopen comments on selected questions"), permissions=["moderate"])
    def reopen_comments(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        for question in queryset:
            question_services.comments_reopen(question=question, moderator=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Comments reopened."), messages.SUCCESS)

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("forum.moderate_question"))


@admin.register(Answer)
class AnswerAdmin(RedactionAdminMixin, NormalizedAdminMixin, admin.ModelAdmin):
    """Answers are written and revised by experts (experts.services.answers); moderators take words out of
    them (Redact) or take a published one back (the report page)."""

    list_display = ("question", "expert", "details_found", "status", "waiting", "published_at", "last_reviewed_at")
    list_filter = ("status", PersonalDetailsFilter)
    search_fields = ("question__title", "body")
    list_select_related = ("question", "expert")
    fields = ("question", "expert", "findings", "status", "published_at", "last_reviewed_at")
    readonly_fields = fields
    inlines = [RedactionInline]
    redact_fields = (("answer", "body", _("answer"), True),)

    @admin.display(description=_("personal details"))
    def details_found(self, obj: Answer) -> str:
        return kinds_found(obj.personal_details)

    @admin.display(description=_("with a reviewer for"), ordering="submitted_at")
    def waiting(self, obj: Answer) -> str:
        if obj.status != Answer.Status.IN_REVIEW or obj.submitted_at is None:
            return "—"
        return timesince(obj.submitted_at, timezone.now())

    @admin.display(description=_("answer, with any personal details marked"))
    def findings(self, obj: Answer) -> str:
        return format_html('{}<p><a href="{}">{}</a></p>', marked(obj.body), self.redaction_url(obj),
                           _("Remove personal details or other words"))  # fmt: skip

    def redact(self, request: HttpRequest, obj: Answer, texts: dict[str, str], reason: str) -> Redaction:
        return redaction_services.answer_redact(answer=obj, moderator=request.user, body=texts["answer"], reason=reason)  # type: ignore[arg-type]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(TriageTerm)
class TriageTermAdmin(NormalizedAdminMixin, admin.ModelAdmin):
    """The phrases that flag a new question as possibly needing help now (forum.triage)."""

    list_display = ("phrase", "category")
    list_filter = ("category",)
    search_fields = ("phrase",)


@admin.register(CrisisContact)
class CrisisContactAdmin(NormalizedAdminMixin, admin.ModelAdmin):
    """Whom patients are told to contact for each kind of urgent need, per country."""

    list_display = ("label", "contact", "category", "country", "position")
    list_filter = ("category", "country")
    list_editable = ("position",)
