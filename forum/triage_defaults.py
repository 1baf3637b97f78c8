"""The first triage phrases and crisis contacts (our own list; moderators edit both in the admin afterwards).
Used by the migration that creates them, and by tests on a database that was emptied."""

from typing import Any

TERMS = {
    "emergency": [
        "chest pain", "can't breathe", "cannot breathe", "difficulty breathing", "short of breath",
        "face drooping", "slurred speech", "seizure", "unconscious", "can't swallow", "cannot swallow",
        "choking", "high fever", "worst headache", "overdose", "took too many",
    ],
    "self_harm": [
        "suicide", "suicidal", "kill myself", "end my life", "end it all", "take my own life", "self-harm",
        "self harm", "hurt myself", "harm myself", "don't want to live", "do not want to live",
        "better off dead", "no reason to live", "want to die",
    ],
    "urgent_ms": [
        "sudden loss of vision", "sudden vision loss", "loss of vision", "vision loss", "lost the sight",
        "sudden blindness", "blind in one eye", "double vision", "new weakness", "weakness spreading",
        "spreading weakness", "numbness spreading", "spreading numbness", "sudden numbness", "can't walk",
        "cannot walk", "unable to walk", "loss of bladder control", "lost control of my bladder",
        "can't pass urine", "cannot pass urine", "can't empty my bladder", "loss of bowel control",
    ],
}  # fmt: skip

CONTACTS = [
    # (kind, country, who, number, note)
    ("emergency", "GB", "Emergency services", "999", ""),
    ("emergency", "IE", "Emergency services", "112 or 999", ""),
    ("emergency", "US", "Emergency services", "911", ""),
    ("emergency", "", "Emergency services (most of Europe and many other countries)", "112", ""),
    ("self_harm", "GB", "Samaritans, free, day or night", "116 123", "You can also email jo@samaritans.org."),
    ("self_harm", "IE", "Samaritans, free, day or night", "116 123", ""),
    ("self_harm", "US", "988 Suicide & Crisis Lifeline, call or text", "988", ""),
    ("self_harm", "", "A crisis line in your country, or your local emergency number", "112", ""),
    ("urgent_ms", "GB", "NHS 111 for urgent advice, day or night", "111", "Or your MS nurse or GP today."),
    ("urgent_ms", "US", "Your neurologist's on-call line, or an urgent care clinic today", "", ""),
    ("urgent_ms", "", "Your MS team, your GP or an urgent care service, today", "", ""),
]


def add_defaults(TriageTerm: Any, CrisisContact: Any) -> None:  # noqa: N803 - model classes
    """Add the phrases missing from the list, and the contacts if there are none."""
    TriageTerm.objects.bulk_create(
        [TriageTerm(category=kind, phrase=phrase) for kind, phrases in TERMS.items() for phrase in phrases],
        ignore_conflicts=True,
    )
    if not CrisisContact.objects.exists():
        CrisisContact.objects.bulk_create(
            [
                CrisisContact(category=kind, country=country, label=who, contact=number, note=note, position=i)
                for i, (kind, country, who, number, note) in enumerate(CONTACTS)
            ]
        )
