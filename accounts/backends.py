"""Authentication backends that load the signed-in person with what every page asks about them.

Each request loads the user from the session; these backends fetch the expert profile (header,
permissions) and whether an email address is verified (may they ask and comment?) in that same
query, instead of two more queries later in the page.
"""

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.account.models import EmailAddress
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db.models import Exists, OuterRef

from accounts.models import User


class PageUserMixin:
    def get_user(self, user_id: Any) -> User | None:
        verified = EmailAddress.objects.filter(user_id=OuterRef("pk"), verified=True)
        user = (
            User._default_manager.select_related("expert_profile")
            .annotate(email_verified=Exists(verified))
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class ModelBackend(PageUserMixin, DjangoModelBackend):
    pass


class AuthenticationBackend(PageUserMixin, AllauthBackend):
    pass
