from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from accounts.models import User


class OutboxEmail(models.Model):
    """An email waiting to be sent, written in the same transaction as the event that caused it.

    `key` is unique per event and recipient, so recording an event twice, running
    the send task twice or sweeping twice still sends one email.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed permanently")

    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=40)
    to_email = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=200)
    body_text = models.TextField()
    body_html = models.TextField()
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        db_table = "forum_outboxemail"  # created by the forum app, moved here
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["next_attempt_at"], name="outbox_due", condition=models.Q(status="pending")),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"


class AlertSubscription(models.Model):
    """Anyone's email alert for new answers: everything, a category or a tag."""

    class Scope(models.TextChoices):
        ALL = "all", _("Everything")
        CATEGORY = "category", _("A topic")
        TAG = "tag", _("A tag")

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As soon as an answer is published")
        DAILY = "daily", _("Once a day")
        WEEKLY = "weekly", _("Once a week")

    email = models.EmailField(_("email address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="alerts"
    )
    scope = models.CharField(_("about"), max_length=10, choices=Scope.choices, default=Scope.ALL)
    category = models.ForeignKey("forum.Category", on_delete=models.CASCADE, null=True, blank=True)
    tag = models.ForeignKey("forum.Tag", on_delete=models.CASCADE, null=True, blank=True)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "forum_alertsubscription"  # created by the forum app, moved here
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        indexes = [
            models.Index(
                fields=["frequency", "scope"],
                name="alert_active",
                condition=models.Q(confirmed_at__isnull=False, unsubscribed_at__isnull=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(scope="all", category__isnull=True, tag__isnull=True)
                    | models.Q(scope="category", category__isnull=False, tag__isnull=True)
                    | models.Q(scope="tag", tag__isnull=False, category__isnull=True)
                ),
                name="alert_scope_matches_target",
            ),
        ]

    def __str__(self) -> str:
        return f"Alert #{self.pk} ({self.scope}, {self.frequency})"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None

    @property
    def topic_label(self) -> str:
        if self.scope == self.Scope.CATEGORY and self.category:
            return self.category.name
        if self.scope == self.Scope.TAG and self.tag:
            return self.tag.name
        return str(_("all new answers"))


class QuestionFollow(models.Model):
    """A signed-in reader follows one Q&A: emails when its answer is revised or a comment is published, at once
    or in one daily summary (pending_* say what the next summary reports)."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("At once")
        DAILY = "daily", _("Once a day")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    question = models.ForeignKey("forum.Question", on_delete=models.CASCADE, related_name="followers")
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY)
    created_at = models.DateTimeField(default=timezone.now)
    pending_comments = models.BooleanField(default=False)
    pending_revision = models.BooleanField(default=False)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("followed Q&A")
        verbose_name_plural = _("followed Q&As")
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="follow_once")]
        indexes = [
            models.Index(fields=["user"], name="follow_daily_pending",
                         condition=models.Q(pending_comments=True) | models.Q(pending_revision=True)),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.user_id} follows #{self.question_id} ({self.frequency})"


class NotificationPreferences(models.Model):
    """Which emails a person wants. Every email also carries a one-click unsubscribe link."""

    class ExpertQueue(models.TextChoices):
        IMMEDIATE = "immediate", _("Each new question, as it arrives")
        DAILY = "daily", _("One daily digest")
        OFF = "off", _("No emails")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    question_answered = models.BooleanField(_("When my question is answered or not published"), default=True)
    comment_replies = models.BooleanField(_("When someone replies to my comment"), default=True)
    expert_queue = models.CharField(
        _("New questions in my specialties (experts)"),
        max_length=10,
        choices=ExpertQueue.choices,
        default=ExpertQueue.DAILY,
    )
    moderator_digest = models.BooleanField(_("Daily summary of waiting moderation work (moderators)"), default=True)
    moderator_on_duty = models.BooleanField(
        _("On duty: email me at once when a new question may need urgent help (moderators)"), default=True
    )

    class Meta:
        db_table = "accounts_notificationpreferences"  # created by the accounts app, moved here
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"Preferences of {self.user_id}"

    @classmethod
    def for_user(cls, user: "User") -> "NotificationPreferences":
        """The saved preferences, or the defaults (unsaved) for someone who never changed them."""
        try:
            return user.notification_preferences
        except cls.DoesNotExist:
            return cls(user=user)
