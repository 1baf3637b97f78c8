from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from comments import services as services
from comments.models import Comment
from core.models import AuditLog
from forum.models import Question
from forum.tasks import close_old_threads
from notifications.models import OutboxEmail
from tests.factories import ExpertProfileFactory, QuestionFactory, UserFactory, answered_question


def _trusted(user, question):
    """Give a user an approved comment so their next ones are not held."""
    Comment.objects.create(question=question, author=user, body="earlier", body_html="<p>earlier</p>",
                           status=Comment.Status.APPROVED)  # fmt: skip


@pytest.mark.django_db
def test_first_comment_is_held_and_visible_only_to_its_author(client, user, moderator):
    question = answered_question()
    client.force_login(user)
    response = client.post(reverse("comments:comment_post", args=[question.pk]), {"body": "My first comment here."})
    comment = Comment.objects.get()
    assert response.status_code == 302 and comment.status == "pending"
    mine = client.get(question.get_absolute_url()).content.decode()
    assert "My first comment here." in mine and "Only you can see this comment" in mine
    client.force_login(UserFactory())
    assert "My first comment here." not in client.get(question.get_absolute_url()).content.decode()
    services.comment_approve(comment=comment, moderator=moderator)
    assert "My first comment here." in client.get(question.get_absolute_url()).content.decode()
    question.refresh_from_db()
    assert question.comment_count == 1
    second = services.comment_post(question=question, author=user, body="Second one.")
    assert second.status == "approved"


@pytest.mark.django_db
def test_experts_comments_are_not_held_and_carry_a_badge_linking_their_profile(client):
    expert = ExpertProfileFactory(public_name="Dr Badge Holder")
    question = answered_question()
    comment = services.comment_post(question=question, author=expert.user, body="Happy to clarify.")
    assert comment.status == "approved"
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Dr Badge Holder" in html and ">Expert<" in html and expert.get_absolute_url() in html


@pytest.mark.django_db
def test_asker_label_respects_anonymity(client):
    asker = UserFactory(display_name="Secretive")
    question = answered_question(author=asker, is_anonymous=True)
    _trusted(asker, question)
    services.comment_post(question=question, author=asker, body="Thanks, that helps!")
    html = client.get(question.get_absolute_url()).content.decode()
    assert ">Asker<" in html
    assert "Secretive" not in html


@pytest.mark.django_db
def test_replies_deeper_than_the_limit_attach_to_the_deepest_allowed_level(settings):
    settings.FORUM_COMMENT_MAX_DEPTH = 2
    user = UserFactory()
    question = answered_question()
    _trusted(user, question)
    top = services.comment_post(question=question, author=user, body="level 0")
    reply = services.comment_post(question=question, author=user, body="level 1", parent=top)
    deepest = services.comment_post(question=question, author=user, body="level 2", parent=reply)
    too_deep = services.comment_post(question=question, author=user, body="would be level 3", parent=deepest)
    assert (top.depth, reply.depth, deepest.depth) == (0, 1, 2)
    assert too_deep.depth == 2 and too_deep.parent_id == reply.pk


@pytest.mark.django_db
def test_replying_through_the_page_keeps_the_thread(client, user):
    question = answered_question()
    _trusted(user, question)
    parent = services.comment_post(question=question, author=user, body="Parent comment")
    client.force_login(user)
    form_page = client.get(question.get_absolute_url() + f"?reply_to={parent.pk}").content.decode()
    assert f'name="parent" value="{parent.pk}"' in form_page and "Reply to the comment" in form_page
    client.post(reverse("comments:comment_post", args=[question.pk]), {"body": "A reply", "parent": parent.pk})
    assert Comment.objects.get(body="A reply").parent == parent


@pytest.mark.django_db
def test_moderator_closes_comments_and_the_server_refuses_new_ones(client, user, moderator):
    question = answered_question()
    client.force_login(moderator)
    client.post(reverse("admin:forum_question_changelist"),
                {"action": "close_comments", "_selected_action": [question.pk]})  # fmt: skip
    question.refresh_from_db()
    assert question.comments_closed
    assert AuditLog.objects.filter(action="comments.close", actor=moderator).exists()
    client.force_login(user)
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Comments are closed." in html and 'id="comment-form"' not in html
    response = client.post(reverse("comments:comment_post", args=[question.pk]), {"body": "Sneaking in"})
    assert response.status_code == 302
    assert not Comment.objects.filter(body="Sneaking in").exists()


