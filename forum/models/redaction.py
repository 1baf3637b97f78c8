from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Redaction(models.Model):
    """A moderator took words out of a question, an answer or a comment: who, when, why, from which field and
    what kind of detail. Never the words themselves (forum.redaction purges every copy of those)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    fields = ArrayField(models.CharField(max_length=20), verbose_name=_("from"), default=list)
    # Kinds of personal detail among the removed words (forum.screening.LABELS), or "other".
    kinds = ArrayField(models.CharField(max_length=20), verbose_name=_("what was removed"), default=list)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("redaction")
        verbose_name_plural = _("redactions")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="redaction_target")]

    def __str__(self) -> str:
        return f"Redaction #{self.pk} of {self.content_type_id}:{self.object_id}"
