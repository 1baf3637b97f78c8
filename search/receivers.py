"""What the search app does when questions become public or stop being public, and when the review policy asks
whether an answer names a medicine."""

import re
from typing import Any

from search.models import SynonymGroup
from search.vocabulary import forget_vocabulary, record_vocabulary


def count_words(sender: object, question_ids: list[int], **kwargs: Any) -> None:
    record_vocabulary(question_ids)


def forget_words(sender: object, question_ids: list[int], **kwargs: Any) -> None:
    forget_vocabulary(question_ids)  # a word no public Q&A uses any more is no longer suggested


def names_a_medicine(sender: object, texts: list[str], **kwargs: Any) -> bool:
    """Whether any of the texts names a medicine of the synonym table (its brand or generic name)."""
    terms = {term for group in SynonymGroup.objects.filter(is_medicine=True) for term in group.term_list}
    if not terms:
        return False
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return any(pattern.search(text.lower()) for text in texts)
