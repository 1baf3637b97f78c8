"""Email end to end: a real Celery worker, a real broker and a real SMTP server (aiosmtpd).

The broker is Redis when CELERY_BROKER_URL points at it (CI), else the embedded filesystem broker.
"""

import email
import os
import time

import pytest
from django.utils import timezone

from notifications.models import OutboxEmail
from tests.factories import ExpertProfileFactory, QuestionFactory
from tests.support.processes import celery_worker, free_port, process_env, run_django, smtp_server, wait_for

PUBLISH = """
from accounts.models import User
from forum.models import Question
from experts.services.answers import answer_publish
question = Question.objects.get(pk={question_id})
answer_publish(question=question, expert_user=User.objects.get(pk={expert_user_id}), body="Cooling down helps. " * 4)
"""


def _broker(tmp_path):
    configured = os.environ.get("CELERY_BROKER_URL", "")
    if configured.startswith("redis"):
        return configured, {}
    return "filesystem://", {"CELERY_BROKER_DIR": str(tmp_path / "broker")}


def _setup():
    expert = ExpertProfileFactory()
    question = QuestionFactory(status="approved", approved_at=timezone.now(), title="Heat and my legs?")
    return expert, question


@pytest.mark.django_db(transaction=True)
def test_answering_delivers_exactly_one_email_with_the_right_link(tmp_path):
    expert, question = _setup()
    broker_url, broker_env = _broker(tmp_path)
    with smtp_server() as (port, inbox):
        env = process_env(broker_url, {**broker_env, "EMAIL_URL": f"smtp://127.0.0.1:{port}"})
        with celery_worker(env, tmp_path / "worker.log", "email-e2e"):
            result = run_django(PUBLISH.format(question_id=question.pk, expert_user_id=expert.user_id), env)
            assert result.returncode == 0, result.stderr
            assert wait_for(lambda: len(inbox.messages) >= 1), (tmp_path / "worker.log").read_text()
            time.sleep(1)  # give a duplicate every chance to arrive
            assert len(inbox.messages) == 1
            message = email.message_from_bytes(inbox.messages[0])
            assert message["To"] == question.author.email
            assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
            text = message.get_payload()[0].get_payload(decode=True).decode()
            assert f"{question.get_absolute_url()}" in text
            # Rerunning the task (and a sweep) sends nothing more.
            key = OutboxEmail.objects.get(kind="question_answered").key
            code = (
                "from notifications.tasks import send_outbox, sweep_outbox\n"
                f"send_outbox.delay([{key!r}])\nsweep_outbox.delay()"
            )
            rerun = run_django(code, env)
            assert rerun.returncode == 0, rerun.stderr
            log = tmp_path / "worker.log"
            assert wait_for(lambda: log.read_text().count("succeeded") >= 3), log.read_text()
            assert len(inbox.messages) == 1
    assert OutboxEmail.objects.get(kind="question_answered").status == "sent"


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_answering_succeeds_and_the_sweep_delivers_later(tmp_path):
    expert, question = _setup()
    dead_broker = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    with smtp_server() as (port, inbox):
        down_env = process_env(dead_broker, {"EMAIL_URL": f"smtp://127.0.0.1:{port}"})
        started = time.monotonic()
        result = run_django(PUBLISH.format(question_id=question.pk, expert_user_id=expert.user_id), down_env, 30)
        elapsed = time.monotonic() - started
        assert result.returncode == 0, result.stderr
        print(f"answer published with the broker down in {elapsed:.1f}s (process start included)")
        question.refresh_from_db()
        assert question.status == "answered"
        row = OutboxEmail.objects.get(kind="question_answered")
        assert row.status == "pending"
        assert inbox.messages == []
        # The broker is back: the periodic sweep (run here through a real worker) delivers it once.
        broker_url, broker_env = _broker(tmp_path)
        env = process_env(broker_url, {**broker_env, "EMAIL_URL": f"smtp://127.0.0.1:{port}"})
        with celery_worker(env, tmp_path / "worker.log", "email-sweep"):
            assert run_django("from notifications.tasks import sweep_outbox\nsweep_outbox.delay()", env).returncode == 0
            assert wait_for(lambda: len(inbox.messages) >= 1), (tmp_path / "worker.log").read_text()
            assert run_django("from notifications.tasks import sweep_outbox\nsweep_outbox.delay()", env).returncode == 0
            log = tmp_path / "worker.log"
            assert wait_for(lambda: log.read_text().count("succeeded") >= 2), log.read_text()
        assert len(inbox.messages) == 1
    row.refresh_from_db()
    assert row.status == "sent"


SUBMIT_FLAGGED = """
from accounts.models import User
from forum.models import Category
from forum.services.questions import question_submit
question_submit(
    author=User.objects.get(pk={author_id}), title="Feeling low lately with my MS, is that common?",
    body="Some nights I feel suicidal and I do not know who to tell about it.",
    category=Category.objects.get(pk={category_id}), consent=True, acknowledged=True, country="GB",
)
"""


