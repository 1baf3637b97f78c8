"""assert_invalidates (after Misago's cache test helper): a service invalidates exactly the scopes it should,
once its transaction commits."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from unittest import mock

from django.test import TestCase

from core import cache


@contextmanager
def invalidations() -> Iterator[set[str]]:
    """The scopes the block invalidates, recorded once its transaction has committed."""
    bumped: set[str] = set()
    real_bump = cache._bump

    def recording(scopes: list[str]) -> None:
        bumped.update(scopes)
        real_bump(scopes)

    with mock.patch.object(cache, "_bump", recording), TestCase.captureOnCommitCallbacks(execute=True):
        yield bumped


@contextmanager
def assert_invalidates(*expected: str | Iterable[str]) -> Iterator[None]:
    """The block invalidates these scopes (names, or lists of them) after commit, and no other; nothing
    when none are given."""
    wanted = {name for item in expected for name in ([item] if isinstance(item, str) else item)}
    with invalidations() as bumped:
        yield
    assert bumped == wanted, f"invalidated {sorted(bumped)}, expected {sorted(wanted)}"
