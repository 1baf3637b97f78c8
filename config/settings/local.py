"""Demo mode and development: `make run`."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
INTERNAL_IPS = ["127.0.0.1"]
FORUM_DEMO_MODE = True
