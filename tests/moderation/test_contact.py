"""The contact form: anyone writes to the moderators; the message is stored, emailed to every moderator and
shown in the console; bots (the hidden field) and floods (a rate limit) get nowhere."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from moderation.models import ContactMessage
from notifications.tasks import sweep_outbox
from tests.factories import UserFactory

MESSAGE = "The font on the ask page is too small for me to read comfortably on my tablet."


@pytest.mark.django_db
def test_a_message_reaches_the_moderators_and_the_console(client, moderator):
    assert reverse("moderation:contact") in client.get("/").content.decode()  # the footer links to it
    refused = client.post(reverse("moderation:contact"), {"email": "not-an-address", "topic": "other", "message": ""})
    assert refused.status_code == 400 and not ContactMessage.objects.exists()
    data = {"name": "Sam", "email": "sam@example.org", "topic": "accessibility", "message": MESSAGE}
    sent = client.post(reverse("moderation:contact"), data)
    assert sent.status_code == 302 and sent["Location"] == reverse("moderation:contact_sent")
    stored = ContactMessage.objects.get()
    assert stored.topic == "accessibility" and stored.email == "sam@example.org"
    sweep_outbox.apply()
    to_moderator = [m for m in mail.outbox if m.to == [moderator.email]]
    assert len(to_moderator) == 1 and MESSAGE in to_moderator[0].body and "sam@example.org" in to_moderator[0].body
    client.force_login(moderator)
    listing = client.get(reverse("admin:moderation_contactmessage_changelist")).content.decode()
    assert "Sam" in listing
    client.post(reverse("admin:moderation_contactmessage_changelist"),
                {"action": "mark_handled", "_selected_action": [stored.pk]})  # fmt: skip
    stored.refresh_from_db()
    assert stored.handled_at is not None


@pytest.mark.django_db
def test_bots_and_floods_are_turned_away(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "contact": "2/h/ip"}
    data = {"email": "a@example.org", "topic": "other", "message": "Hello moderators."}
    Client().post(reverse("moderation:contact"), {**data, "website": "http://spam.example"})
    assert not ContactMessage.objects.exists()  # a bot filled the hidden field: thanked, nothing stored
    codes = [Client().post(reverse("moderation:contact"), data).status_code for _ in range(3)]
    assert codes == [302, 302, 429] and ContactMessage.objects.count() == 2
    assert "Too many messages" in Client().post(reverse("moderation:contact"), data).content.decode()


@pytest.mark.django_db
def test_a_signed_in_sender_is_recognised(client):
    user = UserFactory()
    client.force_login(user)
    assert f'value="{user.email}"' in client.get(reverse("moderation:contact")).content.decode()
    client.post(reverse("moderation:contact"), {"email": user.email, "topic": "question", "message": "Hello."})
    assert ContactMessage.objects.get().user == user
