from .answer import Answer, AnswerRevision
from .question import Question, QuestionRevision
from .taxonomy import Category, Tag

__all__ = [
    "Answer",
    "AnswerRevision",
    "Category",
    "Question",
    "QuestionRevision",
    "Tag",
]
