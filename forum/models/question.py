from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class QuestionQuerySet(models.QuerySet["Question"]):
    def public(self) -> "QuestionQuerySet":
        return self.filter(status=Question.Status.ANSWERED)


class Question(models.Model):
    """A patient's question. Public only once an answer is published."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPROVED = "approved", _("Approved, waiting for an expert")
        NEEDS_INFO = "needs_info", _("The expert asked the asker for more information")
        ANSWERED = "answered", _("Answered")
        REJECTED = "rejected", _("Not published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions"
    )
    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    body = models.TextField(_("details"))
    body_html = models.TextField(editable=False)
    category = models.ForeignKey("forum.Category", on_delete=models.PROTECT, related_name="questions")
    tags = models.ManyToManyField("forum.Tag", related_name="questions", blank=True)
    is_anonymous = models.BooleanField(_("show my name as Anonymous"), default=True)
    consented_at = models.DateTimeField(_("consent to publish given at"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.TextField(_("reason for not publishing"), blank=True)
    is_spam = models.BooleanField(_("marked as spam"), default=False)
    # What the question may need at once (forum.triage), set when it is submitted: kinds, never the words.
    triage = ArrayField(models.CharField(max_length=20), verbose_name=_("may need help now"), default=list, blank=True)
    # Kinds of personal detail its words seem to hold (forum.screening), kept by the services for moderators.
    personal_details = ArrayField(
        models.CharField(max_length=20), verbose_name=_("may contain personal details"), default=list, blank=True
    )
    comments_closed = models.BooleanField(_("comments closed"), default=False)
    # Published comments, kept by the comment services so lists need no extra query.
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    # Title (A), tags (B), details (C) and answer (D), kept current by forum.search_index.refresh_vectors.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    # Copied from the answer when it is published: archives and lists sort and
    # group by it without a join.
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]
        permissions = [("moderate_question", "Can approve, reject and redact questions")]
        indexes = [
            models.Index(
                fields=["-answered_at", "-id"], name="question_public_recent", condition=models.Q(status="answered")
            ),
            models.Index(
                fields=["category", "-answered_at", "-id"],
                name="question_public_category",
                condition=models.Q(status="answered"),
            ),
            models.Index(fields=["status", "created_at"], name="question_status_created"),
            models.Index(fields=["author", "-created_at"], name="question_author_created"),
            GinIndex(fields=["search_vector"], name="question_search", condition=models.Q(status="answered")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["pending", "approved", "needs_info", "answered", "rejected", "withdrawn"]
                ),
                name="question_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="answered") | models.Q(answered_at__isnull=False),
                name="question_answered_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(rejection_reason=""),
                name="question_rejected_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:question", kwargs={"pk": self.pk, "slug": self.slug or "q"})

    @staticmethod
    def slug_for(title: str) -> str:
        """The address words of a question with this title."""
        return slugify(title)[:80].strip("-") or "question"

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.ANSWERED

    @property
    def comments_open(self) -> bool:
        """Open unless closed by a moderator or older than FORUM_COMMENTS_OPEN_DAYS (the nightly task agrees)."""
        if self.comments_closed or not self.is_public or self.answered_at is None:
            return False
        return timezone.now() < self.answered_at + timedelta(days=settings.FORUM_COMMENTS_OPEN_DAYS)

    @property
    def asker_name(self) -> str:
        """The only name public pages may show for the asker."""
        if self.author_id is None:
            return str(_("Deleted user"))
        if self.is_anonymous or not self.author or not self.author.display_name:
            return str(_("Anonymous"))
        return self.author.display_name


class QuestionRevision(models.Model):
    """One edit of a question's text: by the asker while pending, or a moderator's redaction."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    title_before = models.CharField(max_length=160)
    body_before = models.TextField()
    title_after = models.CharField(max_length=160)
    body_after = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("question revision")
        verbose_name_plural = _("question revisions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.question_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class InformationRequest(models.Model):
    """An expert's private question to the asker before answering, and the asker's reply. Neither is ever
    public; the question waits in "needs information" until the asker replies (or the wait ends)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="information_requests")
    expert = models.ForeignKey(
        "experts.ExpertProfile", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("expert")
    )
    message = models.TextField(_("the expert's question"), max_length=2000)
    reply = models.TextField(_("the asker's reply"), blank=True, max_length=4000)
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for more information")
        verbose_name_plural = _("requests for more information")
        ordering = ["asked_at", "id"]

    def __str__(self) -> str:
        return f"Request on #{self.question_id} at {self.asked_at:%Y-%m-%d %H:%M}"