@pytest.mark.django_db(transaction=True)
def test_a_flagged_question_reaches_the_asker_and_the_moderator_on_duty_through_the_worker(tmp_path):
    from core.roles import moderators_group
    from tests.factories import CategoryFactory, UserFactory

    asker, category = UserFactory(), CategoryFactory()
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(moderators_group())
    broker_url, broker_env = _broker(tmp_path)
    with smtp_server() as (port, inbox):
        env = process_env(broker_url, {**broker_env, "EMAIL_URL": f"smtp://127.0.0.1:{port}"})
        with celery_worker(env, tmp_path / "worker.log", "triage-e2e"):
            result = run_django(SUBMIT_FLAGGED.format(author_id=asker.pk, category_id=category.pk), env)
            assert result.returncode == 0, result.stderr
            assert wait_for(lambda: len(inbox.messages) >= 2), (tmp_path / "worker.log").read_text()
            time.sleep(1)
            messages = {m["To"]: m for m in map(email.message_from_bytes, inbox.messages)}
    assert len(inbox.messages) == 2 and set(messages) == {asker.email, moderator.email}

    def text(message):
        return message.get_payload()[0].get_payload(decode=True).decode()

    assert "116 123" in text(messages[asker.email])  # the crisis line for the asker's country
    alert = text(messages[moderator.email])
    assert "Thoughts of suicide or self-harm" in alert and "suicidal" not in alert  # the kind, not the words
    assert "suicid" not in (messages[asker.email]["Subject"] + messages[moderator.email]["Subject"]).lower()


ASK_ASKER = """
from accounts.models import User
from forum.models import Question
from experts.services.claims import information_request, question_claim
question = Question.objects.get(pk={question_id})
expert = User.objects.get(pk={expert_user_id})
question_claim(question=question, expert_user=expert)
information_request(question=question, expert_user=expert, message="Did the tingling start suddenly?")
"""

REPLY_TO_EXPERT = """
from accounts.models import User
from forum.models import Question
from forum.services.information import information_reply
information_reply(question=Question.objects.get(pk={question_id}), asker=User.objects.get(pk={asker_id}),
                  reply="Slowly, over about two weeks.")
"""


@pytest.mark.django_db(transaction=True)
def test_a_request_for_more_information_and_its_reply_are_emailed_through_the_worker(tmp_path):
    from tests.factories import UserFactory

    expert, asker = ExpertProfileFactory(), UserFactory()
    question = QuestionFactory(status="approved", approved_at=timezone.now(), author=asker, title="Tingling hands?")
    broker_url, broker_env = _broker(tmp_path)
    with smtp_server() as (port, inbox):
        env = process_env(broker_url, {**broker_env, "EMAIL_URL": f"smtp://127.0.0.1:{port}"})
        with celery_worker(env, tmp_path / "worker.log", "information-e2e"):
            asked = run_django(ASK_ASKER.format(question_id=question.pk, expert_user_id=expert.user_id), env)
            assert asked.returncode == 0, asked.stderr
            assert wait_for(lambda: len(inbox.messages) >= 1), (tmp_path / "worker.log").read_text()
            replied = run_django(REPLY_TO_EXPERT.format(question_id=question.pk, asker_id=asker.pk), env)
            assert replied.returncode == 0, replied.stderr
            assert wait_for(lambda: len(inbox.messages) >= 2), (tmp_path / "worker.log").read_text()
            time.sleep(1)
    messages = [email.message_from_bytes(raw) for raw in inbox.messages]
    assert [m["To"] for m in messages] == [asker.email, expert.user.email]  # each once, in that order
    first = messages[0].get_payload()[0].get_payload(decode=True).decode()
    assert "Did the tingling start suddenly?" in first
    assert OutboxEmail.objects.filter(status="sent").count() == 2


CONTACT = """
from moderation.services import contact_message
contact_message(name="Sam", email="sam@example.org", topic="other", message="A question for the moderators.",
                user=None)
"""


@pytest.mark.django_db(transaction=True)
def test_a_contact_message_reaches_the_moderators_mailbox_through_the_worker(tmp_path):
    from core.roles import moderators_group
    from tests.factories import UserFactory

    moderator = UserFactory(is_staff=True)
    moderator.groups.add(moderators_group())
    broker_url, broker_env = _broker(tmp_path)
    with smtp_server() as (port, inbox):
        env = process_env(broker_url, {**broker_env, "EMAIL_URL": f"smtp://127.0.0.1:{port}"})
        with celery_worker(env, tmp_path / "worker.log", "contact-e2e"):
            result = run_django(CONTACT, env)
            assert result.returncode == 0, result.stderr
            assert wait_for(lambda: len(inbox.messages) >= 1), (tmp_path / "worker.log").read_text()
            time.sleep(1)
    messages = [email.message_from_bytes(raw) for raw in inbox.messages]
    assert [m["To"] for m in messages] == [moderator.email]
    assert "A question for the moderators." in messages[0].get_payload()[0].get_payload(decode=True).decode()
