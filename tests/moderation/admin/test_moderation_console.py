import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, transaction
from django.urls import reverse

from comments.models import Comment
from core.models import AuditLog
from core.roles import MODERATOR_PERMISSIONS
from experts.models import ExpertProfile
from forum.models import Question, QuestionRevision
from moderation.models import Report
from tests.factories import ExpertProfileFactory, QuestionFactory, UserFactory, answered_question


def _action(client, model, action, ids, **extra):
    return client.post(reverse(f"admin:forum_{model}_changelist"), {"action": action, "_selected_action": ids, **extra})


@pytest.mark.django_db
def test_moderators_group_has_exactly_the_moderation_permissions(moderator):
    group = Group.objects.get(name="Moderators")
    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    expected = {f"{app}.{code}" for app, codes in MODERATOR_PERMISSIONS.items() for code in codes}
    assert granted == expected
    assert not any(code.startswith("delete_") for code in granted)
    assert "accounts.change_user" not in granted
    assert not moderator.is_superuser


@pytest.mark.django_db
def test_admin_index_shows_counts_of_waiting_work(client, moderator):
    QuestionFactory.create_batch(3)
    ExpertProfileFactory(status="applied")
    Comment.objects.create(question=answered_question(), author=UserFactory(), body="held", body_html="held")
    Report.objects.create(
        reporter=UserFactory(), content_type=ContentType.objects.get_for_model(Question), object_id=1, reason="spam"
    )
    client.force_login(moderator)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Questions awaiting review" in html
    waiting = html.split('id="moderation-waiting"')[1].split("</table>")[0]
    counts = [cell.split("</td>")[0] for cell in waiting.split('class="count">')[1:]]
    assert counts == ["3", "1", "1", "1"]


@pytest.mark.django_db
def test_moderator_cannot_manage_passwords_or_edit_users(client, moderator):
    patient = UserFactory()
    client.force_login(moderator)
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_user_password_change", args=[patient.pk])).status_code in (403, 404)
    assert client.post(reverse("admin:accounts_user_change", args=[patient.pk]), {"email": "x@y.z"}).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


