from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """The outbox and its delivery, alert subscriptions, notification preferences and email links."""

    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from accounts.signals import account_erasing, account_exporting
        from notifications import receivers

        account_exporting.connect(receivers.export_sections, dispatch_uid="notifications.export")
        account_erasing.connect(receivers.erase, dispatch_uid="notifications.erase")
