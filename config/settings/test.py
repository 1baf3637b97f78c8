"""The test suite: `make test` (PostgreSQL, never SQLite)."""

from .base import *  # noqa: F403
from .base import _mailer_from_url, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="test-secret-key-not-for-production-0123456789abcdef")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test runner swaps in the in-memory backend for the pytest process; worker processes
# started by end-to-end tests send through EMAIL_URL (a local aiosmtpd server).
MAILERS = {"default": _mailer_from_url(env("EMAIL_URL", default="memorymail://"))}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"}}
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
FORUM_DEMO_MODE = False
# Tasks published by code under test go to an in-process broker unless a real one is configured.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
if not CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5, "max_retries": 1}
FORUM_FLOOD_MIN_SECONDS = 0  # flood tests set their own interval
# Page caching is tested on its own (tests/forum/test_page_cache.py); elsewhere pages are fresh.
FORUM_PAGE_CACHE_SECONDS = 0
