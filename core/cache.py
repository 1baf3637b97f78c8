"""Caching of anonymous public pages and shared page parts.

Every cached entry is stored with the content version it was built under; any change that can
alter a public page bumps the version, so stale entries are never served.

Entries live in the shared cache (Redis in production) and, as a copy, in each process's memory:
a request first reads only the version (a few bytes), and takes the entry from memory when that
process already holds it for this version, from the shared cache otherwise.

The version starts from the clock in milliseconds when the shared cache has none (first start,
or Redis restarted empty), so it never repeats a value that an older copy in memory was built under.
"""

import pickle  # nosec B403 - only our own entries, pickled by this process
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, overload

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponseBase, QueryDict
from django.utils.http import urlencode
from django.utils.translation import get_language

VERSION_KEY = "forum:content-version"


def _current(version: Any) -> int:
    if version is None:
        cache.add(VERSION_KEY, int(time.time() * 1000), timeout=None)
        version = cache.get(VERSION_KEY) or int(time.time() * 1000)
    return int(version)


def content_version() -> int:
    return _current(cache.get(VERSION_KEY))


def bump_content_version() -> None:
    """Called by every service that changes what public pages show."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        _current(None)


# Named versions (Misago's cache versions): a part keyed under one of these survives every change but the
# ones that name it. The service that makes such a change calls invalidate(name) next to its write.
PUBLIC_FIGURES = "public-figures"  # site-wide figures of public Q&As: counts per topic, months of the archive
NAMED_VERSIONS = (PUBLIC_FIGURES,)


def _named_key(name: str) -> str:
    if name not in NAMED_VERSIONS:
        raise ValueError(f"Unknown cache version {name!r}")
    return f"forum:version:{name}"


def named_version(name: str) -> int:
    key = _named_key(name)
    version = cache.get(key)
    if version is None:
        cache.add(key, int(time.time() * 1000), timeout=None)  # from the clock: never an older copy's value
        version = cache.get(key) or int(time.time() * 1000)
    return int(version)


def _bump_named(name: str) -> None:
    try:
        cache.incr(_named_key(name))
    except ValueError:
        named_version(name)


def invalidate(name: str) -> None:
    """After the surrounding transaction commits, nothing built under this named version is served again."""
    _named_key(name)  # an unknown name fails now, in the service, not after commit
    transaction.on_commit(lambda: _bump_named(name))


ABSENT = b""  # no pickle is empty


class _Memory:
    """This process's copies of recent entries, least recently used dropped first, each for no longer
    than the shared cache keeps it (pages show dates and date-dependent states). Values are kept
    pickled, so every request gets its own object."""

    def __init__(self) -> None:
        self.entries: OrderedDict[str, tuple[int, float, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, version: int) -> tuple[bool, Any]:
        """(True, value) for a copy made under this version; (True, None) when the shared cache was
        known to lack the entry under this version, so it is not asked again; (False, None) otherwise."""
        with self.lock:
            item = self.entries.get(key)
            if item is None or item[0] != version or item[1] < time.monotonic():
                return False, None
            self.entries.move_to_end(key)
        if not item[2]:
            return True, None
        return True, pickle.loads(item[2])  # noqa: S301  # nosec B301 - pickled by this process

    def holds(self, key: str, version: int) -> bool:
        """Whether get() would answer from memory, without unpickling anything."""
        with self.lock:
            item = self.entries.get(key)
            return item is not None and item[0] == version and item[1] >= time.monotonic()

    def put(self, key: str, version: int, value: Any) -> None:
        data = ABSENT if value is None else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        expires = time.monotonic() + settings.FORUM_PAGE_CACHE_SECONDS
        with self.lock:
            self.entries[key] = (version, expires, data)
            self.entries.move_to_end(key)
            while len(self.entries) > settings.FORUM_MEMORY_CACHE_ENTRIES:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


memory = _Memory()


def versioned_get_many(keys: list[str]) -> tuple[int, dict[str, Any]]:
    """The current content version and the entries stored under it (absent or stale ones left out)."""
    version = content_version()
    return version, _entries(keys, version)


def _entries(keys: list[str], version: int) -> dict[str, Any]:
    """The entries built under this version: from this process's memory, else from the shared cache."""
    found: dict[str, Any] = {}
    missing = []
    for key in keys:
        held, value = memory.get(key, version)
        if not held:
            missing.append(key)
        elif value is not None:
            found[key] = value
    found.update(_fetch_shared(missing, version))
    return found


