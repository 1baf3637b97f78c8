"""Caching of anonymous public pages and shared page parts, invalidated by scope.

A scope names something public pages show: one Q&A (`question:42`), one list (`category:fatigue`,
`month:2026-11`), or a site-wide part (`figures`, the sidebar's counts). Each scope has a version in the
shared cache. Every cached page or part is stored with the versions of the scopes it shows, read before
its data was read; it is served only while those versions are unchanged. The service that changes what
a scope shows calls `invalidate(scope, ...)` next to its write, and the versions change once the
transaction commits. A change no public page shows (a submission, a claim, a held comment, a preference)
invalidates nothing.

The scope `site` is part of every entry: changing it (a renamed topic, the demo data loaded) makes
everything stale. It starts from the clock when the shared cache has none (first start, or Redis emptied),
so it never repeats a value that an older copy in a process's memory was built under; the other scopes
read as 0 until first invalidated, and are then set to values from the clock. (Version keys never expire:
a Redis that evicts keys should use a `volatile-*` policy, so only the expiring entries are evicted.)

Entries live in the shared cache (Redis in production) and, as a copy, in each process's memory:
a request first reads only the versions (a few bytes, one round trip), and takes the entry from memory
when that process already holds it for these versions, from the shared cache otherwise.
"""

import hashlib
import logging
import pickle  # nosec B403 - only our own entries, pickled by this process
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, overload

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponseBase, QueryDict
from django.utils.http import urlencode
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

SITE = "site"  # everything public: part of every entry's versions
Versions = tuple[int, ...]


def _version_key(scope: str) -> str:
    if not scope or any(ch.isspace() for ch in scope):
        raise ValueError(f"Not a cache scope: {scope!r}")
    if len(scope) > 200:  # from an address someone typed (a slug of 5,000 letters): a short key all the same
        return f"forum:scope:#{hashlib.sha256(scope.encode()).hexdigest()}"
    return f"forum:scope:{scope}"


def _scopes(scopes: Iterable[str]) -> list[str]:
    """`site` first, then each scope once, in order."""
    ordered = [SITE]
    for scope in scopes:
        if scope not in ordered:
            _version_key(scope)
            ordered.append(scope)
    return ordered


class _Request:
    """What one page request has read of the versions (each scope's is read once, before the data it
    covers), and the entries it built, written to the shared cache together when the page is done."""

    def __init__(self) -> None:
        self.versions: dict[str, int] = {}
        self.writes: dict[str, tuple[Versions, bytes]] = {}


_request: ContextVar[_Request | None] = ContextVar("forum_cache_request", default=None)


@contextmanager
def page_request() -> Iterator[None]:
    """Around one page's view and rendering (public_page does this)."""
    if _request.get() is not None:
        yield
        return
    state = _Request()
    token = _request.set(state)
    try:
        yield
    finally:
        _request.reset(token)
        if state.writes:
            cache.set_many(state.writes, settings.FORUM_PAGE_CACHE_SECONDS)


def versions(scopes: Iterable[str]) -> Versions:
    """The current versions of `site` and these scopes: one round trip, or none for scopes this page
    request has read already."""
    ordered = _scopes(scopes)
    state = _request.get()
    known = state.versions if state is not None else {}
    unknown = [scope for scope in ordered if scope not in known]
    if unknown:
        found = cache.get_many([_version_key(scope) for scope in unknown])
        read = {scope: found.get(_version_key(scope)) for scope in unknown}
        if SITE in read and read[SITE] is None:
            cache.add(_version_key(SITE), time.time_ns(), timeout=None)
            read[SITE] = cache.get(_version_key(SITE)) or time.time_ns()
        known = {**known, **{scope: int(value or 0) for scope, value in read.items()}}
        if state is not None:
            state.versions.update(known)
    return tuple(known[scope] for scope in ordered)


def _bump(scopes: Sequence[str]) -> None:
    """New versions, never used before, for these scopes. A cache that cannot be reached must not undo
    or fail the change that was just committed: what was cached then expires within
    FORUM_PAGE_CACHE_SECONDS."""
    fresh = time.time_ns()
    try:
        cache.set_many({_version_key(scope): fresh + i for i, scope in enumerate(scopes)}, timeout=None)
    except Exception:  # noqa: BLE001 - any cache failure; the change itself is committed
        logger.warning("Cached pages could not be invalidated; they expire on their own", exc_info=True)


def invalidate(*scopes: str) -> None:
    """After the surrounding transaction commits, nothing built under these scopes' versions is served
    again. Called by the service that changes what the scopes show, next to its write."""
    unique = list(dict.fromkeys(scopes))
    for scope in unique:
        _version_key(scope)  # a bad name fails now, in the service, not after commit
    if unique:
        transaction.on_commit(lambda: _bump(unique))


def invalidate_everything() -> None:
    """Now, outside any transaction (the demo data loaded, a benchmark's reset): every entry is stale."""
    _bump([SITE])


ABSENT = b""  # no pickle is empty


