from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Reports, the moderation console and its spam tools (the top of the apps: it may use all of them)."""

    default = True
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from accounts.signals import account_erasing, account_exporting
        from experts.signals import answer_concern_raised
        from forum.signals import question_flagged, text_redacted
        from moderation import receivers

        account_exporting.connect(receivers.export_sections, dispatch_uid="moderation.export")
        account_erasing.connect(receivers.erase, dispatch_uid="moderation.erase")
        question_flagged.connect(receivers.tell_moderators_on_duty, dispatch_uid="moderation.triage")
        text_redacted.connect(receivers.purge_reports, dispatch_uid="moderation.redaction")
        answer_concern_raised.connect(receivers.tell_moderators_of_a_concern, dispatch_uid="moderation.concern")


class ModerationAdminConfig(admin_apps.AdminConfig):
    """The admin, as the moderators' console (counts of waiting work on its index)."""

    default = False
    default_site = "moderation.admin_site.ModerationAdminSite"
