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

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return links.link("forum:category", self.slug)  # a list page links the same topics often


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
