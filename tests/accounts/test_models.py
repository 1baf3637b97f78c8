import pytest
from django.db import IntegrityError

from accounts.models import User


@pytest.mark.django_db
def test_create_user_normalizes_the_email_domain_and_hashes_the_password():
    user = User.objects.create_user("Someone@EXAMPLE.org", "a-long-password-1")
    assert user.email == "Someone@example.org"
    assert user.password != "a-long-password-1"
    assert user.check_password("a-long-password-1")
    assert not user.is_staff


@pytest.mark.django_db
def test_email_addresses_are_unique_regardless_of_case():
    User.objects.create_user("reader@example.org", "a-long-password-1")
    with pytest.raises(IntegrityError):
        User.objects.create_user("READER@example.org", "a-long-password-1")


@pytest.mark.django_db
def test_public_name_never_falls_back_to_the_email_address():
    user = User.objects.create_user("private.person@example.org", "a-long-password-1")
    assert "private.person" not in user.public_name
    assert str(user.pk) in user.public_name
    user.display_name = "Kit"
    assert user.public_name == "Kit"


@pytest.mark.django_db
def test_superuser_is_staff():
    admin = User.objects.create_superuser("boss@example.org", "a-long-password-1")
    assert admin.is_staff and admin.is_superuser
