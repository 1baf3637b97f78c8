import pytest
from django.core.management import call_command

from accounts.models import User
from forum import demo
from forum.models import Category, Tag


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_creates_the_documented_accounts(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert User.objects.count() == len(demo.DEMO_ACCOUNTS)
    assert Category.objects.count() == len(demo.CATEGORIES)
    assert Tag.objects.count() == len(demo.TAGS)
    for email in ("patient@example.com", "expert@example.com", "moderator@example.com", "admin@example.com"):
        assert client.login(username=email, password="demo-pass-2026"), email
        client.logout()
    assert User.objects.get(email="admin@example.com").is_superuser
    assert User.objects.get(email="moderator@example.com").is_staff
    assert not User.objects.get(email="patient@example.com").is_staff


@pytest.mark.django_db
def test_demo_patient_can_sign_in_through_allauth(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.post("/accounts/login/", {"login": "patient@example.com", "password": "demo-pass-2026"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
