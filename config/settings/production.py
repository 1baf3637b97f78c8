"""Production: PostgreSQL, Redis, gunicorn, Celery worker and beat.

`manage.py check --deploy --fail-level WARNING` passes with the variables the
README documents.
"""

from .base import *  # noqa: F403
from .base import env, use_fast_redis_client

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
CACHES = use_fast_redis_client({"default": env.cache("CACHE_URL", default="rediscache://127.0.0.1:6379/1")})
CELERY_BROKER_URL = env("CELERY_BROKER_URL")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix binds the cookies to this exact host over HTTPS.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],  # noqa: F405
        "OPTIONS": {
            "context_processors": TEMPLATES[0]["OPTIONS"]["context_processors"],  # type: ignore[index]  # noqa: F405
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"],
                )
            ],
        },
    }
]
FORUM_DEMO_MODE = False
FORUM_STAFF_MFA_REQUIRED = env.bool("FORUM_STAFF_MFA_REQUIRED", default=True)
