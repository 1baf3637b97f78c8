from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "FORUM_DISCLAIMER": settings.FORUM_DISCLAIMER,
        "DEMO_MODE": getattr(settings, "FORUM_DEMO_MODE", False),
    }


def canonical(request: HttpRequest) -> dict[str, Any]:
    """The page's one address for search engines: the site's address, the path, and only the query parameters
    the page reads (public pages see no others, core.cache.public_page), without page=1."""
    query = request.GET.copy()
    if query.get("page") == "1":
        del query["page"]
    suffix = f"?{query.urlencode()}" if query else ""
    return {"canonical_url": f"{settings.SITE_URL.rstrip('/')}{request.path}{suffix}"}
