from datetime import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Answer(models.Model):
    """The expert's answer to a question; publishing it makes the Q&A public."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("With a second clinician")
        RETURNED = "returned", _("Returned to its author")
        PUBLISHED = "published", _("Published")

    question = models.OneToOneField("forum.Question", on_delete=models.CASCADE, related_name="answer")
    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.PROTECT, related_name="answers")
    body = models.TextField(_("answer"))
    body_html = models.TextField(editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    last_reviewed_at = models.DateTimeField(_("last reviewed at"), null=True, blank=True)
    # Second-clinician review (experts.services.reviews): when it was sent, who approved it, the notes of the
    # reviewer who returned it (for its author only).
    submitted_at = models.DateTimeField(_("sent for review"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "experts.ExpertProfile", on_delete=models.SET_NULL, null=True, blank=True, related_name="reviewed_answers",
        verbose_name=_("reviewed by"),
    )  # fmt: skip
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_notes = models.TextField(_("reviewer's notes"), blank=True)
    # Peer agreement after publication (experts.services.peers): how many other clinicians agree, and since when
    # a concern raised by one of them waits for the author's revision or review.
    agreement_count = models.PositiveIntegerField(_("clinicians who agree"), default=0)
    concern_raised_at = models.DateTimeField(_("concern raised at"), null=True, blank=True)
    # The asker said it answered their question, and may have thanked the expert (the thanks are the expert's).
    accepted_at = models.DateTimeField(_("marked as answering the question"), null=True, blank=True)
    thanks = models.TextField(_("the asker's thanks"), blank=True, max_length=1000)
    thanked_at = models.DateTimeField(_("thanked at"), null=True, blank=True)
    # Readers' answers to "Did this answer help you?" (forum.services.feedback), kept with each vote.
    helpful_count = models.PositiveIntegerField(_("helped"), default=0)
    unhelpful_count = models.PositiveIntegerField(_("did not help"), default=0)
    # The latest public change note, shown under the answer ("Updated 3 March 2027 by …: …"); every version and
    # its note are kept in AnswerRevision.
    change_note = models.CharField(_("latest change note"), max_length=300, blank=True)
    change_note_by = models.CharField(_("changed by"), max_length=140, blank=True)
    change_note_at = models.DateTimeField(_("changed at"), null=True, blank=True)
    # Kinds of personal detail its words seem to hold (forum.screening), kept by the services for moderators.
    personal_details = ArrayField(
        models.CharField(max_length=20), verbose_name=_("may contain personal details"), default=list, blank=True
    )
    # The evidence the expert cites, in order: [{"kind": "pmid" | "doi" | "url", "id": ..., "url": ...}]
    # (forum.sources parses and checks what the expert types).
    sources = models.JSONField(_("sources"), default=list, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["expert", "-published_at"], name="answer_expert_published")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="answer_published_has_date",
            ),
            models.CheckConstraint(  # a second clinician is never the author
                condition=models.Q(reviewed_by__isnull=True) | ~models.Q(reviewed_by=models.F("expert")),
                name="answer_not_reviewed_by_its_author",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer to #{self.question_id}"

    @property
    def next_review_due(self) -> datetime | None:
        """When the answer should be re-reviewed: its last review plus its topic's interval."""
        if self.last_reviewed_at is None:
            return None
        return self.last_reviewed_at + self.question.category.review_interval


class AnswerRevision(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField()
    # What changed, shown under the answer ("Updated 3 March 2027 by …: …"); empty for the first version.
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    editor_name = models.CharField(_("updated by"), max_length=140, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.answer_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class AnswerFeedback(models.Model):
    """One reader's answer to "Did this answer help you?", with a reason when it did not. One per reader and
    answer: a signed-in reader by account, an anonymous one by a keyed hash of their session (never an address)."""

    class Reason(models.TextChoices):
        NOT_ANSWERED = "not_answered", _("It did not answer the question")
        HARD = "hard", _("It was hard to understand")
        MORE = "more", _("I needed more detail")
        OUTDATED = "outdated", _("It seems out of date or wrong")
        OTHER = "other", _("Something else")

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="feedback")
    helped = models.BooleanField(_("helped"))
    reason = models.CharField(_("why not"), max_length=20, choices=Reason.choices, blank=True)
    voter = models.CharField(max_length=80)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer feedback")
        verbose_name_plural = _("answer feedback")
        constraints = [
            models.UniqueConstraint(fields=["answer", "voter"], name="answer_feedback_once_per_reader"),
            models.CheckConstraint(condition=models.Q(helped=True) | ~models.Q(reason=""), name="unhelpful_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{'helped' if self.helped else 'did not help'}: answer {self.answer_id}"
