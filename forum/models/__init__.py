from .answer import Answer, AnswerRevision
from .question import Question, QuestionRevision
from .taxonomy import Category, MonthCount, Tag

__all__ = [
    "Answer",
    "AnswerRevision",
    "Category",
    "MonthCount",
    "Question",
    "QuestionRevision",
    "Tag",
]
