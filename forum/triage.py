"""Which kinds of urgent need a question's words suggest, and whom the asker should contact for each.

The phrases and the contacts are rows moderators edit (forum.models.triage). A question keeps only the kinds
it was flagged with, never the words that matched.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from forum.models import CrisisContact, Triage, TriageTerm

ORDER = [choice.value for choice in Triage]  # most pressing first


def classify(text: str) -> list[str]:
    """The kinds of need the text mentions, most pressing first (one small query)."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    found = {
        category
        for category, phrase in TriageTerm.objects.values_list("category", "phrase")
        if re.search(r"(?<!\w)" + re.escape(" ".join(phrase.lower().split())) + r"(?!\w)", lowered)
    }
    return [category for category in ORDER if category in found]


def country_of(request: HttpRequest | None) -> str:
    """The reader's country as their browser's first language states it (en-GB: GB), else the configured one."""
    header = request.headers.get("Accept-Language", "") if request is not None else ""
    first = header.split(",", 1)[0].split(";", 1)[0].strip()
    parts = first.replace("_", "-").split("-")
    if len(parts) >= 2 and len(parts[1]) == 2 and parts[1].isalpha():
        return parts[1].upper()
    return str(settings.FORUM_DEFAULT_COUNTRY).upper()


@dataclass(frozen=True)
class Advice:
    """One kind of need, with the contacts for the asker's country."""

    category: str
    label: str
    contacts: list[CrisisContact]


def advice(categories: list[str], country: str) -> list[Advice]:
    """For each kind of need: the contacts for this country, else the configured default country's, else the
    contacts kept for everyone (no country)."""
    if not categories:
        return []
    rows = list(CrisisContact.objects.filter(category__in=categories))
    result = []
    for category in ORDER:
        if category not in categories:
            continue
        own = [row for row in rows if row.category == category]
        for wanted in (country, str(settings.FORUM_DEFAULT_COUNTRY).upper(), ""):
            contacts = [row for row in own if row.country == wanted]
            if contacts:
                break
        result.append(Advice(category, str(Triage(category).label), contacts))
    return result


def all_advice(country: str) -> list[Advice]:
    """Every kind, for a page that shows the right one as the asker types."""
    return advice(ORDER, country)
