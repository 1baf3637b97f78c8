from django.db.models import QuerySet

from forum.models import Category


def categories_for_navigation() -> QuerySet[Category]:
    return Category.objects.only("name", "slug", "description").order_by("position", "name")
