import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from notifications.models import OutboxEmail
from notifications.tasks import sweep_outbox
from tests.factories import TEST_PASSWORD


def _signup(client, email="new.patient@example.org", display_name="Robin", deliver=True):
    response = client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": "a-Long-passphrase-77",
            "password2": "a-Long-passphrase-77",
            "display_name": display_name,
        },
    )
    if deliver:
        sweep_outbox.apply()
    return response


@pytest.mark.django_db
def test_signup_sends_a_verification_email_and_does_not_sign_in_before_confirmation(client):
    response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.patient@example.org")
    assert user.display_name == "Robin"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.patient@example.org"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert settings.SITE_NAME in mail.outbox[0].body
    assert "example.com" not in mail.outbox[0].body
    # Not signed in yet: verification is mandatory.
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_following_the_verification_link_confirms_the_address_and_signs_in(client):
    _signup(client)
    match = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", str(mail.outbox[0].body))
    assert match is not None
    link = match.group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    confirm_page = client.get("/" + path)
    assert confirm_page.status_code == 200
    # Confirmation is a POST (nothing changes on GET).
    response = client.post("/" + path)
    assert response.status_code == 302
    user = User.objects.get(email="new.patient@example.org")
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_unverified_user_cannot_sign_in(client, unverified_user):
    response = client.post(reverse("account_login"), {"login": unverified_user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_verified_user_signs_in_with_email_and_password(client, user):
    response = client.post(reverse("account_login"), {"login": user.email.upper(), "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_out_even_with_the_right_password(client, user):
    for _ in range(5):
        response = client.post(reverse("account_login"), {"login": user.email, "password": "wrong-password"})
        assert response.status_code == 200
    response = client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_logout_requires_post(client, user):
    client.force_login(user)
    client.get(reverse("account_logout"))
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["account_login", "account_signup", "account_reset_password"])
def test_account_pages_use_the_site_layout(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Medical disclaimer" in html
    assert 'id="main"' in html
    assert "form-control" in html  # crispy bootstrap5 fields


class CountingHasher(MD5PasswordHasher):
    """The test hasher, counting how often a password is hashed."""

    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


@pytest.mark.django_db
def test_signing_up_with_an_address_that_has_an_account_costs_the_same_work(client, settings, user):
    settings.PASSWORD_HASHERS = ["tests.accounts.test_signup.CountingHasher"]
    CountingHasher.calls = 0
    new = _signup(client, email="someone.new@example.org", deliver=False)
    new_hashes, new_emails = CountingHasher.calls, OutboxEmail.objects.count()
    CountingHasher.calls = 0
    existing = _signup(Client(), email=user.email, deliver=False)
    assert (existing.status_code, existing["Location"]) == (new.status_code, new["Location"])
    assert CountingHasher.calls == new_hashes >= 1
    assert OutboxEmail.objects.count() - new_emails == new_emails == 1


@pytest.mark.django_db
def test_signing_up_while_the_mail_server_is_down_creates_the_account_and_sends_later(client, settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                    "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1}}}  # fmt: skip
    response = _signup(client)  # the sweep tries, and fails, inside the request's aftermath
    assert response.status_code == 302
    user = User.objects.get(email="new.patient@example.org")
    assert EmailAddress.objects.filter(user=user).exists()
    row = OutboxEmail.objects.get(to_email=user.email)
    assert row.status == "pending" and row.attempts == 1 and row.last_error
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend", "OPTIONS": {}}}
    OutboxEmail.objects.update(next_attempt_at=row.created_at)
    sweep_outbox.apply()
    assert [m.to for m in mail.outbox] == [[user.email]]


@pytest.mark.django_db
def test_password_reset_while_the_mail_server_is_down_still_answers(client, settings, user):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                    "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 1}}}  # fmt: skip
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert OutboxEmail.objects.filter(to_email=user.email, status="pending").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "variant",
    [
        "ROBIN@EXAMPLE.ORG",
        "robin@exａmple.org",
        "robin@example.org\u200b",
        "\u200brobin@example.org",
        "robin@EXAMPLE.ORG.",
    ],
)
def test_look_alike_spellings_of_an_address_cannot_open_a_second_account(client, variant):
    _signup(client, email="robin@example.org")
    _signup(Client(), email=variant)
    assert User.objects.count() == 1
    assert User.objects.get().email == "robin@example.org"


def _locked_out(response):
    return response.status_code == 429 or "Too many failed login attempts" in response.content.decode()


@pytest.mark.django_db
def test_throttles_count_the_client_a_trusted_proxy_names(settings, user):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def fail(client, ip, n):
        return [
            _locked_out(client.post(reverse("account_login"), {"login": f"x{n}-{i}@example.org",
                                    "password": "wrong-password"}, HTTP_X_FORWARDED_FOR=ip))
            for i in range(n)
        ]  # fmt: skip

    assert fail(Client(), "203.0.113.7", 11)[-1] is True
    # Another reader behind the same proxy is not locked out with them.
    assert fail(Client(), "203.0.113.8", 1) == [False]


@pytest.mark.django_db
def test_without_a_trusted_proxy_a_forged_forwarded_header_does_not_escape_the_throttle(settings, user):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    locked = [
        _locked_out(Client().post(reverse("account_login"), {"login": f"y{i}@example.org",
                                  "password": "wrong-password"}, HTTP_X_FORWARDED_FOR=f"198.51.100.{i}"))
        for i in range(11)
    ]  # fmt: skip
    assert locked[0] is False and locked[-1] is True
