from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from forum.admin_audit import AuditedChangesMixin
from forum.services.moderation import spam_account_remove

from .forms import AdminUserChangeForm, AdminUserCreationForm
from .models import User


@admin.register(User)
class UserAdmin(AuditedChangesMixin, BaseUserAdmin):
    audit_action = "account.admin_edit"
    audit_delete_action = "account.admin_delete"
    audit_values = ("is_active",)  # a display name may be a real name: named, never kept
    form = AdminUserChangeForm
    add_form = AdminUserCreationForm
    ordering = ("-date_joined",)
    list_display = ("email", "display_name", "is_staff", "is_active", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")
    search_fields = ("email", "display_name")
    readonly_fields = ("date_joined", "last_login")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Public profile"), {"fields": ("display_name",)}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "display_name", "password1", "password2")}),)

    actions = ["remove_spam_accounts"]

    @admin.action(description=_("Remove as spam: delete the account and all its content"),
                  permissions=["remove_spam_account"])  # fmt: skip
    def remove_spam_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for account in queryset:
            try:
                removed = spam_account_remove(account=account, moderator=request.user)  # type: ignore[arg-type]
            except ValueError as error:
                self.message_user(request, f"{account.public_name}: {error}", messages.WARNING)
                continue
            self.message_user(
                request,
                _("Removed a spam account and %(n)d question(s).") % {"n": removed["questions"]},
                messages.SUCCESS,
            )

    def has_remove_spam_account_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("accounts.remove_spam_account"))
