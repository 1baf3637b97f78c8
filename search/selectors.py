"""Reads of the search app for other pages."""

from forum.models import Question
from search import engine as search


def similar_questions(text: str, limit: int = 5) -> list[Question]:
    """Answered questions like the text (the ask form's suggestions), through the site search."""
    ids = search.similar_ids(text, limit)
    by_id = {q.pk: q for q in Question.objects.filter(pk__in=ids).only("id", "title", "slug")}
    return [by_id[i] for i in ids if i in by_id]
