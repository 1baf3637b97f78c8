import pytest

from accounts.models import User
from comments.models import Comment
from core.models import AuditLog
from experts.models import ExpertProfile
from forum.models import Answer, Question
from moderation.services import SpamRemovalRefused, spam_account_remove
from tests.factories import ExpertProfileFactory, UserFactory, answered_question


def _comment(question, author, body, parent=None):
    comment = Comment.objects.create(
        question=question, author=author, parent=parent, depth=parent.depth + 1 if parent else 0,
        body=body, body_html=f"<p>{body}</p>", status=Comment.Status.APPROVED,
    )  # fmt: skip
    Question.objects.filter(pk=question.pk).update(comment_count=question.comments.filter(status="approved").count())
    return comment


@pytest.mark.django_db
def test_an_expert_with_answers_is_refused_with_a_clear_error_and_nothing_is_deleted(moderator):
    expert = ExpertProfileFactory()
    question = answered_question(expert=expert)
    _comment(question, expert.user, "A follow-up note")
    with pytest.raises(SpamRemovalRefused, match="has answers .* Suspend the expert profile instead"):
        spam_account_remove(account=expert.user, moderator=moderator)
    assert User.objects.filter(pk=expert.user.pk).exists()
    assert Answer.objects.filter(question=question, expert=expert).exists()
    assert Comment.objects.filter(author=expert.user).exists()
    assert not AuditLog.objects.filter(action="account.remove_spam").exists()


@pytest.mark.django_db
def test_an_expert_applicant_without_answers_can_be_removed_as_spam(moderator):
    applicant = ExpertProfileFactory(status=ExpertProfile.Status.APPLIED)
    spam_account_remove(account=applicant.user, moderator=moderator)
    assert not ExpertProfile.objects.filter(pk=applicant.pk).exists()


@pytest.mark.django_db
def test_other_peoples_replies_to_the_spam_comments_stay_and_the_count_stays_right(client, moderator):
    spammer, reader, other = UserFactory(), UserFactory(), UserFactory()
    question = answered_question()
    root = _comment(question, reader, "A reader's question about pacing")
    spam = _comment(question, spammer, "Buy cheap pills", parent=root)
    reply = _comment(question, other, "Please do not buy pills online", parent=spam)
    spam_thread = _comment(question, spammer, "More pills here")
    spam_follow_up = _comment(question, spammer, "Even more pills", parent=spam_thread)
    spam_on_spam_with_reply = _comment(question, spammer, "Pills pills", parent=spam_follow_up)
    deep_reply = _comment(question, other, "Reported this", parent=spam_on_spam_with_reply)
    lonely_spam = _comment(question, spammer, "Lonely pills")

    removed = spam_account_remove(account=spammer, moderator=moderator)

    assert removed == {"questions": 0, "comments": 5}
    assert set(Comment.objects.filter(author__isnull=False)) == {root, reply, deep_reply}
    assert not Comment.objects.filter(pk=lonely_spam.pk).exists()
    for placeholder in Comment.objects.filter(author__isnull=True):
        assert placeholder.status == Comment.Status.REMOVED
        assert placeholder.body == "" and placeholder.body_html == ""
    question.refresh_from_db()
    assert question.comment_count == 3
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Please do not buy pills online" in html and "Reported this" in html
    for spam_text in ("Buy cheap pills", "More pills here", "Even more pills", "Pills pills", "Lonely pills"):
        assert spam_text not in html
