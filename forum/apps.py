from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    default = True
    name = "forum"
    verbose_name = _("Forum")


class ForumAdminConfig(admin_apps.AdminConfig):
    """The admin, as the moderators' console (counts of waiting work on its index)."""

    default = False
    default_site = "forum.admin_site.ModerationAdminSite"
