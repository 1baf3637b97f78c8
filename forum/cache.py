"""Caching of anonymous public pages and shared page parts.

Every cached entry is stored with the content version it was built under; any change that can
alter a public page bumps the version, so stale entries are never served. The version and the
entry are read together in one round trip to the cache.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponseBase
from django.utils.http import urlencode
from django.utils.translation import get_language

VERSION_KEY = "forum:content-version"


def _current(version: Any) -> int:
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY) or 1
    return int(version)


def content_version() -> int:
    return _current(cache.get(VERSION_KEY))


def bump_content_version() -> None:
    """Called by every service that changes what public pages show."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def versioned_get(key: str) -> tuple[int, Any]:
    """The current content version and the entry stored under it at key (None if absent or stale)."""
    found = cache.get_many([VERSION_KEY, key])
    version = _current(found.get(VERSION_KEY))
    entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version:
        return version, entry[1]
    return version, None


def versioned_set(key: str, version: int, value: Any) -> None:
    cache.set(key, (version, value), settings.FORUM_PAGE_CACHE_SECONDS)


class SharedParts:
    """What a page shares with every reader (fragments of HTML, a public Q&A), fetched in one round trip.

    The content version is read in the same round trip, before the page reads any data, so a part built
    on a miss never pairs older data with a newer version.
    """

    def __init__(self, names: list[str]) -> None:
        self.prefix = f"shared:{get_language()}:"
        keys = [self.prefix + name for name in names]
        found = cache.get_many([VERSION_KEY, *keys])
        self.version = _current(found.get(VERSION_KEY))
        self.entries: dict[str, Any] = {}
        for name, key in zip(names, keys, strict=True):
            entry = found.get(key)
            if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == self.version:
                self.entries[name] = entry[1]
        self.fetched = set(names)

    def get(self, name: str) -> Any:
        if name not in self.fetched:  # not announced up front: one more round trip
            self.fetched.add(name)
            entry = cache.get(self.prefix + name)
            if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == self.version:
                self.entries[name] = entry[1]
        return self.entries.get(name)

    def set(self, name: str, value: Any) -> None:
        self.entries[name] = value
        versioned_set(self.prefix + name, self.version, value)


def cached_part(name: str, build: Callable[[], Any]) -> Any:
    """A piece of page data (sidebar lists, filter choices) shared by every visitor until content changes."""
    key = f"part:{name}"
    version, value = versioned_get(key)
    if value is None:
        value = build()
        versioned_set(key, version, value)
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
        key = f"page:{request.path}?{query}"
        version, cached = versioned_get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        render = getattr(response, "render", None)
        if callable(render):
            response = render()
        if response.status_code == 200 and not response.cookies:
            versioned_set(key, version, response)
        return response

    return wrapper
