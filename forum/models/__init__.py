from .answer import Answer, AnswerRevision
from .audit import AuditLog
from .comment import Comment
from .ops import WorkerHeartbeat
from .question import Question, QuestionRevision
from .report import Report
from .taxonomy import Category, Tag

__all__ = [
    "Answer",
    "AnswerRevision",
    "AuditLog",
    "Category",
    "Comment",
    "Question",
    "QuestionRevision",
    "Report",
    "Tag",
    "WorkerHeartbeat",
]
