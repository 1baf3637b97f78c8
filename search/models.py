from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class SynonymGroup(models.Model):
    """Words that mean the same thing to a patient: a brand name and its generic, an abbreviation.

    A search for any term in the group also finds the others.
    """

    terms = models.TextField(
        _("terms"),
        help_text=_("Comma-separated, e.g. “Ocrevus, ocrelizumab”. Multi-word terms are searched as phrases."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    is_medicine = models.BooleanField(
        _("names a medicine"), default=False,
        help_text=_("A brand and generic name. Answers naming one are reviewed first when the review policy says so."),
    )  # fmt: skip

    class Meta:
        db_table = "forum_synonymgroup"  # created by the forum app, moved here
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    @property
    def term_list(self) -> list[str]:
        return [t.strip().lower() for t in self.terms.split(",") if t.strip()]


class SearchTerm(models.Model):
    """Vocabulary of published titles and tags, for “did you mean” suggestions (pg_trgm)."""

    word = models.CharField(max_length=60, unique=True)
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        db_table = "forum_searchterm"  # created by the forum app, moved here
        indexes = [GinIndex(OpClass(Lower("word"), name="gin_trgm_ops"), name="searchterm_word_trgm")]

    def __str__(self) -> str:
        return self.word
