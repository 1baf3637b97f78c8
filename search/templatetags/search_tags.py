"""The ask form shows similar answered questions without the forum app knowing about search."""

from django import template

from search.selectors import similar_questions

register = template.Library()


@register.inclusion_tag("search/similar.html")
def similar_questions_to(text: str) -> dict[str, object]:
    return {"similar": similar_questions(text or "") if text else []}
