from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Comment(models.Model):
    """A reader's comment under a public Q&A, threaded to a limited depth."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Held for moderation")
        APPROVED = "approved", _("Published")
        REMOVED = "removed", _("Removed by moderators")

    question = models.ForeignKey("forum.Question", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    depth = models.PositiveSmallIntegerField(default=0)
    body = models.TextField(_("comment"), max_length=4000)
    body_html = models.TextField(editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    is_deleted = models.BooleanField(_("deleted by its author"), default=False)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, editable=False)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    # Kinds of personal detail its words seem to hold (forum.screening), kept by the services for moderators.
    personal_details = ArrayField(
        models.CharField(max_length=20), verbose_name=_("may contain personal details"), default=list, blank=True
    )

    class Meta:
        db_table = "forum_comment"  # created by the forum app, moved here
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["question", "created_at"], name="comment_question_created"),
            models.Index(fields=["status", "created_at"], name="comment_status_created"),
            models.Index(fields=["-created_at"], name="comment_recent_public", condition=models.Q(status="approved")),
            models.Index(fields=["author", "-created_at"], name="comment_author_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "approved", "removed"]), name="comment_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Comment #{self.pk} on #{self.question_id}"

    def get_absolute_url(self) -> str:
        return f"{reverse('forum:question_noslug', kwargs={'pk': self.question_id})}#comment-{self.pk}"

    @property
    def is_visible_text(self) -> bool:
        return self.status == self.Status.APPROVED and not self.is_deleted
