"""Second-clinician review before publication: the policy, the states draft → in review → published or
returned, claims decided by the database, never the author, "Reviewed by" on the page, audit and emails."""

import threading

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from core.models import AuditLog
from experts.models import ReviewClaim, ReviewPolicy
from experts.services import reviews
from experts.services.answers import answer_publish, answer_save_draft
from forum.models import Answer, Question
from notifications.tasks import sweep_outbox
from search.models import SynonymGroup
from tests.factories import CategoryFactory, ExpertProfileFactory, QuestionFactory

BODY = "Most people find the first weeks of a new treatment the hardest; keep a symptom diary to share. " * 2


def reviewed_topic():
    category = CategoryFactory(name="Treatments")
    ReviewPolicy.current().categories.add(category)
    return category


def waiting(category=None, **kwargs):
    return QuestionFactory(status=Question.Status.APPROVED, approved_at=timezone.now(),
                           **({"category": category} if category else {}), **kwargs)  # fmt: skip


def emails_to(address: str) -> list[mail.EmailMessage]:
    sweep_outbox.apply()
    return [m for m in mail.outbox if address in m.to]


@pytest.mark.django_db
def test_without_a_policy_an_answer_is_published_at_once(expert):
    answer = answer_publish(question=waiting(), expert_user=expert.user, body=BODY)
    assert answer.status == Answer.Status.PUBLISHED and answer.reviewed_by is None


@pytest.mark.django_db
def test_each_kind_of_policy_sends_an_answer_to_review():
    expert = ExpertProfileFactory()
    policy = ReviewPolicy.current()
    assert reviews.reasons_for_review(waiting(), expert, BODY) == []
    topic = reviewed_topic()
    assert reviews.reasons_for_review(waiting(topic), expert, BODY) == ["category"]
    SynonymGroup.objects.create(terms="Kesimpta, ofatumumab", note="Brand and generic name", is_medicine=True)
    SynonymGroup.objects.create(terms="tiredness, fatigue", note="Everyday word")
    policy.medicines = True
    policy.first_answers = 1
    policy.save()
    assert reviews.reasons_for_review(waiting(), expert, "Ofatumumab is given monthly. " + BODY) == [
        "medicine", "first_answers"
    ]  # fmt: skip
    assert "medicine" not in reviews.reasons_for_review(waiting(), expert, "Fatigue is common. " + BODY)
    answer_publish(question=waiting(), expert_user=expert.user, body="Fatigue " + BODY)  # goes to review: first
    Answer.objects.filter(expert=expert).update(status=Answer.Status.PUBLISHED, published_at=timezone.now())
    assert reviews.reasons_for_review(waiting(), expert, BODY) == []  # one published: no longer among the first
    policy.every_answer = True
    policy.save()
    assert reviews.reasons_for_review(waiting(), expert, BODY) == ["every_answer"]


@pytest.mark.django_db
def test_return_revise_approve_publishes_with_the_reviewer_named(client):
    author, reviewer = ExpertProfileFactory(), ExpertProfileFactory(public_name="Dr Second Reader")
    topic = reviewed_topic()
    reviewer.specialties.add(topic)
    question = waiting(topic)
    answer = answer_publish(question=question, expert_user=author.user, body=BODY)
    question.refresh_from_db()
    assert answer.status == Answer.Status.IN_REVIEW and question.status == Question.Status.APPROVED
    assert client.get(question.get_absolute_url()).status_code == 404  # patients see nothing yet
    invited = emails_to(reviewer.user.email)
    assert len(invited) == 1 and reverse("experts:review", args=[answer.pk]) in invited[0].body
    assert emails_to(author.user.email) == []  # never asked to review their own

    reviews.review_claim(answer=answer, reviewer_user=reviewer.user)
    with pytest.raises(Exception, match="notes"):
        reviews.review_return(answer=answer, reviewer_user=reviewer.user, notes="  ")
    reviews.review_return(answer=answer, reviewer_user=reviewer.user, notes="Please add when to call the MS nurse.")
    answer.refresh_from_db()
    assert answer.status == Answer.Status.RETURNED and not ReviewClaim.objects.exists()
    returned = [m for m in emails_to(author.user.email) if "came back from review" in m.subject]
    assert len(returned) == 1 and "call the MS nurse" in returned[0].body

    answer = answer_publish(question=question, expert_user=author.user, body=BODY + " Call your MS nurse if unsure.")
    assert answer.status == Answer.Status.IN_REVIEW and answer.review_notes  # the notes stay for the reviewer
    assert len(emails_to(reviewer.user.email)) == 2  # sent for review again
    reviews.review_approve(answer=answer, reviewer_user=reviewer.user)
    answer.refresh_from_db()
    question.refresh_from_db()
    assert answer.status == Answer.Status.PUBLISHED and answer.reviewed_by == reviewer and answer.reviewed_at
    assert question.status == Question.Status.ANSWERED
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Reviewed by" in page and "Dr Second Reader" in page and reviewer.get_absolute_url() in page
    assert any("approved" in m.subject for m in emails_to(author.user.email))
    actions = list(AuditLog.objects.filter(target_id=answer.pk, target_type="forum.answer")
                   .order_by("id").values_list("action", flat=True))  # fmt: skip
    assert actions == ["answer.submit_for_review", "answer.review_claim", "answer.review_return",
                       "answer.submit_for_review", "answer.review_claim", "answer.review_approve"]  # fmt: skip


