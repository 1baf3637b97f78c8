"""The Redis cache backend (config/cache.py) reuses one client per pool and behaves like Django's."""

import pytest

from config.cache import RedisCache
from config.settings.base import use_fast_redis_client
from tests.test_settings import PRODUCTION_ENV, _manage


@pytest.fixture
def redis_cache():
    backend = RedisCache("redis://127.0.0.1:6379/13", {"KEY_PREFIX": "cache-backend-test"})
    backend.clear()
    yield backend
    backend.clear()


def test_one_client_serves_every_call(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client(write=True) is client  # one server: reads and writes share a pool


def test_values_round_trip_like_djangos_backend(redis_cache):
    redis_cache.set("page", ("v1", {"html": "<p>x</p>"}), 30)
    redis_cache.set("counter", 1, 30)
    assert redis_cache.incr("counter") == 2
    assert redis_cache.get_many(["page", "counter", "missing"]) == {"page": ("v1", {"html": "<p>x</p>"}), "counter": 2}
    assert redis_cache.add("counter", 5, 30) is False
    redis_cache.delete("page")
    assert redis_cache.get("page") is None


def test_settings_swap_only_djangos_redis_backend():
    caches = use_fast_redis_client(
        {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"},
            "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        }
    )
    assert caches["default"]["BACKEND"] == "config.cache.RedisCache"
    assert caches["local"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_production_uses_the_reusing_backend():
    result = _manage("shell", "-c", "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
                     env=PRODUCTION_ENV)  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == "config.cache.RedisCache", result.stderr