@pytest.mark.django_db
def test_threads_close_automatically_by_date_and_the_nightly_task_agrees(settings, user):
    settings.FORUM_COMMENTS_OPEN_DAYS = 30
    old = answered_question(answered_at=timezone.now() - timedelta(days=31))
    fresh = answered_question(answered_at=timezone.now() - timedelta(days=29))
    assert not old.comments_open and fresh.comments_open
    with pytest.raises(services.CommentsClosed):
        services.comment_post(question=old, author=user, body="Too late")
    assert close_old_threads.apply().get() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.comments_closed and not fresh.comments_closed
    assert old.comments_open is False and fresh.comments_open is True


@pytest.mark.django_db
def test_edit_only_within_the_window_and_only_ones_own(client, settings, user):
    settings.FORUM_COMMENT_EDIT_MINUTES = 15
    question = answered_question()
    _trusted(user, question)
    comment = services.comment_post(question=question, author=user, body="Typo here")
    services.comment_edit(comment=comment, user=user, body="Fixed typo")
    comment.refresh_from_db()
    assert comment.body == "Fixed typo" and comment.edited_at is not None
    with pytest.raises(PermissionDenied):
        services.comment_edit(comment=comment, user=UserFactory(), body="Not mine")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    with pytest.raises(services.EditWindowPassed):
        services.comment_edit(comment=comment, user=user, body="Too late")
    client.force_login(user)
    response = client.post(reverse("comments:comment_edit", args=[comment.pk]), {"body": "Too late again"})
    assert "only be edited for a short while" in response.content.decode()
    client.force_login(UserFactory())
    assert client.get(reverse("comments:comment_edit", args=[comment.pk])).status_code == 403


@pytest.mark.django_db
def test_deleting_leaves_a_tombstone_and_keeps_replies(client, user):
    other = UserFactory(display_name="Replier")
    question = answered_question()
    _trusted(user, question)
    _trusted(other, question)
    parent = services.comment_post(question=question, author=user, body="Soon deleted words")
    services.comment_post(question=question, author=other, body="A reply that stays", parent=parent)
    client.force_login(user)
    assert client.get(reverse("comments:comment_delete", args=[parent.pk])).status_code == 405
    client.post(reverse("comments:comment_delete", args=[parent.pk]))
    parent.refresh_from_db()
    assert parent.is_deleted and parent.body == ""
    html = client.get(question.get_absolute_url()).content.decode()
    assert "This comment was deleted by its author." in html
    assert "Soon deleted words" not in html and "A reply that stays" in html
    assert AuditLog.objects.filter(action="comment.delete").exists()
    client.force_login(other)
    client.post(reverse("comments:comment_delete", args=[parent.pk]))  # not theirs
    assert Comment.objects.get(body="A reply that stays").is_deleted is False


@pytest.mark.django_db
def test_comment_permissions(client, unverified_user):
    question = answered_question()
    url = reverse("comments:comment_post", args=[question.pk])
    response = client.post(url, {"body": "Anonymous visitor"})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    client.force_login(unverified_user)
    client.post(url, {"body": "Unverified email"})
    hidden = QuestionFactory(status=Question.Status.APPROVED)
    client.force_login(UserFactory())
    assert (
        client.post(reverse("comments:comment_post", args=[hidden.pk]), {"body": "On a hidden question"}).status_code
        == 404
    )
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload", ["<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "## Heading"]
)
def test_comment_markdown_is_sanitized_to_a_small_subset(user, payload):
    question = answered_question()
    comment = services.comment_post(question=question, author=user, body=payload)
    html = comment.body_html.lower()
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html and "<img" not in html
    assert "<h2" not in html