@pytest.mark.django_db
def test_an_expert_can_never_review_their_own_answer():
    author = ExpertProfileFactory()
    answer = answer_publish(question=waiting(reviewed_topic()), expert_user=author.user, body=BODY)
    for attempt in (reviews.review_claim, reviews.review_approve):
        with pytest.raises(reviews.OwnAnswer):
            attempt(answer=answer, reviewer_user=author.user)
    with pytest.raises(reviews.OwnAnswer):
        reviews.review_return(answer=answer, reviewer_user=author.user, notes="Fine")
    with pytest.raises(IntegrityError), transaction.atomic():  # and the database refuses it whatever the code does
        ReviewClaim.objects.create(answer=answer, reviewer=author, author=author, expires_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.filter(pk=answer.pk).update(reviewed_by=author)


@pytest.mark.django_db
def test_others_cannot_answer_a_question_whose_answer_is_in_review_and_saving_takes_it_back():
    author, other = ExpertProfileFactory(), ExpertProfileFactory()
    question = waiting(reviewed_topic())
    answer = answer_publish(question=question, expert_user=author.user, body=BODY)
    with pytest.raises(Exception, match="in review"):
        answer_publish(question=question, expert_user=other.user, body=BODY)
    from experts.selectors import dashboard_queue, review_queue

    assert question not in dashboard_queue(other) and answer in review_queue(other)
    assert answer not in review_queue(author)
    reviews.review_claim(answer=answer, reviewer_user=other.user)
    answer_save_draft(question=question, expert_user=author.user, body=BODY + " More.")
    answer.refresh_from_db()
    assert answer.status == Answer.Status.DRAFT and not ReviewClaim.objects.exists()
    with pytest.raises(reviews.ApplicationError):
        reviews.review_approve(answer=answer, reviewer_user=other.user)


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_and_the_author_at_the_same_moment_one_reviewer_wins():
    author, first, second = ExpertProfileFactory(), ExpertProfileFactory(), ExpertProfileFactory()
    answer = answer_publish(question=waiting(reviewed_topic()), expert_user=author.user, body=BODY)
    outcomes: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(3)

    def attempt(profile):
        try:
            barrier.wait(timeout=10)
            reviews.review_claim(answer=answer, reviewer_user=profile.user)
            result = "won"
        except reviews.ReviewTaken:
            result = "lost"
        except reviews.OwnAnswer:
            result = "own"
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    for _ in range(5):  # repeat to give the race real chances
        ReviewClaim.objects.all().delete()
        outcomes.clear()
        barrier.reset()
        threads = [threading.Thread(target=attempt, args=(p,)) for p in (author, first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert sorted(outcomes) == ["lost", "own", "won"]
        claim = ReviewClaim.objects.get(answer=answer)
        assert claim.reviewer in (first, second) and claim.reviewer != author


@pytest.mark.django_db
def test_the_review_pages_are_for_other_verified_experts(client):
    author, reviewer = ExpertProfileFactory(), ExpertProfileFactory()
    answer = answer_publish(question=waiting(reviewed_topic()), expert_user=author.user, body=BODY)
    url = reverse("experts:review", args=[answer.pk])
    client.force_login(author.user)
    assert client.get(url).status_code == 403
    assert client.post(reverse("experts:review_claim", args=[answer.pk])).status_code == 403
    client.force_login(reviewer.user)
    dashboard = client.get(reverse("experts:dashboard")).content.decode()
    assert "Answers waiting for a second clinician" in dashboard and answer.question.title in dashboard
    assert client.post(reverse("experts:review_claim", args=[answer.pk])).status_code == 302
    page = client.get(url).content.decode()
    assert "You are reviewing this answer" in page and BODY[:40] in page
    refused = client.post(url, {"return": "1", "notes": ""})
    assert refused.status_code == 400
    assert client.post(url, {"approve": "1"}).status_code == 302
    assert Answer.objects.get(pk=answer.pk).status == Answer.Status.PUBLISHED


@pytest.mark.django_db
def test_moderators_set_the_policy_in_the_console_and_it_is_audited(client, moderator):
    topic = CategoryFactory(name="Relapses")
    client.force_login(moderator)
    listing = client.get(reverse("admin:experts_reviewpolicy_changelist"))
    policy = ReviewPolicy.current()
    assert listing.status_code == 302 and listing["Location"] == reverse(
        "admin:experts_reviewpolicy_change", args=[policy.pk]
    )
    response = client.post(reverse("admin:experts_reviewpolicy_change", args=[policy.pk]),
                           {"categories": [topic.pk], "first_answers": "3", "medicines": "on"})  # fmt: skip
    assert response.status_code == 302
    policy.refresh_from_db()
    assert list(policy.categories.all()) == [topic] and policy.first_answers == 3 and policy.medicines
    entry = AuditLog.objects.get(action="review_policy.edit")
    assert entry.after["first_answers"] == "3" and entry.actor == moderator
