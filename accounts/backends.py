"""Authentication backends that load the signed-in person with what every page asks about them.

Each request loads the user from the session. These backends also learn, in that same query, whether
an email address is verified (may they ask and comment?) and whether an expert profile exists (the
header's dashboard link), so a patient's page asks the database nothing more about them. The query is
plain SQL, and the row becomes a User directly: building it through the ORM cost more than running it.
"""

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db import connection

from accounts.models import User

FIELDS = list(User._meta.concrete_fields)
USER_SQL = f"""
SELECT {", ".join(f"u.{field.column}" for field in FIELDS)},
       EXISTS (SELECT 1 FROM account_emailaddress e WHERE e.user_id = u.id AND e.verified) AS email_verified,
       EXISTS (SELECT 1 FROM experts_expertprofile p WHERE p.user_id = u.id) AS has_expert_profile
FROM accounts_user u
WHERE u.id = %s
"""  # noqa: S608  # nosec B608 - column names from the model, the id a parameter


def load_user(user_id: Any) -> User | None:
    try:
        pk = int(user_id)
    except (TypeError, ValueError):
        return None
    with connection.cursor() as cursor:
        cursor.execute(USER_SQL, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    user = User.from_db(connection.alias, [field.attname for field in FIELDS], row[: len(FIELDS)])
    user.email_verified, user.has_expert_profile = row[len(FIELDS) :]  # type: ignore[attr-defined]
    if not user.has_expert_profile:  # type: ignore[attr-defined]
        User.expert_profile.related.set_cached_value(user, None)  # `user.expert_profile` raises, without a query
    return user


class PageUserMixin:
    def get_user(self, user_id: Any) -> User | None:
        user = load_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class ModelBackend(PageUserMixin, DjangoModelBackend):
    pass


class AuthenticationBackend(PageUserMixin, AllauthBackend):
    pass
