from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app builds on: domain errors, user text, cached pages, query parameters, pagination."""

    name = "core"
    verbose_name = _("Core")
