"""Django's Redis cache with one redis-py client per connection pool.

Django's RedisCacheClient builds a new ``redis.Redis`` object for every cache call, and redis-py's
constructor fills a table of about 170 response callbacks each time: about 0.25 ms per call, more
than the round trip to Redis itself. A client is thread-safe and only borrows connections from its
pool, so one per pool is enough.
"""

from typing import Any

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        state: Any = self  # Django picks the pool, then calls self._client(connection_pool=pool)
        new_client = state._client
        clients: dict[int, Any] = {}

        def client_for_pool(connection_pool: Any) -> Any:
            client = clients.get(id(connection_pool))
            if client is None:
                client = clients[id(connection_pool)] = new_client(connection_pool=connection_pool)
            return client

        state._client = client_for_pool


class RedisCache(DjangoRedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
