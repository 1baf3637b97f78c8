"""What the search app does when questions become public or stop being public."""

from typing import Any

from search.vocabulary import forget_vocabulary, record_vocabulary


def count_words(sender: object, question_ids: list[int], **kwargs: Any) -> None:
    record_vocabulary(question_ids)


def forget_words(sender: object, question_ids: list[int], **kwargs: Any) -> None:
    forget_vocabulary(question_ids)  # a word no public Q&A uses any more is no longer suggested
