import time
from collections.abc import Callable

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

PROTECTED_PREFIXES = ("/admin/", "/experts/dashboard/")
LOGIN_AT = "forum_login_at"
LAST_SEEN = "forum_last_seen"


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


class PrivatePagesMiddleware:
    """Pages for a signed-in person are never stored by browsers or shared caches."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class SessionTimeoutMiddleware:
    """Sign people out after SESSION_IDLE_SECONDS without activity or SESSION_ABSOLUTE_SECONDS after sign-in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            login_at = session.setdefault(LOGIN_AT, now)
            last_seen = session.get(LAST_SEEN, now)
            if now - login_at > settings.SESSION_ABSOLUTE_SECONDS or now - last_seen > settings.SESSION_IDLE_SECONDS:
                logout(request)
                messages.info(request, _("You were signed out to keep your account safe. Please sign in again."))
                return redirect(f"{reverse('account_login')}?next={request.path}")
            if now - last_seen > 60:  # write the session at most once a minute
                session[LAST_SEEN] = now
        return self.get_response(request)


def remember_login_time(sender: object, request: HttpRequest, user: object, **kwargs: object) -> None:
    now = int(time.time())
    request.session[LOGIN_AT] = now
    request.session[LAST_SEEN] = now
