"""assert_invalidates (after Misago's cache test helper): a service invalidates exactly the named versions
it should, once its transaction commits."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.test import TestCase

from core.cache import NAMED_VERSIONS, named_version


@contextmanager
def assert_invalidates(*names: str) -> Iterator[None]:
    """The block invalidates these named versions after commit, and no other."""
    before = {name: named_version(name) for name in NAMED_VERSIONS}
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield
    changed = {name for name in NAMED_VERSIONS if named_version(name) != before[name]}
    assert changed == set(names), f"invalidated {sorted(changed)}, expected {sorted(names)}"
