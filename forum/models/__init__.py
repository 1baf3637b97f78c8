from .answer import Answer, AnswerFeedback, AnswerRevision
from .question import InformationRequest, Question, QuestionRevision
from .redaction import Redaction
from .taxonomy import Category, MonthCount, Tag
from .triage import CrisisContact, Triage, TriageTerm

__all__ = [
    "Answer",
    "AnswerFeedback",
    "AnswerRevision",
    "Category",
    "CrisisContact",
    "InformationRequest",
    "MonthCount",
    "Question",
    "QuestionRevision",
    "Redaction",
    "Tag",
    "Triage",
    "TriageTerm",
]
