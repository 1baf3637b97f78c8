from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.models import OutboxEmail


@admin.register(OutboxEmail)
class OutboxEmailAdmin(admin.ModelAdmin):
    """Outgoing email: what was sent, what waits for a retry, and what failed with which error."""

    list_display = ("created_at", "kind", "status", "attempts", "next_attempt_at", "short_error")
    list_filter = ("status", "kind")
    search_fields = ("key", "to_email")
    readonly_fields = ("key", "kind", "to_email", "subject", "status", "attempts", "last_error", "next_attempt_at",
                       "created_at", "sent_at", "headers", "body_text")  # fmt: skip
    fields = readonly_fields
    actions = ["retry_now"]

    @admin.display(description=_("last error"))
    def short_error(self, obj: OutboxEmail) -> str:
        return obj.last_error[:80]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Retry selected emails now"), permissions=["change"])
    def retry_now(self, request: HttpRequest, queryset: QuerySet[OutboxEmail]) -> None:
        count = queryset.exclude(status=OutboxEmail.Status.SENT).update(
            status=OutboxEmail.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        self.message_user(request, _("%(n)d email(s) will be sent by the next sweep.") % {"n": count})
