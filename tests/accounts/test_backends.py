"""The signed-in person is loaded, with whether their email is verified and whether they have an expert
profile, in one query."""

import pytest
from django.contrib.auth import get_user
from django.test import RequestFactory

from forum import permissions
from tests.factories import ExpertProfileFactory, UserFactory


def _request_of(client, user):
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    return request


@pytest.mark.django_db
def test_one_query_answers_what_pages_ask_about_a_patient(client, django_assert_num_queries):
    request = _request_of(client, UserFactory(display_name="Pat"))
    with django_assert_num_queries(1):
        user = get_user(request)
        assert user.display_name == "Pat"
        assert permissions.has_verified_email(user) is True
        assert permissions.can_comment(user) is True
        assert permissions.is_verified_expert(user) is False


@pytest.mark.django_db
def test_an_experts_profile_is_loaded_when_asked_for(client, django_assert_num_queries):
    expert = ExpertProfileFactory()
    request = _request_of(client, expert.user)
    with django_assert_num_queries(2):
        user = get_user(request)
        assert permissions.can_comment(user) is True
        assert permissions.is_verified_expert(user) is True
        assert user.expert_profile.pk == expert.pk


@pytest.mark.django_db
def test_an_unverified_reader_without_a_profile(client, django_assert_num_queries):
    reader = UserFactory(verified=False)
    request = _request_of(client, reader)
    with django_assert_num_queries(1):
        user = get_user(request)
        assert user.pk == reader.pk
        assert permissions.can_comment(user) is False
        assert permissions.is_verified_expert(user) is False


@pytest.mark.django_db
def test_a_deactivated_account_is_signed_out(client):
    person = UserFactory()
    client.force_login(person)
    person.is_active = False
    person.save(update_fields=["is_active"])
    request = RequestFactory().get("/")
    request.session = client.session
    assert not get_user(request).is_authenticated


@pytest.mark.django_db
def test_a_session_naming_no_valid_user_is_anonymous(client, user):
    request = _request_of(client, user)
    user.delete()
    assert not get_user(request).is_authenticated


def test_the_user_row_needs_no_database_converters():
    # load_user builds the User straight from the row; a field converted on the way out of the database
    # (JSON, say) would arrive raw, so adding one means loading it through the ORM again.
    from accounts.backends import FIELDS

    assert not [field.name for field in FIELDS if hasattr(field, "from_db_value")]


@pytest.mark.django_db
def test_the_loaded_user_equals_the_orm_one(user):
    from accounts.backends import FIELDS, load_user

    loaded = load_user(user.pk)
    assert loaded is not None
    assert [getattr(loaded, f.attname) for f in FIELDS] == [
        getattr(user.__class__.objects.get(pk=user.pk), f.attname) for f in FIELDS
    ]
