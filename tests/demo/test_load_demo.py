import io

import pytest
from django.core.management import call_command
from django.db.models.functions import TruncMonth

from accounts.models import User
from demo import accounts as demo
from demo import content as demo_content
from experts.models import ExpertProfile
from forum.models import Category, Question, Tag
from notifications.models import OutboxEmail


def _load():
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_creates_the_documented_accounts(client):
    _load()
    counts = (User.objects.count(), Question.objects.count(), ExpertProfile.objects.count())
    _load()
    assert (User.objects.count(), Question.objects.count(), ExpertProfile.objects.count()) == counts
    assert Category.objects.count() == len(demo.CATEGORIES)
    assert Tag.objects.count() == len(demo.TAGS)
    for email in ("patient@example.com", "expert@example.com", "moderator@example.com", "admin@example.com"):
        assert client.login(username=email, password="demo-pass-2026"), email
        client.logout()
    assert User.objects.get(email="admin@example.com").is_superuser
    assert User.objects.get(email="moderator@example.com").is_staff
    assert not User.objects.get(email="patient@example.com").is_staff
    assert User.objects.get(email="expert@example.com").expert_profile.is_verified


@pytest.mark.django_db
def test_demo_has_sixty_answers_over_twelve_months_and_every_other_state():
    _load()
    public = Question.objects.public()
    assert public.count() >= 60
    months = public.annotate(m=TruncMonth("answered_at")).values("m").distinct().count()
    assert months >= 12
    for status in ("pending", "approved", "rejected", "withdrawn"):
        assert Question.objects.filter(status=status).exists(), status
    assert all(q.answer.body_html for q in public.select_related("answer"))
    assert len(demo_content.EXPERTS) == ExpertProfile.objects.verified().count()
    assert not OutboxEmail.objects.exists()  # no emails about the demo's invented history


@pytest.mark.django_db
def test_demo_patient_can_sign_in_through_allauth(client):
    _load()
    response = client.post("/accounts/login/", {"login": "patient@example.com", "password": "demo-pass-2026"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
