"""Static pages, robots.txt, the health check and the benchmark's bare view."""

from datetime import timedelta

from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.cache import public_page


@method_decorator(public_page(reads=(), scopes=()), name="dispatch")  # their words change with a release
class StaticPageView(TemplateView):
    pass


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and crawlers ask for /favicon.ico whatever the page says: send them to the site's icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /ask/",
        "Disallow: /my/",
        "Disallow: /account/",
        "Disallow: /experts/dashboard/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def humanize_duration(value: timedelta | None) -> str:
    if value is None:
        return ""
    days = value.total_seconds() / 86400
    if days < 1:
        return _("less than a day")
    return _("about %(days)d days") % {"days": round(days)}


def hello(request: HttpRequest) -> HttpResponse:
    """The benchmark's ceiling: the cheapest possible Django response on the same server."""
    return HttpResponse("hello", content_type="text/plain")
