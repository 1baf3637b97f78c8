import pytest
from django.core.cache import cache

from tests.factories import ExpertProfileFactory, UserFactory


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


@pytest.fixture
def moderator(db):
    return UserFactory(is_staff=True, display_name="Mod")


@pytest.fixture
def expert(db):
    return ExpertProfileFactory()
