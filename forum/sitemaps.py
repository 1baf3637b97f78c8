from datetime import datetime
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.db.models.functions import Greatest
from django.urls import reverse

from forum import selectors
from forum.models import Category, Question, Tag


class QuestionSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self) -> QuerySet[Question]:
        """Public Q&As with the date their answer last changed: published, revised or reviewed (not the date a
        comment or a count touched the row)."""
        changed = Greatest("answer__published_at", "answer__last_reviewed_at", "answer__change_note_at")
        return (
            Question.objects.public()
            .only("id", "slug", "answered_at")
            .annotate(answer_changed=changed)
            .order_by("-answered_at")
        )

    def lastmod(self, item: Question) -> datetime:
        changed: datetime | None = getattr(item, "answer_changed", None) or item.answered_at
        return changed or item.updated_at


class CategorySitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Category]:
        return Category.objects.order_by("position")


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self) -> QuerySet[Tag]:
        return Tag.objects.filter(questions__status=Question.Status.ANSWERED).distinct().order_by("name")


class ArchiveSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self) -> list[Any]:
        return selectors.archive_months()

    def location(self, item: Any) -> str:
        return reverse("forum:archive_month", kwargs={"year": item.month.year, "month": f"{item.month.month:02d}"})


class StaticSitemap(Sitemap):
    priority = 0.5

    def items(self) -> list[str]:
        return ["forum:home", "forum:about", "forum:disclaimer", "forum:editorial", "forum:privacy", "forum:terms",
                "forum:accessibility"]  # fmt: skip

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "questions": QuestionSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "archive": ArchiveSitemap,
    "pages": StaticSitemap,
}
