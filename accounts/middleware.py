from collections.abc import Callable

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

PROTECTED_PREFIXES = ("/admin/", "/experts/dashboard/")


def needs_two_factor(user: object) -> bool:
    """Moderators, experts and superusers must have two-factor authentication when the setting requires it."""
    if not settings.FORUM_STAFF_MFA_REQUIRED or not getattr(user, "is_authenticated", False):
        return False
    is_expert = getattr(user, "expert_profile", None) is not None
    return bool(user.is_staff or user.is_superuser or is_expert)  # type: ignore[attr-defined]


class StaffTwoFactorMiddleware:
    """Send staff without TOTP to enrol before they reach the admin or the expert dashboard."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.path.startswith(PROTECTED_PREFIXES)
            and needs_two_factor(request.user)
            and not is_mfa_enabled(request.user, ["totp"])
        ):
            messages.warning(request, _("Please set up two-factor authentication before continuing."))
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
