from .answer import Answer, AnswerRevision
from .audit import AuditLog
from .ops import WorkerHeartbeat
from .question import Question, QuestionRevision
from .taxonomy import Category, Tag

__all__ = [
    "Answer",
    "AnswerRevision",
    "AuditLog",
    "Category",
    "Question",
    "QuestionRevision",
    "Tag",
    "WorkerHeartbeat",
]
