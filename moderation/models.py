from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Report(models.Model):
    """A signed-in user's flag on a question, answer or comment."""

    class Reason(models.TextChoices):
        PERSONAL_DATA = "personal", _("It reveals someone's personal details")
        HARMFUL = "harmful", _("It could be harmful or is medically dangerous")
        ABUSE = "abuse", _("It is rude, abusive or discriminatory")
        SPAM = "spam", _("It is advertising or spam")
        WRONG = "wrong", _("It is out of date or wrong")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DISMISSED = "dismissed", _("Dismissed")
        ACTIONED = "actioned", _("Content removed")

    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    details = models.TextField(_("details"), blank=True, max_length=1000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        db_table = "forum_report"  # created by the forum app, moved here
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="report_status_created")]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "content_type", "object_id"],
                condition=models.Q(status="open"),
                name="report_one_open_per_user_and_item",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on {self.content_type.model} #{self.object_id}"


class ContactMessage(models.Model):
    """A message to the moderators from the contact form: stored, emailed to them, handled in the console."""

    class Topic(models.TextChoices):
        QUESTION = "question", _("About my question or account")
        ACCESSIBILITY = "accessibility", _("Something is hard to use")
        CONTENT = "content", _("About something published here")
        PRIVACY = "privacy", _("My personal data")
        OTHER = "other", _("Something else")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+")  # fmt: skip
    name = models.CharField(_("your name"), max_length=100, blank=True)
    email = models.EmailField(_("your email address"))
    topic = models.CharField(_("about"), max_length=20, choices=Topic.choices, default=Topic.OTHER)
    message = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("message to the moderators")
        verbose_name_plural = _("messages to the moderators")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Message #{self.pk} ({self.topic})"
