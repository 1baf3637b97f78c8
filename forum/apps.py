from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    default = True
    name = "forum"
    verbose_name = _("Forum")

    def ready(self) -> None:
        from accounts.signals import account_erasing, account_exporting
        from forum import receivers

        account_exporting.connect(receivers.export_sections, dispatch_uid="forum.export")
        account_erasing.connect(receivers.erase, dispatch_uid="forum.erase")
