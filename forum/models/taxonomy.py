from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import links


class Category(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower numbers come first."))
    # Kept by the services that publish and unpublish (forum/figures.py), recounted nightly.
    public_count = models.PositiveIntegerField(_("public Q&As"), default=0, editable=False)
    review_interval_days = models.PositiveSmallIntegerField(
        _("review answers every (days)"), null=True, blank=True,
        help_text=_("How long an answer on this topic stays current before an expert re-reviews it. Empty: the "
                    "site's default (FORUM_REVIEW_INTERVAL_DAYS)."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return links.link("forum:category", self.slug)  # a list page links the same topics often

    @property
    def review_interval(self) -> timedelta:
        return timedelta(days=self.review_interval_days or settings.FORUM_REVIEW_INTERVAL_DAYS)


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=50, unique=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return links.link("forum:tag", self.slug)


class MonthCount(models.Model):
    """How many public Q&As were answered in a month (forum/figures.py keeps it), for the archive."""

    month = models.DateField(_("month"), primary_key=True)
    count = models.PositiveIntegerField(_("public Q&As"), default=0)

    class Meta:
        verbose_name = _("month of the archive")
        verbose_name_plural = _("months of the archive")
        ordering = ["-month"]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.count}"
