"""Experts' writes for answers: drafts, publishing (which makes the Q&A public, or sends the answer to a second
clinician: experts.services.reviews), revisions and reviews."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.audit import audit_record
from core.cache import invalidate
from core.errors import ApplicationError
from core.markdown import render_markdown
from core.text import normalize_text
from experts import permissions as expert_permissions
from experts.models import ReviewClaim
from experts.services import peers, reviews
from experts.services.claims import ClaimTaken, active_claim
from experts.services.publishing import publish
from forum import emails, permissions, scopes, screening, search_index
from forum.models import Answer, AnswerRevision, Question
from forum.services.questions import TransitionError


def _check_can_write(question: Question, expert_user: User) -> None:
    permissions.check(expert_permissions.can_use_dashboard(expert_user))
    if question.status != Question.Status.APPROVED:
        raise TransitionError(f"A {question.status} question cannot be answered.")
    claim = active_claim(question)
    if claim is not None and claim.expert_id != expert_user.expert_profile.pk:
        raise ClaimTaken(claim)
    taken = Answer.objects.filter(question=question, status__in=[Answer.Status.IN_REVIEW, Answer.Status.RETURNED])
    if taken.exclude(expert=expert_user.expert_profile).exists():
        raise TransitionError("Another expert's answer to this question is in review.")


@transaction.atomic
def answer_save_draft(
    *, question: Question, expert_user: User, body: str, sources: list[dict[str, str]] | None = None
) -> Answer:
    question = Question.objects.select_for_update().get(pk=question.pk)
    _check_can_write(question, expert_user)
    answer = Answer.objects.filter(question=question).first() or Answer(question=question)
    answer.expert = expert_user.expert_profile
    answer.body = body = normalize_text(body)
    answer.body_html = render_markdown(body)
    answer.personal_details = screening.detail_kinds(body)
    answer.status = Answer.Status.DRAFT  # an answer in review comes back to its author's desk
    if sources is not None:
        answer.sources = sources
    answer.save()
    ReviewClaim.objects.filter(answer=answer).delete()
    return answer


@transaction.atomic
def answer_publish(
    *, question: Question, expert_user: User, body: str, published_at: datetime | None = None,
    sources: list[dict[str, str]] | None = None,
) -> Answer:  # fmt: skip
    """Publish the answer, or, when the review policy asks for a second clinician, send it to review (the
    returned answer's status says which)."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    existing = Answer.objects.filter(question=question).first()
    if question.status == Question.Status.ANSWERED and existing is not None:
        return existing
    _check_can_write(question, expert_user)
    answer = existing or Answer(question=question)
    mine = answer.expert_id == expert_user.expert_profile.pk
    if answer.status == Answer.Status.IN_REVIEW and mine and normalize_text(body) == answer.body:
        return answer  # sent twice
    answer.expert = expert_user.expert_profile
    answer.body = body = normalize_text(body)
    answer.body_html = render_markdown(body)
    answer.personal_details = screening.detail_kinds(body)
    if sources is not None:
        answer.sources = sources
    answer.save()
    reasons = reviews.reasons_for_review(question, answer.expert, body)
    if reasons:
        return reviews.submit(answer=answer, expert_user=expert_user, reasons=reasons)
    return publish(question=question, answer=answer, author_user=expert_user, published_at=published_at)


@transaction.atomic
def answer_revise(
    *, answer: Answer, expert_user: User, body: str, note: str = "", sources: list[dict[str, str]] | None = None
) -> Answer:
    """A new version of a published answer, by its author or, when it needs re-review, by another verified expert
    (who must say what changed: the note is shown under the answer). Every version is kept; the review date moves
    on and any concern is settled."""
    answer = (
        Answer.objects.select_for_update(of=("self",))
        .select_related("question__category", "expert__user")
        .get(pk=answer.pk)
    )
    own = expert_permissions.can_revise(expert_user, answer)
    permissions.check(own or expert_permissions.can_rereview(expert_user, answer))
    note = normalize_text(note, multiline=False)
    if not own and not note:
        raise ApplicationError(_("Say what you changed: the note is shown under the answer."))
    before = {"last_reviewed_at": answer.last_reviewed_at.isoformat() if answer.last_reviewed_at else None}
    now = timezone.now()
    answer.body = body = normalize_text(body)
    answer.body_html = render_markdown(body)
    answer.personal_details = screening.detail_kinds(body)
    answer.last_reviewed_at = now
    changed = ["body", "body_html", "personal_details", "last_reviewed_at", "updated_at"]
    if sources is not None:
        answer.sources = sources
        changed.append("sources")
    name = expert_user.expert_profile.display_name
    if note:
        answer.change_note, answer.change_note_by, answer.change_note_at = note, name, now
        changed += ["change_note", "change_note_by", "change_note_at"]
    answer.save(update_fields=changed)
    revision = AnswerRevision.objects.create(answer=answer, editor=expert_user, body=body, note=note,
                                             editor_name=name)  # fmt: skip
    peers.settle_concerns(answer)
    search_index.refresh_vectors([answer.question_id])
    invalidate(*scopes.public_qa(answer.question))
    emails.follow_update(answer.question, kind="revision", actor_id=expert_user.pk, event=str(revision.pk))
    audit_record(actor=expert_user, action="answer.revise" if own else "answer.rereview_revise", target=answer,
                 before=before, after={"revision": revision.pk, "last_reviewed_at": now.isoformat()},
                 reason=note)  # fmt: skip
    return answer


@transaction.atomic
def answer_mark_reviewed(*, answer: Answer, expert_user: User) -> Answer:
    """The author, or another verified expert when the answer needs re-review, confirms it is still correct."""
    answer = (
        Answer.objects.select_for_update(of=("self",))
        .select_related("question__category", "expert__user")
        .get(pk=answer.pk)
    )
    own = expert_permissions.can_revise(expert_user, answer)
    permissions.check(own or expert_permissions.can_rereview(expert_user, answer))
    before = {"last_reviewed_at": answer.last_reviewed_at.isoformat() if answer.last_reviewed_at else None}
    answer.last_reviewed_at = timezone.now()
    answer.save(update_fields=["last_reviewed_at", "updated_at"])
    peers.settle_concerns(answer)
    invalidate(scopes.question(answer.question_id))  # "last reviewed" shows on its page only
    audit_record(actor=expert_user, action="answer.reviewed" if own else "answer.rereview_confirm", target=answer,
                 before=before, after={"last_reviewed_at": answer.last_reviewed_at.isoformat()})  # fmt: skip
    return answer
