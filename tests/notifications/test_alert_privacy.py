"""Alerts never reveal or change anything about someone else's subscription."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.services import account_export
from notifications.models import AlertSubscription, OutboxEmail
from notifications.tasks import sweep_outbox
from tests.factories import CategoryFactory, UserFactory

ADDRESS = "follower@example.org"


def _post(client, frequency="weekly", category=None, email=ADDRESS):
    data = {"email": email, "scope": "category" if category else "all", "frequency": frequency}
    if category:
        data["category"] = category.pk
    return client.post(reverse("forum:alerts"), data)


def _follower(category, frequency="daily"):
    return AlertSubscription.objects.create(
        email=ADDRESS, scope="category", category=category, frequency=frequency, confirmed_at=timezone.now()
    )


@pytest.mark.django_db
def test_the_answer_is_the_same_whether_or_not_the_address_already_follows_the_topic(client):
    category, other = CategoryFactory(), CategoryFactory()
    _follower(category)
    followed = _post(client, category=category)
    new = _post(client, category=other)
    assert (followed.status_code, followed["Location"]) == (new.status_code, new["Location"])
    assert followed["Location"] == reverse("forum:alerts_sent")


@pytest.mark.django_db
def test_posting_an_address_changes_its_subscription_only_through_the_emailed_link(client):
    category = CategoryFactory()
    existing = _follower(category, frequency="daily")
    _post(client, frequency="weekly", category=category)
    existing.refresh_from_db()
    assert existing.frequency == "daily"
    sweep_outbox.apply()
    (email,) = mail.outbox
    assert email.to == [ADDRESS]
    link = re.search(r"http://127\.0\.0\.1:8000(/alerts/confirm/[^\s]+/)", email.body).group(1)
    client.post(link)
    existing.refresh_from_db()
    assert existing.frequency == "weekly"
    active = AlertSubscription.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)
    assert list(active) == [existing]  # still one subscription for the address and topic


@pytest.mark.django_db
def test_a_signed_in_poster_never_gets_someone_else_s_subscription(client):
    poster = UserFactory()
    client.force_login(poster)
    response = _post(client, email=ADDRESS)
    assert response["Location"] == reverse("forum:alerts_sent")
    sub = AlertSubscription.objects.get()
    assert sub.user is None and sub.confirmed_at is None
    assert ADDRESS not in client.get(reverse("account")).content.decode()
    assert account_export(user=poster)["alerts"] == []


@pytest.mark.django_db
def test_confirmation_emails_to_one_address_are_capped_per_day(client, settings):
    settings.ALERT_CONFIRMATIONS_PER_DAY = 3
    answers = {_post(client, email=f"  {ADDRESS.upper()} ")["Location"] for _ in range(6)}
    assert answers == {reverse("forum:alerts_sent")}
    assert OutboxEmail.objects.filter(kind="alert_confirm").count() == 3
    assert set(OutboxEmail.objects.values_list("to_email", flat=True)) == {"FOLLOWER@example.org"}
    # Another address is not held back by the first one's cap.
    _post(client, email="someone.else@example.org")
    assert OutboxEmail.objects.filter(kind="alert_confirm").count() == 4
