from .answer import Answer, AnswerRevision
from .audit import AuditLog
from .comment import Comment
from .ops import WorkerHeartbeat
from .outbox import AlertSubscription, OutboxEmail
from .question import Question, QuestionRevision
from .report import Report
from .search import SearchTerm, SynonymGroup
from .taxonomy import Category, Tag

__all__ = [
    "AlertSubscription",
    "OutboxEmail",
    "Answer",
    "AnswerRevision",
    "AuditLog",
    "Category",
    "Comment",
    "Question",
    "QuestionRevision",
    "Report",
    "SearchTerm",
    "SynonymGroup",
    "Tag",
    "WorkerHeartbeat",
]
