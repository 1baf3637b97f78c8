"""Caching of anonymous public pages and shared page parts.

Every cached entry's key carries a content version; any change that can alter a public page
bumps the version, so stale pages are never served (the old entries simply expire).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponseBase
from django.utils.http import urlencode

VERSION_KEY = "forum:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY) or 1
    return int(version)


def bump_content_version() -> None:
    """Called by every service that changes what public pages show."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def cached_part(name: str, build: Callable[[], Any], timeout: int | None = None) -> Any:
    """A piece of page data (sidebars, filter choices) shared by every visitor until content changes."""
    key = f"part:{content_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout or settings.FORUM_PAGE_CACHE_SECONDS)
    return value


def public_page(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Serve anonymous GETs of a public page from the cache."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        cacheable = (
            settings.FORUM_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
            and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
            and not request.COOKIES.get("messages")
        )
        if not cacheable:
            return view(request, *args, **kwargs)
        query = urlencode(sorted((key, request.GET.getlist(key)) for key in request.GET), doseq=True)
        key = f"page:{content_version()}:{request.path}?{query}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        render = getattr(response, "render", None)
        if callable(render):
            response = render()
        if response.status_code == 200 and not response.cookies:
            cache.set(key, response, settings.FORUM_PAGE_CACHE_SECONDS)
        return response

    return wrapper