class _Memory:
    """This process's copies of recent entries, least recently used dropped first, each for no longer
    than the shared cache keeps it (pages show dates and date-dependent states). Values are kept
    pickled, so every request gets its own object."""

    def __init__(self) -> None:
        self.entries: OrderedDict[str, tuple[Versions, float, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, version: Versions) -> tuple[bool, Any]:
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

    def holds(self, key: str, version: Versions) -> bool:
        """Whether get() would answer from memory, without unpickling anything."""
        with self.lock:
            item = self.entries.get(key)
            return item is not None and item[0] == version and item[1] >= time.monotonic()

    def put(self, key: str, version: Versions, data: bytes) -> None:
        """Keep a pickled value (ABSENT: the shared cache lacks it under this version)."""
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


def _entries(keys: list[str], version: Versions) -> dict[str, Any]:
    """The entries built under these versions: from this process's memory, else from the shared cache."""
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


def _fetch_shared(keys: list[str], version: Versions) -> dict[str, Any]:
    """The entries the shared cache holds under these versions, copied into memory. A page asks for
    parts it may not show (the thread of the other comment state): what the shared cache lacks is
    remembered too, so it is not asked again under these versions; a part needed after all is built."""
    if not keys:
        return {}
    found = {}
    for key, entry in cache.get_many(keys).items():
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version and isinstance(entry[1], bytes):
            found[key] = pickle.loads(entry[1])  # noqa: S301  # nosec B301 - pickled by one of our processes
            memory.put(key, version, entry[1])
    for key in keys:
        if key not in found:
            memory.put(key, version, ABSENT)
    return found


def _store(key: str, version: Versions, value: Any) -> None:
    """Keep an entry in memory now, and in the shared cache (pickled once for both) when the page request
    is done, or now outside one."""
    if settings.FORUM_PAGE_CACHE_SECONDS <= 0:
        return
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    memory.put(key, version, data)
    state = _request.get()
    if state is not None:
        state.writes[key] = (version, data)
    else:
        cache.set(key, (version, data), settings.FORUM_PAGE_CACHE_SECONDS)


class SharedParts:
    """What a page shares with every reader (fragments of HTML, a public Q&A), fetched together, all
    shown under the same scopes (the Q&A page's parts: `question:42`).

    The versions are read first, before the page reads any data, so a part built on a miss never
    pairs older data with a newer version.
    """

    def __init__(self, names: list[str], scopes: Iterable[str]) -> None:
        self.prefix = f"shared:{get_language()}:"
        self.version = versions(scopes)
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
        _store(self.prefix + name, self.version, value)

    def get_or_build(self, name: str, build: Callable[[], Any]) -> Any:
        value = self.get(name)
        if value is None:
            value = build()
            self.set(name, value)
        return value


def cached_part(name: str, build: Callable[[], Any], *, scopes: Iterable[str]) -> Any:
    """A piece of page data (sidebar lists, filter choices) shared by every visitor until one of its
    scopes (or `site`) is invalidated."""
    key = f"part:{name}"
    version = versions(scopes)
    value = _entries([key], version).get(key)
    if value is None:
        value = build()
        _store(key, version, value)
    return value


View = Callable[..., HttpResponseBase]
Scopes = Iterable[str] | Callable[..., Iterable[str]]

# What a public page that declares nothing may read: every parameter a public page of ours reads,
# and p, which Django's sitemap view reads for its pages.
PAGE_PARAMETERS = ("page", "q", "category", "tag", "expert", "from", "to", "specialty", "reply_to", "p")


@overload
def public_page(view: View, *, scopes: Scopes, reads: Iterable[str] = PAGE_PARAMETERS, also: Scopes = ()) -> View: ...


@overload
def public_page(
    view: None = None, *, scopes: Scopes, reads: Iterable[str] = PAGE_PARAMETERS, also: Scopes = ()
) -> Callable[[View], View]: ...


def public_page(
    view: View | None = None, *, scopes: Scopes, reads: Iterable[str] = PAGE_PARAMETERS, also: Scopes = ()
) -> View | Callable[[View], View]:
    """Serve anonymous GETs of a public page from the cache.

    `scopes` names what the page shows (a list, or a function of the URL's keyword arguments that
    returns one); the copy is served until one of them is invalidated. `also` names scopes of parts the
    page reads for some readers only (who has commented, for a signed-in reader): their versions come in
    the same round trip, but a change to them leaves the whole page's copy alone.

    The page is given only the query parameters it reads (`reads`), for everyone, and its copy is
    keyed on those: any other parameter (utm_source, junk) neither changes the page nor makes a
    copy of it. A parameter a page starts to read must be named here, or the page never sees it.
    """
    names = frozenset(reads)
    scopes_of, also_of = _scope_function(scopes), _scope_function(also)

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
            with page_request():
                # The versions of everything the page shows, read once before any of its data.
                own = list(scopes_of(**kwargs))
                versions([*own, *also_of(**kwargs)])
                version = versions(own)
                key = f"page:{request.path}?{request.GET.urlencode()}"
                if cacheable:
                    cached = _entries([key], version).get(key)
                    if cached is not None:
                        return cached
                response = page(request, *args, **kwargs)
                render = getattr(response, "render", None)
                if callable(render):
                    response = render()  # here, so its parts are read and written with the page's versions
                if cacheable and response.status_code == 200 and not response.cookies:
                    _store(key, version, response)
                return response

        return wrapper

    return decorator if view is None else decorator(view)


def _scope_function(scopes: Scopes) -> Callable[..., Iterable[str]]:
    if callable(scopes):
        return scopes
    fixed = tuple(scopes)
    return lambda **_: fixed


def _only(query: QueryDict, names: frozenset[str]) -> QueryDict:
    """The query with only these parameters, in the order of their names (so one page has one key)."""
    return QueryDict(urlencode(sorted((name, query.getlist(name)) for name in names if name in query), doseq=True))