@pytest.mark.django_db
def test_audit_log_is_read_only_in_the_admin_and_in_the_database(client, moderator, user):
    question = QuestionFactory()
    from forum.services.questions import question_approve

    question_approve(question=question, moderator=moderator)
    entry = AuditLog.objects.get(action="question.approve")
    client.force_login(moderator)
    assert client.get(reverse("admin:core_auditlog_changelist")).status_code == 200
    assert client.post(reverse("admin:core_auditlog_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    assert client.post(reverse("admin:core_auditlog_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditLog.objects.filter(pk=entry.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditLog.objects.filter(pk=entry.pk).update(reason="rewritten")
    assert AuditLog.objects.get(pk=entry.pk).reason == ""


@pytest.mark.django_db
def test_deleting_an_account_keeps_its_audit_rows_with_the_actor_cleared(moderator):
    from forum.services.questions import question_approve

    question_approve(question=QuestionFactory(), moderator=moderator)
    moderator.delete()
    entry = AuditLog.objects.get(action="question.approve")
    assert entry.actor is None


@pytest.mark.django_db
def test_approve_action_approves_and_audits(client, moderator):
    questions = QuestionFactory.create_batch(2)
    client.force_login(moderator)
    _action(client, "question", "approve", [q.pk for q in questions])
    assert set(Question.objects.values_list("status", flat=True)) == {"approved"}
    assert AuditLog.objects.filter(action="question.approve", actor=moderator).count() == 2


@pytest.mark.django_db
def test_reject_action_asks_for_a_reason_that_reaches_the_patient(client, moderator):
    question = QuestionFactory()
    client.force_login(moderator)
    form = _action(client, "question", "reject_with_reason", [question.pk])
    assert form.status_code == 200 and "The asker sees this reason" in form.content.decode()
    question.refresh_from_db()
    assert question.status == "pending"
    empty = _action(client, "question", "reject_with_reason", [question.pk], apply="1", reason="")
    assert empty.status_code == 200
    _action(client, "question", "reject_with_reason", [question.pk], apply="1", reason="Please ask your GP.")
    question.refresh_from_db()
    assert question.status == "rejected" and question.rejection_reason == "Please ask your GP."
    assert AuditLog.objects.get(action="question.reject").reason == "Please ask your GP."
    client.force_login(question.author)
    assert "Please ask your GP." in client.get(reverse("forum:my_questions")).content.decode()


@pytest.mark.django_db
def test_mark_spam_action(client, moderator):
    question = QuestionFactory()
    client.force_login(moderator)
    _action(client, "question", "mark_spam", [question.pk])
    question.refresh_from_db()
    assert question.is_spam and question.status == "rejected"
    assert AuditLog.objects.filter(action="question.spam", target_id=question.pk).exists()


@pytest.mark.django_db
def test_redaction_in_the_admin_requires_a_reason_and_keeps_history(client, moderator):
    question = QuestionFactory(body="Call me on 07700 900123 about my relapse, it has been hard lately.")
    client.force_login(moderator)
    url = reverse("admin:forum_question_change", args=[question.pk])
    data = {
        "title": question.title, "body": "Call me on [removed] about my relapse, it has been hard lately.",
        "category": question.category_id, "redaction_reason": "",
        "revisions-TOTAL_FORMS": "0", "revisions-INITIAL_FORMS": "0",
        "information_requests-TOTAL_FORMS": "0", "information_requests-INITIAL_FORMS": "0",
        "forum-redaction-content_type-object_id-TOTAL_FORMS": "0",
        "forum-redaction-content_type-object_id-INITIAL_FORMS": "0",
    }  # fmt: skip
    refused = client.post(url, data)
    assert refused.status_code == 200 and "Say why you edited" in refused.content.decode()
    response = client.post(url, {**data, "redaction_reason": "Removed a phone number"})
    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert "[removed]" in question.body and "[removed]" in question.body_html
    assert not QuestionRevision.objects.filter(question=question).exists()  # no copy of the removed number
    assert AuditLog.objects.filter(action="question.redact", reason="Removed a phone number").exists()
    history = client.get(url).content.decode()
    assert "Redactions" in history and "Removed a phone number" in history and "a phone number" in history
    assert "07700" not in history


@pytest.mark.django_db
def test_expert_application_actions(client, moderator):
    applied = ExpertProfileFactory(status="applied")
    client.force_login(moderator)
    client.post(reverse("admin:experts_expertprofile_changelist"),
                {"action": "verify", "_selected_action": [applied.pk]})  # fmt: skip
    applied.refresh_from_db()
    assert applied.status == "verified"
    client.post(reverse("admin:experts_expertprofile_changelist"),
                {"action": "suspend", "_selected_action": [applied.pk]})  # fmt: skip
    applied.refresh_from_db()
    assert applied.status == ExpertProfile.Status.SUSPENDED
    assert AuditLog.objects.filter(action__in=["expert.verify", "expert.suspend"]).count() == 2
    page = client.get(reverse("admin:experts_expertprofile_changelist")).content.decode()
    assert "Licence expiry" in page or "licence expiry" in page.lower()


@pytest.mark.django_db
def test_spam_account_removal_deletes_the_account_and_content_and_logs_it(client, moderator):
    spammer = UserFactory(display_name="Buy pills")
    QuestionFactory.create_batch(3, author=spammer)
    keep = QuestionFactory()
    public = answered_question()
    for body in ("Cheap pills", "More pills"):
        Comment.objects.create(question=public, author=spammer, body=body, body_html=body, status="approved")
    Question.objects.filter(pk=public.pk).update(comment_count=2)
    client.force_login(moderator)
    client.post(reverse("admin:accounts_user_changelist"),
                {"action": "remove_spam_accounts", "_selected_action": [spammer.pk]})  # fmt: skip
    assert not type(spammer).objects.filter(pk=spammer.pk).exists()
    assert set(Question.objects.all()) == {keep, public}
    assert not Comment.objects.exists()
    public.refresh_from_db()
    assert public.comment_count == 0
    entry = AuditLog.objects.get(action="account.remove_spam")
    assert entry.before == {"questions": 3, "comments": 2} and entry.actor == moderator


@pytest.mark.django_db
def test_staff_accounts_cannot_be_removed_as_spam(client, moderator):
    other_staff = UserFactory(is_staff=True)
    client.force_login(moderator)
    client.post(reverse("admin:accounts_user_changelist"),
                {"action": "remove_spam_accounts", "_selected_action": [other_staff.pk]})  # fmt: skip
    assert type(other_staff).objects.filter(pk=other_staff.pk).exists()


@pytest.mark.django_db
def test_removing_an_expert_with_answers_as_spam_shows_the_reason_instead_of_failing(client, moderator):
    expert = ExpertProfileFactory(public_name="Dr Busy")
    answered_question(expert=expert)
    client.force_login(moderator)
    response = client.post(reverse("admin:accounts_user_changelist"),
                           {"action": "remove_spam_accounts", "_selected_action": [expert.user.pk]},
                           follow=True)  # fmt: skip
    assert response.status_code == 200
    assert "has answers and cannot be removed as spam" in response.content.decode()
    assert type(expert.user).objects.filter(pk=expert.user.pk).exists()


@pytest.mark.django_db
def test_staff_without_the_moderators_group_cannot_moderate(client):
    staff = UserFactory(is_staff=True)
    question = QuestionFactory()
    client.force_login(staff)
    assert client.get(reverse("admin:forum_question_changelist")).status_code == 403
    _action(client, "question", "approve", [question.pk])
    question.refresh_from_db()
    assert question.status == "pending"


@pytest.mark.django_db
def test_admin_pages_need_a_staff_login(client):
    question = answered_question()
    assert client.get(reverse("admin:forum_question_change", args=[question.pk])).status_code == 302
