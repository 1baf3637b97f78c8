from .answer import Answer, AnswerRevision
from .comment import Comment
from .question import Question, QuestionRevision
from .report import Report
from .taxonomy import Category, Tag

__all__ = [
    "Answer",
    "AnswerRevision",
    "Category",
    "Comment",
    "Question",
    "QuestionRevision",
    "Report",
    "Tag",
]
