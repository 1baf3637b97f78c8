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
from django.utils.http import urlencode
from django.utils.translation import gettext as _

LOGIN_AT = "forum_login_at"
LAST_SEEN = "forum_last_seen"
# The user id whose session proved the second factor (at sign-in, re-authentication or enrolment).
SECOND_FACTOR_USER = "forum_second_factor_user"
# Sign-in, sign-out and the two-factor steps themselves must stay reachable; static files carry no data.
TWO_FACTOR_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz")


def needs_two_factor(user: object) -> bool:
    """Moderators, experts and superusers must have two-factor authentication when the setting requires it."""
    if not settings.FORUM_STAFF_MFA_REQUIRED or not getattr(user, "is_authenticated", False):
        return False
    is_expert = getattr(user, "expert_profile", None) is not None
    return bool(user.is_staff or user.is_superuser or is_expert)  # type: ignore[attr-defined]


def passed_two_factor(request: HttpRequest) -> bool:
    return request.session.get(SECOND_FACTOR_USER) == str(request.user.pk)


def remember_second_factor(
    sender: object, request: HttpRequest | None = None, user: object = None, **kwargs: object
) -> None:
    """allauth's signal that a TOTP code or recovery code was accepted, or an authenticator enrolled."""
    if request is not None and user is not None and hasattr(request, "session"):
        request.session[SECOND_FACTOR_USER] = str(user.pk)  # type: ignore[attr-defined]


def forget_second_factor(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    if request is not None and hasattr(request, "session"):
        request.session.pop(SECOND_FACTOR_USER, None)


class StaffTwoFactorMiddleware:
    """Every request of a moderator, expert or superuser needs a session that passed the second factor.

    Without TOTP they are sent to enrol; with TOTP but a session signed in by password alone (an old session,
    or any path that skipped allauth's two-factor stage) they are asked for a code before going on.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            not request.path.startswith(TWO_FACTOR_EXEMPT_PREFIXES)
            and needs_two_factor(request.user)
            and not passed_two_factor(request)
        ):
            if not is_mfa_enabled(request.user, ["totp"]):
                messages.warning(request, _("Please set up two-factor authentication before continuing."))
                return redirect(reverse("mfa_activate_totp"))
            messages.info(request, _("Please enter the code from your authenticator app to continue."))
            return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}")
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
