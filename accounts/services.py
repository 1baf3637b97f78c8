"""Writes for accounts: the person's own data export and account deletion.

Every app keeps part of a person's data. The export asks each of them for its part and the deletion asks
each to erase its part, through the signals in accounts/signals.py (each app's receivers.py answers).
"""

from typing import Any, cast

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.signals import account_erasing, account_exporting
from core.audit import audit_record
from core.errors import ApplicationError


class AccountDeletionRefused(ApplicationError):
    """The account cannot be deleted by its owner (moderators must help)."""


def account_export(*, user: User) -> dict[str, Any]:
    """Everything the site holds about the person, as JSON-ready data."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
        },
    }
    for _receiver, sections in account_exporting.send(sender=User, user=user):
        data.update(cast(dict[str, Any], sections))
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase the person: public questions and comments stay, shown as written by "Deleted user".

    An app that cannot let the account go (an expert's published answers) raises AccountDeletionRefused
    from its receiver, and nothing is erased."""
    counts: dict[str, int] = {}
    for _receiver, erased in account_erasing.send(sender=User, user=user):
        counts.update(cast(dict[str, int], erased or {}))
    audit_record(actor=None, action="account.delete", target=user, before=counts, after={"deleted": True})
    user.delete()  # questions and comments keep their rows with author = NULL
