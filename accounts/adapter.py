import ipaddress
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.core.mail import EmailMessage
from django.http import HttpRequest

from accounts.emails import normalize_email_address


class AccountAdapter(DefaultAccountAdapter):
    """allauth hooks: our site name in every account email, one spelling per email address, and the client
    address a trusted proxy reports. (notifications.adapter sends its emails through the outbox.)"""

    def render_mail(
        self,
        template_prefix: str,
        email: str | list[str],
        context: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> EmailMessage:
        context = {**context, "site_name": settings.SITE_NAME, "site_url": settings.SITE_URL}
        return super().render_mail(template_prefix, email, context, headers)

    def clean_email(self, email: str) -> str:
        return super().clean_email(normalize_email_address(email))

    def get_client_ip(self, request: HttpRequest) -> str:
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            # Fewer X-Forwarded-For entries than trusted proxies: the request did not come through them.
            try:
                return str(ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")))
            except ValueError:
                raise PermissionDenied("Unable to determine the client address.") from None
