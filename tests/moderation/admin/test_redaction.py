"""Moderators take words out of a question, an answer or a comment at any time, published or not. The words go
from every page, feed, search result, the sitemap and the admin's history at once, every copy the site kept
of them is purged, and the author is told by email without them."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from comments.models import Comment
from comments.services import comment_redact
from core.models import AuditLog
from forum import emails as forum_emails
from forum import redaction
from forum.models import Answer, AnswerRevision, Question, QuestionRevision, Redaction
from forum.services.redaction import answer_redact, question_redact
from moderation.models import Report
from notifications.models import OutboxEmail
from notifications.tasks import sweep_outbox
from tests.factories import QuestionFactory, UserFactory, answered_question
from tests.support.cache import assert_invalidates

NAME, PHONE = "Okonkwo-Hale", "07700 900123"
TITLE = f"Is this tiredness normal, as Dr {NAME} says?"
BODY = (
    f"My neurologist Dr {NAME} told me to ring {PHONE} if it gets worse. Is fatigue like this normal after a relapse?"  # noqa: E501
)


def public_pages(client, question: Question) -> str:
    """Everything a reader, a feed reader or a search engine can fetch that shows this Q&A."""
    urls = [question.get_absolute_url(), reverse("forum:feed_latest"), reverse("forum:feed_latest_rss"),
            reverse("search:search") + "?q=fatigue", "/sitemap.xml",
            reverse("forum:home")]  # fmt: skip
    pages = []
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        pages.append(response.content.decode())
    return "\n".join(pages)


def sent_to(address: str) -> list[mail.EmailMessage]:
    sweep_outbox.apply()
    return [message for message in mail.outbox if address in message.to]


@pytest.mark.django_db
def test_a_published_qa_redacted_in_the_admin_loses_the_words_everywhere_and_the_asker_is_told(client, moderator):
    asker = UserFactory()
    question = answered_question(title=TITLE, body=BODY, author=asker)
    # Copies made before the redaction: an earlier version, a moderator's reason, the admin's change history
    # and an email that quoted the title.
    QuestionRevision.objects.create(question=question, editor=asker, reason="Edited by the asker",
                                    title_before=TITLE, body_before=BODY + " Thanks.", title_after=TITLE,
                                    body_after=BODY)  # fmt: skip
    AuditLog.objects.create(actor=moderator, action="question.recategorize", target_type="forum.question",
                            target_id=question.pk, reason=f"About Dr {NAME}'s advice")  # fmt: skip
    LogEntry.objects.create(user=moderator, content_type=ContentType.objects.get_for_model(Question),
                            object_id=str(question.pk), object_repr=TITLE, action_flag=CHANGE)  # fmt: skip
    forum_emails.question_answered(question)
    report = Report.objects.create(reporter=UserFactory(), target=question, reason="personal",
                                   details=f"It shows {PHONE}, surely that should not be public")  # fmt: skip
    before = public_pages(client, question)  # also fills the page cache
    assert NAME in before and PHONE in before and NAME.lower() in before  # the slug in the sitemap too
    found = client.get(reverse("search:search"), {"q": NAME.split("-")[0]}).content.decode()
    assert "search-hit" in found

    client.force_login(moderator)
    url = reverse("admin:forum_question_redact", args=[question.pk])
    assert url in client.get(reverse("admin:moderation_report_changelist")).content.decode()  # from the report
    page = client.get(url).content.decode()
    assert page.count('name="finding"') == 3  # the name in the title, the name and the number in the details
    refused = client.post(url, {"remove_all": "1", "reason": ""})
    assert refused.status_code == 400 and "Say why" in refused.content.decode()
    repeated = client.post(url, {"remove_all": "1", "reason": f"Removed {PHONE}"})
    assert repeated.status_code == 400 and "repeats words" in repeated.content.decode()
    done = client.post(url, {"remove_all": "1", "reason": "The name of a clinician and a phone number"})
    assert done.status_code == 302

    question.refresh_from_db()
    assert question.title == "Is this tiredness normal, as Dr [removed] says?"
    assert question.body.startswith("My neurologist Dr [removed] told me to ring [removed] if")
    assert question.personal_details == []
    client.logout()
    after = public_pages(client, question)
    assert NAME not in after and PHONE not in after and NAME.lower() not in after and "[removed]" in after
    found = client.get(reverse("search:search"), {"q": NAME.split("-")[0]}).content.decode()
    assert "search-hit" not in found  # the name no longer finds the Q&A

    # The history keeps who, when, why and what kind; no copy keeps the words.
    entry = Redaction.objects.get(object_id=question.pk)
    assert (entry.moderator, entry.fields, entry.kinds) == (moderator, ["title", "details"], ["phone", "name"])
    revision = QuestionRevision.objects.get(question=question)
    kept = " ".join([revision.title_before, revision.body_before, revision.title_after, revision.body_after])
    assert NAME not in kept and "[removed]" in kept
    assert not AuditLog.objects.filter(reason__contains=NAME).exists()
    assert not LogEntry.objects.filter(object_repr__contains=NAME).exists()
    report.refresh_from_db()
    assert report.details == "It shows [removed], surely that should not be public"
    for email in OutboxEmail.objects.all():
        assert NAME not in email.subject + email.body_text + email.body_html
    client.force_login(moderator)
    for admin_url in (reverse("admin:forum_question_change", args=[question.pk]),
                      reverse("admin:forum_question_history", args=[question.pk]), url,
                      reverse("admin:core_auditlog_changelist")):  # fmt: skip
        shown = client.get(admin_url).content.decode()
        assert NAME not in shown and PHONE not in shown, admin_url
    assert "The name of a clinician and a phone number" in client.get(url).content.decode()

    emails = sent_to(asker.email)
    told = next(message for message in emails if "edited your question" in message.subject)
    assert "a phone number" in told.body and "The name of a clinician and a phone number" in told.body
    assert NAME not in told.body + told.alternatives[0].content and PHONE not in told.body


@pytest.mark.django_db
def test_one_finding_at_a_time_and_a_stale_button_changes_nothing(client, moderator):
    question = QuestionFactory(status=Question.Status.APPROVED, body=BODY)
    client.force_login(moderator)
    url = reverse("admin:forum_question_redact", args=[question.pk])
    start = BODY.index(PHONE)
    value = f"details:{start}:{start + len(PHONE)}"
    assert f'value="{value}"' in client.get(url).content.decode()
    assert client.post(url, {"finding": value, "reason": "A phone number"}).status_code == 302
    question.refresh_from_db()
    assert PHONE not in question.body and f"Dr {NAME}" in question.body  # only that finding went
    assert 'value="A phone number"' in client.get(url).content.decode()  # the reason stays for the next one
    stale = client.post(url, {"finding": value, "reason": "A phone number"})
    assert stale.status_code == 400 and "The text changed" in stale.content.decode()
    assert Redaction.objects.filter(object_id=question.pk).count() == 1


@pytest.mark.django_db
def test_free_edit_without_a_reason_keeps_what_the_moderator_wrote(client, moderator):
    question = QuestionFactory(status=Question.Status.APPROVED, body=BODY)
    client.force_login(moderator)
    url = reverse("admin:forum_question_redact", args=[question.pk])
    edited = BODY.replace("after a relapse", "after [removed]")
    refused = client.post(url, {"save": "1", "title": question.title, "details": edited, "reason": ""})
    assert refused.status_code == 400 and "after [removed]" in refused.content.decode()
    unchanged = client.post(url, {"save": "1", "title": question.title, "details": BODY, "reason": "Why not"})
    assert unchanged.status_code == 400 and "Nothing was changed" in unchanged.content.decode()
    question.refresh_from_db()
    assert question.body == BODY


@pytest.mark.django_db
def test_an_answer_is_redacted_its_revisions_purged_and_the_expert_told(client, moderator):
    question = answered_question()
    answer = Answer.objects.get(question=question)
    answer.body = f"Ask your GP, Dr {NAME}, about a referral; fatigue clinics help."
    answer.save()
    AnswerRevision.objects.create(answer=answer, editor=answer.expert.user, body=answer.body)
    client.force_login(moderator)
    url = reverse("admin:forum_answer_redact", args=[answer.pk])
    assert client.post(url, {"remove_all": "1", "reason": "A clinician's name"}).status_code == 302
    answer.refresh_from_db()
    assert answer.body == "Ask your GP, Dr [removed], about a referral; fatigue clinics help."
    assert NAME not in "".join(AnswerRevision.objects.values_list("body", flat=True))
    client.logout()
    assert NAME not in client.get(question.get_absolute_url()).content.decode()
    told = sent_to(answer.expert.user.email)
    assert len(told) == 1 and "edited your answer" in told[0].subject and "A clinician's name" in told[0].body


@pytest.mark.django_db
def test_a_published_comment_is_redacted_on_the_page_and_its_author_told(client, moderator):
    question = answered_question()
    author = UserFactory()
    comment = Comment.objects.create(question=question, author=author, status="approved",
                                     body="Email me at ana.k@example.org, I had the same.",
                                     body_html="<p>Email me at ana.k@example.org, I had the same.</p>")  # fmt: skip
    assert "ana.k@example.org" in client.get(question.get_absolute_url()).content.decode()
    client.force_login(moderator)
    url = reverse("admin:comments_comment_redact", args=[comment.pk])
    assert client.post(url, {"remove_all": "1", "reason": "An email address"}).status_code == 302
    client.logout()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "ana.k@example.org" not in page and "Email me at [removed]" in page
    told = sent_to(author.email)
    assert len(told) == 1 and "edited your comment" in told[0].subject and "an email address" in told[0].body


@pytest.mark.django_db
def test_only_moderators_redact(client, expert):
    question = answered_question(body=BODY)
    with pytest.raises(PermissionDenied):
        question_redact(question=question, moderator=expert.user, title=question.title, body="Gone", reason="x")
    with pytest.raises(PermissionDenied):
        comment_redact(comment=Comment.objects.create(question=question, body="a b", body_html="a b"),
                       moderator=UserFactory(), body="a", reason="x")  # fmt: skip
    client.force_login(expert.user)
    response = client.post(reverse("admin:forum_question_redact", args=[question.pk]),
                           {"remove_all": "1", "reason": "x"})  # fmt: skip
    assert response.status_code in (302, 403)
    question.refresh_from_db()
    assert question.body == BODY


@pytest.mark.django_db
def test_redacting_a_public_qa_invalidates_its_page_and_lists(moderator):
    question = answered_question(body=BODY)
    from tests.core.test_cache_scopes import listed

    with assert_invalidates(listed(question)):
        question_redact(question=question, moderator=moderator, title=question.title,
                        body=BODY.replace(PHONE, "[removed]"), reason="A phone number")  # fmt: skip
    answer = Answer.objects.get(question=question)
    with assert_invalidates(listed(question)):
        answer_redact(answer=answer, moderator=moderator, body=answer.body + " [removed]", reason="Tidy")


def test_removed_words_are_whole_words_and_their_kinds_are_named():
    old = f"Call {PHONE} or ask Dr {NAME} tomorrow."
    words, spans = redaction.removed_words(old, "Call [removed] or ask Dr [removed] tomorrow.")
    assert words == [PHONE, NAME]
    assert redaction.kinds_removed(old, spans) == ["phone", "name"]
    assert redaction.removed_words("I feel tired today.", "I feel today.")[0] == ["tired"]
    assert redaction.kinds_removed("I feel tired today.", [(7, 13)]) == ["other"]
    assert redaction.scrub("Dr Hale and Hales; Hale.", ["Hale"]) == "Dr [removed] and Hales; [removed]."


@pytest.mark.django_db
def test_the_audit_log_accepts_only_words_replaced_by_removed(moderator):
    from django.db import transaction

    entry = AuditLog.objects.create(actor=moderator, action="question.reject", target_type="forum.question",
                                    target_id=1, reason=f"Rang {PHONE} as asked")  # fmt: skip
    for forged in ("Rang [removed] as asked, all fine", "Something else [removed]", "Rang as asked"):
        with pytest.raises(Exception, match="append-only"), transaction.atomic():
            AuditLog.objects.filter(pk=entry.pk).update(reason=forged)
    AuditLog.objects.filter(pk=entry.pk).update(reason="Rang [removed] as asked")
    entry.refresh_from_db()
    assert entry.reason == "Rang [removed] as asked"
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        AuditLog.objects.filter(pk=entry.pk).update(reason="Rang [removed] as asked", action="question.approve")
