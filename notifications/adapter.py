from typing import Any

from django.core.mail import EmailMultiAlternatives

from accounts.adapter import AccountAdapter as BaseAccountAdapter
from notifications.services import enqueue_account_email


class AccountAdapter(BaseAccountAdapter):
    """The accounts' adapter, with its emails written to the outbox like every other email."""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Written to the outbox like every other email, so a mail server that is down never fails a sign-up
        or a password reset (the sweep retries), and both sign-up paths do the same work."""
        message = self.render_mail(template_prefix, email, context)
        html = ""
        if isinstance(message, EmailMultiAlternatives):
            html = next((str(body) for body, mimetype in message.alternatives if mimetype == "text/html"), "")
        enqueue_account_email(
            kind=template_prefix.rsplit("/", 1)[-1],
            to_email=email,
            subject=str(message.subject),
            body_text=str(message.body),
            body_html=html,
        )
