import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from core.errors import ApplicationError
from core.models import AuditLog
from experts.services import answers as answer_services
from forum.models import Question, QuestionRevision, Redaction
from forum.services import questions as services
from tests.factories import CategoryFactory, QuestionFactory, TagFactory, UserFactory, answered_question


@pytest.mark.django_db
def test_submit_creates_a_pending_question_with_sanitized_html_and_an_audit_row(user):
    category = CategoryFactory()
    tag = TagFactory()
    question = services.question_submit(
        author=user,
        title="Can heat make my symptoms worse?",
        body="Hot baths leave me **wobbly**. <script>alert(1)</script>",
        category=category,
        tags=[tag],
        consent=True,
    )
    assert question.status == Question.Status.PENDING
    assert question.is_anonymous
    assert "<strong>wobbly</strong>" in question.body_html
    assert "<script" not in question.body_html
    assert list(question.tags.all()) == [tag]
    assert AuditLog.objects.filter(action="question.submit", target_id=question.pk, actor=user).exists()


@pytest.mark.django_db
def test_submit_refuses_an_unverified_email(unverified_user):
    with pytest.raises(PermissionDenied):
        services.question_submit(
            author=unverified_user, title="A question title here?", body="x" * 40,
            category=CategoryFactory(), consent=True,
        )  # fmt: skip


@pytest.mark.django_db
def test_submit_requires_consent(user):
    with pytest.raises(ApplicationError, match="Consent"):
        services.question_submit(
            author=user, title="A question title here?", body="x" * 40, category=CategoryFactory(), consent=False
        )


@pytest.mark.django_db
@pytest.mark.parametrize("body", ["Sudden loss of vision in one eye since this morning.", "Call me on 07700 900123."])
def test_submit_refuses_urgent_or_identifying_text_until_the_asker_acknowledged_the_notes(user, body):
    kwargs = {"author": user, "title": "A question title here?", "body": body, "category": CategoryFactory(),
              "consent": True}  # fmt: skip
    with pytest.raises(services.NeedsAcknowledgement):
        services.question_submit(**kwargs)  # any client, not only the web form, meets the rule
    assert not Question.objects.exists()
    assert services.question_submit(**kwargs, acknowledged=True).status == Question.Status.PENDING


@pytest.mark.django_db
def test_an_escaped_refusal_reaches_the_person_as_a_page_with_its_status(client, user):
    from core.errors import ApplicationError as Refusal
    from core.middleware import ApplicationErrorMiddleware

    request = RequestFactory().get("/")
    request.user = user
    middleware = ApplicationErrorMiddleware(lambda request: None)
    response = middleware.process_exception(request, Refusal("Not now, thank you.", status=409))
    assert response.status_code == 409 and "Not now, thank you." in response.content.decode()


@pytest.mark.django_db
def test_moderator_approves_a_pending_question_and_approving_twice_is_harmless(moderator):
    question = QuestionFactory()
    services.question_approve(question=question, moderator=moderator)
    services.question_approve(question=question, moderator=moderator)
    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED
    assert question.approved_at is not None
    assert AuditLog.objects.filter(action="question.approve", target_id=question.pk).count() == 1


@pytest.mark.django_db
def test_patient_cannot_approve(user):
    with pytest.raises(PermissionDenied):
        services.question_approve(question=QuestionFactory(), moderator=user)


@pytest.mark.django_db
def test_reject_needs_a_reason_and_records_it(moderator):
    question = QuestionFactory()
    with pytest.raises(ApplicationError):
        services.question_reject(question=question, moderator=moderator, reason="  ")
    services.question_reject(question=question, moderator=moderator, reason="Please ask your own neurologist.")
    question.refresh_from_db()
    assert question.status == Question.Status.REJECTED
    assert question.rejection_reason == "Please ask your own neurologist."
    entry = AuditLog.objects.get(action="question.reject", target_id=question.pk)
    assert entry.before == {"status": "pending"} and entry.reason == "Please ask your own neurologist."


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Question.Status.ANSWERED, Question.Status.WITHDRAWN])
def test_published_or_withdrawn_questions_cannot_be_approved_or_rejected(moderator, status):
    question = QuestionFactory(status=status, answered_at="2025-01-01T00:00:00Z")
    with pytest.raises(services.TransitionError):
        services.question_approve(question=question, moderator=moderator)
    with pytest.raises(services.TransitionError):
        services.question_reject(question=question, moderator=moderator, reason="No.")


