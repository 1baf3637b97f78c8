"""Settings shared by every environment, read from the environment.

Every variable is listed with a comment in `.env.example`. `local`, `test` and
`production` change only what must differ.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
env_file = BASE_DIR / ".env"
if env_file.exists():
    env.read_env(str(env_file))

# --- Core -------------------------------------------------------------------

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-only-for-local-development-0123456789")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

SITE_NAME = env("SITE_NAME", default="Ask the MS Expert")
# Absolute address used in emails, feeds and sitemaps.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1

INSTALLED_APPS = [
    "moderation.apps.ModerationAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "core",
    "accounts",
    "notifications",
    "forum",
    "comments",
    "experts",
    "search",
    "moderation",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SessionTimeoutMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
    "accounts.middleware.PrivatePagesMiddleware",
    "core.middleware.ApplicationErrorMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "core.context_processors.canonical",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/forum")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://forum")}


def use_fast_redis_client(caches: dict) -> dict:
    """Swap Django's Redis backend for ours, which reuses one client per pool (config/cache.py)."""
    for options in caches.values():
        if options.get("BACKEND") == "django.core.cache.backends.redis.RedisCache":
            options["BACKEND"] = "config.cache.RedisCache"
    return caches


CACHES = use_fast_redis_client(CACHES)

# --- Accounts -------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [  # Django's and allauth's, loading the expert profile with the user (accounts/backends.py)
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "notifications.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
# Failed logins, sign-ups and password resets are throttled per IP and per
# account; the counters live in the cache, so production needs a shared cache.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("ACCOUNT_RATE_LIMIT_LOGIN_FAILED", default="10/m/ip,5/5m/key"),
    "signup": env("ACCOUNT_RATE_LIMIT_SIGNUP", default="20/m/ip"),
    "reset_password": "20/m/ip,5/m/key",  # nosec B105 - a rate limit, not a password
    # Anonymous "Did this answer help you?" votes (forum.views.feedback), per client address.
    "answer_feedback": env("FORUM_FEEDBACK_RATE_LIMIT", default="30/h/ip"),
    # Messages from the contact form, per client address.
    "contact": env("FORUM_CONTACT_RATE_LIMIT", default="10/h/ip"),
}

# Behind a reverse proxy every request comes from the proxy's address, so per-address throttles would
# lock everybody out together. Name how many proxies of ours append to X-Forwarded-For (or the one
# header a trusted proxy sets, such as X-Real-IP); the default trusts no header at all.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("DJANGO_TRUSTED_CLIENT_IP_HEADER", default=None)

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME

# --- Sessions and security ------------------------------------------------------

# Sessions are read from the cache (Redis in production) and written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 24 * 14)
# Signed-in sessions end after this long without activity, and this long after sign-in whatever happens.
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", default=60 * 60 * 24 * 2)
SESSION_ABSOLUTE_SECONDS = env.int("SESSION_ABSOLUTE_SECONDS", default=60 * 60 * 24 * 14)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Django's own Content Security Policy: every script is ours, loaded from our
# origin or carrying the per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

# --- Internationalisation ---------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
TIME_ZONE = env("DJANGO_TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and media files ---------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Email ---------------------------------------------------------------------------


def _mailer_from_url(url: str) -> dict[str, object]:
    """Turn EMAIL_URL (django-environ syntax) into a Django 6.1 MAILERS entry."""
    config = environ.Env.email_url_config(url)
    backend = config["EMAIL_BACKEND"]
    options: dict[str, object] = {}
    if backend.endswith("smtp.EmailBackend"):
        options = {
            "host": config.get("EMAIL_HOST") or "localhost",
            "port": config.get("EMAIL_PORT") or 25,
            "username": config.get("EMAIL_HOST_USER") or "",
            "password": config.get("EMAIL_HOST_PASSWORD") or "",
            "use_tls": bool(config.get("EMAIL_USE_TLS")),
            "use_ssl": bool(config.get("EMAIL_USE_SSL")),
            "timeout": env.int("EMAIL_TIMEOUT", default=10),
        }
    elif backend.endswith("filebased.EmailBackend"):
        options = {"file_path": config.get("EMAIL_FILE_PATH") or str(VAR_DIR / "mail")}
    return {"BACKEND": backend, "OPTIONS": options}


# smtp://user:password@host:587 (+tls / +ssl), consolemail://, filemail:///path
MAILERS = {"default": _mailer_from_url(env("EMAIL_URL", default="consolemail://"))}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default=f"{SITE_NAME} <no-reply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# --- Celery ----------------------------------------------------------------------------

# With no broker configured, Celery uses kombu's filesystem transport under
# var/: no server to install, and the producer and the worker share the folder.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
CELERY_BROKER_DIR = Path(env("CELERY_BROKER_DIR", default=str(VAR_DIR / "broker")))
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        "store_processed": False,
        "polling_interval": 0.2,
    }
    # kombu expects the folders to exist; producers and workers both read this.
    for _folder in ("queue", "control", "processed"):
        (CELERY_BROKER_DIR / _folder).mkdir(parents=True, exist_ok=True)
