"""An expert's answers as a feed (Atom, with an RSS twin), like the forum's other feeds."""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from experts.models import ExpertProfile
from forum.feeds import ITEMS, LatestAnswersFeed
from forum.models import Question


class ExpertFeed(LatestAnswersFeed):
    def get_object(self, request: HttpRequest, slug: str) -> ExpertProfile:
        return get_object_or_404(ExpertProfile.objects.verified(), slug=slug)

    def title(self, obj: Any = None) -> str:
        return _("%(site)s: answers by %(name)s") % {"site": settings.SITE_NAME, "name": obj.display_name}

    def link(self, obj: Any = None) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Any = None) -> QuerySet[Question]:
        return self.base_items().filter(answer__expert=obj)[:ITEMS]
