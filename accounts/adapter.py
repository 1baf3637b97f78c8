from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.mail import EmailMessage


class AccountAdapter(DefaultAccountAdapter):
    """allauth hooks: our site name in every account email, whatever the Sites table says."""

    def render_mail(
        self,
        template_prefix: str,
        email: str | list[str],
        context: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> EmailMessage:
        context = {**context, "site_name": settings.SITE_NAME, "site_url": settings.SITE_URL}
        return super().render_mail(template_prefix, email, context, headers)
