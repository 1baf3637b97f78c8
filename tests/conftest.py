import pytest
from django.core.cache import cache

from core.cache import memory
from core.roles import moderators_group
from tests.factories import ExpertProfileFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters and cached pages live in the cache (and its copies in memory); no test may
    # see another's.
    cache.clear()
    memory.clear()
    yield
    cache.clear()
    memory.clear()


@pytest.fixture(autouse=True)
def _triage_defaults(request):
    """The triage phrases and contacts the migration adds (a browser test's flush empties the tables)."""
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db", "live_server"} & set(
        request.fixturenames
    )
    if uses_db:
        request.getfixturevalue("transactional_db" if "live_server" in request.fixturenames else "db")
        from forum.models import CrisisContact, TriageTerm
        from forum.triage_defaults import add_defaults

        add_defaults(TriageTerm, CrisisContact)


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def unverified_user(db):
    return UserFactory(verified=False)


@pytest.fixture
def moderator(db):
    user = UserFactory(is_staff=True, display_name="Mod")
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def expert(db):
    return ExpertProfileFactory()
