from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from core.admin_audit import AuditedChangesMixin
from core.errors import ApplicationError
from core.text import NormalizedAdminMixin
from experts.models import ExpertProfile, QuestionClaim, ReviewPolicy
from experts.services import profiles


@admin.register(ExpertProfile)
class ExpertProfileAdmin(NormalizedAdminMixin, AuditedChangesMixin, admin.ModelAdmin):
    audit_action = "expert.profile_edit"
    audit_delete_action = "expert.profile_delete"
    # Credentials as patients see them; free texts (biography, disclosure) are named without their words.
    audit_values = ("public_name", "slug", "postnominals", "position", "institution", "specialties", "photo")
    list_display = ("public_name", "postnominals", "institution", "status", "licence_expires_on", "created_at")
    list_filter = ("status", "specialties")
    search_fields = ("public_name", "institution", "user__email", "licence_number")
    readonly_fields = ("user", "status", "verified_by", "verified_at", "created_at", "review_notes")
    filter_horizontal = ("specialties",)
    actions = ["verify", "reject", "suspend"]
    fieldsets = (
        (_("Public profile"), {"fields": ("user", "public_name", "slug", "postnominals", "position", "institution",
                                          "specialties", "bio", "disclosure", "photo")}),
        (_("Licence (private)"), {"fields": ("licence_number", "licence_body", "licence_expires_on")}),
        (_("Verification"), {"fields": ("status", "verified_by", "verified_at", "review_notes")}),
    )  # fmt: skip

    def _run(self, request: HttpRequest, queryset: QuerySet[ExpertProfile], action: str) -> None:
        done = 0
        for profile in queryset:
            try:
                if action == "verify":
                    profiles.expert_verify(profile=profile, moderator=request.user, notes="Verified in the admin")  # type: ignore[arg-type]
                elif action == "reject":
                    profiles.expert_reject(profile=profile, moderator=request.user, notes="Rejected in the admin")  # type: ignore[arg-type]
                else:
                    profiles.expert_suspend(profile=profile, moderator=request.user, notes="Suspended in the admin")  # type: ignore[arg-type]
                done += 1
            except ApplicationError as error:
                self.message_user(request, f"{profile}: {error}", messages.WARNING)
        self.message_user(request, _("%(n)d profile(s) updated.") % {"n": done}, messages.SUCCESS)

    @admin.action(description=_("Verify selected applications"))
    def verify(self, request: HttpRequest, queryset: QuerySet[ExpertProfile]) -> None:
        self._run(request, queryset, "verify")

    @admin.action(description=_("Reject selected applications"))
    def reject(self, request: HttpRequest, queryset: QuerySet[ExpertProfile]) -> None:
        self._run(request, queryset, "reject")

    @admin.action(description=_("Suspend selected experts"))
    def suspend(self, request: HttpRequest, queryset: QuerySet[ExpertProfile]) -> None:
        self._run(request, queryset, "suspend")


@admin.register(QuestionClaim)
class QuestionClaimAdmin(admin.ModelAdmin):
    list_display = ("question", "expert", "claimed_at", "expires_at")
    readonly_fields = ("question", "expert", "claimed_at", "expires_at")


@admin.register(ReviewPolicy)
class ReviewPolicyAdmin(AuditedChangesMixin, admin.ModelAdmin):
    """One policy: which answers a second clinician reads before patients (experts.services.reviews)."""

    audit_action = "review_policy.edit"
    audit_values = ("every_answer", "categories", "medicines", "first_answers")
    fields = ("every_answer", "categories", "medicines", "first_answers")

    def public_scopes(self, obj: Any) -> list[str]:
        return []  # it decides what happens to the next answers; no public page shows it

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        policy = ReviewPolicy.current()
        return redirect("admin:experts_reviewpolicy_change", policy.pk)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
