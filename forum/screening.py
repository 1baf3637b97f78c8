"""Checks on a question's text before it is submitted. They warn; they never block.

find_personal_details() finds personal details with their place in the text (patterns in
forum.personal_details); personal_identifiers() says which kinds a text holds, for the ask form's notes;
redact() takes the details out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from forum import personal_details

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Plain-words labels, in the order the ask form lists them. They stay lazy: a label is translated into
# the language active when it is read (rendered in a template or sent as JSON), not when this loads.
LABELS: dict[str, StrOrPromise] = {
    "email": _("an email address"),
    "url": _("a web address"),
    "phone": _("a phone number"),
    "date": _("a full date (such as a date of birth)"),
    "address": _("a street address"),
    "record": _("a record or ID number (NHS, hospital, insurance)"),
    "postcode": _("a postcode"),
    "zip": _("a ZIP code"),
    "name": _("the name of a doctor, nurse or relative"),
    "ip": _("an internet (IP) address"),
    "handle": _("a social media name or page"),
}
KINDS = tuple(LABELS)


@dataclass(frozen=True)
class Finding:
    kind: str
    label: StrOrPromise


@dataclass(frozen=True)
class Match:
    """One personal detail: its kind, its label and its span, text[start:end]."""

    kind: str
    label: StrOrPromise
    start: int
    end: int


def find_personal_details(text: str) -> list[Match]:
    """Personal details in text, in text order, never overlapping (where two kinds of pattern overlap the
    more specific one wins: a date or record number over a phone number, an email address over a handle)."""
    return [Match(kind, LABELS[kind], start, end) for kind, start, end in personal_details.spans(text)]


def redact(text: str, matches: list[Match] | None = None, replacement: str = "[removed]") -> str:
    """The text with each match (every personal detail found when matches is None) replaced."""
    if matches is None:
        matches = find_personal_details(text)
    parts: list[str] = []
    position = 0
    for match in sorted(matches, key=lambda m: m.start):
        if match.start < position:  # overlapping matches given by the caller: the earlier one covers it
            continue
        parts.extend((text[position : match.start], replacement))
        position = match.end
    parts.append(text[position:])
    return "".join(parts)


def personal_identifiers(text: str) -> list[Finding]:
    """Kinds of personal identifier the text seems to contain, each once, in a fixed order."""
    kinds = {m.kind for m in find_personal_details(text)}
    return [Finding(kind, LABELS[kind]) for kind in KINDS if kind in kinds]


def detail_kinds(*texts: str) -> list[str]:
    """The kinds of personal detail in these texts, in a fixed order (what a question or comment keeps)."""
    return [finding.kind for finding in personal_identifiers("\n".join(texts))]
