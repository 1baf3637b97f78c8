from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    name = "experts"
    verbose_name = _("Experts")

    def ready(self) -> None:
        from accounts.signals import account_erasing, account_exporting
        from experts import receivers
        from forum import signals

        signals.question_approved.connect(receivers.tell_experts_of_new_question, dispatch_uid="experts.new_question")
        account_exporting.connect(receivers.export_sections, dispatch_uid="experts.export")
        account_erasing.connect(receivers.refuse_erasing_an_expert_with_answers, dispatch_uid="experts.erase")
