"""Atom feeds (and RSS twins) of new answers: everything, a category, a tag, an expert."""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from experts.models import ExpertProfile
from forum.models import Category, Question, Tag

ITEMS = 30


class LatestAnswersFeed(Feed):
    feed_type = Atom1Feed
    description_template = None

    def title(self, obj: Any = None) -> str:
        return _("%(site)s: latest answers") % {"site": settings.SITE_NAME}

    def link(self, obj: Any = None) -> str:
        return reverse("forum:home")

    def subtitle(self, obj: Any = None) -> str:
        return _("Questions about multiple sclerosis, answered by verified clinicians.")

    description = subtitle

    def base_items(self) -> QuerySet[Question]:
        return (
            Question.objects.public()
            .select_related("answer__expert", "category")
            .only(
                "id",
                "title",
                "slug",
                "answered_at",
                "updated_at",
                "category__name",
                "answer__body",
                "answer__last_reviewed_at",
                "answer__expert__public_name",
                "answer__expert__postnominals",
                "answer__expert__slug",
            )  # fmt: skip
            .order_by("-answered_at")
        )

    def items(self, obj: Any = None) -> QuerySet[Question]:
        return self.base_items()[:ITEMS]

    def item_title(self, item: Question) -> str:
        return item.title

    def item_description(self, item: Question) -> str:
        return Truncator(item.answer.body).words(60)

    def item_link(self, item: Question) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Question) -> str:
        return f"{settings.SITE_URL}{item.get_absolute_url()}"

    item_guid_is_permalink = True

    def item_pubdate(self, item: Question) -> datetime | None:
        return item.answered_at

    def item_updateddate(self, item: Question) -> datetime | None:
        return item.answer.last_reviewed_at or item.answered_at

    def item_author_name(self, item: Question) -> str:
        # The expert who answered: never the patient who asked.
        return item.answer.expert.display_name

    def item_author_link(self, item: Question) -> str:
        return f"{settings.SITE_URL}{item.answer.expert.get_absolute_url()}"

    def item_categories(self, item: Question) -> list[str]:
        return [item.category.name]


class CategoryFeed(LatestAnswersFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Category:
        return get_object_or_404(Category, slug=slug)

    def title(self, obj: Any = None) -> str:
        return _("%(site)s: answers about %(topic)s") % {"site": settings.SITE_NAME, "topic": obj.name}

    def link(self, obj: Any = None) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Any = None) -> QuerySet[Question]:
        return self.base_items().filter(category=obj)[:ITEMS]


class TagFeed(LatestAnswersFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Tag:
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj: Any = None) -> str:
        return _("%(site)s: answers tagged %(tag)s") % {"site": settings.SITE_NAME, "tag": obj.name}

    def link(self, obj: Any = None) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Any = None) -> QuerySet[Question]:
        return self.base_items().filter(tags=obj)[:ITEMS]


class ExpertFeed(LatestAnswersFeed):
    def get_object(self, request: HttpRequest, slug: str) -> ExpertProfile:
        return get_object_or_404(ExpertProfile.objects.verified(), slug=slug)

    def title(self, obj: Any = None) -> str:
        return _("%(site)s: answers by %(name)s") % {"site": settings.SITE_NAME, "name": obj.display_name}

    def link(self, obj: Any = None) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Any = None) -> QuerySet[Question]:
        return self.base_items().filter(answer__expert=obj)[:ITEMS]


def rss(feed_class: type[LatestAnswersFeed]) -> type[LatestAnswersFeed]:
    """The RSS 2.0 twin of an Atom feed."""
    return type(f"Rss{feed_class.__name__}", (feed_class,), {"feed_type": Rss201rev2Feed})
