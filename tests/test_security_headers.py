import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from config.middleware import SecurityHeadersMiddleware

POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"


def _assert_headers(response):
    assert response["Permissions-Policy"] == POLICY
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_the_middleware_wraps_whitenoise_so_static_files_get_the_headers_too():
    middleware = list(settings.MIDDLEWARE)
    ours = middleware.index("config.middleware.SecurityHeadersMiddleware")
    assert ours < middleware.index("whitenoise.middleware.WhiteNoiseMiddleware")


@pytest.mark.django_db
def test_public_pages_carry_the_headers_whether_built_or_served_from_the_cache(client):
    _assert_headers(client.get(reverse("forum:home")))
    _assert_headers(client.get(reverse("forum:home")))


@pytest.mark.django_db
def test_signed_in_pages_redirects_and_errors_carry_the_headers(client, user):
    _assert_headers(client.get(reverse("experts:dashboard")))  # redirect to sign in
    _assert_headers(client.get("/no-such-page/"))
    client.force_login(user)
    _assert_headers(client.get(reverse("experts:apply")))


def test_a_policy_a_view_sets_itself_is_kept():
    def view(request):
        response = HttpResponse()
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/"))
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["Permissions-Policy"] == POLICY
