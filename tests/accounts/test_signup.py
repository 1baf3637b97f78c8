import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import TEST_PASSWORD


def _signup(client, email="new.patient@example.org", display_name="Robin"):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": "a-Long-passphrase-77",
            "password2": "a-Long-passphrase-77",
            "display_name": display_name,
        },
    )


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
