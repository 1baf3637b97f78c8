"""Checks on a question's text before it is submitted. They warn; they never block."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"

IDENTIFIER_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    ("email", str(_("an email address")), re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")),
    ("url", str(_("a web address")), re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    (
        "phone",
        str(_("a phone number")),
        re.compile(r"(?<!\w)(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{2,5}\)?[\s.-]?){2,4}\d{3,4}(?!\w)"),
    ),
    (
        "date",
        str(_("a full date (such as a date of birth)")),
        re.compile(
            r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+"
            + _MONTHS
            + r",?\s+\d{4}|"
            + _MONTHS
            + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "address",
        str(_("a street address")),
        re.compile(
            r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|"
            r"court|ct|place|pl|boulevard|blvd|crescent|terrace)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "record",
        str(_("a record or ID number (NHS, hospital, insurance)")),
        re.compile(
            r"\b(?:nhs|mrn|hospital|patient|record|insurance|policy|member|id)\s*(?:no\.?|number|#|id)?\s*[:#]?\s*"
            r"[A-Z0-9][A-Z0-9 -]{5,}\d\b|\b\d{3}\s?\d{3}\s?\d{4}\b",
            re.IGNORECASE,
        ),
    ),
]


@dataclass(frozen=True)
class Finding:
    kind: str
    label: str


def personal_identifiers(text: str) -> list[Finding]:
    """Kinds of personal identifier the text seems to contain, each once, in a fixed order."""
    found: list[Finding] = []
    for kind, label, pattern in IDENTIFIER_PATTERNS:
        if pattern.search(text):
            found.append(Finding(kind, label))
    # A full date or record number also looks like a phone number; report the more specific kind.
    kinds = {f.kind for f in found}
    if "phone" in kinds and kinds & {"date", "record"}:
        phone_only = IDENTIFIER_PATTERNS[2][2]
        remaining = text
        for kind, _label, pattern in IDENTIFIER_PATTERNS:
            if kind in {"date", "record"}:
                remaining = pattern.sub(" ", remaining)
        if not phone_only.search(remaining):
            found = [f for f in found if f.kind != "phone"]
    return found


def urgent_terms(text: str) -> list[str]:
    """Configured urgent-symptom phrases that the text mentions."""
    lowered = " ".join(text.lower().split())
    return [term for term in settings.FORUM_URGENT_TERMS if re.search(r"\b" + re.escape(term.lower()) + r"\b", lowered)]
