"""The test suite: `make test` (PostgreSQL, never SQLite)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="test-secret-key-not-for-production-0123456789abcdef")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"}}
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
FORUM_DEMO_MODE = False
FORUM_FLOOD_MIN_SECONDS = 0  # flood tests set their own interval