@pytest.mark.django_db
def test_comment_honeypot(client, user):
    question = answered_question()
    client.force_login(user)
    client.post(reverse("comments:comment_post", args=[question.pk]), {"body": "Buy now", "website": "spam"})
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_comment_flood_control_keeps_the_text(client, user, settings):
    settings.FORUM_FLOOD_MIN_SECONDS = 60
    question = answered_question()
    _trusted(user, question)
    client.force_login(user)
    response = client.post(reverse("comments:comment_post", args=[question.pk]), {"body": "Too quick again"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please wait a little" in html and "Too quick again" in html


@pytest.mark.django_db
def test_reporting_a_comment_and_removing_it(client, user, moderator):
    from moderation import services as moderation
    from moderation.models import Report

    question = answered_question()
    author = UserFactory()
    _trusted(author, question)
    comment = services.comment_post(question=question, author=author, body="Rude words")
    client.force_login(user)
    client.post(reverse("moderation:report", args=["comment", comment.pk]), {"reason": "abuse"})
    report = comment_report = Report.objects.get()
    assert comment_report.target == comment
    moderation.report_act(report=report, moderator=moderator)
    comment.refresh_from_db()
    assert comment.status == "removed"
    assert "Rude words" not in client.get(question.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_recent_comments_sidebar_and_counts_on_lists(client, user):
    question = answered_question(title="A question with a lively thread?")
    _trusted(user, question)
    services.comment_post(question=question, author=user, body="Fresh sidebar comment")
    question.refresh_from_db()
    html = client.get(reverse("forum:home")).content.decode()
    assert "Fresh sidebar comment" in html
    assert question.comment_count == 1
    assert "· 1 comment" in " ".join(html.split())


@pytest.mark.django_db(transaction=True)
def test_the_reply_email_is_written_with_the_reply_and_rolled_back_with_it(user):
    question = answered_question()
    other = UserFactory()
    _trusted(user, question)
    _trusted(other, question)
    parent = services.comment_post(question=question, author=other, body="First thoughts")
    with pytest.raises(RuntimeError), transaction.atomic():
        services.comment_post(question=question, author=user, body="Rolled back", parent=parent)
        raise RuntimeError
    assert not OutboxEmail.objects.filter(kind="comment_reply").exists()
    services.comment_post(question=question, author=user, body="Kept", parent=parent)
    assert list(OutboxEmail.objects.filter(kind="comment_reply").values_list("to_email", flat=True)) == [other.email]


@pytest.mark.django_db
@pytest.mark.parametrize("count", [0, 10, 200])
def test_question_page_query_count_does_not_grow_with_comments(client, django_assert_max_num_queries, count):
    question = answered_question()
    authors = [UserFactory() for _ in range(5)]
    expert = ExpertProfileFactory()
    parents: list[Comment] = []
    for i in range(count):
        parent = parents[i // 3] if i % 3 and parents else None
        author = expert.user if i % 7 == 0 else authors[i % 5]
        comment = Comment.objects.create(
            question=question, author=author, parent=parent, depth=(parent.depth + 1) if parent else 0,
            body=f"comment {i}", body_html=f"<p>comment {i}</p>", status=Comment.Status.APPROVED,
        )  # fmt: skip
        parents.append(comment)
    Question.objects.filter(pk=question.pk).update(comment_count=count)
    client.force_login(UserFactory())
    with django_assert_max_num_queries(14):
        response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="comment depth-') == count


def _comment_html(html, comment):
    start = html.index(f'id="comment-{comment.pk}"')
    return html[start : html.index("</article>", start)]


@pytest.mark.django_db
def test_an_expert_who_asked_anonymously_comments_as_the_anonymous_asker_not_as_the_expert(client):
    asking_expert = ExpertProfileFactory(public_name="Dr Private Asker", slug="dr-private-asker")
    question = answered_question(author=asking_expert.user, is_anonymous=True)
    comment = services.comment_post(question=question, author=asking_expert.user, body="Thanks, that helps.")
    html = client.get(question.get_absolute_url()).content.decode()
    own = _comment_html(html, comment)
    assert "Thanks, that helps." in own
    assert "Anonymous" in own and "Asker" in own
    assert "Expert" not in own
    assert "Dr Private Asker" not in html
    assert asking_expert.get_absolute_url() not in html


@pytest.mark.django_db
def test_an_expert_who_asked_under_their_name_keeps_the_expert_badge_on_their_comments(client):
    asking_expert = ExpertProfileFactory(public_name="Dr Open Asker")
    question = answered_question(author=asking_expert.user, is_anonymous=False)
    comment = services.comment_post(question=question, author=asking_expert.user, body="Thanks, that helps.")
    own = _comment_html(client.get(question.get_absolute_url()).content.decode(), comment)
    assert "Dr Open Asker" in own and "Expert" in own and "Asker" in own


@pytest.mark.django_db
def test_the_askers_follow_up_comment_emails_the_answering_expert_once():
    from django.core import mail

    from comments import services as comment_services
    from notifications.tasks import sweep_outbox
    from tests.factories import UserFactory, answered_question

    asker = UserFactory()
    question = answered_question(author=asker)
    Comment.objects.create(question=question, author=asker, body="first", body_html="first", status="approved")
    expert_email = question.answer.expert.user.email
    follow_up = comment_services.comment_post(question=question, author=asker, body="It helped, and one more thing…")
    assert follow_up.status == Comment.Status.APPROVED
    comment_services.comment_post(question=question, author=UserFactory(), body="A reader's comment, not the asker's")
    sweep_outbox.apply()
    sweep_outbox.apply()
    to_expert = [m for m in mail.outbox if m.to == [expert_email]]
    assert len(to_expert) == 1 and f"#comment-{follow_up.pk}" in to_expert[0].body
