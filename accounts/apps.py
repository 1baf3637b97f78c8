from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # The session timeout needs the sign-in time; Django's auth signal is the hook for it.
        from allauth.mfa import signals as mfa_signals
        from django.contrib.auth.signals import user_logged_in

        from accounts.middleware import forget_second_factor, remember_login_time, remember_second_factor

        user_logged_in.connect(remember_login_time, dispatch_uid="accounts.remember_login_time")
        # Staff pages need a session that passed the second factor; allauth's signals say when one did.
        mfa_signals.authenticator_used.connect(remember_second_factor, dispatch_uid="accounts.mfa_used")
        mfa_signals.authenticator_added.connect(remember_second_factor, dispatch_uid="accounts.mfa_added")
        mfa_signals.authenticator_removed.connect(forget_second_factor, dispatch_uid="accounts.mfa_removed")
