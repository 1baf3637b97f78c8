import pytest
from django.urls import reverse

from tests.factories import ExpertProfileFactory


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


@pytest.mark.django_db
def test_staff_pass_once_totp_is_enrolled(client, settings, moderator):
    from allauth.mfa.models import Authenticator

    settings.FORUM_STAFF_MFA_REQUIRED = True
    Authenticator.objects.create(user=moderator, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    client.force_login(moderator)
    assert client.get(reverse("admin:index")).status_code == 200


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
