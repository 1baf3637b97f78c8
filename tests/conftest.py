import pytest
from django.core.cache import cache

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters and cached pages live in the cache; no test may see another's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def unverified_user(db):
    return UserFactory(verified=False)
