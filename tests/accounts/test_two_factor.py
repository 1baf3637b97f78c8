import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from tests.factories import TEST_PASSWORD, ExpertProfileFactory, UserFactory

SECRET = "JBSWY3DPEHPK3PXP"


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["moderator", "expert", "superuser"])
def test_staff_must_enrol_totp_before_admin_or_dashboard_when_required(client, settings, moderator, who):
    settings.FORUM_STAFF_MFA_REQUIRED = True
    if who == "moderator":
        user, url = moderator, reverse("admin:index")
    elif who == "expert":
        user, url = ExpertProfileFactory().user, reverse("experts:dashboard")
    else:
        from tests.factories import UserFactory

        user, url = UserFactory(is_staff=True, is_superuser=True), reverse("admin:index")
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before showing the TOTP set-up.
    activate = client.get(reverse("mfa_activate_totp"))
    assert activate.status_code == 302 and "/accounts/reauthenticate/" in activate["Location"]
    assert "totp" in activate["Location"]


def _enrol(user):
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": SECRET})


def _code():
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


@pytest.mark.django_db
def test_staff_pass_after_entering_the_code_at_sign_in(client, settings, moderator):
    settings.FORUM_STAFF_MFA_REQUIRED = True
    _enrol(moderator)
    signed = client.post(reverse("account_login"), {"login": moderator.email, "password": TEST_PASSWORD})
    assert signed.status_code == 302 and signed["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone signs nobody in
    done = client.post(reverse("mfa_authenticate"), {"code": _code()})
    assert done.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_admin_login_form_never_signs_staff_in_with_the_password_alone(client, settings, moderator):
    settings.FORUM_STAFF_MFA_REQUIRED = True
    _enrol(moderator)
    response = client.post(
        reverse("admin:login") + "?next=/admin/", {"username": moderator.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.django_db
def test_admin_login_sends_to_the_site_sign_in_with_a_safe_next(client):
    response = client.get(reverse("admin:login") + "?next=https://evil.example/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2F"


@pytest.mark.django_db
def test_signed_in_non_staff_get_a_refusal_not_a_redirect_loop(client, user):
    client.force_login(user)
    assert client.get(reverse("admin:login") + "?next=/admin/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/", "/experts/dashboard/", "/", "/account/"])
def test_a_staff_session_that_skipped_the_second_factor_is_asked_for_a_code(client, settings, moderator, url):
    settings.FORUM_STAFF_MFA_REQUIRED = True
    _enrol(moderator)
    client.force_login(moderator)  # signed in by some path that skipped the two-factor stage
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate") + "?next=")


@pytest.mark.django_db
def test_entering_the_code_again_opens_the_admin(client, settings, moderator):
    settings.FORUM_STAFF_MFA_REQUIRED = True
    _enrol(moderator)
    client.force_login(moderator)
    response = client.post(reverse("mfa_reauthenticate") + "?next=/admin/", {"code": "000000"})
    assert client.get(reverse("admin:index")).status_code == 302  # a wrong code changes nothing
    response = client.post(reverse("mfa_reauthenticate") + "?next=/admin/", {"code": _code()})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_the_second_factor_of_one_person_does_not_carry_over_to_another(client, settings, moderator):
    settings.FORUM_STAFF_MFA_REQUIRED = True
    other = UserFactory(is_staff=True, is_superuser=True)
    _enrol(moderator)
    _enrol(other)
    client.force_login(moderator)
    client.post(reverse("mfa_reauthenticate"), {"code": _code()})
    assert client.get(reverse("admin:index")).status_code == 200
    client.force_login(other)
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.django_db
def test_password_forms_are_throttled(client, user):
    client.force_login(user)
    codes = [
        client.post(reverse("account_delete"), {"password": "wrong-password", "confirm": "on"}).status_code
        for _ in range(12)
    ]
    assert codes[0] == 200 and codes[-1] == 429
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.django_db
def test_no_two_factor_needed_when_the_setting_is_off(client, settings, moderator, user):
    settings.FORUM_STAFF_MFA_REQUIRED = False
    client.force_login(moderator)
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_patients_are_never_asked_for_two_factor(client, settings, user):
    settings.FORUM_STAFF_MFA_REQUIRED = True
    client.force_login(user)
    assert client.get(reverse("forum:ask")).status_code == 200
