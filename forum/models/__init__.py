from .answer import Answer, AnswerRevision
from .comment import Comment
from .question import Question, QuestionRevision
from .taxonomy import Category, Tag

__all__ = [
    "Answer",
    "AnswerRevision",
    "Category",
    "Comment",
    "Question",
    "QuestionRevision",
    "Tag",
]
