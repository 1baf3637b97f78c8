from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from comments import services as comment_services
from comments.models import Comment
from core.text import NormalizedAdminMixin
from forum.admin_details import PersonalDetailsFilter, RedactionAdminMixin, RedactionInline, kinds_found, marked
from forum.models import Redaction


@admin.register(Comment)
class CommentAdmin(RedactionAdminMixin, NormalizedAdminMixin, admin.ModelAdmin):
    list_display = ("created_at", "excerpt", "details_found", "commenter", "question", "status", "is_deleted")
    list_filter = ("status", PersonalDetailsFilter, "is_deleted")
    search_fields = ("body", "question__title")
    list_select_related = ("author", "question")
    ordering = ("created_at",)
    actions = ["approve", "remove"]
    readonly_fields = ("question", "commenter", "parent", "findings", "status", "is_deleted", "created_at", "edited_at")
    fields = readonly_fields
    inlines = [RedactionInline]
    redact_fields = (("comment", "body", _("comment"), True),)

    @admin.display(description=_("comment"))
    def excerpt(self, obj: Comment) -> str:
        return obj.body[:80] or "—"

    @admin.display(description=_("personal details"))
    def details_found(self, obj: Comment) -> str:
        return kinds_found(obj.personal_details)

    @admin.display(description=_("comment, with any personal details marked"))
    def findings(self, obj: Comment) -> str:
        return format_html('{}<p><a href="{}">{}</a></p>', marked(obj.body), self.redaction_url(obj),
                           _("Remove personal details or other words"))  # fmt: skip

    def redact(self, request: HttpRequest, obj: Comment, texts: dict[str, str], reason: str) -> Redaction:
        moderator: Any = request.user
        return comment_services.comment_redact(comment=obj, moderator=moderator, body=texts["comment"], reason=reason)

    @admin.display(description=_("by"))
    def commenter(self, obj: Comment) -> str:
        return obj.author.public_name if obj.author else str(_("Deleted user"))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=_("Approve selected comments"), permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset:
            comment_services.comment_approve(comment=comment, moderator=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Comments approved."), messages.SUCCESS)

    @admin.action(description=_("Remove selected comments"), permissions=["change"])
    def remove(self, request: HttpRequest, queryset: QuerySet[Comment]) -> None:
        for comment in queryset:
            comment_services.comment_remove(comment=comment, moderator=request.user, reason="Removed in the admin")  # type: ignore[arg-type]
        self.message_user(request, _("Comments removed."), messages.SUCCESS)
