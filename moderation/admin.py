"""The moderation console's own parts: reports, and removing a spam account from the people list."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.admin import UserAdmin
from accounts.models import User
from core.errors import ApplicationError
from core.text import NormalizedAdminMixin
from moderation import services as moderation
from moderation.models import ContactMessage, Report


@admin.register(Report)
class ReportAdmin(NormalizedAdminMixin, admin.ModelAdmin):
    list_display = ("created_at", "reason", "reported_item", "status")
    list_filter = ("status", "reason", "content_type")
    ordering = ("created_at",)
    actions = ["dismiss", "remove_content"]
    readonly_fields = ("reported_item", "reason", "details", "status", "created_at", "handled_at")
    fields = readonly_fields

    @admin.display(description=_("reported item"))
    def reported_item(self, obj: Report) -> str:
        target = obj.target
        if target is None:
            return str(_("(already deleted)"))
        name = f"admin:{obj.content_type.app_label}_{obj.content_type.model}"
        link = format_html('<a href="{}">{} #{}</a>', reverse(f"{name}_change", args=[obj.object_id]),
                           obj.content_type.name, obj.object_id)  # fmt: skip
        try:  # questions, answers and comments: personal details can be taken out without removing the text
            redact = reverse(f"{name}_redact", args=[obj.object_id])
        except NoReverseMatch:
            return link
        return format_html('{} · <a href="{}">{}</a>', link, redact, _("remove words from it"))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Dismiss selected reports"), permissions=["change"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet[Report]) -> None:
        for report in queryset:
            moderation.report_dismiss(report=report, moderator=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Reports dismissed."), messages.SUCCESS)

    @admin.action(description=_("Remove the reported content"), permissions=["change"])
    def remove_content(self, request: HttpRequest, queryset: QuerySet[Report]) -> None:
        for report in queryset:
            moderation.report_act(report=report, moderator=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Content removed and reports closed."), messages.SUCCESS)


admin.site.unregister(User)


@admin.register(User)
class ModerationUserAdmin(UserAdmin):
    """The people list, with the spam tool (it removes content of every app, so it lives here)."""

    actions = ["remove_spam_accounts"]

    @admin.action(description=_("Remove as spam: delete the account and all its content"),
                  permissions=["remove_spam_account"])  # fmt: skip
    def remove_spam_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for account in queryset:
            try:
                removed = moderation.spam_account_remove(account=account, moderator=request.user)  # type: ignore[arg-type]
            except ApplicationError as error:
                self.message_user(request, f"{account.public_name}: {error}", messages.WARNING)
                continue
            self.message_user(
                request,
                _("Removed a spam account and %(n)d question(s).") % {"n": removed["questions"]},
                messages.SUCCESS,
            )

    def has_remove_spam_account_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("accounts.remove_spam_account"))


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Messages from the contact form; a moderator replies by email and marks them handled."""

    list_display = ("created_at", "topic", "sender", "handled_at")
    list_filter = ("topic", ("handled_at", admin.EmptyFieldListFilter))
    search_fields = ("email", "name", "message")
    fields = ("created_at", "topic", "name", "email", "user", "message", "handled_at")
    readonly_fields = fields
    actions = ["mark_handled"]

    @admin.display(description=_("from"))
    def sender(self, obj: ContactMessage) -> str:
        return obj.name or obj.email

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser)

    @admin.action(description=_("Mark selected messages as handled"), permissions=["change"])
    def mark_handled(self, request: HttpRequest, queryset: QuerySet[ContactMessage]) -> None:
        for sent in queryset:
            moderation.contact_handled(sent=sent, moderator=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Marked as handled."), messages.SUCCESS)
