from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExpertProfileQuerySet(models.QuerySet["ExpertProfile"]):
    def verified(self) -> "ExpertProfileQuerySet":
        return self.filter(status=ExpertProfile.Status.VERIFIED)

    def answering(self) -> "ExpertProfileQuerySet":
        """Verified and licensed today: the queryset twin of ExpertProfile.is_verified."""
        today = timezone.localdate()
        return self.verified().filter(
            models.Q(licence_expires_on__isnull=True) | models.Q(licence_expires_on__gte=today)
        )


class ExpertProfile(models.Model):
    """A clinician's public credentials and private licence data."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")
        EXPIRED = "expired", _("Licence expired")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile")
    public_name = models.CharField(_("public name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=110, unique=True)
    postnominals = models.CharField(_("postnominals"), max_length=60, blank=True, help_text=_("For example MD, PhD"))
    position = models.CharField(_("position"), max_length=120)
    institution = models.CharField(_("institution"), max_length=160)
    specialties = models.ManyToManyField("forum.Category", related_name="experts", blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="experts/", blank=True)
    disclosure = models.TextField(_("conflict-of-interest disclosure"), blank=True)
    # Private: never shown on public pages.
    licence_number = models.CharField(_("licence number"), max_length=60, blank=True)
    licence_body = models.CharField(_("licensing body or jurisdiction"), max_length=120, blank=True)
    licence_expires_on = models.DateField(_("licence expiry"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.APPLIED)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    review_notes = models.TextField(_("moderator notes"), blank=True, help_text=_("Private to moderators."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ExpertProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")
        ordering = ["public_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["applied", "verified", "rejected", "suspended", "expired"]),
                name="experts_profile_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("experts:profile", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return f"{self.public_name}, {self.postnominals}" if self.postnominals else self.public_name

    @property
    def initials(self) -> str:
        titles = {"dr", "dr.", "prof", "prof.", "professor", "mr", "mrs", "ms", "mx"}
        words = [w for w in self.public_name.split() if w.lower() not in titles]
        return "".join(w[0] for w in words[:1] + words[-1:] if w).upper() if words else "?"

    @property
    def licence_expired(self) -> bool:
        return self.licence_expires_on is not None and self.licence_expires_on < timezone.localdate()

    @property
    def is_verified(self) -> bool:
        """Verified and licensed today: an expired licence stops answering at once, before the nightly job."""
        return self.status == self.Status.VERIFIED and not self.licence_expired


class QuestionClaim(models.Model):
    """An expert's exclusive, time-limited hold on a question while writing the answer.

    One row per question at most (the database enforces it), so two experts
    claiming at the same moment cannot both win.
    """

    question = models.OneToOneField("forum.Question", on_delete=models.CASCADE, related_name="claim")
    expert = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="claims")
    claimed_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("question claim")
        verbose_name_plural = _("question claims")
        indexes = [models.Index(fields=["expires_at"], name="claim_expires")]

    def __str__(self) -> str:
        return f"#{self.question_id} held by {self.expert_id} until {self.expires_at:%H:%M}"

    @property
    def is_active(self) -> bool:
        return self.expires_at > timezone.now()


class ReviewPolicy(models.Model):
    """Which answers a second clinician reads before patients do. One row, set by moderators in the console."""

    every_answer = models.BooleanField(_("every answer"), default=False)
    categories = models.ManyToManyField(
        "forum.Category", blank=True, related_name="+", verbose_name=_("answers in these topics")
    )
    medicines = models.BooleanField(
        _("answers that name a medicine"), default=False,
        help_text=_("A brand or generic name from the search synonyms, in the answer or its question."),
    )  # fmt: skip
    first_answers = models.PositiveSmallIntegerField(
        _("each expert's first answers"), default=0, help_text=_("How many; 0 for none.")
    )

    class Meta:
        verbose_name = _("review policy")
        verbose_name_plural = _("review policy")

    def __str__(self) -> str:
        return str(_("Second-clinician review"))

    @classmethod
    def current(cls) -> "ReviewPolicy":
        policy, _created = cls.objects.get_or_create(pk=1)
        return policy


class ReviewClaim(models.Model):
    """A second clinician's exclusive, time-limited hold on an answer while reviewing it. One row per answer at
    most, and never held by the answer's author (both enforced by the database)."""

    answer = models.OneToOneField("forum.Answer", on_delete=models.CASCADE, related_name="review_claim")
    reviewer = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="review_claims")
    author = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="+")
    claimed_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("review claim")
        verbose_name_plural = _("review claims")
        constraints = [
            models.CheckConstraint(condition=~models.Q(reviewer=models.F("author")), name="review_claim_not_by_author"),
        ]

    def __str__(self) -> str:
        return f"answer {self.answer_id} reviewed by {self.reviewer_id} until {self.expires_at:%H:%M}"

    @property
    def is_active(self) -> bool:
        return self.expires_at > timezone.now()


class PeerResponse(models.Model):
    """Another verified expert's view of a published answer: they agree, or they raise a concern (with a note
    for the author and the moderators). One per expert and answer, never by its author (the database says so)."""

    class Kind(models.TextChoices):
        AGREE = "agree", _("Agrees")
        CONCERN = "concern", _("Raised a concern")

    answer = models.ForeignKey("forum.Answer", on_delete=models.CASCADE, related_name="peer_responses")
    expert = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="peer_responses")
    author = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("response"), max_length=10, choices=Kind.choices)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("peer response")
        verbose_name_plural = _("peer responses")
        constraints = [
            models.UniqueConstraint(fields=["answer", "expert"], name="peer_response_once_per_expert"),
            models.CheckConstraint(condition=~models.Q(expert=models.F("author")), name="peer_response_not_by_author"),
            models.CheckConstraint(condition=models.Q(kind__in=["agree", "concern"]), name="peer_response_kind_valid"),
            models.CheckConstraint(condition=~models.Q(kind="concern", note=""), name="peer_concern_has_a_note"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.expert_id} on answer {self.answer_id}"
