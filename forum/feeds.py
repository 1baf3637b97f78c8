"""Atom feeds (and RSS twins) of new answers: everything, a category, a tag (an expert's: experts/feeds.py)."""

import re
from datetime import datetime
from html import unescape
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from forum.models import Category, Question, Tag

ITEMS = 30


# Characters XML 1.0 cannot carry (one of them in any stored text would turn every feed into an error), and the
# control characters it discourages (U+007F to U+009F), which no reader wants either.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    if isinstance(value, str):
        return XML_UNSAFE.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(part) for part in value)
    return value


class XMLSafeFeedMixin(SyndicationFeed):
    """Every text that enters the feed, from whichever field, is made safe for XML, whenever it was stored."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*xml_safe(args), **{key: xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*xml_safe(args), **{key: xml_safe(value) for key, value in kwargs.items()})


class AtomFeed(XMLSafeFeedMixin, Atom1Feed):
    pass


class RssFeed(XMLSafeFeedMixin, Rss201rev2Feed):
    pass


class LatestAnswersFeed(Feed):
    feed_type = AtomFeed
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
                "answer__body_html",
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
        # Feeds carry descriptions as HTML: the sanitised answer, reduced to plain words, escaped again.
        return escape(Truncator(unescape(strip_tags(item.answer.body_html))).words(60))

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


def rss(feed_class: type[LatestAnswersFeed]) -> type[LatestAnswersFeed]:
    """The RSS 2.0 twin of an Atom feed."""
    return type(f"Rss{feed_class.__name__}", (feed_class,), {"feed_type": RssFeed})