else:
    # A request must never hang on a broker that is down: bound connecting
    # and publishing; undelivered work is picked up later from the database.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": 2,
        "socket_timeout": 5,
        "max_retries": 1,
        "visibility_timeout": 3600,
    }
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "core.tasks.record_heartbeat", "schedule": 60.0},
    "expire-licences": {"task": "experts.tasks.expire_licences", "schedule": crontab(hour=2, minute=15)},
    "close-old-threads": {"task": "forum.tasks.close_old_threads", "schedule": crontab(hour=3, minute=0)},
    "recount-public-figures": {"task": "forum.tasks.recount_public_figures", "schedule": crontab(hour=3, minute=30)},
    "end-information-waits": {"task": "forum.tasks.end_information_waits", "schedule": crontab(hour=3, minute=45)},
    "follow-digest": {"task": "forum.tasks.follow_digest", "schedule": crontab(hour=7, minute=15)},
    "outbox-sweep": {"task": "notifications.tasks.sweep_outbox", "schedule": 60.0},
    "expert-digest": {"task": "experts.tasks.expert_digest", "schedule": crontab(hour=7, minute=0)},
    "moderator-digest": {"task": "moderation.tasks.moderator_digest", "schedule": crontab(hour=8, minute=0)},
    "licence-reminders": {"task": "experts.tasks.licence_reminders", "schedule": crontab(hour=6, minute=30)},
    "alerts-daily": {"task": "forum.tasks.alerts_daily", "schedule": crontab(hour=18, minute=0)},
    "alerts-weekly": {"task": "forum.tasks.alerts_weekly", "schedule": crontab(hour=18, minute=0, day_of_week=5)},
}

# --- Product settings -------------------------------------------------------------------

FORUM_DISCLAIMER = env(
    "FORUM_DISCLAIMER",
    default=(
        "The answers on this site are general information from clinicians, not "
        "medical advice for you personally. They cannot replace an examination by "
        "your own doctor or MS nurse. In an emergency call your local emergency number."
    ),
)

# Whose crisis and emergency contacts to show when a reader's browser does not say their country (two letters,
# such as GB or US; empty: the contacts kept for everyone). The contacts themselves are edited in the admin.
FORUM_DEFAULT_COUNTRY = env("FORUM_DEFAULT_COUNTRY", default="")
FORUM_PAGE_SIZE = env.int("FORUM_PAGE_SIZE", default=20)
# Only the page benchmark turns this on: a bare "hello" view at /bench/hello as its ceiling.
FORUM_BENCH_HELLO = env.bool("FORUM_BENCH_HELLO", default=False)
# Anonymous public pages are cached this long (0 turns the page cache off); any content change
# invalidates them at once.
FORUM_PAGE_CACHE_SECONDS = env.int("FORUM_PAGE_CACHE_SECONDS", default=300)
# Each process also keeps this many recent cached pages and parts in memory (checked against the
# content version in the shared cache on every request).
FORUM_MEMORY_CACHE_ENTRIES = env.int("FORUM_MEMORY_CACHE_ENTRIES", default=300)
# Expert dashboard: answer-time target (older approved questions are overdue),
# how long a claim holds a question, and how often answers are reviewed.
FORUM_ANSWER_TARGET_DAYS = env.int("FORUM_ANSWER_TARGET_DAYS", default=7)
FORUM_CLAIM_MINUTES = env.int("FORUM_CLAIM_MINUTES", default=120)
# How long a question waits for the asker's reply to an expert's request for more information (the expert keeps it).
FORUM_INFORMATION_WAIT_DAYS = env.int("FORUM_INFORMATION_WAIT_DAYS", default=7)
# An answer with at least this many "did not help" votes, and more of them than "helped", goes to re-review.
FORUM_UNHELPFUL_REREVIEW = env.int("FORUM_UNHELPFUL_REREVIEW", default=5)
FORUM_REVIEW_INTERVAL_DAYS = env.int("FORUM_REVIEW_INTERVAL_DAYS", default=365)
# Comments: thread depth (0 = no replies), the window for editing one's own comment,
# and how long after the answer a thread stays open.
FORUM_COMMENT_MAX_DEPTH = env.int("FORUM_COMMENT_MAX_DEPTH", default=2)
FORUM_COMMENT_EDIT_MINUTES = env.int("FORUM_COMMENT_EDIT_MINUTES", default=15)
FORUM_COMMENTS_OPEN_DAYS = env.int("FORUM_COMMENTS_OPEN_DAYS", default=90)
# Email outbox: retries with exponential backoff (base seconds, doubling) up to a maximum
# number of attempts; how many emails one sending pass handles; alert confirmation lifetime.
OUTBOX_RETRY_BASE_SECONDS = env.int("OUTBOX_RETRY_BASE_SECONDS", default=60)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=6)
OUTBOX_BATCH_SIZE = env.int("OUTBOX_BATCH_SIZE", default=5000)
ALERT_CONFIRM_DAYS = env.int("ALERT_CONFIRM_DAYS", default=3)
# At most this many alert confirmation emails go to one address a day, whoever asks.
ALERT_CONFIRMATIONS_PER_DAY = env.int("ALERT_CONFIRMATIONS_PER_DAY", default=3)
# Spam control: minimum seconds between two posts of a kind by one user, and a daily cap.
FORUM_FLOOD_MIN_SECONDS = env.int("FORUM_FLOOD_MIN_SECONDS", default=30)
FORUM_FLOOD_DAILY_QUESTIONS = env.int("FORUM_FLOOD_DAILY_QUESTIONS", default=5)
FORUM_FLOOD_DAILY_COMMENTS = env.int("FORUM_FLOOD_DAILY_COMMENTS", default=40)
# Staff (moderators, experts, superusers) must enrol TOTP before the admin or dashboard.
FORUM_STAFF_MFA_REQUIRED = env.bool("FORUM_STAFF_MFA_REQUIRED", default=False)
# Expert photos: largest upload accepted, and the size they are re-encoded to.
EXPERT_PHOTO_MAX_BYTES = env.int("EXPERT_PHOTO_MAX_BYTES", default=3 * 1024 * 1024)
EXPERT_PHOTO_MAX_PIXELS = 600

# --- Logging -------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Request lines would carry query strings and client addresses.
        "django.server": {"level": "WARNING"},
    },
}
