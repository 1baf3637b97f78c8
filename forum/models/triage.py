"""Triage: the phrases that flag a question as possibly needing help now, and the contacts shown for each kind
of need, per country. Both are edited by moderators in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Triage(models.TextChoices):
    """What a question may need, most pressing first. Stored on the question, never the words that matched."""

    EMERGENCY = "emergency", _("Medical emergency")
    SELF_HARM = "self_harm", _("Thoughts of suicide or self-harm")
    URGENT_MS = "urgent_ms", _("Urgent MS symptom")


class TriageTerm(models.Model):
    category = models.CharField(_("kind of need"), max_length=20, choices=Triage.choices)
    phrase = models.CharField(
        _("phrase"), max_length=100, help_text=_("Matched as whole words, in any letter case, anywhere in a question.")
    )

    class Meta:
        verbose_name = _("triage phrase")
        verbose_name_plural = _("triage phrases")
        ordering = ["category", "phrase"]
        constraints = [models.UniqueConstraint(fields=["category", "phrase"], name="triage_term_unique")]

    def __str__(self) -> str:
        return self.phrase


class CrisisContact(models.Model):
    category = models.CharField(_("kind of need"), max_length=20, choices=Triage.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        help_text=_("Two-letter code (GB, IE, US …). Leave empty for the contacts shown where no country has its own."),
    )
    label = models.CharField(_("who to contact"), max_length=120)
    contact = models.CharField(_("number or address"), max_length=60, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("crisis contact")
        verbose_name_plural = _("crisis contacts")
        ordering = ["category", "country", "position", "label"]

    def __str__(self) -> str:
        return f"{self.label}: {self.contact}"