@pytest.mark.django_db
def test_author_withdraws_only_while_pending():
    question = QuestionFactory()
    services.question_withdraw(question=question, actor=question.author)
    question.refresh_from_db()
    assert question.status == Question.Status.WITHDRAWN
    approved = QuestionFactory(status=Question.Status.APPROVED)
    with pytest.raises(services.TransitionError):
        services.question_withdraw(question=approved, actor=approved.author)


@pytest.mark.django_db
def test_someone_else_cannot_withdraw_a_question():
    question = QuestionFactory()
    with pytest.raises(PermissionDenied):
        services.question_withdraw(question=question, actor=UserFactory())


@pytest.mark.django_db
def test_author_edits_while_pending_and_the_revision_is_kept():
    question = QuestionFactory(title="Old title for my question?")
    services.question_edit(
        question=question, editor=question.author, title="New title for my question?", body="New details " * 5
    )
    question.refresh_from_db()
    assert question.title == "New title for my question?"
    assert question.slug == "new-title-for-my-question"
    revision = QuestionRevision.objects.get(question=question)
    assert revision.title_before == "Old title for my question?"
    assert revision.editor == question.author


@pytest.mark.django_db
def test_moderator_redaction_requires_a_reason_and_is_audited(moderator):
    question = QuestionFactory(status=Question.Status.APPROVED, body="My hospital number is 123 456 7890.")
    with pytest.raises(ApplicationError):
        services.question_edit(question=question, editor=moderator, title=question.title, body="My hospital number")
    services.question_edit(
        question=question, editor=moderator, title=question.title, body="My hospital number is [removed].",
        reason="Removed a record number",
    )  # fmt: skip
    entry = AuditLog.objects.get(action="question.redact", target_id=question.pk)
    assert entry.reason == "Removed a record number"
    assert entry.after == {"fields": ["details"], "kinds": ["record"]}
    assert "123 456 7890" not in str(entry.before) + str(entry.after)  # the audit log never keeps the words
    # The history says who, when, why and what kind; no revision keeps the removed words.
    redaction = Redaction.objects.get(object_id=question.pk)
    assert (redaction.moderator, redaction.kinds) == (moderator, ["record"])
    assert redaction.reason == "Removed a record number"
    assert not QuestionRevision.objects.filter(question=question).exists()


@pytest.mark.django_db
def test_moderator_files_a_published_question_elsewhere(moderator):
    question = answered_question(title="Where does this belong?")
    tag = TagFactory(name="heat")
    target = CategoryFactory(name="Symptoms")
    services.question_edit(question=question, editor=moderator, title=question.title, body=question.body,
                           category=target, tags=[tag], reason="Better topic")  # fmt: skip
    question.refresh_from_db()
    assert question.category == target and list(question.tags.all()) == [tag]
    entry = AuditLog.objects.get(action="question.recategorize", target_id=question.pk)
    assert entry.after["category"] == "Symptoms" and entry.after["tags"] == ["heat"]
    assert not QuestionRevision.objects.filter(question=question).exists()  # the text did not change
    services.question_edit(question=question, editor=moderator, title=question.title, body=question.body,
                           category=target, tags=[tag], reason="Saved again")  # fmt: skip
    assert AuditLog.objects.filter(target_id=question.pk, action__startswith="question.").count() == 1


@pytest.mark.django_db
def test_other_patients_cannot_edit():
    question = QuestionFactory()
    with pytest.raises(PermissionDenied):
        services.question_edit(question=question, editor=UserFactory(), title="Hijacked title?", body="x" * 40)


@pytest.mark.django_db
def test_publishing_an_answer_makes_the_question_public(expert, moderator):
    question = QuestionFactory()
    services.question_approve(question=question, moderator=moderator)
    answer = answer_services.answer_publish(question=question, expert_user=expert.user, body="Yes, *usually*.")
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    assert question.answered_at == answer.published_at
    assert "<em>usually</em>" in answer.body_html
    assert Question.objects.public().filter(pk=question.pk).exists()


@pytest.mark.django_db
def test_a_pending_question_cannot_be_answered(expert):
    with pytest.raises(services.TransitionError):
        answer_services.answer_publish(question=QuestionFactory(), expert_user=expert.user, body="Too early.")


@pytest.mark.django_db
def test_only_verified_experts_publish_answers(user, moderator):
    question = QuestionFactory(status=Question.Status.APPROVED)
    for person in (user, moderator):
        with pytest.raises(PermissionDenied):
            answer_services.answer_publish(question=question, expert_user=person, body="An answer.")