def _fetch_shared(keys: list[str], version: int) -> dict[str, Any]:
    """The entries the shared cache holds under this version, copied into memory. A page asks for
    parts it may not show (the thread of the other comment state): what the shared cache lacks is
    remembered too, so it is not asked again under this version; a part needed after all is built."""
    if not keys:
        return {}
    found = {}
    for key, entry in cache.get_many(keys).items():
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version:
            found[key] = entry[1]
            memory.put(key, version, entry[1])
    for key in keys:
        if key not in found:
            memory.put(key, version, None)
    return found


def versioned_get(key: str) -> tuple[int, Any]:
    version, found = versioned_get_many([key])
    return version, found.get(key)


def versioned_set(key: str, version: int, value: Any) -> None:
    if settings.FORUM_PAGE_CACHE_SECONDS <= 0:
        return
    cache.set(key, (version, value), settings.FORUM_PAGE_CACHE_SECONDS)
    memory.put(key, version, value)


class SharedParts:
    """What a page shares with every reader (fragments of HTML, a public Q&A), fetched together.

    The content version is read first, before the page reads any data, so a part built on a miss
    never pairs older data with a newer version.
    """

    def __init__(self, names: list[str]) -> None:
        self.prefix = f"shared:{get_language()}:"
        self.version = content_version()
        # Parts this process holds are unpickled only when the page uses them; the others arrive
        # from the shared cache in one round trip.
        missing = [self.prefix + name for name in names if not memory.holds(self.prefix + name, self.version)]
        found = _fetch_shared(missing, self.version)
        self.entries: dict[str, Any] = {key.removeprefix(self.prefix): value for key, value in found.items()}
        self.fetched = set(names)

    def get(self, name: str) -> Any:
        if name not in self.entries:
            key = self.prefix + name
            held, value = memory.get(key, self.version)
            if not held and name not in self.fetched:  # not announced up front: fetched on its own
                value = _fetch_shared([key], self.version).get(key)
            self.fetched.add(name)
            self.entries[name] = value
        return self.entries[name]

    def set(self, name: str, value: Any) -> None:
        self.entries[name] = value
        versioned_set(self.prefix + name, self.version, value)

    def get_or_build(self, name: str, build: Callable[[], Any]) -> Any:
        value = self.get(name)
        if value is None:
            value = build()
            self.set(name, value)
        return value


def cached_part(name: str, build: Callable[[], Any], *, version_name: str | None = None) -> Any:
    """A piece of page data (sidebar lists, filter choices) shared by every visitor until content changes,
    or, with `version_name`, until a change that invalidates that named version."""
    key = f"part:{name}"
    if version_name is None:
        version, value = versioned_get(key)
    else:
        version = named_version(version_name)
        value = _entries([key], version).get(key)
    if value is None:
        value = build()
        versioned_set(key, version, value)
    return value


View = Callable[..., HttpResponseBase]

# What a public page that declares nothing may read: every parameter a public page of ours reads,
# and p, which Django's sitemap view reads for its pages.
PAGE_PARAMETERS = ("page", "q", "category", "tag", "expert", "from", "to", "specialty", "reply_to", "p")


@overload
def public_page(view: View, *, reads: Iterable[str] = PAGE_PARAMETERS) -> View: ...


@overload
def public_page(view: None = None, *, reads: Iterable[str] = PAGE_PARAMETERS) -> Callable[[View], View]: ...


def public_page(view: View | None = None, *, reads: Iterable[str] = PAGE_PARAMETERS) -> View | Callable[[View], View]:
    """Serve anonymous GETs of a public page from the cache.

    The page is given only the query parameters it reads (`reads`), for everyone, and its copy is
    keyed on those: any other parameter (utm_source, junk) neither changes the page nor makes a
    copy of it. A parameter a page starts to read must be named here, or the page never sees it.
    """
    names = frozenset(reads)

    def decorator(page: View) -> View:
        @wraps(page)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.GET:
                request.GET = _only(request.GET, names)  # type: ignore[assignment]  # immutable, as Django's
            cacheable = (
                settings.FORUM_PAGE_CACHE_SECONDS > 0
                and request.method in ("GET", "HEAD")
                and not request.user.is_authenticated
                and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
                and not request.COOKIES.get("messages")
            )
            if not cacheable:
                return page(request, *args, **kwargs)
            key = f"page:{request.path}?{request.GET.urlencode()}"
            version, cached = versioned_get(key)
            if cached is not None:
                return cached
            response = page(request, *args, **kwargs)
            render = getattr(response, "render", None)
            if callable(render):
                response = render()
            if response.status_code == 200 and not response.cookies:
                versioned_set(key, version, response)
            return response

        return wrapper

    return decorator if view is None else decorator(view)


def _only(query: QueryDict, names: frozenset[str]) -> QueryDict:
    """The query with only these parameters, in the order of their names (so one page has one key)."""
    return QueryDict(urlencode(sorted((name, query.getlist(name)) for name in names if name in query), doseq=True))
