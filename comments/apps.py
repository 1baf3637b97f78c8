from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Threaded comments under public Q&As: posting, holding for moderation, editing, replies."""

    name = "comments"
    verbose_name = _("Comments")

    def ready(self) -> None:
        from accounts.signals import account_erasing, account_exporting
        from comments import receivers

        account_exporting.connect(receivers.export_sections, dispatch_uid="comments.export")
        account_erasing.connect(receivers.erase, dispatch_uid="comments.erase")
